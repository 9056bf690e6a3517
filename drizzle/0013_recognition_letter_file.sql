ALTER TABLE `recognition_requests` ADD `letter_sha256` text;--> statement-breakpoint
ALTER TABLE `recognition_requests` ADD `letter_storage_key` text;--> statement-breakpoint
ALTER TABLE `recognition_requests` ADD `letter_size_bytes` integer;--> statement-breakpoint
ALTER TABLE `recognition_requests` ADD `letter_stored_at` integer;