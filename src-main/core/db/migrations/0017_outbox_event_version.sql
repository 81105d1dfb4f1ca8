ALTER TABLE `outbox` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `sales_import_outbox` ADD `version` integer DEFAULT 1 NOT NULL;