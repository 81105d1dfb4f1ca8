CREATE TABLE `product_barcodes` (
	`barcode` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `product_barcodes_product_idx` ON `product_barcodes` (`product_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '件' NOT NULL,
	`price_fen` integer NOT NULL,
	`cost_fen` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_unique` ON `products` (`sku`);--> statement-breakpoint
CREATE INDEX `products_name_idx` ON `products` (`name`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`entity_id` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_unsent_idx` ON `outbox` (`sent_at`,`id`);--> statement-breakpoint
CREATE TABLE `cashback_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`template_id` text NOT NULL,
	`product_id` text NOT NULL,
	`terminal_id` text NOT NULL,
	`store_id` text NOT NULL,
	`province_code` text NOT NULL,
	`city_code` text NOT NULL,
	`district_code` text NOT NULL,
	`reward_fen` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`valid_until` integer NOT NULL,
	`status` text NOT NULL,
	`phone` text,
	`redeemed_at` integer,
	`redeemed_via` text,
	`redeemed_by` text,
	FOREIGN KEY (`template_id`) REFERENCES `coupon_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cashback_code_unique` ON `cashback_codes` (`code`);--> statement-breakpoint
CREATE INDEX `cashback_phone_idx` ON `cashback_codes` (`phone`);--> statement-breakpoint
CREATE INDEX `cashback_product_idx` ON `cashback_codes` (`product_id`,`issued_at`);--> statement-breakpoint
CREATE INDEX `cashback_region_idx` ON `cashback_codes` (`province_code`,`city_code`,`issued_at`);--> statement-breakpoint
CREATE TABLE `coupon_template_versions` (
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`rule` text NOT NULL,
	`scope` text NOT NULL,
	`stackable` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`template_id`, `version`),
	FOREIGN KEY (`template_id`) REFERENCES `coupon_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `coupon_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`validity_kind` text NOT NULL,
	`valid_start_date` text,
	`valid_end_date` text,
	`valid_days` integer,
	`store_ids` text NOT NULL,
	`per_customer_limit` integer,
	`total_issue_limit` integer,
	`budget_count` integer,
	`budget_fen` integer,
	`share_mode` text NOT NULL,
	`max_shares` integer,
	`issue_on_spend_fen` integer,
	`code_format` text NOT NULL,
	`issued_count` integer DEFAULT 0 NOT NULL,
	`redeemed_count` integer DEFAULT 0 NOT NULL,
	`redeemed_fen` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `coupons` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`template_id` text NOT NULL,
	`template_version` integer NOT NULL,
	`status` text NOT NULL,
	`customer_phone` text,
	`valid_from` integer NOT NULL,
	`valid_until` integer NOT NULL,
	`batch_id` text,
	`issued_store_id` text,
	`issued_at` integer NOT NULL,
	`cancelled_at` integer,
	`cancel_reason` text,
	FOREIGN KEY (`template_id`) REFERENCES `coupon_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coupons_code_unique` ON `coupons` (`code`);--> statement-breakpoint
CREATE INDEX `coupons_template_idx` ON `coupons` (`template_id`);--> statement-breakpoint
CREATE INDEX `coupons_phone_idx` ON `coupons` (`customer_phone`,`template_id`);--> statement-breakpoint
CREATE TABLE `redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`coupon_id` text NOT NULL,
	`code` text NOT NULL,
	`template_id` text NOT NULL,
	`template_version` integer NOT NULL,
	`store_id` text NOT NULL,
	`terminal_id` text,
	`staff_id` text,
	`customer_phone` text,
	`idempotency_key` text NOT NULL,
	`subtotal_fen` integer NOT NULL,
	`discount_fen` integer NOT NULL,
	`lines` text NOT NULL,
	`gift` text,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`voided_at` integer,
	`voided_by` text,
	`void_reason` text,
	FOREIGN KEY (`coupon_id`) REFERENCES `coupons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `redemptions_idempotency_unique` ON `redemptions` (`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `redemptions_one_live_per_coupon` ON `redemptions` (`coupon_id`) WHERE status = 'completed';--> statement-breakpoint
CREATE INDEX `redemptions_created_idx` ON `redemptions` (`created_at`);--> statement-breakpoint
CREATE INDEX `redemptions_store_idx` ON `redemptions` (`store_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `redemptions_template_idx` ON `redemptions` (`template_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `redemptions_phone_idx` ON `redemptions` (`customer_phone`,`template_id`);--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`kid` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer
);
