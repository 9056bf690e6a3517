CREATE TABLE `trial_site_delays` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trial_site_id` text NOT NULL,
	`stage` text NOT NULL,
	`reason` text NOT NULL,
	`attribution` text NOT NULL,
	`note` text,
	`recorded_by_side` text NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`trial_site_id`) REFERENCES `trial_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trial_site_delays_site_idx` ON `trial_site_delays` (`trial_site_id`,`stage`,`recorded_at`);