CREATE TABLE `registry_ethics_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registry_trial_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`ec_name_raw` text NOT NULL,
	`decision` text NOT NULL,
	`decision_raw` text NOT NULL,
	`decision_date` text,
	`committee_id` text,
	FOREIGN KEY (`registry_trial_id`) REFERENCES `registry_trials`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `registry_ethics_decisions_trial_idx` ON `registry_ethics_decisions` (`registry_trial_id`);--> statement-breakpoint
CREATE INDEX `registry_ethics_decisions_committee_idx` ON `registry_ethics_decisions` (`committee_id`);--> statement-breakpoint
CREATE TABLE `registry_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`outcome` text NOT NULL,
	`summary_json` text NOT NULL,
	`errors_json` text NOT NULL,
	`actor_user_id` text,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `registry_imports_started_idx` ON `registry_imports` (`started_at`);--> statement-breakpoint
CREATE TABLE `registry_name_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_norm` text NOT NULL,
	`city_key` text NOT NULL,
	`decision` text NOT NULL,
	`hospital_id` text,
	`reason` text,
	`queue_id` integer,
	`decided_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`hospital_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`queue_id`) REFERENCES `registry_review_queue`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registry_name_decisions_uq` ON `registry_name_decisions` (`name_norm`,`city_key`);--> statement-breakpoint
CREATE TABLE `registry_review_queue` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name_norm` text NOT NULL,
	`city_key` text NOT NULL,
	`raw_name` text NOT NULL,
	`city` text,
	`province` text,
	`country` text,
	`candidates_json` text NOT NULL,
	`queued_because` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`hospital_id` text,
	`reason` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`hospital_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registry_review_queue_name_city_uq` ON `registry_review_queue` (`name_norm`,`city_key`);--> statement-breakpoint
CREATE INDEX `registry_review_queue_status_idx` ON `registry_review_queue` (`status`);--> statement-breakpoint
CREATE TABLE `registry_sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registry_trial_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`facility_raw` text NOT NULL,
	`name_norm` text NOT NULL,
	`city` text,
	`city_key` text NOT NULL,
	`province` text,
	`country` text,
	`lat` real,
	`lon` real,
	`site_status` text,
	`pi_name` text,
	`pi_title` text,
	`hospital_id` text,
	`resolution` text NOT NULL,
	`resolution_method` text,
	`resolution_score` real,
	`queue_id` integer,
	FOREIGN KEY (`registry_trial_id`) REFERENCES `registry_trials`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hospital_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`queue_id`) REFERENCES `registry_review_queue`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `registry_sites_trial_idx` ON `registry_sites` (`registry_trial_id`);--> statement-breakpoint
CREATE INDEX `registry_sites_hospital_idx` ON `registry_sites` (`hospital_id`);--> statement-breakpoint
CREATE INDEX `registry_sites_queue_idx` ON `registry_sites` (`queue_id`);--> statement-breakpoint
CREATE INDEX `registry_sites_name_idx` ON `registry_sites` (`name_norm`,`city_key`);--> statement-breakpoint
CREATE TABLE `registry_trial_conditions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registry_trial_id` integer NOT NULL,
	`kind` text NOT NULL,
	`term` text NOT NULL,
	`mesh_id` text,
	FOREIGN KEY (`registry_trial_id`) REFERENCES `registry_trials`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `registry_trial_conditions_trial_idx` ON `registry_trial_conditions` (`registry_trial_id`);--> statement-breakpoint
CREATE INDEX `registry_trial_conditions_term_idx` ON `registry_trial_conditions` (`term`);--> statement-breakpoint
CREATE TABLE `registry_trials` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`registry_id` text NOT NULL,
	`brief_title` text NOT NULL,
	`official_title` text,
	`status` text NOT NULL,
	`status_raw` text,
	`phases_json` text NOT NULL,
	`phase_raw` text,
	`enrolment` integer,
	`lead_sponsor` text,
	`start_date` text,
	`completion_date` text,
	`last_update_date` text,
	`raw_hash` text NOT NULL,
	`import_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `registry_imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registry_trials_registry_id_uq` ON `registry_trials` (`registry_id`);--> statement-breakpoint
CREATE INDEX `registry_trials_status_idx` ON `registry_trials` (`status`);--> statement-breakpoint
ALTER TABLE `organisation_aliases` ADD `kind` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `city` text;--> statement-breakpoint
-- Hospitals seeded from the reference data (nanjing-hospitals.csv) before the city column existed: all in Nanjing.
UPDATE `organisations` SET `city` = '南京市' WHERE `kind` = 'hospital' AND `code` IS NOT NULL AND `city` IS NULL;
