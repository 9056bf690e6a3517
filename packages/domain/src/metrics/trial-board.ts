import { DEFAULT_REVIEW_LIMIT_DAYS, isDelayed, STARTUP_STAGE_TARGETS } from '@ctp/contracts';
import {
  committeeSettings,
  hospitalSpecialties,
  organisations,
  specialtyCatalogue,
  submissions,
  trialSites,
} from '@ctp/db';
import { eq, inArray } from 'drizzle-orm';
import { submissionClockStopsOf } from '../clock/clock-stops.ts';
import { addDays, daysBetween, shanghaiDate } from '../clock/dates.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import type { Ctx } from '../context.ts';
import { submissionClock } from '../ethics/read-submissions.ts';
import { delayRecordsOf, siteStageStatuses } from '../trials/delays.ts';

/** The stage a site is overdue on against the 60/60/30 targets (DESIGN §5), and by how many days. */
export function overdueStage(
  s: { selectedDate: string | null; ethicsApprovedDate: string | null; sivDate: string | null; fpiDate: string | null },
  today: string,
): { stage: 'ethics' | 'siv' | 'fpi'; dueDate: string; daysOver: number } | null {
  const steps = [
    ['ethics', s.selectedDate, s.ethicsApprovedDate, STARTUP_STAGE_TARGETS.ethics],
    ['siv', s.ethicsApprovedDate, s.sivDate, STARTUP_STAGE_TARGETS.siv],
    ['fpi', s.sivDate, s.fpiDate, STARTUP_STAGE_TARGETS.fpi],
  ] as const;
  for (const [stage, start, done, target] of steps) {
    if (!start || done) continue;
    const dueDate = addDays(start, target);
    return today > dueDate ? { stage, dueDate, daysOver: daysBetween(dueDate, today) } : null;
  }
  return null;
}

/**
 * Every site of these trials as the commission's boards show it (key projects, a project's page): state, days in
 * state, milestone dates, the latest review still open with its working-day clock, the overdue step, and each stage
 * against its target (`stageStatuses`, the same the trial page and `metrics.delays` use) with its current delay reason.
 */
export function boardSitesOf(ctx: Pick<Ctx, 'db'>, trialIds: string[], today: string) {
  const out = new Map<string, ReturnType<typeof siteView>[]>();
  if (!trialIds.length) return out;
  const sites = ctx.db
    .select({
      site: trialSites,
      hospitalName: organisations.nameZh,
      hospitalNameEn: organisations.nameEn,
      specialtyName: specialtyCatalogue.nameZh,
      specialtyNameEn: specialtyCatalogue.nameEn,
    })
    .from(trialSites)
    .innerJoin(organisations, eq(organisations.id, trialSites.hospitalOrgId))
    .innerJoin(hospitalSpecialties, eq(hospitalSpecialties.id, trialSites.hospitalSpecialtyId))
    .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
    .where(inArray(trialSites.trialId, trialIds))
    .all();
  const subs = ctx.db
    .select({ sub: submissions, limitDays: committeeSettings.reviewLimitDays })
    .from(submissions)
    .leftJoin(committeeSettings, eq(committeeSettings.committeeId, submissions.committeeId))
    .where(inArray(submissions.trialId, trialIds))
    .all();
  const stops = submissionClockStopsOf(
    ctx.db,
    subs.map((x) => x.sub.id),
  );
  const delays = delayRecordsOf(
    ctx.db,
    sites.map((s) => s.site.id),
  );
  const cal = loadWorkingCalendar(ctx.db);
  function siteView({ site, hospitalName, hospitalNameEn, specialtyName, specialtyNameEn }: (typeof sites)[number]) {
    // The site's latest review still open (accepted, not decided), with its working-day clock.
    const open = subs
      .filter(
        (x) => x.sub.trialSiteId === site.id && x.sub.acceptedDate && !x.sub.decidedDate && x.sub.state !== 'withdrawn',
      )
      .sort((a, b) => b.sub.createdAt - a.sub.createdAt)[0];
    const clock = open
      ? submissionClock(cal, open.sub, stops.get(open.sub.id) ?? [], open.limitDays ?? DEFAULT_REVIEW_LIMIT_DAYS, today)
      : null;
    // The newest reason of a stage is its current one (older rows are history).
    const reasons = new Map((delays.get(site.id) ?? []).map((d) => [d.stage, d] as const));
    const stages = siteStageStatuses(site, today).map((st) => ({
      ...st,
      reason: isDelayed(st) ? (reasons.get(st.stage)?.reason ?? null) : null,
      attribution: isDelayed(st) ? (reasons.get(st.stage)?.attribution ?? null) : null,
    }));
    return {
      trialSiteId: site.id,
      hospitalId: site.hospitalOrgId,
      hospitalName,
      hospitalNameEn,
      specialtyName,
      specialtyNameEn,
      role: site.role,
      state: site.state,
      daysInState: daysBetween(shanghaiDate(site.stateChangedAt), today),
      selectedDate: site.selectedDate,
      ethicsApprovedDate: site.ethicsApprovedDate,
      sivDate: site.sivDate,
      fpiDate: site.fpiDate,
      openSubmission: open ? { id: open.sub.id, state: open.sub.state, clock } : null,
      overdue: overdueStage(site, today),
      stages,
      delayed: stages.some(isDelayed),
    };
  }
  for (const s of sites) out.set(s.site.trialId, [...(out.get(s.site.trialId) ?? []), siteView(s)]);
  return out;
}
