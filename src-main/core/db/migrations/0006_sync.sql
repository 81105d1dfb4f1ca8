CREATE TABLE `merchant_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kid` text NOT NULL,
	`secret` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer
);
--> statement-breakpoint
CREATE INDEX `merchant_keys_kid_idx` ON `merchant_keys` (`kid`);--> statement-breakpoint
CREATE TABLE `offline_admissions` (
	`coupon_id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`day` text NOT NULL,
	`discount_fen` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `offline_admissions_day_idx` ON `offline_admissions` (`day`);--> statement-breakpoint
CREATE TABLE `sync_applied` (
	`event_id` text PRIMARY KEY NOT NULL,
	`applied_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_issues` (
	`event_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`event_kind` text NOT NULL,
	`entity_id` text NOT NULL,
	`error_code` text,
	`error_message` text,
	`conflict` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	`resolution` text
);
--> statement-breakpoint
CREATE INDEX `sync_issues_open_idx` ON `sync_issues` (`kind`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `sync_link` (
	`id` integer PRIMARY KEY NOT NULL,
	`cloud_url` text NOT NULL,
	`device_id` text NOT NULL,
	`device_name` text NOT NULL,
	`token` text NOT NULL,
	`next_token` text,
	`merchant_id` text NOT NULL,
	`merchant_name` text NOT NULL,
	`merchant_code` text NOT NULL,
	`cursor` text NOT NULL,
	`state` text NOT NULL,
	`paired_at` integer NOT NULL,
	`last_sync_at` integer,
	`last_error` text,
	`last_error_at` integer
);
