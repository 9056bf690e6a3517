import { calendarOverrides, calendarYears, type Db, type Tx } from '@ctp/db';
import { eq } from 'drizzle-orm';
import { packageCoversYear } from './package-calendar.ts';
import { type WorkingCalendar, workingCalendar } from './working-days.ts';

/**
 * The working-day calendar in force (DESIGN §4.4): the package, with the admin's entries on top for the years that
 * are known — covered by the package (a local correction) or marked complete. Entries of a year still being entered
 * are a draft: they take effect, and move due dates, when the admin completes the year (issue 11).
 */
export function loadWorkingCalendar(db: Db | Tx): WorkingCalendar {
  const complete = new Set(
    db
      .select({ year: calendarYears.year })
      .from(calendarYears)
      .where(eq(calendarYears.isComplete, true))
      .all()
      .map((r) => r.year),
  );
  const inForce = db
    .select({ date: calendarOverrides.date, isWorkday: calendarOverrides.isWorkday })
    .from(calendarOverrides)
    .all()
    .filter((r) => {
      const year = Number(r.date.slice(0, 4));
      return complete.has(year) || packageCoversYear(year);
    });
  return workingCalendar(new Map(inForce.map((r) => [r.date, r.isWorkday])), complete);
}
