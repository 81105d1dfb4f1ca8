CREATE TABLE `rollup_consumer_month` (
	`month` text NOT NULL,
	`phone` text NOT NULL,
	`kind` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`month`, `phone`, `kind`)
);
--> statement-breakpoint
DROP INDEX `rollup_template_day_day_idx`;--> statement-breakpoint
CREATE INDEX `rollup_template_day_day_idx` ON `rollup_template_day` (`day`,`template_id`,`store_id`,`issued`,`redeemed`,`cost_fen`,`order_revenue_fen`,`voided`);--> statement-breakpoint
-- Hand-added: a shop that already has rollups gets its consumer months from its consumer days.
INSERT INTO `rollup_consumer_month` (`month`, `phone`, `kind`, `count`, `amount_fen`) SELECT substr(`day`, 1, 7), `phone`, `kind`, SUM(`count`), SUM(`amount_fen`) FROM `rollup_consumer_day` WHERE `product_id` = '' GROUP BY 1, 2, 3;
