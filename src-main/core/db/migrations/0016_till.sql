CREATE TABLE `sale_refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`document_id` text NOT NULL,
	`store_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`staff_id` text,
	`terminal_id` text,
	`at` integer NOT NULL,
	`business_date` text NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sale_refunds_sale_idx` ON `sale_refunds` (`sale_id`);--> statement-breakpoint
CREATE INDEX `sale_refunds_store_day_idx` ON `sale_refunds` (`store_id`,`business_date`);--> statement-breakpoint
CREATE TABLE `sale_tenders` (
	`sale_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text,
	`amount_fen` integer NOT NULL,
	`given_fen` integer,
	`change_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`sale_id`, `position`),
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `day_closes` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`business_date` text NOT NULL,
	`closed_at` integer NOT NULL,
	`closed_by` text,
	`totals` text NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `day_closes_store_day_unique` ON `day_closes` (`store_id`,`business_date`);--> statement-breakpoint
CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`drawer_key` text NOT NULL,
	`status` text NOT NULL,
	`staff_id` text,
	`float_fen` integer NOT NULL,
	`opened_at` integer NOT NULL,
	`handed_over_at` integer,
	`expected_fen` integer,
	`counted_fen` integer,
	`difference_fen` integer,
	`denominations` text,
	`note` text,
	`approved_by` text,
	`business_date` text,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shifts_drawer_idx` ON `shifts` (`store_id`,`drawer_key`,`status`);--> statement-breakpoint
CREATE INDEX `shifts_store_day_idx` ON `shifts` (`store_id`,`business_date`);--> statement-breakpoint
ALTER TABLE `sales` ADD `rounding_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sales` ADD `change_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sales` ADD `business_date` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `sales_store_business_date_idx` ON `sales` (`store_id`,`business_date`);--> statement-breakpoint
-- Sales recorded before the till count on their local day: +8 h is exact for Asia/Shanghai (no
-- daylight saving), the zone of every store so far.
UPDATE `sales` SET `business_date` = date(`sold_at` / 1000 + 28800, 'unixepoch');
