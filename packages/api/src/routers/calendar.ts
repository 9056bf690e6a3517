import {
  calendarYearInput,
  exportCalendarInput,
  importCalendarFileInput,
  POLICIES,
  setCalendarDaysInput,
} from '@ctp/contracts';
import {
  completeCalendarYear,
  exportCalendarYear,
  getCalendarYear,
  importCalendarFile,
  listCalendarYears,
  setCalendarDays,
} from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

/** The official working-day calendar (issue 11): read by everyone signed in, kept by the platform admin. */
export const calendarRouter = router({
  years: guarded(POLICIES.signedIn).query(({ ctx }) => listCalendarYears({ ctx: useCaseCtx(ctx) })),
  year: guarded(POLICIES.signedIn)
    .input(calendarYearInput)
    .query(({ ctx, input }) => getCalendarYear({ ctx: useCaseCtx(ctx), input })),
  setDays: guarded(POLICIES.administer)
    .input(setCalendarDaysInput)
    .mutation(({ ctx, input }) => setCalendarDays({ ctx: useCaseCtx(ctx), input })),
  completeYear: guarded(POLICIES.administer)
    .input(calendarYearInput)
    .mutation(({ ctx, input }) => completeCalendarYear({ ctx: useCaseCtx(ctx), input })),
  importFile: guarded(POLICIES.administer)
    .input(importCalendarFileInput)
    .mutation(({ ctx, input }) => importCalendarFile({ ctx: useCaseCtx(ctx), input })),
  export: guarded(POLICIES.signedIn)
    .input(exportCalendarInput)
    .query(({ ctx, input }) => exportCalendarYear({ ctx: useCaseCtx(ctx), input })),
});
