CREATE TABLE `inquiry_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`inquiry_id` text NOT NULL,
	`original_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`storage_key` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inquiry_attachments_inquiry_idx` ON `inquiry_attachments` (`inquiry_id`,`uploaded_at`);--> statement-breakpoint
ALTER TABLE `shortlist_items` ADD `query_json` text;--> statement-breakpoint
-- 隶属高校 held the hospital's affiliated name (南京医科大学第一附属医院), not the university (issue 14): keep the
-- university only, as universityOf() in packages/domain/src/organisations/university.ts does for new seeds.
UPDATE `organisations` SET `parent_university` = CASE
  WHEN `parent_university` LIKE 'unknown%' OR `parent_university` LIKE '%管理' THEN NULL
  WHEN instr(`parent_university`, '大学') > 0 THEN substr(`parent_university`, 1, instr(`parent_university`, '大学') + 1)
  ELSE `parent_university` END
WHERE `kind` = 'hospital' AND `parent_university` IS NOT NULL;
