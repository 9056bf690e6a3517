CREATE TABLE `project_milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text,
	`planned_date` text NOT NULL,
	`actual_date` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_milestones_project_idx` ON `project_milestones` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_trials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` text NOT NULL,
	`trial_id` text,
	`registry_trial_id` integer,
	`reason` text,
	`linked_by` text,
	`linked_at` integer NOT NULL,
	`unlink_reason` text,
	`unlinked_by` text,
	`unlinked_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registry_trial_id`) REFERENCES `registry_trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unlinked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "project_trials_one_trial" CHECK(("project_trials"."trial_id" is null) <> ("project_trials"."registry_trial_id" is null))
);
--> statement-breakpoint
CREATE INDEX `project_trials_trial_idx` ON `project_trials` (`trial_id`,`unlinked_at`);--> statement-breakpoint
CREATE INDEX `project_trials_project_idx` ON `project_trials` (`project_id`,`unlinked_at`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`title_zh` text,
	`title_en` text,
	`lead_org_id` text NOT NULL,
	`technology_area` text,
	`funding_programme` text,
	`start_date` text,
	`summary` text,
	`own_trial_id` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`lead_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`own_trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `projects_own_trial_id_unique` ON `projects` (`own_trial_id`);--> statement-breakpoint
-- The key-project flag history becomes links to unnamed projects, one per flagged trial (lead: the trial's sponsor).
INSERT INTO `projects` (`id`, `lead_org_id`, `own_trial_id`, `created_by`, `created_at`, `updated_at`)
SELECT 'kp-' || t.`id`, t.`sponsor_org_id`, t.`id`,
  (SELECT k2.`flagged_by` FROM `key_projects` k2 WHERE k2.`trial_id` = t.`id` ORDER BY k2.`id` LIMIT 1),
  MIN(k.`flagged_at`), MAX(COALESCE(k.`unflagged_at`, k.`flagged_at`))
FROM `key_projects` k INNER JOIN `trials` t ON t.`id` = k.`trial_id`
GROUP BY t.`id`;--> statement-breakpoint
INSERT INTO `project_trials` (`project_id`, `trial_id`, `reason`, `linked_by`, `linked_at`, `unlink_reason`, `unlinked_by`, `unlinked_at`)
SELECT 'kp-' || `trial_id`, `trial_id`, `reason`, `flagged_by`, `flagged_at`, `unflag_reason`, `unflagged_by`, `unflagged_at`
FROM `key_projects` ORDER BY `id`;--> statement-breakpoint
DROP TABLE `key_projects`;
