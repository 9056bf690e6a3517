import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Which hospitals' search read model changed, and when (issue 16): one row per hospital and part of its read model
 * (capacity, performance, registry, names) with the sequence number of its latest change, written by triggers (migration `0025_read_model_changes`) on every table the read model
 * reads — capacity, aliases, trial sites and their enrolment, review dates, registry links. A process that keeps the
 * read model in memory compares `max(seq)` with the one it built from and re-reads only those parts of the hospitals past it, so no
 * write path can forget to invalidate it. `hospital_id = '*'` marks a change to every hospital (the specialty
 * catalogue, the working-day calendar). Bookkeeping of derived data, not a state change: not audited.
 */
export const readModelChanges = sqliteTable(
  'read_model_changes',
  {
    hospitalId: text('hospital_id').notNull(),
    /** Which part of the hospital's read model: capacity, performance, registry, names (`all` with `*`). */
    part: text('part', { enum: ['capacity', 'performance', 'registry', 'names', 'all'] }).notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.hospitalId, t.part] }), index('read_model_changes_seq_idx').on(t.seq)],
);
