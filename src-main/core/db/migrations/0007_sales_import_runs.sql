CREATE TABLE `sales_import_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`topic` text NOT NULL,
	`entity_id` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `sales_import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sales_import_outbox_run_idx` ON `sales_import_outbox` (`run_id`);--> statement-breakpoint
CREATE TABLE `sales_import_run_sales` (
	`run_id` text NOT NULL,
	`sale_id` text NOT NULL,
	PRIMARY KEY(`run_id`, `sale_id`),
	FOREIGN KEY (`run_id`) REFERENCES `sales_import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sales_import_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`status` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer
);
