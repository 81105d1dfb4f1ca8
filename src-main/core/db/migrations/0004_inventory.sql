CREATE TABLE `stock_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`store_id` text NOT NULL,
	`to_store_id` text,
	`supplier` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`staff_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_documents_store_idx` ON `stock_documents` (`store_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `stock_levels` (
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`qty` integer NOT NULL,
	`above_high_since` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`store_id`, `product_id`),
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_levels_product_idx` ON `stock_levels` (`product_id`);--> statement-breakpoint
CREATE TABLE `stock_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`kind` text NOT NULL,
	`qty` integer NOT NULL,
	`level_after` integer NOT NULL,
	`ref_type` text NOT NULL,
	`ref_id` text NOT NULL,
	`unit_cost_fen` integer,
	`note` text DEFAULT '' NOT NULL,
	`staff_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stock_movements_product_store_idx` ON `stock_movements` (`product_id`,`store_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `stock_settings` (
	`store_id` text PRIMARY KEY NOT NULL,
	`allow_negative` integer DEFAULT false NOT NULL,
	`lead_time_days` integer DEFAULT 3 NOT NULL,
	`cover_days` integer DEFAULT 7 NOT NULL,
	`sales_window_days` integer DEFAULT 14 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sale_coupons` (
	`sale_id` text NOT NULL,
	`redemption_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`sale_id`, `redemption_id`),
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`redemption_id`) REFERENCES `redemptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sale_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`sale_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` text NOT NULL,
	`qty` integer NOT NULL,
	`unit_price_fen` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`discount_fen` integer NOT NULL,
	`returned_qty` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sale_lines_sale_idx` ON `sale_lines` (`sale_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `sale_lines_product_idx` ON `sale_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `sales` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`origin_key` text NOT NULL,
	`terminal_sale_id` text NOT NULL,
	`fingerprint` text NOT NULL,
	`terminal_id` text,
	`staff_id` text,
	`source` text NOT NULL,
	`customer_phone` text,
	`subtotal_fen` integer NOT NULL,
	`discount_fen` integer NOT NULL,
	`total_fen` integer NOT NULL,
	`paid_fen` integer NOT NULL,
	`refunded_fen` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`sold_at` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sales_terminal_sale_unique` ON `sales` (`store_id`,`origin_key`,`terminal_sale_id`);--> statement-breakpoint
CREATE INDEX `sales_store_sold_idx` ON `sales` (`store_id`,`sold_at`);--> statement-breakpoint
CREATE TABLE `stock_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`qty` integer NOT NULL,
	`low_level` integer,
	`high_level` integer,
	`slow_days` integer,
	`above_high_since` integer,
	`price_may_rise` integer DEFAULT false NOT NULL,
	`restock` text,
	`pay_permille` integer,
	`snoozed_until` integer,
	`coupon_template_id` text,
	`acknowledged_by` text,
	`raised_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_alerts_open_unique` ON `stock_alerts` (`store_id`,`product_id`,`kind`) WHERE status <> 'resolved';--> statement-breakpoint
CREATE INDEX `stock_alerts_status_idx` ON `stock_alerts` (`status`,`store_id`);--> statement-breakpoint
CREATE TABLE `stock_thresholds` (
	`id` text PRIMARY KEY NOT NULL,
	`scope_key` text NOT NULL,
	`product_id` text,
	`category` text,
	`store_id` text,
	`low_level` integer,
	`high_level` integer,
	`slow_days` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_thresholds_scope_unique` ON `stock_thresholds` (`scope_key`);--> statement-breakpoint
CREATE INDEX `products_category_idx` ON `products` (`category`);