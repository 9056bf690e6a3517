CREATE TABLE `meeting_attendance` (
	`meeting_id` text NOT NULL,
	`member_id` text NOT NULL,
	`is_present` integer NOT NULL,
	`recorded_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `committee_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_attendance_uq` ON `meeting_attendance` (`meeting_id`,`member_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`committee_id` text NOT NULL,
	`meeting_date` text NOT NULL,
	`title` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_committee_idx` ON `meetings` (`committee_id`,`meeting_date`);--> statement-breakpoint
CREATE TABLE `member_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`member_id` text NOT NULL,
	`meeting_id` text,
	`submission_id` text,
	`reason` text NOT NULL,
	`declared_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `committee_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`declared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_conflicts_member_idx` ON `member_conflicts` (`member_id`);--> statement-breakpoint
CREATE INDEX `member_conflicts_submission_idx` ON `member_conflicts` (`submission_id`);--> statement-breakpoint
CREATE TABLE `submission_votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` text NOT NULL,
	`meeting_id` text,
	`member_id` text NOT NULL,
	`choice` text NOT NULL,
	`recorded_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `committee_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submission_votes_submission_idx` ON `submission_votes` (`submission_id`,`meeting_id`);--> statement-breakpoint
ALTER TABLE `submissions` ADD `meeting_id` text REFERENCES meetings(id);--> statement-breakpoint
ALTER TABLE `submissions` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `conditions` text;--> statement-breakpoint
ALTER TABLE `submissions` ADD `follow_up_date` text;