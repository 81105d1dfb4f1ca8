CREATE TABLE `rollup_consumer_stamp` (
	`day` text PRIMARY KEY NOT NULL,
	`stamp` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP TABLE `rollup_consumer_month`;