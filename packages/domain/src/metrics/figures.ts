import { FUNNEL_STAGES, type FunnelStage, NON_ENROLLING_AFTER_DAYS, type OverviewFigures } from '@ctp/contracts';
import { addDays, daysBetween } from '../clock/dates.ts';
import {
  filedOn,
  inPeriod,
  isActiveOn,
  last12Months,
  type MetricFacts,
  median,
  type Period,
  pct,
  percentile,
  type SiteFact,
  type SubmissionFact,
} from './facts.ts';

/** The figures of DESIGN §5, each a pure function of the facts and the period. */

/** 资源转化率: filed specialties with ≥ 1 site reaching first patient in the 12 months to the period's end. */
export function specialtyConversion(facts: Pick<MetricFacts, 'specialties' | 'sites'>, to: string) {
  const window = last12Months(to);
  const fpis = new Map<string, string[]>();
  for (const s of facts.sites) {
    if (!inPeriod(s.fpiDate, window)) continue;
    const dates = fpis.get(s.specialtyId);
    if (dates) dates.push(s.fpiDate!);
    else fpis.set(s.specialtyId, [s.fpiDate!]);
  }
  const filed = facts.specialties.filter((f) => filedOn(f, to));
  const counted = filed.filter((f) => fpis.has(f.id));
  return {
    numerator: counted.length,
    denominator: filed.length,
    pct: pct(counted.length, filed.length),
    window,
    filed,
    /** The first-patient-in dates in the window of one specialty's sites (its records' evidence). */
    fpisOf: (specialtyId: string) => fpis.get(specialtyId) ?? [],
  };
}

/** Filed PIs leading ≥ 1 active trial site on the period's end. */
export function piActivity(facts: Pick<MetricFacts, 'investigators' | 'sites'>, to: string) {
  const load = new Map<string, number>();
  for (const s of facts.sites)
    if (s.investigatorId && isActiveOn(s, to)) load.set(s.investigatorId, (load.get(s.investigatorId) ?? 0) + 1);
  const filed = facts.investigators.filter((i) => filedOn(i, to));
  const active = filed.filter((i) => (load.get(i.id) ?? 0) > 0);
  return { numerator: active.length, denominator: filed.length, pct: pct(active.length, filed.length), load, filed };
}

/** Calendar days selected → first patient in, for sites whose first patient came in the period. */
export function startupDays(sites: readonly SiteFact[], p: Period) {
  return sites
    .filter((s) => s.selectedDate && inPeriod(s.fpiDate, p))
    .map((s) => ({ site: s, days: daysBetween(s.selectedDate!, s.fpiDate!) }));
}

/** Reviews decided in the period (all paths), with their working days. */
export function decidedReviews(subs: readonly SubmissionFact[], p: Period) {
  return subs.filter((s) => inPeriod(s.decidedDate, p));
}

export function turnaround(subs: readonly SubmissionFact[]) {
  const days = subs.map((s) => s.workingDays);
  const within = subs.filter((s) => s.workingDays <= s.limitDays).length;
  return {
    count: subs.length,
    medianWorkingDays: median(days),
    p75WorkingDays: percentile(days, 0.75),
    withinClockPct: pct(within, subs.length),
    within,
  };
}

/** Sites initiated by the period's end with a target: enrolled (months ≤ the end's month) ÷ target. */
export function enrolmentAttainment(sites: readonly SiteFact[], to: string) {
  const month = to.slice(0, 7);
  const counted = sites.filter((s) => s.sivDate && s.sivDate <= to && (s.targetEnrolment ?? 0) > 0);
  const enrolledOf = (s: SiteFact) =>
    s.enrolment.filter((e) => e.month <= month).reduce((sum, e) => sum + e.enrolled, 0);
  const enrolled = counted.reduce((sum, s) => sum + enrolledOf(s), 0);
  const target = counted.reduce((sum, s) => sum + (s.targetEnrolment ?? 0), 0);
  return { sites: counted, enrolled, target, pct: pct(enrolled, target), enrolledOf };
}

/** The day a site without a first patient counts as non-enrolling; memoised, as a network has few distinct SIV dates. */
const marks = new Map<string, string>();
function nonEnrollingMark(sivDate: string): string {
  let mark = marks.get(sivDate);
  if (mark === undefined) {
    mark = addDays(sivDate, NON_ENROLLING_AFTER_DAYS);
    if (marks.size > 50_000) marks.clear();
    marks.set(sivDate, mark);
  }
  return mark;
}

/**
 * Non-enrolling sites: of the sites whose 90th day after SIV falls in the period, those with no first patient in by
 * that day.
 */
export function nonEnrolling(sites: readonly SiteFact[], p: Period) {
  const due: { site: SiteFact; mark: string; isNonEnrolling: boolean }[] = [];
  for (const s of sites) {
    if (!s.sivDate) continue;
    const mark = nonEnrollingMark(s.sivDate);
    if (inPeriod(mark, p)) due.push({ site: s, mark, isNonEnrolling: s.fpiDate === null || s.fpiDate > mark });
  }
  const count = due.filter((d) => d.isNonEnrolling).length;
  return { due, count, pct: pct(count, due.length) };
}

/**
 * Recognition adoption: of the participating-site ethics approvals in the period (recognitions recognised plus
 * full initial approvals at participating sites not recognised), the share reached by recognition; median
 * recognition working days; working days saved = Σ (the committee's median full-review working days − each
 * recognition's working days), as the recognition workflow computes it.
 */
