import chineseDays from 'chinese-days';
import { addDays } from './dates.ts';

/** The last year the bundled chinese-days calendar knows; later years need admin overrides (TOOLCHAIN). */
export const CALENDAR_KNOWN_UNTIL = 2026;

export type WorkingCalendar = {
  isWorkday: (date: string) => boolean;
  /** The n-th working day strictly after `date` (n ≥ 1). */
  addWorkdays: (date: string, n: number) => string;
  /** True when the year is covered by the package or by at least one override in that year. */
  knowsYear: (year: number) => boolean;
};

/**
 * Chinese working days: official holidays and make-up working days (调休) from chinese-days, with the admin
 * override table on top. Note: chinese-days is CommonJS without `exports` — only the default import works in Node.
 */
export function workingCalendar(overrides: ReadonlyMap<string, boolean> = new Map()): WorkingCalendar {
  const overriddenYears = new Set([...overrides.keys()].map((d) => Number(d.slice(0, 4))));
  const isWorkday = (date: string) => overrides.get(date) ?? chineseDays.isWorkday(date);
  return {
    isWorkday,
    addWorkdays(date, n) {
      let d = date;
      let left = n;
      while (left > 0) {
        d = addDays(d, 1);
        if (isWorkday(d)) left--;
      }
      return d;
    },
    knowsYear: (year) => year <= CALENDAR_KNOWN_UNTIL || overriddenYears.has(year),
  };
}

export type ClockStop = { from: string; to: string | null };

export type ClockState = {
  dueDate: string;
  /** Working days counted so far (stopped days excluded). */
  usedDays: number;
  limitDays: number;
  /** Working days on which the clock was stopped at any time. */
  stoppedDays: number;
  isStopped: boolean;
  isOverdue: boolean;
  /** The clock runs into a year the calendar does not know: the UI should warn. */
  calendarUnknown: boolean;
};

/**
 * A review clock in working days (DESIGN §4.4): the day of acceptance is day 0; the due date is the N-th working
 * day after it; a working day on which the clock was stopped at any time does not count, and moves the due date
 * out by one. `until` is the decision date, or today while the clock runs.
 */
export function computeClock(
  cal: WorkingCalendar,
  p: { accepted: string; limitDays: number; stops: ClockStop[]; until: string },
): ClockState {
  // An open stop counts up to `until`: while it lasts, each further stopped working day moves the due date again.
  const stoppedOn = (d: string) => d <= p.until && p.stops.some((s) => d >= s.from && d <= (s.to ?? p.until));
  let used = 0;
  let stopped = 0;
  for (let d = addDays(p.accepted, 1); d <= p.until; d = addDays(d, 1)) {
    if (!cal.isWorkday(d)) continue;
    if (stoppedOn(d)) stopped++;
    else used++;
  }
  let dueDate = p.accepted;
  for (let counted = 0; counted < p.limitDays; ) {
    dueDate = addDays(dueDate, 1);
    if (cal.isWorkday(dueDate) && !stoppedOn(dueDate)) counted++;
  }
  const isStopped = p.stops.some((s) => s.to === null);
  return {
    dueDate,
    usedDays: used,
    limitDays: p.limitDays,
    stoppedDays: stopped,
    isStopped,
    isOverdue: !isStopped && p.until > dueDate,
    calendarUnknown: !cal.knowsYear(Number(dueDate.slice(0, 4))),
  };
}
