import { type Db, ethicsCommittees, submissions, trialSiteEnrolment, trialSites } from '@ctp/db';
import { and, eq, inArray, isNotNull, sum } from 'drizzle-orm';
import { submissionClockStopsOf } from '../clock/clock-stops.ts';
import { daysBetween, shanghaiDate } from '../clock/dates.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import { computeClock, type WorkingCalendar } from '../clock/working-days.ts';

export type SitePerformance = {
  /** Median calendar days from selection to first patient in, over the hospital's sites that reached it. */
  startupMedianDays: number | null;
  /** Patients enrolled per active site-month (enrolled ÷ months since first patient, over enrolling sites). */
  enrolmentRate: number | null;
  /** Median working days from acceptance to decision at the hospital's ethics committee, clock stops excluded. */
  ethicsMedianWorkingDays: number | null;
};

/**
 * What a hospital's performance is made of, reduced to what does not depend on the day (issue 16): the read model
 * keeps these per hospital and re-reads one hospital after a change; `performanceOn` finishes them for a day.
 */
export type PerformanceFacts = {
  startupMedianDays: number | null;
  ethicsMedianWorkingDays: number | null;
  /** Enrolling sites that have ended (last patient in, or closed): enrolled and active months, summed. */
  ended: { enrolled: number; months: number };
  /** Sites still enrolling: their first patient's day (days since 1970-01-01) and enrolled so far. */
  open: { fpiDay: number; enrolled: number }[];
};

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const DAY = 86_400_000;
const MONTH_DAYS = 30.44;
const epochDay = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

/**
 * The performance facts of the given hospitals (every hospital without `hospitalIds`), from the records the
 * workflows write (DESIGN §5 definitions): what search sorts by "start-up speed", "enrolment rate" and "ethics
 * turnaround". Filtered by hospital, never by lists of site or submission ids (SQLite's variable limit).
 */
export function loadPerformanceFacts(
  db: Db,
  hospitalIds?: readonly string[],
  /** The calendar to count with: one shared by a batched read keeps its remembered working days (issue 16). */
  calendar?: WorkingCalendar,
): Map<string, PerformanceFacts> {
  if (hospitalIds && hospitalIds.length === 0) return new Map();
  const ofHospitals = hospitalIds ? inArray(trialSites.hospitalOrgId, [...hospitalIds]) : undefined;
  const sites = db
    .select({
      id: trialSites.id,
      hospitalId: trialSites.hospitalOrgId,
      selected: trialSites.selectedDate,
      fpi: trialSites.fpiDate,
      lpi: trialSites.lpiDate,
      closed: trialSites.closedDate,
    })
    .from(trialSites)
    .where(and(isNotNull(trialSites.selectedDate), isNotNull(trialSites.fpiDate), ofHospitals))
    .all();
  // Totals per site in one grouped query.
  const enrolledRows = db
    .select({ id: trialSiteEnrolment.trialSiteId, enrolled: sum(trialSiteEnrolment.enrolled).mapWith(Number) })
    .from(trialSiteEnrolment);
  const enrolled = new Map<string, number>(
    (hospitalIds
      ? enrolledRows
          .innerJoin(trialSites, eq(trialSites.id, trialSiteEnrolment.trialSiteId))
          .where(ofHospitals)
          .groupBy(trialSiteEnrolment.trialSiteId)
          .all()
      : enrolledRows.groupBy(trialSiteEnrolment.trialSiteId).all()
    ).map((r) => [r.id, r.enrolled]),
  );
  const startup = new Map<string, number[]>();
  const ended = new Map<string, { enrolled: number; months: number }>();
  const open = new Map<string, { fpiDay: number; enrolled: number }[]>();
  for (const s of sites) {
    const n = enrolled.get(s.id) ?? 0;
    pushTo(startup, s.hospitalId, daysBetween(s.selected!, s.fpi!));
    const end = s.lpi ?? s.closed;
    if (end === null) pushTo(open, s.hospitalId, { fpiDay: epochDay(s.fpi!), enrolled: n });
    else {
      const e = ended.get(s.hospitalId) ?? { enrolled: 0, months: 0 };
      e.enrolled += n;
      e.months += Math.max(1, daysBetween(s.fpi!, end) / MONTH_DAYS);
      ended.set(s.hospitalId, e);
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
    .where(
      and(
        isNotNull(submissions.acceptedDate),
        isNotNull(submissions.decidedDate),
        hospitalIds ? inArray(ethicsCommittees.hospitalOrgId, [...hospitalIds]) : undefined,
      ),
    )
    .all();
  const turnaround = new Map<string, number[]>();
  if (decided.length) {
    const cal = calendar ?? loadWorkingCalendar(db);
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
      pushTo(turnaround, d.hospitalId, clock.usedDays);
    }
  }
  const out = new Map<string, PerformanceFacts>();
  for (const id of new Set([...startup.keys(), ...turnaround.keys()]))
    out.set(id, {
      startupMedianDays: median(startup.get(id) ?? []),
      ethicsMedianWorkingDays: median(turnaround.get(id) ?? []),
      ended: ended.get(id) ?? { enrolled: 0, months: 0 },
      open: open.get(id) ?? [],
    });
  return out;
}

/** A hospital's performance on a day: the enrolment rate counts the months of its open sites up to that day. */
export function performanceOn(facts: PerformanceFacts, now: number): SitePerformance {
  const today = epochDay(shanghaiDate(now));
  let { enrolled, months } = facts.ended;
  for (const o of facts.open) {
    enrolled += o.enrolled;
    months += Math.max(1, (today - o.fpiDay) / MONTH_DAYS);
  }
  const enrolling = facts.open.length > 0 || months > 0;
  return {
    startupMedianDays: facts.startupMedianDays,
    enrolmentRate: enrolling ? Math.round((enrolled / months) * 10) / 10 : null,
    ethicsMedianWorkingDays: facts.ethicsMedianWorkingDays,
  };
}

/** Every hospital's performance on the day of `now` (hospitals without any record are absent). */
export function loadSitePerformance(db: Db, now: number): Map<string, SitePerformance> {
  const out = new Map<string, SitePerformance>();
  for (const [id, facts] of loadPerformanceFacts(db)) out.set(id, performanceOn(facts, now));
  return out;
}
