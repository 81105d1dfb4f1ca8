CREATE TABLE `chain_daily` (
	`store_id` text NOT NULL,
	`day` text NOT NULL,
	`sales_count` integer NOT NULL,
	`sales_fen` integer NOT NULL,
	`refunds_fen` integer NOT NULL,
	`redemption_count` integer NOT NULL,
	`discount_fen` integer NOT NULL,
	PRIMARY KEY(`store_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `chain_daily_day_idx` ON `chain_daily` (`day`);--> statement-breakpoint
CREATE TABLE `chain_daily_sync` (
	`id` integer PRIMARY KEY NOT NULL,
	`fetched_at` integer NOT NULL
);
