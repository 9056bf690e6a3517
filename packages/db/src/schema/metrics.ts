import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './identity.ts';

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
