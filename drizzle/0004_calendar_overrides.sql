CREATE TABLE `calendar_overrides` (
	`date` text PRIMARY KEY NOT NULL,
	`is_workday` integer NOT NULL,
	`note` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
