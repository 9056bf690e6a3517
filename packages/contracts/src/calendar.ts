import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';

/**
 * The official working-day calendar (DESIGN §4.4, issue 11): the State Council's yearly schedule of public holidays
 * (法定节假日) and make-up working days (调休上班), kept in the product for years the bundled package does not know.
 * A year is *known* only when its schedule is complete: bundled data for the years it really covers, or a year an
 * admin entered and marked complete. One override alone never makes a year known.
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'makeup', 'normal'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const CALENDAR_SOURCES = ['package', 'admin'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];
export const CALENDAR_FILE_FORMATS = ['json', 'csv'] as const;
export type CalendarFileFormat = (typeof CALENDAR_FILE_FORMATS)[number];

/** The years an admin may keep: far enough back for corrections, far enough ahead for the next notice. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

const isRealDate = (s: string) => {
  const ms = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === s;
};

export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD'))
  .refine(isRealDate, { message: bi('不是有效的日期', 'Not a real date') });

export const calendarYear = z
  .number()
  .int()
  .min(CALENDAR_MIN_YEAR, bi(`年份不能早于 ${CALENDAR_MIN_YEAR}`, `The year cannot be before ${CALENDAR_MIN_YEAR}`))
  .max(CALENDAR_MAX_YEAR, bi(`年份不能晚于 ${CALENDAR_MAX_YEAR}`, `The year cannot be after ${CALENDAR_MAX_YEAR}`));

const dayName = z.string().trim().max(40, bi('名称最多 40 个字', 'The name has at most 40 characters'));

export const calendarDayInput = z.object({
  date: calendarDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  /** 元旦, 春节, … — required for a holiday or a make-up day, ignored for `normal` (which removes the entry). */
  name: dayName.optional(),
});
export type CalendarDayInput = z.infer<typeof calendarDayInput>;

/** One change to a year's schedule; a date appears once, and belongs to the year (checked by the use-case too). */
export const setCalendarDaysInput = z
  .object({
    year: calendarYear,
    days: z.array(calendarDayInput).min(1, bi('至少填写一天', 'Enter at least one day')).max(400),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.days.forEach((d, i) => {
      if (!d.date.startsWith(`${v.year}-`))
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'date'],
          message: bi(`${d.date} 不属于 ${v.year} 年`, `${d.date} is not in ${v.year}`),
        });
      if (seen.has(d.date))
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'date'],
          message: bi(
            `${d.date} 出现了两次：一天只能是节假日或调休上班日之一`,
            `${d.date} appears twice: a day is either a holiday or a make-up working day`,
          ),
        });
      seen.add(d.date);
      if (d.kind !== 'normal' && !d.name)
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'name'],
          message: bi('请填写节日名称（如 元旦、春节）', 'Give the holiday name (e.g. New Year, Spring Festival)'),
        });
    });
  });
export type SetCalendarDaysInput = z.infer<typeof setCalendarDaysInput>;

export const calendarYearInput = z.object({ year: calendarYear });

export const importCalendarFileInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  /** The file's text (JSON or CSV, told apart by its content); small: one year is a few dozen lines. */
  content: z.string().min(1, bi('文件为空', 'The file is empty')).max(200_000, bi('文件过大', 'The file is too large')),
});

export const exportCalendarInput = z.object({ year: calendarYear, format: z.enum(CALENDAR_FILE_FORMATS) });

export type CalendarDayEntry = { date: string; name: string };
export type CalendarYearView = {
  year: number;
  source: CalendarSource;
  complete: boolean;
  holidays: CalendarDayEntry[];
  makeupDays: CalendarDayEntry[];
  completedAt: number | null;
};

/** From this day of the year (MM-DD), admins and EC secretaries are reminded while next year's schedule is missing. */
export const CALENDAR_REMINDER_FROM = '11-01';
