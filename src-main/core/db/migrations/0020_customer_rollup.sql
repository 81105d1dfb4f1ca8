CREATE TABLE `rollup_customer_day` (
	`phone` text NOT NULL,
	`day` text NOT NULL,
	`store_id` text NOT NULL,
	`product_id` text NOT NULL,
	`sales` integer DEFAULT 0 NOT NULL,
	`qty` integer DEFAULT 0 NOT NULL,
	`spend_fen` integer DEFAULT 0 NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`phone`, `day`, `store_id`, `product_id`)
);
--> statement-breakpoint
CREATE INDEX `rollup_customer_day_all_idx` ON `rollup_customer_day` (`day`,`phone`,`sales`,`spend_fen`,`refund_fen`) WHERE product_id = '';--> statement-breakpoint
-- Customers' purchases before this version: the next start rebuilds the rollups from the sales.
UPDATE `analytics_state` SET `rebuilt_at` = NULL
WHERE `id` = 1 AND EXISTS (SELECT 1 FROM `sales` WHERE `customer_phone` IS NOT NULL);
