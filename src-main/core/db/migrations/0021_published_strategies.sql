CREATE TABLE `published_strategies` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`kind` text NOT NULL,
	`alert_id` text NOT NULL,
	`status` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text,
	`withdrawn_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `published_strategies_item_unique` ON `published_strategies` (`store_id`,`product_id`,`kind`);--> statement-breakpoint
CREATE INDEX `published_strategies_status_idx` ON `published_strategies` (`status`,`store_id`);