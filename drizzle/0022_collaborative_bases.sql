CREATE TABLE `base_members` (
	`base_id` text NOT NULL,
	`org_id` text NOT NULL,
	`note` text,
	`contact` text,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`base_id`, `org_id`),
	FOREIGN KEY (`base_id`) REFERENCES `bases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `base_members_org_idx` ON `base_members` (`org_id`);--> statement-breakpoint
CREATE TABLE `base_trials` (
	`base_id` text NOT NULL,
	`trial_id` text NOT NULL,
	`linked_by` text,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`base_id`, `trial_id`),
	FOREIGN KEY (`base_id`) REFERENCES `bases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `base_trials_trial_idx` ON `base_trials` (`trial_id`);--> statement-breakpoint
CREATE TABLE `base_versions` (
	`base_id` text NOT NULL,
	`version` integer NOT NULL,
	`snapshot_json` text NOT NULL,
	`changed_by` text,
	`changed_at` integer NOT NULL,
	`reason` text,
	PRIMARY KEY(`base_id`, `version`),
	FOREIGN KEY (`base_id`) REFERENCES `bases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `bases` (
	`id` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text,
	`lead_org_id` text NOT NULL,
	`focus_json` text NOT NULL,
	`founded_on` text NOT NULL,
	`status` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text,
	`contact_email` text,
	`summary` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`lead_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bases_status_idx` ON `bases` (`status`);