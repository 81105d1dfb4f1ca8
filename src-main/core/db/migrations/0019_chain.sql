CREATE TABLE `chain_stock` (
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`sku` text,
	`qty` integer NOT NULL,
	PRIMARY KEY(`product_id`, `store_id`)
);
--> statement-breakpoint
CREATE INDEX `chain_stock_sku_idx` ON `chain_stock` (`sku`);--> statement-breakpoint
CREATE TABLE `chain_stores` (
	`store_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`district_code` text NOT NULL,
	`lat` real,
	`lng` real,
	`business_district` text,
	`last_event_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `chain_sync` (
	`id` integer PRIMARY KEY NOT NULL,
	`cursor` text NOT NULL,
	`fetched_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `sales_import_outbox` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `stores` ADD `business_district` text;