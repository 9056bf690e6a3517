CREATE TABLE `meeting_minutes` (
	`meeting_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`items_json` text DEFAULT '[]' NOT NULL,
	`record_json` text,
	`drafted_by` text,
	`approved_by` text,
	`approved_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`drafted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_worksheets` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`member_id` text NOT NULL,
	`items_json` text NOT NULL,
	`recommended_outcome` text,
	`opinion` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`submitted_at` integer,
	`updated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `committee_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_worksheets_uq` ON `review_worksheets` (`submission_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `submission_declarations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` text NOT NULL,
	`member_id` text NOT NULL,
	`meeting_id` text,
	`has_conflict` integer NOT NULL,
	`statement` text,
	`declared_by` text,
	`declared_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `committee_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`declared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submission_declarations_uq` ON `submission_declarations` (`submission_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `submission_modifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` text NOT NULL,
	`round` integer NOT NULL,
	`response` text NOT NULL,
	`submitted_by` text,
	`submitted_at` integer NOT NULL,
	`verdict` text,
	`verdict_comment` text,
	`verified_by` text,
	`verified_at` integer,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`verified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submission_modifications_uq` ON `submission_modifications` (`submission_id`,`round`);--> statement-breakpoint
CREATE TABLE `submission_reviewers` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`member_id` text NOT NULL,
	`assigned_by` text,
	`assigned_at` integer NOT NULL,
	`has_conflict` integer,
	`conflict_statement` text,
	`declared_at` integer,
	`removed_at` integer,
	`removed_reason` text,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `committee_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submission_reviewers_submission_idx` ON `submission_reviewers` (`submission_id`);--> statement-breakpoint
CREATE INDEX `submission_reviewers_member_idx` ON `submission_reviewers` (`member_id`);