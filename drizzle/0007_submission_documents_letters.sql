CREATE TABLE `submission_decision_documents` (
	`submission_id` text NOT NULL,
	`document_id` text NOT NULL,
	`kind` text NOT NULL,
	`version_label` text NOT NULL,
	`version_date` text NOT NULL,
	`sha256` text NOT NULL,
	`bound_at` integer NOT NULL,
	PRIMARY KEY(`submission_id`, `document_id`),
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `submission_documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submission_decision_documents_doc_idx` ON `submission_decision_documents` (`document_id`);--> statement-breakpoint
CREATE TABLE `submission_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`kind` text NOT NULL,
	`version_label` text NOT NULL,
	`version_date` text NOT NULL,
	`original_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submission_documents_submission_idx` ON `submission_documents` (`submission_id`,`kind`,`uploaded_at`);--> statement-breakpoint
CREATE TABLE `submission_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`committee_id` text NOT NULL,
	`letter_no` text NOT NULL,
	`year` text NOT NULL,
	`kind` text NOT NULL,
	`is_bilingual` integer DEFAULT false NOT NULL,
	`signer_name` text NOT NULL,
	`issue_date` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`issued_by` text NOT NULL,
	`issued_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committee_id`) REFERENCES `ethics_committees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submission_letters_no_uq` ON `submission_letters` (`committee_id`,`letter_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `submission_letters_submission_uq` ON `submission_letters` (`submission_id`);