import { DELAY_ATTRIBUTIONS, DELAY_REASONS, DELAY_STAGES } from '@ctp/contracts';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './identity.ts';
import { trialSites } from './trials.ts';

/**
 * Start-up delay reasons (DESIGN §5): one row per recording, never updated — the newest row of a site's stage is
 * its current reason, the older ones its history. Recorded by the hospital's trial office or the trial's sponsor.
 */
export const trialSiteDelays = sqliteTable(
  'trial_site_delays',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trialSiteId: text('trial_site_id')
      .notNull()
      .references(() => trialSites.id),
    stage: text('stage', { enum: DELAY_STAGES }).notNull(),
    reason: text('reason', { enum: DELAY_REASONS }).notNull(),
    attribution: text('attribution', { enum: DELAY_ATTRIBUTIONS }).notNull(),
    note: text('note'),
    /** Which side recorded it: the hospital (trial office) or the sponsor. */
    recordedBySide: text('recorded_by_side', { enum: ['site', 'sponsor'] }).notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [index('trial_site_delays_site_idx').on(t.trialSiteId, t.stage, t.recordedAt)],
);
