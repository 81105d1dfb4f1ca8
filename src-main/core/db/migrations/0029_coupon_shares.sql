CREATE TABLE `coupon_shares` (
	`id` text PRIMARY KEY NOT NULL,
	`share_id` text NOT NULL,
	`template_id` text NOT NULL,
	`mode` text NOT NULL,
	`hop` integer NOT NULL,
	`from_code` text NOT NULL,
	`to_code` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `coupon_shares_template_idx` ON `coupon_shares` (`template_id`,`at`);--> statement-breakpoint
CREATE INDEX `coupon_shares_from_idx` ON `coupon_shares` (`from_code`);