DROP INDEX `rollup_template_day_day_idx`;--> statement-breakpoint
ALTER TABLE `rollup_template_day` ADD `claimed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `rollup_template_day_day_idx` ON `rollup_template_day` (`day`,`template_id`,`store_id`,`issued`,`claimed`,`redeemed`,`cost_fen`,`order_revenue_fen`,`voided`);--> statement-breakpoint
ALTER TABLE `coupons` ADD `claimed` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Codes claimed before this version: those of an issuance QR carry its id as their batch. (A store
-- poster's batch was never known here: those stay counted as issued only.)
UPDATE `coupons` SET `claimed` = 1 WHERE `batch_id` IN (SELECT `id` FROM `claim_issuances`);--> statement-breakpoint
-- Their claims are missing from the rollups: the next start rebuilds them from the coupons.
UPDATE `analytics_state` SET `rebuilt_at` = NULL
WHERE `id` = 1 AND EXISTS (SELECT 1 FROM `coupons` WHERE `claimed` = 1);
