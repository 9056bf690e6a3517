CREATE TABLE `provider_profiles` (
	`org_id` text PRIMARY KEY NOT NULL,
	`categories_json` text NOT NULL,
	`districts_json` text NOT NULL,
	`areas_json` text NOT NULL,
	`contacts_json` text NOT NULL,
	`summary` text,
	`website` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `provider_qualifications` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`issued_on` text,
	`expires_on` text NOT NULL,
	`scope` text,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `provider_qualifications_org_idx` ON `provider_qualifications` (`org_id`);--> statement-breakpoint
CREATE INDEX `provider_qualifications_expiry_idx` ON `provider_qualifications` (`expires_on`);--> statement-breakpoint
CREATE TABLE `shortlist_providers` (
	`shortlist_id` text NOT NULL,
	`provider_org_id` text NOT NULL,
	`note` text,
	`added_by` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`shortlist_id`, `provider_org_id`),
	FOREIGN KEY (`shortlist_id`) REFERENCES `shortlists`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `trial_providers` (
	`trial_id` text NOT NULL,
	`provider_org_id` text NOT NULL,
	`category` text NOT NULL,
	`linked_by` text,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`trial_id`, `provider_org_id`, `category`),
	FOREIGN KEY (`trial_id`) REFERENCES `trials`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trial_providers_provider_idx` ON `trial_providers` (`provider_org_id`);--> statement-breakpoint
-- Full-text index of service providers (issue 18), beside hospital_search and built the same way: one document per
-- provider, rebuilt by the app in the transaction of every profile change; CJK text one character per token.
CREATE VIRTUAL TABLE `provider_search` USING fts5(
	`provider_id` UNINDEXED,
	`names`,
	`services`,
	`qualifications`,
	`coverage`,
	`initials`,
	tokenize = 'unicode61 remove_diacritics 2'
);
