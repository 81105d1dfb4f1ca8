CREATE TABLE `claim_issuances` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`title` text NOT NULL,
	`count` integer NOT NULL,
	`per_person` integer NOT NULL,
	`starts_at` integer,
	`ends_at` integer,
	`store_id` text,
	`status` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`template_id`) REFERENCES `coupon_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `claim_issuances_created_idx` ON `claim_issuances` (`created_at`);--> statement-breakpoint
CREATE TABLE `store_default_coupons` (
	`store_id` text PRIMARY KEY NOT NULL,
	`template_id` text,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `coupon_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `coupon_templates` ADD `claimed_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `coupons_batch_idx` ON `coupons` (`batch_id`);