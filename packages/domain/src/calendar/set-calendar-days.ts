import { type CalendarYearView, POLICIES, type SetCalendarDaysInput, setCalendarDaysInput } from '@ctp/contracts';
import { calendarOverrides, calendarYears } from '@ctp/db';
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { isWeekend, shanghaiDate } from '../clock/dates.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import { packageIsWorkday, packageSchedule } from '../clock/package-calendar.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { yearView } from './calendar-years.ts';
import { recordMovedDueDates } from './record-moved-due-dates.ts';

type Row = { date: string; isWorkday: boolean; note: string };

/**
 * What one entered day becomes in `calendar_overrides`: a holiday is a day off, a make-up day (调休上班) a worked
 * Saturday or Sunday, and `normal` the plain week. A row is kept only where it says something the package does not
 * (so re-importing the bundled schedule stores nothing); null removes the date's row.
 */
function rowFor(day: SetCalendarDaysInput['days'][number], bundled: Map<string, string>): Row | null {
  if (day.kind === 'normal') {
    const natural = !isWeekend(day.date);
    return packageIsWorkday(day.date) === natural ? null : { date: day.date, isWorkday: natural, note: '' };
  }
  const isWorkday = day.kind === 'makeup';
  const name = day.name ?? '';
  if (bundled.get(day.date) === `${day.kind}:${name}` && packageIsWorkday(day.date) === isWorkday) return null;
  return { date: day.date, isWorkday, note: name };
}

/**
 * Public contract `calendar.setDays`: enters part of one year's official schedule (admin only). Every date belongs
 * to the year and appears once; a make-up working day is a Saturday or Sunday. In a year still being entered the
 * days are a draft until the year is completed; in a known year they take effect at once, and open clocks whose
 * due date moves get a timeline event in the same transaction. Audited with the days before and after.
 */
export function setCalendarDays({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof setCalendarDaysInput>;
}): CalendarYearView & { movedDueDates: number } {
  if (!ctx.isSystem && !POLICIES.administer.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = setCalendarDaysInput.parse(raw);
  const notWeekend = input.days.findIndex((d) => d.kind === 'makeup' && !isWeekend(d.date));
  if (notWeekend >= 0) {
    const date = input.days[notWeekend]?.date ?? '';
    throw new DomainError('VALIDATION', 'CALENDAR_MAKEUP_NOT_WEEKEND', {
      params: { date },
      fieldErrors: [{ path: `days.${notWeekend}.date`, message: date }],
    });
  }
  return applyCalendarDays(ctx, input);
}

/** The write shared by `setDays` and the file import: one transaction, audit and due-date moves inside. */
export function applyCalendarDays(ctx: Ctx, input: SetCalendarDaysInput) {
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const before = loadWorkingCalendar(tx);
    const dates = input.days.map((d) => d.date);
    const previous = tx.select().from(calendarOverrides).where(inArray(calendarOverrides.date, dates)).all();
    const schedule = packageSchedule(input.year);
    const bundled = new Map([
      ...schedule.holidays.map((d) => [d.date, `holiday:${d.name}`] as const),
      ...schedule.makeupDays.map((d) => [d.date, `makeup:${d.name}`] as const),
    ]);
    for (const day of input.days) {
      const row = rowFor(day, bundled);
      if (!row) {
        tx.delete(calendarOverrides).where(eq(calendarOverrides.date, day.date)).run();
        continue;
      }
      tx.insert(calendarOverrides)
        .values({ ...row, createdBy: ctx.actor?.userId ?? null, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({
          target: calendarOverrides.date,
          set: { isWorkday: row.isWorkday, note: row.note, updatedAt: now },
        })
        .run();
    }
    tx.insert(calendarYears)
      .values({ year: input.year, isComplete: false, updatedAt: now })
      .onConflictDoUpdate({ target: calendarYears.year, set: { updatedAt: now } })
      .run();
    const moved = recordMovedDueDates(
      tx,
      { before, after: loadWorkingCalendar(tx) },
      { today: shanghaiDate(now), now, year: input.year },
    );
    writeAuditEvent(tx, ctx, {
      action: 'calendar.set_days',
      entityType: 'calendar_year',
      entityId: String(input.year),
      before: { days: previous.map((p) => ({ date: p.date, isWorkday: p.isWorkday, name: p.note })) },
      after: { days: input.days, movedDueDates: moved },
    });
    return { ...yearView(tx, input.year), movedDueDates: moved.length };
  });
}
