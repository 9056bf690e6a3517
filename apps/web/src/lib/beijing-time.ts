import dayjs, { type Dayjs } from 'dayjs';

/**
 * The web's one clock. The platform's records, deadlines and letters are all in Asia/Shanghai (DESIGN §4.4), and the
 * server decides "today" in that zone; so does every page, whatever zone the browser is in — a reviewer abroad, or a
 * CI runner in UTC after 16:00, sees the same dates as the committee. Nothing in apps/web reads the browser's zone:
 * no `dayjs()`, no `new Date().toLocale…()` without this module.
 *
 * China has kept UTC+8 all year since 1991, so a fixed offset is exact (and needs no time-zone data in the browser).
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
export const DATE_FORMAT = 'YYYY-MM-DD';
export const MONTH_FORMAT = 'YYYY-MM';

/** The Beijing wall clock of an instant as `YYYY-MM-DD HH:mm:ss`. */
function beijingWallClock(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** An instant (UTC milliseconds) as Beijing time `YYYY-MM-DD HH:mm` (or with seconds). */
export function beijingTime(ms: number, withSeconds = false): string {
  return beijingWallClock(ms).slice(0, withSeconds ? 19 : 16);
}

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export function beijingDate(ms: number): string {
  return beijingWallClock(ms).slice(0, 10);
}

/** Today in Beijing, YYYY-MM-DD. */
export function beijingToday(nowMs: number = Date.now()): string {
  return beijingDate(nowMs);
}

/** This month in Beijing, YYYY-MM. */
export function beijingMonth(nowMs: number = Date.now()): string {
  return beijingDate(nowMs).slice(0, 7);
}

/** Calendar arithmetic on YYYY-MM-DD dates (no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A YYYY-MM month moved by whole months. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last day (YYYY-MM-DD) of a YYYY-MM month. */
export function lastDayOfMonth(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}

/** The weekday of a YYYY-MM-DD date, 0 = Sunday … 6 = Saturday (a calendar date has one weekday everywhere). */
export function weekdayOf(date: string): number {
  return new Date(Date.parse(`${date}T00:00:00Z`)).getUTCDay();
}

/** Whole calendar days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/*
 * antd pickers hold dayjs values in the browser's zone; only their year, month and day are meant. So a calendar date
 * becomes a picker value through `pickerValue`, and picker values are compared with Beijing dates as formatted
 * strings (`dayOf`, `monthOf`) — never with `isBefore(dayjs())`, which would bring the browser's "today" back.
 */

/** A YYYY-MM-DD (or YYYY-MM) date as a picker value. */
export function pickerValue(date: string): Dayjs {
  return dayjs(date);
}

/** Beijing's today as a picker value (a default date in a form). */
export function beijingTodayValue(nowMs: number = Date.now()): Dayjs {
  return pickerValue(beijingToday(nowMs));
}

/** The Beijing wall clock now as a local dayjs: what the pickers call "now" (today's cell, the Today button). */
export function beijingNowValue(nowMs: number = Date.now()): Dayjs {
  return dayjs(beijingWallClock(nowMs));
}

export const dayOf = (d: Dayjs): string => d.format(DATE_FORMAT);
export const monthOf = (d: Dayjs): string => d.format(MONTH_FORMAT);

/** Picker limits: after Beijing's today, before it, after Beijing's month. */
export const isAfterBeijingToday = (d: Dayjs): boolean => dayOf(d) > beijingToday();
export const isBeforeBeijingToday = (d: Dayjs): boolean => dayOf(d) < beijingToday();
export const isAfterBeijingMonth = (d: Dayjs): boolean => monthOf(d) > beijingMonth();
