CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`is_complete` integer DEFAULT false NOT NULL,
	`completed_by` text,
	`completed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`completed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `recognition_events` ADD `detail_json` text;