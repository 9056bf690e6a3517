import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './identity.ts';
import { trials } from './trials.ts';

/**
 * The commission's incentive-index weights (激励指数, issue 7), one row per saved version; the newest is in force.
 * Versions are never updated or deleted, so every past ranking can be explained with the weights it used.
 */
export const incentiveWeightVersions = sqliteTable('incentive_weight_versions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** JSON object term → integer weight (the weights add up to 100). */
  weightsJson: text('weights_json').notNull(),
  note: text('note').notNull(),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
});

/**
 * City key projects (重点攻关项目): one row per flagging; unflagging closes the row (kept for history). A trial is a
 * key project while it has a row with `unflagged_at` null.
 */
export const keyProjects = sqliteTable(
  'key_projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trialId: text('trial_id')
      .notNull()
      .references(() => trials.id),
    reason: text('reason').notNull(),
    flaggedBy: text('flagged_by')
      .notNull()
      .references(() => users.id),
    flaggedAt: integer('flagged_at').notNull(),
    unflagReason: text('unflag_reason'),
    unflaggedBy: text('unflagged_by').references(() => users.id),
    unflaggedAt: integer('unflagged_at'),
  },
  (t) => [index('key_projects_trial_idx').on(t.trialId, t.unflaggedAt)],
);
