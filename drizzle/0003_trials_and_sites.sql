CREATE TABLE `inquiries` (
	`id` text PRIMARY KEY NOT NULL,
	`trial_id` text NOT NULL,
	`trial_site_id` text NOT NULL,
	`hospital_org_id` text NOT NULL,
	`sponsor_org_id` text NOT NULL,
	`synopsis` text NOT NULL,
	`questions` text,
	`reply_by` text NOT NULL,
	`status` text NOT NULL,
	`answer_json` text,
	`sent_by` text NOT NULL,
	`sent_at` integer NOT NULL,
	`answered_by` text,
	`answered_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_site_id`) REFERENCES `trial_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hospital_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sponsor_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inquiries_hospital_idx` ON `inquiries` (`hospital_org_id`,`status`);--> statement-breakpoint
CREATE INDEX `inquiries_trial_idx` ON `inquiries` (`trial_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`params_json` text NOT NULL,
	`link` text,
	`dedupe_key` text,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_uq` ON `notifications` (`user_id`,`dedupe_key`);--> statement-breakpoint
CREATE TABLE `trial_site_enrolment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`trial_site_id` text NOT NULL,
	`month` text NOT NULL,
	`screened` integer NOT NULL,
	`enrolled` integer NOT NULL,
	`screen_failures` integer NOT NULL,
	`withdrawn` integer NOT NULL,
	`correction_reason` text,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`trial_site_id`) REFERENCES `trial_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trial_site_enrolment_month_uq` ON `trial_site_enrolment` (`trial_site_id`,`month`);--> statement-breakpoint
CREATE TABLE `trial_sites` (
	`id` text PRIMARY KEY NOT NULL,
	`trial_id` text NOT NULL,
	`hospital_org_id` text NOT NULL,
	`hospital_specialty_id` text NOT NULL,
	`investigator_id` text,
	`role` text DEFAULT 'participating' NOT NULL,
	`state` text NOT NULL,
	`state_before_suspension` text,
	`state_changed_at` integer NOT NULL,
	`target_enrolment` integer,
	`selected_date` text,
	`ethics_submitted_date` text,
	`ethics_approved_date` text,
	`contract_signed_date` text,
	`siv_date` text,
	`fpi_date` text,
	`lpi_date` text,
	`closed_date` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hospital_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hospital_specialty_id`) REFERENCES `hospital_specialties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`investigator_id`) REFERENCES `investigators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trial_sites_trial_specialty_uq` ON `trial_sites` (`trial_id`,`hospital_specialty_id`);--> statement-breakpoint
CREATE INDEX `trial_sites_hospital_idx` ON `trial_sites` (`hospital_org_id`);--> statement-breakpoint
CREATE INDEX `trial_sites_specialty_idx` ON `trial_sites` (`hospital_specialty_id`);--> statement-breakpoint
CREATE INDEX `trial_sites_investigator_idx` ON `trial_sites` (`investigator_id`);--> statement-breakpoint
CREATE INDEX `trial_sites_state_idx` ON `trial_sites` (`state`);--> statement-breakpoint
CREATE TABLE `trials` (
	`id` text PRIMARY KEY NOT NULL,
	`sponsor_org_id` text NOT NULL,
	`cro_org_id` text,
	`created_by` text NOT NULL,
	`type` text NOT NULL,
	`phase` text NOT NULL,
	`title_zh` text NOT NULL,
	`title_en` text,
	`ctr_no` text,
	`nct_no` text,
	`chictr_no` text,
	`conditions_json` text NOT NULL,
	`target_enrolment` integer NOT NULL,
	`planned_start` text,
	`planned_end` text,
	`risk_level` text DEFAULT 'medium' NOT NULL,
	`status` text DEFAULT 'planning' NOT NULL,
	`lead_hospital_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`sponsor_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cro_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_hospital_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trials_sponsor_idx` ON `trials` (`sponsor_org_id`);--> statement-breakpoint
CREATE INDEX `trials_cro_idx` ON `trials` (`cro_org_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `trials_ctr_uq` ON `trials` (`ctr_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `trials_nct_uq` ON `trials` (`nct_no`);