import type { CalendarDayEntry, CalendarYearView } from '@ctp/contracts';
import { calendarOverrides, calendarYears, type Db, type Tx } from '@ctp/db';
import { and, gte, lte } from 'drizzle-orm';
import { isWeekend, shanghaiDate } from '../clock/dates.ts';
import { packageCoversYear, packageSchedule } from '../clock/package-calendar.ts';

type Override = { date: string; isWorkday: boolean; note: string };

/** One year's schedule: the package's (where it covers the year) with the admin's entries on top. */
export function scheduleOf(
  db: Db | Tx,
  year: number,
): { holidays: CalendarDayEntry[]; makeupDays: CalendarDayEntry[] } {
  const overrides: Override[] = db
    .select({ date: calendarOverrides.date, isWorkday: calendarOverrides.isWorkday, note: calendarOverrides.note })
    .from(calendarOverrides)
    .where(and(gte(calendarOverrides.date, `${year}-01-01`), lte(calendarOverrides.date, `${year}-12-31`)))
    .all();
  const base = packageSchedule(year);
  const days = new Map<string, { kind: 'holiday' | 'makeup'; name: string }>();
  for (const h of base.holidays) days.set(h.date, { kind: 'holiday', name: h.name });
  for (const m of base.makeupDays) days.set(m.date, { kind: 'makeup', name: m.name });
  for (const o of overrides) {
    // An override is a holiday (not worked), a make-up day (a worked weekend day), or a return to normal.
    if (!o.isWorkday) days.set(o.date, { kind: 'holiday', name: o.note });
    else if (isWeekend(o.date)) days.set(o.date, { kind: 'makeup', name: o.note });
    else days.delete(o.date);
  }
  const sorted = [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    holidays: sorted.filter(([, d]) => d.kind === 'holiday').map(([date, d]) => ({ date, name: d.name })),
    makeupDays: sorted.filter(([, d]) => d.kind === 'makeup').map(([date, d]) => ({ date, name: d.name })),
  };
}

/** The year row of the admin's calendar, if any. */
function yearRows(db: Db | Tx) {
  return new Map(
    db
      .select()
      .from(calendarYears)
      .all()
      .map((r) => [r.year, r]),
  );
}

export function yearView(db: Db | Tx, year: number): CalendarYearView {
  const row = yearRows(db).get(year);
  const bundled = packageCoversYear(year);
  return {
    year,
    source: bundled ? 'package' : 'admin',
    complete: bundled || Boolean(row?.isComplete),
    ...scheduleOf(db, year),
    completedAt: row?.completedAt ?? null,
  };
}

/**
 * The years the platform's calendar speaks of: every year the package covers, every year the admin touched, and
 * this year and next (Beijing's), so that the coming year shows as pending until its schedule is entered.
 */
export function calendarYearList(db: Db | Tx, now: number): number[] {
  const thisYear = Number(shanghaiDate(now).slice(0, 4));
  const years = new Set<number>([thisYear, thisYear + 1, ...yearRows(db).keys()]);
  for (const r of db.select({ date: calendarOverrides.date }).from(calendarOverrides).all())
    years.add(Number(r.date.slice(0, 4)));
  for (let y = thisYear; y >= 2000 && packageCoversYear(y); y--) years.add(y);
  for (let y = thisYear + 1; packageCoversYear(y); y++) years.add(y);
  return [...years].sort((a, b) => b - a);
}
