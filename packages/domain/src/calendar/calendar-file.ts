import {
  CALENDAR_DAY_KINDS,
  type CalendarDayKind,
  type CalendarFileFormat,
  type CalendarYearView,
  type SetCalendarDaysInput,
  setCalendarDaysInput,
} from '@ctp/contracts';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { DomainError } from '../errors.ts';

/**
 * The calendar file, JSON or CSV, as the admin page and `pnpm ctp calendar import|export` read and write it:
 *   JSON  {"year": 2027, "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}, …]} (or just the array)
 *   CSV   date,kind,name — one line a day; kind is holiday | makeup | normal (also 休 / 班)
 * An export reads back as the same schedule.
 */
const KIND_ALIASES: Record<string, CalendarDayKind> = { 休: 'holiday', 假: 'holiday', 班: 'makeup', 调休: 'makeup' };

const invalid = (line: number, reason: string) =>
  new DomainError('VALIDATION', 'CALENDAR_FILE_INVALID', { params: { line, reason } });

type RawDay = { date?: unknown; kind?: unknown; name?: unknown; line: number };

function kindOf(raw: unknown, line: number): CalendarDayKind {
  const text = String(raw ?? '').trim();
  const kind = (CALENDAR_DAY_KINDS as readonly string[]).includes(text)
    ? (text as CalendarDayKind)
    : KIND_ALIASES[text];
  if (!kind) throw invalid(line, `kind "${text}" (holiday | makeup | normal)`);
  return kind;
}

function rawDaysOf(content: string): { year: unknown; days: RawDay[] } {
  const text = content.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw invalid(1, `JSON: ${(e as Error).message}`);
    }
    const days = Array.isArray(parsed) ? parsed : (parsed as { days?: unknown }).days;
    if (!Array.isArray(days)) throw invalid(1, 'no "days" array');
    const year = Array.isArray(parsed) ? undefined : (parsed as { year?: unknown }).year;
    return { year, days: days.map((d, i) => ({ ...(d as object), line: i + 1 })) };
  }
  let rows: string[][];
  try {
    rows = parseCsv(text, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (e) {
    throw invalid((e as { lines?: number }).lines ?? 1, `CSV: ${(e as Error).message}`);
  }
  const hasHeader = rows[0]?.[0]?.toLowerCase() === 'date';
  return {
    year: undefined,
    days: rows.map(([date, kind, name], i) => ({ date, kind, name, line: i + 1 })).slice(hasHeader ? 1 : 0),
  };
}

/** Reads a calendar file into one year's `setDays` input; any wrong line refuses the whole file, naming the line. */
export function parseCalendarFile(content: string): SetCalendarDaysInput {
  const { year: declared, days: raw } = rawDaysOf(content);
  if (raw.length === 0) throw invalid(1, 'no days');
  const days = raw.map((d) => {
    const date = String(d.date ?? '').trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw invalid(d.line, `date "${date}" (YYYY-MM-DD)`);
    const name = d.name === undefined || d.name === null ? undefined : String(d.name).trim() || undefined;
    return { date, kind: kindOf(d.kind, d.line), ...(name ? { name } : {}), line: d.line };
  });
  const year = declared === undefined ? Number(days[0]?.date.slice(0, 4)) : Number(declared);
  const input = { year, days: days.map(({ line: _line, ...d }) => d) };
  const parsed = setCalendarDaysInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const index = typeof issue?.path[1] === 'number' ? issue.path[1] : -1;
    const message = (issue?.message ?? '').replace(/^i18n:[^|]*\|/, '');
    throw invalid(days[index]?.line ?? 1, message);
  }
  return parsed.data;
}

/** One year as a file in the same format the import reads. */
export function formatCalendarFile(view: CalendarYearView, format: CalendarFileFormat): string {
  const days = [
    ...view.holidays.map((d) => ({ date: d.date, kind: 'holiday' as const, name: d.name })),
    ...view.makeupDays.map((d) => ({ date: d.date, kind: 'makeup' as const, name: d.name })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  if (format === 'json') return `${JSON.stringify({ year: view.year, days }, null, 2)}\n`;
  return stringifyCsv(days, { header: true, columns: ['date', 'kind', 'name'] });
}
