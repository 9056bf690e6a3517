import { calendarOverrides, type Db } from '@ctp/db';
import { type WorkingCalendar, workingCalendar } from './working-days.ts';

/** The working-day calendar with the admin overrides from `calendar_overrides` on top (DESIGN §4.4). */
export function loadWorkingCalendar(db: Db): WorkingCalendar {
  const rows = db
    .select({ date: calendarOverrides.date, isWorkday: calendarOverrides.isWorkday })
    .from(calendarOverrides)
    .all();
  return workingCalendar(new Map(rows.map((r) => [r.date, r.isWorkday])));
}
