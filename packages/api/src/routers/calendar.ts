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
import { guarded, router } from '../trpc.ts';

/** The official working-day calendar (issue 11): read by everyone signed in, kept by the platform admin. */
export const calendarRouter = router({
  years: guarded(POLICIES.signedIn).query(({ ctx }) => listCalendarYears({ ctx: ctx.uc })),
  year: guarded(POLICIES.signedIn)
    .input(calendarYearInput)
    .query(({ ctx, input }) => getCalendarYear({ ctx: ctx.uc, input })),
  setDays: guarded(POLICIES.administer)
    .input(setCalendarDaysInput)
    .mutation(({ ctx, input }) => setCalendarDays({ ctx: ctx.uc, input })),
  completeYear: guarded(POLICIES.administer)
    .input(calendarYearInput)
    .mutation(({ ctx, input }) => completeCalendarYear({ ctx: ctx.uc, input })),
  importFile: guarded(POLICIES.administer)
    .input(importCalendarFileInput)
    .mutation(({ ctx, input }) => importCalendarFile({ ctx: ctx.uc, input })),
  export: guarded(POLICIES.signedIn)
    .input(exportCalendarInput)
    .query(({ ctx, input }) => exportCalendarYear({ ctx: ctx.uc, input })),
});
