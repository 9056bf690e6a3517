CREATE TABLE `incentive_weight_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`weights_json` text NOT NULL,
	`note` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `key_projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trial_id` text NOT NULL,
	`reason` text NOT NULL,
	`flagged_by` text NOT NULL,
	`flagged_at` integer NOT NULL,
	`unflag_reason` text,
	`unflagged_by` text,
	`unflagged_at` integer,
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flagged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unflagged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `key_projects_trial_idx` ON `key_projects` (`trial_id`,`unflagged_at`);