-- Issue 12: `submission_events.is_ec_only` was never set. Backfill the rows written before it was, from
-- SUBMISSION_EVENT_VISIBILITY (contracts/src/timeline-visibility.ts): the events no one outside the committee sees.
-- Since then the flag is set from that table when an event is written (isEcOnlyEvent).
UPDATE `submission_events` SET `is_ec_only` = 1 WHERE `step` IN ('refer_to_meeting');
