CREATE TABLE `read_model_changes` (
	`hospital_id` text NOT NULL,
	`part` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`hospital_id`, `part`)
);
--> statement-breakpoint
CREATE INDEX `read_model_changes_seq_idx` ON `read_model_changes` (`seq`);--> statement-breakpoint
-- Issue 16: every write to a table the search read model reads marks the hospitals (and the part of their read
-- model) it concerns; see the schema comment of read_model_changes. NEW and OLD both for updates. An upsert, not
-- INSERT OR REPLACE: a write that is itself an upsert imposes its conflict policy on the trigger's OR REPLACE, which
-- then fails on the second change of the same hospital (found by the calendar's upserts).
CREATE TRIGGER `read_model_organisations_insert` AFTER INSERT ON `organisations` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT CASE WHEN NEW.kind = 'hospital' THEN NEW.id END AS h), (SELECT 'capacity' AS p UNION ALL SELECT 'names' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_organisations_update` AFTER UPDATE ON `organisations` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT CASE WHEN NEW.kind = 'hospital' THEN NEW.id END AS h UNION SELECT CASE WHEN OLD.kind = 'hospital' THEN OLD.id END), (SELECT 'capacity' AS p UNION ALL SELECT 'names' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_organisations_delete` AFTER DELETE ON `organisations` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT CASE WHEN OLD.kind = 'hospital' THEN OLD.id END AS h), (SELECT 'capacity' AS p UNION ALL SELECT 'names' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_organisation_aliases_insert` AFTER INSERT ON `organisation_aliases` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.org_id AS h), (SELECT 'names' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_organisation_aliases_update` AFTER UPDATE ON `organisation_aliases` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.org_id AS h UNION SELECT OLD.org_id), (SELECT 'names' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_organisation_aliases_delete` AFTER DELETE ON `organisation_aliases` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT OLD.org_id AS h), (SELECT 'names' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_hospital_specialties_insert` AFTER INSERT ON `hospital_specialties` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.hospital_org_id AS h), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_hospital_specialties_update` AFTER UPDATE ON `hospital_specialties` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.hospital_org_id AS h UNION SELECT OLD.hospital_org_id), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_hospital_specialties_delete` AFTER DELETE ON `hospital_specialties` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT OLD.hospital_org_id AS h), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_specialty_disease_areas_insert` AFTER INSERT ON `specialty_disease_areas` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM hospital_specialties WHERE id = NEW.hospital_specialty_id) AS h), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_specialty_disease_areas_update` AFTER UPDATE ON `specialty_disease_areas` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM hospital_specialties WHERE id = NEW.hospital_specialty_id) AS h UNION SELECT (SELECT hospital_org_id FROM hospital_specialties WHERE id = OLD.hospital_specialty_id)), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_specialty_disease_areas_delete` AFTER DELETE ON `specialty_disease_areas` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM hospital_specialties WHERE id = OLD.hospital_specialty_id) AS h), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_investigators_insert` AFTER INSERT ON `investigators` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.hospital_org_id AS h), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_investigators_update` AFTER UPDATE ON `investigators` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.hospital_org_id AS h UNION SELECT OLD.hospital_org_id), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_investigators_delete` AFTER DELETE ON `investigators` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT OLD.hospital_org_id AS h), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_investigator_specialties_insert` AFTER INSERT ON `investigator_specialties` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM investigators WHERE id = NEW.investigator_id) AS h), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_investigator_specialties_update` AFTER UPDATE ON `investigator_specialties` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM investigators WHERE id = NEW.investigator_id) AS h UNION SELECT (SELECT hospital_org_id FROM investigators WHERE id = OLD.investigator_id)), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_investigator_specialties_delete` AFTER DELETE ON `investigator_specialties` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM investigators WHERE id = OLD.investigator_id) AS h), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_hospital_capabilities_insert` AFTER INSERT ON `hospital_capabilities` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.hospital_org_id AS h), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_hospital_capabilities_update` AFTER UPDATE ON `hospital_capabilities` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.hospital_org_id AS h UNION SELECT OLD.hospital_org_id), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_hospital_capabilities_delete` AFTER DELETE ON `hospital_capabilities` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT OLD.hospital_org_id AS h), (SELECT 'capacity' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_trial_sites_insert` AFTER INSERT ON `trial_sites` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.hospital_org_id AS h), (SELECT 'capacity' AS p UNION ALL SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_trial_sites_update` AFTER UPDATE ON `trial_sites` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.hospital_org_id AS h UNION SELECT OLD.hospital_org_id), (SELECT 'capacity' AS p UNION ALL SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_trial_sites_delete` AFTER DELETE ON `trial_sites` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT OLD.hospital_org_id AS h), (SELECT 'capacity' AS p UNION ALL SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_trial_site_enrolment_insert` AFTER INSERT ON `trial_site_enrolment` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM trial_sites WHERE id = NEW.trial_site_id) AS h), (SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_trial_site_enrolment_update` AFTER UPDATE ON `trial_site_enrolment` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM trial_sites WHERE id = NEW.trial_site_id) AS h UNION SELECT (SELECT hospital_org_id FROM trial_sites WHERE id = OLD.trial_site_id)), (SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_trial_site_enrolment_delete` AFTER DELETE ON `trial_site_enrolment` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM trial_sites WHERE id = OLD.trial_site_id) AS h), (SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_submissions_insert` AFTER INSERT ON `submissions` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM ethics_committees WHERE id = NEW.committee_id) AS h), (SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_submissions_update` AFTER UPDATE ON `submissions` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM ethics_committees WHERE id = NEW.committee_id) AS h UNION SELECT (SELECT hospital_org_id FROM ethics_committees WHERE id = OLD.committee_id)), (SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_submissions_delete` AFTER DELETE ON `submissions` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT hospital_org_id FROM ethics_committees WHERE id = OLD.committee_id) AS h), (SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_submission_clock_stops_insert` AFTER INSERT ON `submission_clock_stops` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT c.hospital_org_id FROM submissions s JOIN ethics_committees c ON c.id = s.committee_id WHERE s.id = NEW.submission_id) AS h), (SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_submission_clock_stops_update` AFTER UPDATE ON `submission_clock_stops` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT c.hospital_org_id FROM submissions s JOIN ethics_committees c ON c.id = s.committee_id WHERE s.id = NEW.submission_id) AS h UNION SELECT (SELECT c.hospital_org_id FROM submissions s JOIN ethics_committees c ON c.id = s.committee_id WHERE s.id = OLD.submission_id)), (SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_submission_clock_stops_delete` AFTER DELETE ON `submission_clock_stops` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT (SELECT c.hospital_org_id FROM submissions s JOIN ethics_committees c ON c.id = s.committee_id WHERE s.id = OLD.submission_id) AS h), (SELECT 'performance' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_registry_sites_insert` AFTER INSERT ON `registry_sites` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.hospital_id AS h), (SELECT 'registry' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_registry_sites_update` AFTER UPDATE ON `registry_sites` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT NEW.hospital_id AS h UNION SELECT OLD.hospital_id), (SELECT 'registry' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_registry_sites_delete` AFTER DELETE ON `registry_sites` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT OLD.hospital_id AS h), (SELECT 'registry' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_specialty_catalogue_insert` AFTER INSERT ON `specialty_catalogue` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT '*' AS h), (SELECT 'all' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_specialty_catalogue_update` AFTER UPDATE ON `specialty_catalogue` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT '*' AS h UNION SELECT '*'), (SELECT 'all' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_specialty_catalogue_delete` AFTER DELETE ON `specialty_catalogue` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT '*' AS h), (SELECT 'all' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_calendar_overrides_insert` AFTER INSERT ON `calendar_overrides` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT '*' AS h), (SELECT 'all' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_calendar_overrides_update` AFTER UPDATE ON `calendar_overrides` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT '*' AS h UNION SELECT '*'), (SELECT 'all' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_calendar_overrides_delete` AFTER DELETE ON `calendar_overrides` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT '*' AS h), (SELECT 'all' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_calendar_years_insert` AFTER INSERT ON `calendar_years` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT '*' AS h), (SELECT 'all' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_calendar_years_update` AFTER UPDATE ON `calendar_years` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT '*' AS h UNION SELECT '*'), (SELECT 'all' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_calendar_years_delete` AFTER DELETE ON `calendar_years` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT '*' AS h), (SELECT 'all' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_registry_trials_update` AFTER UPDATE ON `registry_trials` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT hospital_id AS h FROM registry_sites WHERE registry_trial_id = NEW.id UNION SELECT hospital_id AS h FROM registry_sites WHERE registry_trial_id = OLD.id), (SELECT 'registry' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_registry_trials_delete` AFTER DELETE ON `registry_trials` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT hospital_id AS h FROM registry_sites WHERE registry_trial_id = OLD.id), (SELECT 'registry' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_registry_trial_conditions_insert` AFTER INSERT ON `registry_trial_conditions` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT hospital_id AS h FROM registry_sites WHERE registry_trial_id = NEW.registry_trial_id), (SELECT 'registry' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_registry_trial_conditions_update` AFTER UPDATE ON `registry_trial_conditions` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT hospital_id AS h FROM registry_sites WHERE registry_trial_id = NEW.registry_trial_id UNION SELECT hospital_id AS h FROM registry_sites WHERE registry_trial_id = OLD.registry_trial_id), (SELECT 'registry' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `read_model_registry_trial_conditions_delete` AFTER DELETE ON `registry_trial_conditions` BEGIN
  INSERT INTO read_model_changes (hospital_id, part, seq)
    SELECT h, p, (SELECT coalesce(max(seq), 0) + 1 FROM read_model_changes) FROM (SELECT hospital_id AS h FROM registry_sites WHERE registry_trial_id = OLD.registry_trial_id), (SELECT 'registry' AS p) WHERE h IS NOT NULL
    ON CONFLICT (hospital_id, part) DO UPDATE SET seq = excluded.seq;
END;
