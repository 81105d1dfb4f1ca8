CREATE TABLE `analytics_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`rebuilt_at` integer
);
--> statement-breakpoint
CREATE TABLE `customer_store_first` (
	`store_id` text NOT NULL,
	`phone` text NOT NULL,
	`first_sold_at` integer NOT NULL,
	PRIMARY KEY(`store_id`, `phone`)
);
--> statement-breakpoint
CREATE TABLE `rollup_cashier_day` (
	`staff_id` text NOT NULL,
	`store_id` text NOT NULL,
	`day` text NOT NULL,
	`sales` integer DEFAULT 0 NOT NULL,
	`sales_fen` integer DEFAULT 0 NOT NULL,
	`redemptions` integer DEFAULT 0 NOT NULL,
	`discount_fen` integer DEFAULT 0 NOT NULL,
	`cashback` integer DEFAULT 0 NOT NULL,
	`voids` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`staff_id`, `store_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `rollup_cashier_day_day_idx` ON `rollup_cashier_day` (`day`);--> statement-breakpoint
CREATE TABLE `rollup_consumer_day` (
	`phone` text NOT NULL,
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`kind` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`phone`, `day`, `store_id`, `product_id`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `rollup_consumer_day_all_idx` ON `rollup_consumer_day` (`day`,`phone`,`kind`,`store_id`,`count`,`amount_fen`) WHERE product_id = '';--> statement-breakpoint
CREATE TABLE `rollup_product_day` (
	`product_id` text NOT NULL,
	`day` text NOT NULL,
	`sales` integer DEFAULT 0 NOT NULL,
	`qty` integer DEFAULT 0 NOT NULL,
	`revenue_fen` integer DEFAULT 0 NOT NULL,
	`returned_qty` integer DEFAULT 0 NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	`redemptions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`product_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `rollup_product_day_day_idx` ON `rollup_product_day` (`day`,`product_id`,`sales`,`qty`,`revenue_fen`,`returned_qty`,`refund_fen`,`redemptions`);--> statement-breakpoint
CREATE TABLE `rollup_region_day` (
	`product_id` text NOT NULL,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`store_id` text NOT NULL,
	`province_code` text NOT NULL,
	`city_code` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`product_id`, `day`, `kind`, `store_id`, `province_code`, `city_code`)
);
--> statement-breakpoint
CREATE TABLE `rollup_store_day` (
	`store_id` text NOT NULL,
	`day` text NOT NULL,
	`sales` integer DEFAULT 0 NOT NULL,
	`sales_fen` integer DEFAULT 0 NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	`items` integer DEFAULT 0 NOT NULL,
	`identified_sales` integer DEFAULT 0 NOT NULL,
	`returning_sales` integer DEFAULT 0 NOT NULL,
	`redemptions` integer DEFAULT 0 NOT NULL,
	`discount_fen` integer DEFAULT 0 NOT NULL,
	`cashback` integer DEFAULT 0 NOT NULL,
	`cashback_fen` integer DEFAULT 0 NOT NULL,
	`voids` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`store_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `rollup_store_day_day_idx` ON `rollup_store_day` (`day`);--> statement-breakpoint
CREATE TABLE `rollup_store_product_day` (
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`day` text NOT NULL,
	`sales` integer DEFAULT 0 NOT NULL,
	`qty` integer DEFAULT 0 NOT NULL,
	`revenue_fen` integer DEFAULT 0 NOT NULL,
	`returned_qty` integer DEFAULT 0 NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	`redemptions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`store_id`, `product_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `rollup_store_product_day_day_idx` ON `rollup_store_product_day` (`day`,`store_id`,`product_id`,`sales`,`qty`,`revenue_fen`,`returned_qty`,`refund_fen`,`redemptions`);--> statement-breakpoint
CREATE INDEX `rollup_store_product_day_product_idx` ON `rollup_store_product_day` (`product_id`,`day`);--> statement-breakpoint
CREATE TABLE `rollup_template_day` (
	`template_id` text NOT NULL,
	`store_id` text NOT NULL,
	`day` text NOT NULL,
	`issued` integer DEFAULT 0 NOT NULL,
	`redeemed` integer DEFAULT 0 NOT NULL,
	`cost_fen` integer DEFAULT 0 NOT NULL,
	`order_revenue_fen` integer DEFAULT 0 NOT NULL,
	`voided` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`template_id`, `store_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `rollup_template_day_day_idx` ON `rollup_template_day` (`day`);--> statement-breakpoint
CREATE INDEX `sale_coupons_redemption_idx` ON `sale_coupons` (`redemption_id`);--> statement-breakpoint
-- A shop that already has sales or coupons gets its rollups built by a rebuild at the next start.
INSERT INTO `analytics_state` (`id`, `generation`, `rebuilt_at`) SELECT 1, 0, CASE WHEN EXISTS (SELECT 1 FROM `sales`) OR EXISTS (SELECT 1 FROM `coupons`) OR EXISTS (SELECT 1 FROM `cashback_codes`) THEN NULL ELSE 0 END;
