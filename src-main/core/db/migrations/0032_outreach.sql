CREATE TABLE `outreach_audiences` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`rules` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outreach_campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`rules` text NOT NULL,
	`template_id` text,
	`text` text NOT NULL,
	`signature` text NOT NULL,
	`holdout_pct` integer NOT NULL,
	`seed` text NOT NULL,
	`send_at` integer,
	`result_days` integer NOT NULL,
	`time_zone` text NOT NULL,
	`audience_count` integer NOT NULL,
	`treatment_count` integer NOT NULL,
	`holdout_count` integer NOT NULL,
	`excluded` text NOT NULL,
	`run_day` text,
	`created_at` integer NOT NULL,
	`created_by` text,
	`sent_at` integer,
	`last_status` text
);
--> statement-breakpoint
CREATE INDEX `outreach_campaigns_created_idx` ON `outreach_campaigns` (`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `outreach_campaigns_run_unique` ON `outreach_campaigns` (`kind`,`run_day`);--> statement-breakpoint
CREATE TABLE `outreach_recipients` (
	`campaign_id` text NOT NULL,
	`phone` text NOT NULL,
	`member_id` text,
	`stratum` text NOT NULL,
	`arm` text NOT NULL,
	`reason` text,
	PRIMARY KEY(`campaign_id`, `phone`)
);
--> statement-breakpoint
CREATE INDEX `outreach_recipients_phone_idx` ON `outreach_recipients` (`phone`,`arm`);--> statement-breakpoint
CREATE TABLE `sms_suppressions` (
	`phone_hash` text NOT NULL,
	`signature` text NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`phone_hash`, `signature`)
);
--> statement-breakpoint
CREATE INDEX `rollup_customer_day_product_idx` ON `rollup_customer_day` (`product_id`,`day`,`phone`,`qty`) WHERE product_id != '';--> statement-breakpoint
CREATE INDEX `sales_phone_sold_idx` ON `sales` (`customer_phone`,`sold_at`);