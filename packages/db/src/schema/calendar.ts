import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './identity.ts';

/**
 * Admin overrides of the official working-day calendar (DESIGN §4.4): for years the chinese-days package does
 * not know yet, or a local correction. One row per date; it wins over the package.
 */
export const calendarOverrides = sqliteTable('calendar_overrides', {
  date: text('date').primaryKey(),
  isWorkday: integer('is_workday', { mode: 'boolean' }).notNull(),
  note: text('note').notNull(),
  createdBy: text('created_by').references(() => users.id),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * A year of the official schedule kept by an admin (issue 11). `complete` is set once the whole schedule of the
 * State Council's notice is entered: only then does the year count as known and clocks stop warning about it.
 */
export const calendarYears = sqliteTable('calendar_years', {
  year: integer('year').primaryKey(),
  isComplete: integer('is_complete', { mode: 'boolean' }).notNull().default(false),
  completedBy: text('completed_by').references(() => users.id),
  completedAt: integer('completed_at'),
  updatedAt: integer('updated_at').notNull(),
});
