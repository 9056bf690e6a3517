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
CREATE UNIQUE INDEX `recognition_document_bindings_ack_uq` ON `recognition_document_bindings` (`ack_id`,`document_id`);--> statement-breakpoint
-- Backfill: requests recognised before this table existed are bound to the lead's approved versions as they stood at
-- the recognition (per kind the latest binding of an approving lead decision made before it).
INSERT INTO `recognition_document_bindings` (`request_id`, `trial_site_id`, `ack_id`, `source_submission_id`, `document_id`, `kind`, `version_label`, `version_date`, `sha256`, `lead_bound_at`, `effective_date`, `bound_at`, `bound_by`)
SELECT `request_id`, `trial_site_id`, NULL, `submission_id`, `document_id`, `kind`, `version_label`, `version_date`, `sha256`, `bound_at`, `decided_date`, `decided_at`, `decided_by`
FROM (
	SELECT r.`id` AS `request_id`, r.`trial_site_id`, d.`submission_id`, d.`document_id`, d.`kind`, d.`version_label`, d.`version_date`, d.`sha256`, d.`bound_at`, r.`decided_date`, e.`at` AS `decided_at`, e.`actor_user_id` AS `decided_by`,
		ROW_NUMBER() OVER (PARTITION BY r.`id`, d.`kind` ORDER BY s.`decided_date` DESC, d.`bound_at` DESC) AS `rn`
	FROM `recognition_requests` r
	JOIN `recognition_events` e ON e.`request_id` = r.`id` AND e.`step` = 'decide'
	JOIN `submissions` lead ON lead.`id` = r.`lead_submission_id`
	JOIN `submissions` s ON s.`trial_site_id` = lead.`trial_site_id` AND s.`outcome` IN ('approved', 'approved_with_modifications')
	JOIN `submission_decision_documents` d ON d.`submission_id` = s.`id`
	WHERE r.`outcome` IN ('recognised', 'recognised_with_conditions') AND d.`bound_at` <= e.`at`
) WHERE `rn` = 1;
--> statement-breakpoint
-- Backfill: acknowledged amendments move their site to the versions the amendment approved (latest per kind at the
-- acknowledgement) where the site did not already hold that version.
INSERT INTO `recognition_document_bindings` (`request_id`, `trial_site_id`, `ack_id`, `source_submission_id`, `document_id`, `kind`, `version_label`, `version_date`, `sha256`, `lead_bound_at`, `effective_date`, `bound_at`, `bound_by`)
SELECT `request_id`, `trial_site_id`, `ack_id`, `submission_id`, `document_id`, `kind`, `version_label`, `version_date`, `sha256`, `bound_at`, date((`acted_at` + 28800000) / 1000, 'unixepoch'), `acted_at`, `acted_by`
FROM (
	SELECT a.`request_id`, a.`trial_site_id`, a.`id` AS `ack_id`, d.`submission_id`, d.`document_id`, d.`kind`, d.`version_label`, d.`version_date`, d.`sha256`, d.`bound_at`, a.`acted_at`, a.`acted_by`,
		ROW_NUMBER() OVER (PARTITION BY a.`id`, d.`kind` ORDER BY d.`bound_at` DESC) AS `rn`
	FROM `recognition_acks` a
	JOIN `submission_decision_documents` d ON d.`submission_id` = a.`source_submission_id`
	WHERE a.`state` = 'acknowledged' AND d.`bound_at` <= a.`acted_at`
) x WHERE `rn` = 1 AND NOT EXISTS (
	SELECT 1 FROM `recognition_document_bindings` b WHERE b.`trial_site_id` = x.`trial_site_id` AND b.`document_id` = x.`document_id`
);
