import type { CalendarDayEntry } from '@ctp/contracts';
import chineseDays from 'chinese-days';
import { isWeekend } from './dates.ts';

/**
 * What the bundled chinese-days package knows. Its data covers 2004–2026 (1.5.7) and, for any later year, it treats
 * every Monday–Friday as a working day without saying so. A year counts as covered only when the package holds its
 * official holidays; that is derived from the data, never from a hard-coded last year, so an upgrade of the package
 * widens the known range by itself. chinese-days is CommonJS without `exports`: only the default import works.
 */
const covered = new Map<number, boolean>();

export function packageCoversYear(year: number): boolean {
  let known = covered.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    covered.set(year, known);
  }
  return known;
}

export function packageIsWorkday(date: string): boolean {
  return chineseDays.isWorkday(date);
}

/** "National Day,国庆节,3" → 国庆节 (the package's name field: English, Chinese, length). */
function chineseName(date: string): string {
  const detail = chineseDays.getDayDetail(date) as { name?: string };
  const parts = (detail.name ?? '').split(',');
  return parts[1] ?? parts[0] ?? '';
}

/** The package's schedule of one covered year: official holidays and make-up working days, with their names. */
export function packageSchedule(year: number): { holidays: CalendarDayEntry[]; makeupDays: CalendarDayEntry[] } {
  if (!packageCoversYear(year)) return { holidays: [], makeupDays: [] };
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const holidays = chineseDays
    .getHolidaysInRange(from, to, false)
    .map((date: string) => ({ date, name: chineseName(date) }));
  const makeupDays = chineseDays
    .getWorkdaysInRange(from, to, true)
    .filter(isWeekend)
    .map((date: string) => ({ date, name: chineseName(date) }));
  return { holidays, makeupDays };
}
