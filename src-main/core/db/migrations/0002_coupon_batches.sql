CREATE TABLE `coupon_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`requested` integer NOT NULL,
	`issued` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`store_id` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`template_id`) REFERENCES `coupon_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coupon_batches_template_idx` ON `coupon_batches` (`template_id`,`created_at`);