CREATE TABLE `member_aliases` (
	`alias_id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `point_lots` ADD `origin` text DEFAULT 'local' NOT NULL;