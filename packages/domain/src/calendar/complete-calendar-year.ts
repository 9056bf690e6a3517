import { type CalendarYearView, calendarYearInput, POLICIES } from '@ctp/contracts';
import { calendarYears } from '@ctp/db';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate } from '../clock/dates.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import { packageCoversYear } from '../clock/package-calendar.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { scheduleOf, yearView } from './calendar-years.ts';
import { recordMovedDueDates } from './record-moved-due-dates.ts';

/**
 * Public contract `calendar.completeYear`: the admin declares a year's official schedule fully entered. From then on
 * the year is known, clocks running through it stop warning, and every open clock is recomputed; each due date that
 * moves is recorded on its timeline, in the same transaction.
 */
export function completeCalendarYear({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof calendarYearInput>;
}): CalendarYearView & { movedDueDates: number } {
  if (!ctx.isSystem && !POLICIES.administer.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const { year } = calendarYearInput.parse(raw);
  if (packageCoversYear(year))
    throw new DomainError('PRECONDITION_FAILED', 'CALENDAR_YEAR_BUNDLED', { params: { year } });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const view = yearView(tx, year);
    if (view.complete) throw new DomainError('CONFLICT', 'CALENDAR_YEAR_COMPLETE', { params: { year } });
    // Every official schedule has public holidays; an empty year marked complete would silently count none.
    if (scheduleOf(tx, year).holidays.length === 0)
      throw new DomainError('PRECONDITION_FAILED', 'CALENDAR_YEAR_EMPTY', { params: { year } });
    const before = loadWorkingCalendar(tx);
    tx.insert(calendarYears)
      .values({ year, isComplete: true, completedBy: ctx.actor?.userId ?? null, completedAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: calendarYears.year,
        set: { isComplete: true, completedBy: ctx.actor?.userId ?? null, completedAt: now, updatedAt: now },
      })
      .run();
    const moved = recordMovedDueDates(
      tx,
      { before, after: loadWorkingCalendar(tx) },
      { today: shanghaiDate(now), now, year },
    );
    writeAuditEvent(tx, ctx, {
      action: 'calendar.complete_year',
      entityType: 'calendar_year',
      entityId: String(year),
      before: { complete: false },
      after: {
        complete: true,
        holidays: view.holidays.length,
        makeupDays: view.makeupDays.length,
        movedDueDates: moved,
      },
    });
    return { ...yearView(tx, year), movedDueDates: moved.length };
  });
}
