CREATE TABLE `stocktake_lines` (
	`sheet_id` text NOT NULL,
	`product_id` text NOT NULL,
	`position` integer NOT NULL,
	`counted_qty` integer,
	`counted_at` integer,
	`book_qty` integer,
	`unit_value_fen` integer,
	`value_basis` text,
	PRIMARY KEY(`sheet_id`, `product_id`),
	FOREIGN KEY (`sheet_id`) REFERENCES `stocktake_sheets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stocktake_sheets` (
	`id` text PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`category` text,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`uncounted` text,
	`stock_document_id` text,
	`staff_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`store_id`) REFERENCES `stores`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stock_document_id`) REFERENCES `stock_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stocktake_sheets_store_idx` ON `stocktake_sheets` (`store_id`,`status`,`created_at`);