import { type Db, ethicsCommittees, submissions, trialSiteEnrolment, trialSites } from '@ctp/db';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { submissionClockStopsOf } from '../clock/clock-stops.ts';
import { daysBetween, shanghaiDate } from '../clock/dates.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import { computeClock } from '../clock/working-days.ts';

export type SitePerformance = {
  /** Median calendar days from selection to first patient in, over the hospital's sites that reached it. */
  startupMedianDays: number | null;
  /** Patients enrolled per active site-month (enrolled ÷ months since first patient, over enrolling sites). */
  enrolmentRate: number | null;
  /** Median working days from acceptance to decision at the hospital's ethics committee, clock stops excluded. */
  ethicsMedianWorkingDays: number | null;
};

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Past performance of every hospital that has any, from the records the workflows write (DESIGN §5 definitions):
 * what search sorts by "start-up speed", "enrolment rate" and "ethics turnaround".
 */
export function loadSitePerformance(db: Db, now: number): Map<string, SitePerformance> {
  const today = shanghaiDate(now);
  const sites = db.select().from(trialSites).where(isNotNull(trialSites.selectedDate)).all();
  const enrolled = new Map<string, number>();
  const siteIds = sites.filter((s) => s.fpiDate).map((s) => s.id);
  if (siteIds.length) {
    for (const e of db
      .select()
      .from(trialSiteEnrolment)
      .where(inArray(trialSiteEnrolment.trialSiteId, siteIds))
      .all()) {
      enrolled.set(e.trialSiteId, (enrolled.get(e.trialSiteId) ?? 0) + e.enrolled);
    }
  }
  const startup = new Map<string, number[]>();
  const rate = new Map<string, { enrolled: number; months: number }>();
  for (const s of sites) {
    if (s.selectedDate && s.fpiDate) {
      startup.set(s.hospitalOrgId, [...(startup.get(s.hospitalOrgId) ?? []), daysBetween(s.selectedDate, s.fpiDate)]);
      const end = s.lpiDate ?? s.closedDate ?? today;
      const months = Math.max(1, daysBetween(s.fpiDate, end) / 30.44);
      const r = rate.get(s.hospitalOrgId) ?? { enrolled: 0, months: 0 };
      rate.set(s.hospitalOrgId, { enrolled: r.enrolled + (enrolled.get(s.id) ?? 0), months: r.months + months });
    }
  }
  const decided = db
    .select({
      id: submissions.id,
      accepted: submissions.acceptedDate,
      decided: submissions.decidedDate,
      hospitalId: ethicsCommittees.hospitalOrgId,
    })
    .from(submissions)
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.id, submissions.committeeId))
    .where(and(isNotNull(submissions.acceptedDate), isNotNull(submissions.decidedDate)))
    .all();
  const turnaround = new Map<string, number[]>();
  if (decided.length) {
    const cal = loadWorkingCalendar(db);
    const stops = submissionClockStopsOf(
      db,
      decided.map((d) => d.id),
    );
    for (const d of decided) {
      const clock = computeClock(cal, {
        accepted: d.accepted!,
        limitDays: 15,
        stops: stops.get(d.id) ?? [],
        until: d.decided!,
      });
      turnaround.set(d.hospitalId, [...(turnaround.get(d.hospitalId) ?? []), clock.usedDays]);
    }
  }
  const out = new Map<string, SitePerformance>();
  for (const id of new Set([...startup.keys(), ...rate.keys(), ...turnaround.keys()])) {
    const r = rate.get(id);
    out.set(id, {
      startupMedianDays: median(startup.get(id) ?? []),
      enrolmentRate: r ? Math.round((r.enrolled / r.months) * 10) / 10 : null,
      ethicsMedianWorkingDays: median(turnaround.get(id) ?? []),
    });
  }
  return out;
}
