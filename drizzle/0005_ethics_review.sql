CREATE TABLE `committee_members` (
	`id` text PRIMARY KEY NOT NULL,
	`committee_id` text NOT NULL,
	`user_id` text,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`expertise` text NOT NULL,
	`is_affiliated` integer NOT NULL,
	`gender` text,
	`term_start` text NOT NULL,
	`term_end` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `committee_members_committee_idx` ON `committee_members` (`committee_id`);--> statement-breakpoint
CREATE INDEX `committee_members_user_idx` ON `committee_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `committee_settings` (
	`committee_id` text PRIMARY KEY NOT NULL,
	`quorum_min_percent` integer DEFAULT 50 NOT NULL,
	`quorum_min_count` integer DEFAULT 5 NOT NULL,
	`quorum_needs_non_medical` integer DEFAULT true NOT NULL,
	`quorum_needs_unaffiliated` integer DEFAULT true NOT NULL,
	`expedited_rules_json` text DEFAULT '{}' NOT NULL,
	`review_limit_days` integer DEFAULT 15 NOT NULL,
	`default_follow_up_months` integer DEFAULT 12 NOT NULL,
	`checklists_json` text DEFAULT '{}' NOT NULL,
	`updated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `submission_clock_stops` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submission_clock_stops_submission_idx` ON `submission_clock_stops` (`submission_id`);--> statement-breakpoint
CREATE TABLE `submission_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` text NOT NULL,
	`step` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`actor_user_id` text,
	`actor_role` text,
	`comment` text,
	`detail_json` text,
	`is_ec_only` integer DEFAULT false NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submission_events_submission_idx` ON `submission_events` (`submission_id`,`at`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`committee_id` text NOT NULL,
	`trial_id` text NOT NULL,
	`trial_site_id` text NOT NULL,
	`type` text NOT NULL,
	`title` text,
	`previous_submission_id` text,
	`state` text NOT NULL,
	`review_path` text,
	`acceptance_no` text,
	`accepted_date` text,
	`decided_date` text,
	`submitted_at` integer,
	`ec_notes` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_site_id`) REFERENCES `trial_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_acceptance_no_uq` ON `submissions` (`committee_id`,`acceptance_no`);--> statement-breakpoint
CREATE INDEX `submissions_committee_state_idx` ON `submissions` (`committee_id`,`state`);--> statement-breakpoint
CREATE INDEX `submissions_trial_site_idx` ON `submissions` (`trial_site_id`);--> statement-breakpoint
CREATE INDEX `submissions_trial_idx` ON `submissions` (`trial_id`);