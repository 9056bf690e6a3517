DROP INDEX `trial_sites_hospital_idx`;--> statement-breakpoint
CREATE INDEX `trial_sites_hospital_load_idx` ON `trial_sites` (`hospital_org_id`,`state`,`hospital_specialty_id`,`investigator_id`);