ALTER TABLE `cashback_codes` ADD `sale_line_id` text;--> statement-breakpoint
CREATE INDEX `cashback_sale_line_idx` ON `cashback_codes` (`sale_line_id`);