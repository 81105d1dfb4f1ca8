CREATE TABLE `member_merge_lots` (
	`merge_id` text NOT NULL,
	`lot_id` text NOT NULL,
	PRIMARY KEY(`merge_id`, `lot_id`)
);
--> statement-breakpoint
CREATE TABLE `member_merge_spend` (
	`merge_id` text NOT NULL,
	`day` text NOT NULL,
	`fen` integer NOT NULL,
	PRIMARY KEY(`merge_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `member_merges` (
	`id` text PRIMARY KEY NOT NULL,
	`kept_id` text NOT NULL,
	`merged_id` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`staff_id` text,
	`at` integer NOT NULL,
	`undone_at` integer,
	`undone_by` text
);
--> statement-breakpoint
CREATE INDEX `member_merges_kept_idx` ON `member_merges` (`kept_id`);--> statement-breakpoint
CREATE INDEX `member_merges_merged_idx` ON `member_merges` (`merged_id`);--> statement-breakpoint
ALTER TABLE `members` ADD `merged_into_id` text;--> statement-breakpoint
CREATE INDEX `members_merged_into_idx` ON `members` (`merged_into_id`);