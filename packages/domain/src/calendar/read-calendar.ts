import { type CalendarYearView, calendarYearInput, POLICIES } from '@ctp/contracts';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { calendarYearList, yearView } from './calendar-years.ts';

/**
 * Public contract `calendar.years`: every year with its source, completeness and schedule, newest first. The
 * official schedule is public information: every signed-in user may read it (only the admin changes it).
 */
export function listCalendarYears({ ctx }: { ctx: Ctx }): CalendarYearView[] {
  if (!ctx.isSystem && !POLICIES.signedIn.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  return calendarYearList(ctx.db, ctx.now()).map((y) => yearView(ctx.db, y));
}

export function getCalendarYear({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof calendarYearInput> }) {
  if (!ctx.isSystem && !POLICIES.signedIn.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = calendarYearInput.parse(raw);
  return yearView(ctx.db, input.year);
}
