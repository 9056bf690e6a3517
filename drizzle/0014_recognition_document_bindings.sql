CREATE TABLE `recognition_document_bindings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text NOT NULL,
	`trial_site_id` text NOT NULL,
	`ack_id` text,
	`source_submission_id` text NOT NULL,
	`document_id` text NOT NULL,
	`kind` text NOT NULL,
	`version_label` text NOT NULL,
	`version_date` text NOT NULL,
	`sha256` text NOT NULL,
	`lead_bound_at` integer NOT NULL,
	`effective_date` text NOT NULL,
	`bound_at` integer NOT NULL,
	`bound_by` text,
	FOREIGN KEY (`request_id`) REFERENCES `recognition_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`trial_site_id`) REFERENCES `trial_sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ack_id`) REFERENCES `recognition_acks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `submission_documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bound_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recognition_document_bindings_site_idx` ON `recognition_document_bindings` (`trial_site_id`,`bound_at`);--> statement-breakpoint
CREATE INDEX `recognition_document_bindings_doc_idx` ON `recognition_document_bindings` (`document_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_document_bindings_decision_uq` ON `recognition_document_bindings` (`request_id`,`document_id`) WHERE ack_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_document_bindings_ack_uq` ON `recognition_document_bindings` (`ack_id`,`document_id`);