export function recognitionFigures(facts: MetricFacts, p: Period) {
  const recognised = facts.recognitions.filter((r) => r.recognised && inPeriod(r.decidedDate, p));
  const recognisedSites = new Set(recognised.map((r) => r.trialSiteId));
  const participatingSiteIds = new Set(facts.sites.filter((s) => s.role === 'participating').map((s) => s.id));
  const fullApprovals = facts.submissions.filter(
    (s) =>
      inPeriod(s.decidedDate, p) &&
      (s.type === 'initial' || s.type === 'resubmission') &&
      s.reviewPath !== 'recognition' &&
      (s.outcome === 'approved' || s.outcome === 'approved_with_modifications') &&
      participatingSiteIds.has(s.trialSiteId) &&
      !recognisedSites.has(s.trialSiteId),
  );
  const saved = recognised.filter((r) => r.daysSaved !== null);
  return {
    recognised,
    saved,
    fullApprovals,
    adoptionPct: pct(recognised.length, recognised.length + fullApprovals.length),
    medianWorkingDays: median(recognised.map((r) => r.workingDays)),
    workingDaysSaved: saved.length === 0 ? null : Math.round(saved.reduce((sum, r) => sum + r.daysSaved!, 0) * 10) / 10,
  };
}

export type OverviewCounts = {
  filedSpecialties: number;
  convertedSpecialties: number;
  filedInvestigators: number;
  activeInvestigators: number;
  startupSites: number;
  decidedReviews: number;
  withinClock: number;
  recognitions: number;
  enrolled: number;
  target: number;
  dueSites: number;
  nonEnrollingSites: number;
};

export function overviewOf(facts: MetricFacts, p: Period): { figures: OverviewFigures; counts: OverviewCounts } {
  const conversion = specialtyConversion(facts, p.to);
  const pis = piActivity(facts, p.to);
  const startup = startupDays(facts.sites, p);
  const reviewFacts = decidedReviews(facts.submissions, p);
  const reviews = turnaround(reviewFacts);
  const attainment = enrolmentAttainment(facts.sites, p.to);
  const idle = nonEnrolling(facts.sites, p);
  const rec = recognitionFigures(facts, p);
  const available = facts.recognitionAvailable;
  return {
    figures: {
      conversion: { specialtyActivePct: conversion.pct, piActivePct: pis.pct },
      startup: { medianDays: median(startup.map((s) => s.days)) },
      ethics: {
        medianWorkingDays: reviews.medianWorkingDays,
        p75WorkingDays: reviews.p75WorkingDays,
        withinClockPct: reviews.withinClockPct,
        /** Some review counted here ran through a year the working-day calendar does not know (issue 11). */
        calendarUnknown: reviewFacts.some((s) => s.calendarUnknown),
      },
      recognition: available
        ? {
            adoptionPct: rec.adoptionPct,
            medianWorkingDays: rec.medianWorkingDays,
            workingDaysSaved: rec.workingDaysSaved,
            available,
            calendarUnknown: rec.recognised.some((r) => r.calendarUnknown),
          }
        : { adoptionPct: 0, medianWorkingDays: 0, workingDaysSaved: 0, available, calendarUnknown: false },
      enrolment: { attainmentPct: attainment.pct, nonEnrollingPct: idle.pct },
    },
    counts: {
      filedSpecialties: conversion.denominator,
      convertedSpecialties: conversion.numerator,
      filedInvestigators: pis.denominator,
      activeInvestigators: pis.numerator,
      startupSites: startup.length,
      decidedReviews: reviews.count,
      withinClock: reviews.within,
      recognitions: available ? rec.recognised.length : 0,
      enrolled: attainment.enrolled,
      target: attainment.target,
      dueSites: idle.due.length,
      nonEnrollingSites: idle.count,
    },
  };
}

/** Capacity load on a date: active sites ÷ the declared maximum of concurrent trials of the filed specialties. */
export function capacityLoad(facts: Pick<MetricFacts, 'specialties' | 'sites'>, on: string) {
  const active = new Map<string, number>();
  for (const s of facts.sites) if (isActiveOn(s, on)) active.set(s.specialtyId, (active.get(s.specialtyId) ?? 0) + 1);
  const cells = facts.specialties
    .filter((f) => filedOn(f, on))
    .map((f) => ({
      specialtyId: f.id,
      hospitalId: f.hospitalId,
      hospitalName: f.hospitalName,
      specialtyCode: f.code,
      specialtyName: f.name,
      active: active.get(f.id) ?? 0,
      max: f.maxConcurrentTrials,
      pct: pct(active.get(f.id) ?? 0, f.maxConcurrentTrials),
    }));
  const a = cells.reduce((s, c) => s + c.active, 0);
  const m = cells.reduce((s, c) => s + c.max, 0);
  return { cells, active: a, max: m, pct: pct(a, m) };
}

/** The activation funnel of the sites whose feasibility inquiry was sent in the period: how far each got. */
export function funnel(sites: readonly SiteFact[], p: Period): Record<FunnelStage, number> {
  const cohort = sites.filter((s) => inPeriod(s.inquiryDate, p));
  const reached: Record<FunnelStage, (s: SiteFact) => boolean> = {
    inquiry: () => true,
    interested: (s) => s.interested || s.selectedDate !== null,
    selected: (s) => s.selectedDate !== null,
    ethicsApproved: (s) => s.ethicsApprovedDate !== null,
    siv: (s) => s.sivDate !== null,
    fpi: (s) => s.fpiDate !== null,
  };
  return Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, cohort.filter(reached[stage]).length])) as Record<
    FunnelStage,
    number
  >;
}

/** Trial sites selected by a date (the drill-down's last level), and how many of them are active on it. */
export function siteActivity(sites: readonly SiteFact[], on: string) {
  const selected = sites.filter((s) => s.selectedDate !== null && s.selectedDate <= on);
  return { selected, active: selected.filter((s) => isActiveOn(s, on)).length };
}
