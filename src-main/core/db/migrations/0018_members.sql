CREATE TABLE `member_consent_log` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`purpose` text NOT NULL,
	`granted` integer NOT NULL,
	`source` text NOT NULL,
	`text_shown` text NOT NULL,
	`staff_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_consent_log_member_idx` ON `member_consent_log` (`member_id`,`at`);--> statement-breakpoint
CREATE TABLE `member_consents` (
	`member_id` text NOT NULL,
	`purpose` text NOT NULL,
	`granted` integer NOT NULL,
	`source` text NOT NULL,
	`text_shown` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`member_id`, `purpose`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `member_coupon_grants` (
	`member_id` text NOT NULL,
	`reason` text NOT NULL,
	`template_id` text NOT NULL,
	`code` text,
	`at` integer NOT NULL,
	PRIMARY KEY(`member_id`, `reason`)
);
--> statement-breakpoint
CREATE TABLE `member_level_history` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`from_level_id` text,
	`to_level_id` text,
	`reason` text NOT NULL,
	`qualifying_fen` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_level_history_member_idx` ON `member_level_history` (`member_id`,`at`);--> statement-breakpoint
CREATE TABLE `member_levels` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`threshold_fen` integer NOT NULL,
	`multiplier_pct` integer DEFAULT 100 NOT NULL,
	`position` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `member_spend_days` (
	`member_id` text NOT NULL,
	`day` text NOT NULL,
	`fen` integer NOT NULL,
	PRIMARY KEY(`member_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`phone_last4` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`name_initials` text DEFAULT '' NOT NULL,
	`gender` text DEFAULT 'unknown' NOT NULL,
	`birthday` text,
	`birth_year` integer,
	`store_id` text,
	`level_id` text,
	`level_review_at` integer,
	`tags` text DEFAULT '[]' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_phone_unique` ON `members` (`phone`);--> statement-breakpoint
CREATE INDEX `members_last4_idx` ON `members` (`phone_last4`);--> statement-breakpoint
CREATE INDEX `members_initials_idx` ON `members` (`name_initials`);--> statement-breakpoint
CREATE INDEX `members_level_idx` ON `members` (`level_id`);--> statement-breakpoint
CREATE INDEX `members_birthday_idx` ON `members` (`birthday`);--> statement-breakpoint
CREATE INDEX `members_review_idx` ON `members` (`level_review_at`);--> statement-breakpoint
CREATE TABLE `point_lots` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`store_id` text,
	`sale_id` text,
	`sale_line_id` text,
	`points` integer NOT NULL,
	`remaining` integer NOT NULL,
	`earned_at` integer NOT NULL,
	`available_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `point_lots_member_idx` ON `point_lots` (`member_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `point_lots_sale_line_idx` ON `point_lots` (`sale_line_id`);--> statement-breakpoint
CREATE INDEX `point_lots_expiry_idx` ON `point_lots` (`expires_at`,`remaining`);--> statement-breakpoint
CREATE TABLE `point_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`lot_id` text NOT NULL,
	`kind` text NOT NULL,
	`points` integer NOT NULL,
	`sale_id` text,
	`sale_line_id` text,
	`reason` text NOT NULL,
	`store_id` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `point_movements_member_idx` ON `point_movements` (`member_id`,`at`);--> statement-breakpoint
CREATE INDEX `point_movements_sale_idx` ON `point_movements` (`sale_id`,`kind`);