CREATE TABLE `hospital_local_contexts` (
	`hospital_org_id` text PRIMARY KEY NOT NULL,
	`review_fee_yuan` integer,
	`fee_schedule` text,
	`insurance_requirements` text,
	`local_icf_clauses` text,
	`hgr_contact_name` text,
	`hgr_contact_phone` text,
	`languages_json` text DEFAULT '[]' NOT NULL,
	`vulnerable_population_rules` text,
	`updated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`hospital_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `recognition_acks` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`committee_id` text NOT NULL,
	`trial_id` text NOT NULL,
	`trial_site_id` text NOT NULL,
	`source_submission_id` text NOT NULL,
	`versions_json` text DEFAULT '[]' NOT NULL,
	`state` text NOT NULL,
	`note` text,
	`acted_by` text,
	`acted_at` integer,
	`created_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `recognition_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_site_id`) REFERENCES `trial_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_acks_uq` ON `recognition_acks` (`request_id`,`source_submission_id`);--> statement-breakpoint
CREATE INDEX `recognition_acks_committee_idx` ON `recognition_acks` (`committee_id`,`state`);--> statement-breakpoint
CREATE TABLE `recognition_agreement_members` (
	`agreement_id` text NOT NULL,
	`committee_id` text NOT NULL,
	`state` text NOT NULL,
	`invited_at` integer NOT NULL,
	`joined_at` integer,
	`joined_by` text,
	FOREIGN KEY (`agreement_id`) REFERENCES `recognition_agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`joined_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_agreement_members_uq` ON `recognition_agreement_members` (`agreement_id`,`committee_id`);--> statement-breakpoint
CREATE INDEX `recognition_agreement_members_committee_idx` ON `recognition_agreement_members` (`committee_id`);--> statement-breakpoint
CREATE TABLE `recognition_agreement_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agreement_id` text NOT NULL,
	`version` integer NOT NULL,
	`snapshot_json` text NOT NULL,
	`reason` text NOT NULL,
	`changed_by` text,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `recognition_agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_agreement_versions_uq` ON `recognition_agreement_versions` (`agreement_id`,`version`);--> statement-breakpoint
CREATE TABLE `recognition_agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text,
	`status` text DEFAULT 'active' NOT NULL,
	`scope_json` text NOT NULL,
	`exclusions_json` text NOT NULL,
	`lead_decision_days` integer NOT NULL,
	`lead_letter_days` integer NOT NULL,
	`participating_days` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `recognition_clock_stops` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `recognition_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recognition_clock_stops_request_idx` ON `recognition_clock_stops` (`request_id`);--> statement-breakpoint
CREATE TABLE `recognition_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`step` text NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`actor_user_id` text,
	`actor_role` text,
	`comment` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `recognition_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recognition_events_request_idx` ON `recognition_events` (`request_id`,`at`);--> statement-breakpoint
CREATE TABLE `recognition_objections` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`trial_id` text NOT NULL,
	`committee_id` text NOT NULL,
	`lead_committee_id` text NOT NULL,
	`category` text NOT NULL,
	`text` text NOT NULL,
	`state` text NOT NULL,
	`resolution` text,
	`raised_by` text NOT NULL,
	`resolved_by` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `recognition_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recognition_objections_request_idx` ON `recognition_objections` (`request_id`);--> statement-breakpoint
CREATE TABLE `recognition_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`trial_id` text NOT NULL,
	`trial_site_id` text NOT NULL,
	`committee_id` text NOT NULL,
	`lead_committee_id` text NOT NULL,
	`lead_submission_id` text NOT NULL,
	`state` text NOT NULL,
	`outcome` text,
	`packet_json` text NOT NULL,
	`checklist_json` text,
	`conditions` text,
	`reasons` text,
	`limit_days` integer NOT NULL,
	`packet_submitted_at` integer,
	`accepted_date` text,
	`decided_date` text,
	`letter_no` text,
	`fallback_submission_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`agreement_id`) REFERENCES `recognition_agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_site_id`) REFERENCES `trial_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fallback_submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_requests_site_uq` ON `recognition_requests` (`trial_site_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_requests_letter_uq` ON `recognition_requests` (`committee_id`,`letter_no`);--> statement-breakpoint
CREATE INDEX `recognition_requests_committee_idx` ON `recognition_requests` (`committee_id`,`state`);--> statement-breakpoint
CREATE INDEX `recognition_requests_trial_idx` ON `recognition_requests` (`trial_id`);--> statement-breakpoint
CREATE TABLE `recognition_skips` (
	`trial_site_id` text PRIMARY KEY NOT NULL,
	`trial_id` text NOT NULL,
	`lead_submission_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`trial_site_id`) REFERENCES `trial_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recognition_skips_trial_idx` ON `recognition_skips` (`trial_id`);--> statement-breakpoint
CREATE TABLE `safety_report_receipts` (
	`submission_id` text NOT NULL,
	`committee_id` text NOT NULL,
	`read_by` text NOT NULL,
	`read_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`read_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `safety_report_receipts_uq` ON `safety_report_receipts` (`submission_id`,`committee_id`);