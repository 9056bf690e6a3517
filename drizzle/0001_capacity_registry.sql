CREATE TABLE `hospital_capabilities` (
	`hospital_org_id` text NOT NULL,
	`capability_code` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`hospital_org_id`, `capability_code`),
	FOREIGN KEY (`hospital_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hospital_capabilities_code_idx` ON `hospital_capabilities` (`capability_code`);--> statement-breakpoint
CREATE TABLE `hospital_specialties` (
	`id` text PRIMARY KEY NOT NULL,
	`hospital_org_id` text NOT NULL,
	`specialty_code` text NOT NULL,
	`name_as_filed` text,
	`filing_date` text,
	`scope` text NOT NULL,
	`trial_beds` integer DEFAULT 0 NOT NULL,
	`max_concurrent_trials` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`hospital_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`specialty_code`) REFERENCES `specialty_catalogue`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hospital_specialties_live_uq` ON `hospital_specialties` (`hospital_org_id`,`specialty_code`) WHERE "hospital_specialties"."retired_at" is null;--> statement-breakpoint
CREATE INDEX `hospital_specialties_code_idx` ON `hospital_specialties` (`specialty_code`);--> statement-breakpoint
CREATE TABLE `investigator_specialties` (
	`investigator_id` text NOT NULL,
	`hospital_specialty_id` text NOT NULL,
	PRIMARY KEY(`investigator_id`, `hospital_specialty_id`),
	FOREIGN KEY (`investigator_id`) REFERENCES `investigators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hospital_specialty_id`) REFERENCES `hospital_specialties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `investigator_specialties_spec_idx` ON `investigator_specialties` (`hospital_specialty_id`);--> statement-breakpoint
CREATE TABLE `investigators` (
	`id` text PRIMARY KEY NOT NULL,
	`hospital_org_id` text NOT NULL,
	`user_id` text,
	`name` text NOT NULL,
	`title` text NOT NULL,
	`level` text NOT NULL,
	`gcp_training_date` text,
	`max_concurrent_trials` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`hospital_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `investigators_hospital_idx` ON `investigators` (`hospital_org_id`);--> statement-breakpoint
CREATE TABLE `shortlist_items` (
	`shortlist_id` text NOT NULL,
	`hospital_org_id` text NOT NULL,
	`note` text,
	`added_by` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`shortlist_id`, `hospital_org_id`),
	FOREIGN KEY (`shortlist_id`) REFERENCES `shortlists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hospital_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `shortlists` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shortlists_org_idx` ON `shortlists` (`org_id`);--> statement-breakpoint
CREATE TABLE `specialty_catalogue` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`group_name` text NOT NULL,
	`scope` text NOT NULL,
	`nhc_code` text,
	`parent_code` text,
	`aliases_zh` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `specialty_disease_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hospital_specialty_id` text NOT NULL,
	`disease_area` text NOT NULL,
	`annual_patients` integer,
	FOREIGN KEY (`hospital_specialty_id`) REFERENCES `hospital_specialties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `specialty_disease_areas_uq` ON `specialty_disease_areas` (`hospital_specialty_id`,`disease_area`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `contact_name` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `contact_email` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `capacity_confirmed_at` integer;