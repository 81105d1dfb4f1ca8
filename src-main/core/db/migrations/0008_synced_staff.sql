CREATE TABLE `synced_staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`store_id` text,
	`active` integer NOT NULL,
	`updated_at` integer NOT NULL
);
