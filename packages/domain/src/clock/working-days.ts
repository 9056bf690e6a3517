import { addDays } from './dates.ts';
import { packageCoversYear, packageIsWorkday } from './package-calendar.ts';

export type WorkingCalendar = {
  isWorkday: (date: string) => boolean;
  /** The n-th working day strictly after `date` (n ≥ 1). */
  addWorkdays: (date: string, n: number) => string;
  /**
   * True when the year's official schedule is complete: covered by the bundled package, or entered by an admin and
   * marked complete. One override in a year never makes it known (issue 11).
   */
  knowsYear: (year: number) => boolean;
};

export type CalendarOverrides = ReadonlyMap<string, boolean>;

/**
 * Chinese working days: official holidays and make-up working days (调休) from chinese-days, with the admin's
 * entries (`calendar_overrides`) on top, and the years the admin marked complete (`calendar_years`).
 */
export function workingCalendar(
  overrides: CalendarOverrides = new Map(),
  completeYears: ReadonlySet<number> = new Set(),
): WorkingCalendar {
  // Clocks ask the same few hundred dates again and again (every review of a year): answer each once.
  const known = new Map<string, boolean>();
  const isWorkday = (date: string) => {
    let answer = known.get(date);
    if (answer === undefined) {
      answer = overrides.get(date) ?? packageIsWorkday(date);
      known.set(date, answer);
    }
    return answer;
  };
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
    knowsYear: (year) => completeYears.has(year) || packageCoversYear(year),
  };
}

const following = new Map<string, string>();
/** The calendar day after `date`, remembered: a clock walks the same dates for every review. */
function nextDay(date: string): string {
  let next = following.get(date);
  if (next === undefined) {
    next = addDays(date, 1);
    following.set(date, next);
  }
  return next;
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
  /**
   * Some day the clock counts over — from its acceptance to today (or its decision), or up to its due date — falls
   * in a year whose official schedule is not known: its working days are then Monday–Friday guesses. The UI warns.
   */
  calendarUnknown: boolean;
};

const yearOf = (date: string) => Number(date.slice(0, 4));

/** True when every year from `from` to `to` (dates, inclusive) is known to the calendar. */
export function calendarKnowsSpan(cal: WorkingCalendar, from: string, to: string): boolean {
  for (let y = yearOf(from); y <= yearOf(to); y++) if (!cal.knowsYear(y)) return false;
  return true;
}

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
  const stoppedOn = (d: string) =>
    p.stops.length > 0 && d <= p.until && p.stops.some((s) => d >= s.from && d <= (s.to ?? p.until));
  let used = 0;
  let stopped = 0;
  for (let d = nextDay(p.accepted); d <= p.until; d = nextDay(d)) {
    if (!cal.isWorkday(d)) continue;
    if (stoppedOn(d)) stopped++;
    else used++;
  }
  let dueDate = p.accepted;
  for (let counted = 0; counted < p.limitDays; ) {
    dueDate = nextDay(dueDate);
    if (cal.isWorkday(dueDate) && !stoppedOn(dueDate)) counted++;
  }
  const isStopped = p.stops.some((s) => s.to === null);
  // Dates as YYYY-MM-DD strings: the later one sorts last.
  const lastDay = [p.until, dueDate].sort().at(-1) ?? dueDate;
  return {
    dueDate,
    usedDays: used,
    limitDays: p.limitDays,
    stoppedDays: stopped,
    isStopped,
    isOverdue: !isStopped && p.until > dueDate,
    calendarUnknown: !calendarKnowsSpan(cal, p.accepted, lastDay),
  };
}
