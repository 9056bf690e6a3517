import {
  DELAY_ATTRIBUTIONS,
  DELAY_REASONS,
  DELAY_STAGES,
  type DelayAttribution,
  type DelayReason,
  type DelayStage,
  FUNNEL_STAGES,
  type FunnelStage,
  type MetricId,
  NON_ENROLLING_AFTER_DAYS,
  type OverviewFigures,
  type SponsorClass,
  STAGE_TARGET_DAYS,
} from '@ctp/contracts';
import { addDays, daysBetween } from '../clock/dates.ts';

/**
 * Pure metric functions of DESIGN §5 over plain rows (loaded by `load-metric-rows.ts` from the records the
 * workflows write). No database, no clock: the period is passed in, so every figure can be checked by hand.
 */

export type Period = { from: string; to: string };

export type SpecialtyFact = {
  id: string;
  hospitalId: string;
  hospitalName: string;
  district: string | null;
  code: string;
  name: string;
  maxConcurrentTrials: number;
  /** Date the filing entered the registry (filing date, else creation), and when it was withdrawn. */
  since: string;
  retired: string | null;
};

export type InvestigatorFact = {
  id: string;
  hospitalId: string;
  hospitalName: string;
  district: string | null;
  name: string;
  specialtyCodes: string[];
  since: string;
  retired: string | null;
};

export type SiteFact = {
  id: string;
  trialId: string;
  trialTitle: string;
  trialTitleEn: string | null;
  trialType: string;
  phase: string;
  sponsorClass: SponsorClass;
  hospitalId: string;
  hospitalName: string;
  district: string | null;
  specialtyId: string;
  specialtyCode: string;
  specialtyName: string;
  investigatorId: string | null;
  role: 'lead' | 'participating';
  state: string;
  /** Dates of the cohort's funnel: the first inquiry sent to this site, and whether it was answered "interested". */
  inquiryDate: string | null;
  interested: boolean;
  selectedDate: string | null;
  ethicsApprovedDate: string | null;
  sivDate: string | null;
  fpiDate: string | null;
  closedDate: string | null;
  targetEnrolment: number | null;
  /** Monthly enrolment counts (YYYY-MM → enrolled). */
  enrolment: { month: string; enrolled: number }[];
  isKeyProject: boolean;
  /** Whether the site is still running (not declined, suspended, terminated or closed): only then is a stage overdue. */
  running?: boolean;
  /** The current delay reason of each stage that has one (the newest record). */
  delayReasons?: { stage: DelayStage; reason: DelayReason; attribution: DelayAttribution }[];
};

export type SubmissionFact = {
  id: string;
  committeeId: string;
  committeeName: string;
  hospitalId: string;
  hospitalName: string;
  district: string | null;
  specialtyCode: string;
  trialId: string;
  trialTitle: string;
  trialTitleEn: string | null;
  trialType: string;
  phase: string;
  sponsorClass: SponsorClass;
  trialSiteId: string;
  type: string;
  reviewPath: string | null;
  acceptedDate: string;
  decidedDate: string;
  outcome: string | null;
  /** Working days accepted → decided, clock stops excluded (computeClock, DESIGN §4.4). */
  workingDays: number;
  limitDays: number;
  /** Its working days count a year whose official schedule is not known (Monday–Friday guesses). */
  calendarUnknown: boolean;
};

/** One recognition (互认) decision at a participating site, and the site approvals it is compared against. */
export type RecognitionFact = {
  id: string;
  committeeId: string;
  committeeName: string;
  hospitalId: string;
  hospitalName: string;
  district: string | null;
  specialtyCode: string;
  trialId: string;
  trialTitle: string;
  trialTitleEn: string | null;
  trialType: string;
  phase: string;
  sponsorClass: SponsorClass;
  trialSiteId: string;
  decidedDate: string;
  workingDays: number;
  calendarUnknown: boolean;
  /** The same committee's median full-review working days minus this recognition's (≥ 0); null without any. */
  daysSaved: number | null;
  recognised: boolean;
};

export type MetricFacts = {
  specialties: SpecialtyFact[];
  investigators: InvestigatorFact[];
  sites: SiteFact[];
  submissions: SubmissionFact[];
  recognitions: RecognitionFact[];
  /** False until the recognition workflow exists in the database. */
  recognitionAvailable: boolean;
};

// ——— statistics ———

/** Percentile by linear interpolation between closest ranks (Excel PERCENTILE.INC); null for no data. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const v = sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
  return Math.round(v * 10) / 10;
}
export const median = (values: readonly number[]) => percentile(values, 0.5);

/** Percentage rounded to one decimal; null when the denominator is 0. */
export function pct(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

export const inPeriod = (date: string | null, p: Period) => date !== null && date >= p.from && date <= p.to;

/** The same calendar date one or twelve months earlier (clamped to the month's last day). */
export function shiftMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function previousPeriod(p: Period): Period {
  return { from: shiftMonths(p.from, -1), to: shiftMonths(p.to, -1) };
}

/** The 12 months ending on `to` (inclusive), the window of "reached first patient in the last 12 months". */
export function last12Months(to: string): Period {
  return { from: addDays(shiftMonths(to, -12), 1), to };
}

// ——— the figures ———

const filedOn = (f: { since: string; retired: string | null }, date: string) =>
  f.since <= date && (f.retired === null || f.retired > date);

/** A site is active (counts against capacity) from selection until it is closed or terminated (DESIGN §4.3). */
export const isActiveOn = (s: SiteFact, date: string) =>
  s.selectedDate !== null && s.selectedDate <= date && (s.closedDate === null || s.closedDate > date);

/** 资源转化率: filed specialties with ≥ 1 site reaching first patient in the 12 months to the period's end. */
export function specialtyConversion(facts: Pick<MetricFacts, 'specialties' | 'sites'>, to: string) {
  const window = last12Months(to);
  const converted = new Set(facts.sites.filter((s) => inPeriod(s.fpiDate, window)).map((s) => s.specialtyId));
  const filed = facts.specialties.filter((f) => filedOn(f, to));
  const counted = filed.filter((f) => converted.has(f.id));
  return { numerator: counted.length, denominator: filed.length, pct: pct(counted.length, filed.length), window };
}

/** Filed PIs leading ≥ 1 active trial site on the period's end. */
export function piActivity(facts: Pick<MetricFacts, 'investigators' | 'sites'>, to: string) {
  const load = new Map<string, number>();
  for (const s of facts.sites)
    if (s.investigatorId && isActiveOn(s, to)) load.set(s.investigatorId, (load.get(s.investigatorId) ?? 0) + 1);
  const filed = facts.investigators.filter((i) => filedOn(i, to));
  const active = filed.filter((i) => (load.get(i.id) ?? 0) > 0);
  return { numerator: active.length, denominator: filed.length, pct: pct(active.length, filed.length), load };
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

/**
 * Non-enrolling sites: of the sites whose 90th day after SIV falls in the period, those with no first patient in by
 * that day.
 */
export function nonEnrolling(sites: readonly SiteFact[], p: Period) {
  const due = sites
    .filter((s) => s.sivDate && inPeriod(addDays(s.sivDate, NON_ENROLLING_AFTER_DAYS), p))
    .map((s) => {
      const mark = addDays(s.sivDate!, NON_ENROLLING_AFTER_DAYS);
      return { site: s, mark, isNonEnrolling: s.fpiDate === null || s.fpiDate > mark };
    });
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

// ——— slicing ———

type Keyed = { hospitalId: string; district: string | null; specialtyCode?: string; specialtyCodes?: string[] };
export type Grouping = 'district' | 'hospital' | 'specialty';

/** The facts of one group (district, hospital or specialty code): every list narrowed the same way. */
export function factsOf(facts: MetricFacts, pred: (row: Keyed) => boolean): MetricFacts {
  return {
    specialties: facts.specialties.filter((f) => pred({ ...f, specialtyCode: f.code })),
    investigators: facts.investigators.filter(pred),
    sites: facts.sites.filter(pred),
    submissions: facts.submissions.filter(pred),
    recognitions: facts.recognitions.filter(pred),
    recognitionAvailable: facts.recognitionAvailable,
  };
}

export function groupKeys(facts: MetricFacts, by: Grouping): { key: string; label: string }[] {
  const out = new Map<string, string>();
  for (const f of facts.specialties) {
    if (by === 'district') out.set(f.district ?? '—', f.district ?? '—');
    else if (by === 'hospital') out.set(f.hospitalId, f.hospitalName);
    else out.set(f.code, f.name);
  }
  for (const s of facts.sites) {
    if (by === 'district') out.set(s.district ?? '—', s.district ?? '—');
    else if (by === 'hospital') out.set(s.hospitalId, s.hospitalName);
    else out.set(s.specialtyCode, s.specialtyName);
  }
  return [...out].map(([key, label]) => ({ key, label }));
}

export function inGroup(by: Grouping, key: string) {
  return (row: Keyed) =>
    by === 'district'
      ? (row.district ?? '—') === key
      : by === 'hospital'
        ? row.hospitalId === key
        : row.specialtyCode === key || (row.specialtyCodes?.includes(key) ?? false);
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

export type FactFilter = {
  district?: string;
  hospitalId?: string;
  committeeHospitalId?: string;
  committeeId?: string;
  specialtyCode?: string;
  trialType?: string;
  phase?: string;
  sponsorClass?: SponsorClass;
};

/** Narrows the facts to the commission's filters; trial filters narrow sites and reviews, not the filed capacity. */
export function filterFacts(facts: MetricFacts, f: FactFilter): MetricFacts {
  const place = (r: { hospitalId: string; district: string | null }) =>
    (!f.district || r.district === f.district) &&
    (!f.hospitalId || r.hospitalId === f.hospitalId) &&
    (!f.committeeHospitalId || r.hospitalId === f.committeeHospitalId);
  const trial = (r: { trialType: string; phase: string; sponsorClass: SponsorClass }) =>
    (!f.trialType || r.trialType === f.trialType) &&
    (!f.phase || r.phase === f.phase) &&
    (!f.sponsorClass || r.sponsorClass === f.sponsorClass);
  const spec = (code: string) => !f.specialtyCode || code === f.specialtyCode;
  return {
    specialties: facts.specialties.filter((x) => place(x) && spec(x.code)),
    investigators: facts.investigators.filter(
      (x) => place(x) && (!f.specialtyCode || x.specialtyCodes.includes(f.specialtyCode)),
    ),
    sites: facts.sites.filter((x) => place(x) && trial(x) && spec(x.specialtyCode)),
    submissions: facts.submissions.filter(
      (x) => place(x) && trial(x) && spec(x.specialtyCode) && (!f.committeeId || x.committeeId === f.committeeId),
    ),
    recognitions: facts.recognitions.filter(
      (x) => place(x) && trial(x) && spec(x.specialtyCode) && (!f.committeeId || x.committeeId === f.committeeId),
    ),
    recognitionAvailable: facts.recognitionAvailable,
  };
}

// ——— start-up delays (DESIGN §5) ———

const STAGE_START = { ethicsApproved: 'selectedDate', siv: 'ethicsApprovedDate', fpi: 'sivDate' } as const;
const STAGE_DONE = { ethicsApproved: 'ethicsApprovedDate', siv: 'sivDate', fpi: 'fpiDate' } as const;

export type StageDelay = {
  site: SiteFact;
  stage: DelayStage;
  targetDate: string;
  doneDate: string | null;
  /** Days past the target: to the milestone, or to the period end while it is still outstanding. */
  daysLate: number;
  reason: DelayReason | null;
  attribution: DelayAttribution | null;
};

/**
 * Stage targets that fell due in the period and were missed: the milestone came after the target date, or had not
 * come by the period end while the site was running (a stopped site is not delayed). Each with its current reason.
 */
export function stageDelays(sites: readonly SiteFact[], p: Period): StageDelay[] {
  const out: StageDelay[] = [];
  for (const site of sites)
    for (const stage of DELAY_STAGES) {
      const start = site[STAGE_START[stage]];
      if (!start) continue;
      const targetDate = addDays(start, STAGE_TARGET_DAYS[stage]);
      if (!inPeriod(targetDate, p) || targetDate >= p.to) continue;
      const done = site[STAGE_DONE[stage]];
      const reachedBy = done !== null && done <= p.to ? done : null;
      if (reachedBy !== null && reachedBy <= targetDate) continue;
      if (reachedBy === null && done === null && site.running === false) continue;
      const r = site.delayReasons?.find((d) => d.stage === stage);
      out.push({
        site,
        stage,
        targetDate,
        doneDate: reachedBy,
        daysLate: daysBetween(targetDate, reachedBy ?? p.to),
        reason: r?.reason ?? null,
        attribution: r?.attribution ?? null,
      });
    }
  return out;
}

/** Delays counted by reason and by attribution (`unrecorded` where no reason was given yet). */
export function delayBreakdown(delays: readonly StageDelay[]) {
  const byReason = Object.fromEntries([...DELAY_REASONS, 'unrecorded'].map((k) => [k, 0])) as Record<
    DelayReason | 'unrecorded',
    number
  >;
  const byAttribution = Object.fromEntries([...DELAY_ATTRIBUTIONS, 'unrecorded'].map((k) => [k, 0])) as Record<
    DelayAttribution | 'unrecorded',
    number
  >;
  const byStage = Object.fromEntries(DELAY_STAGES.map((k) => [k, 0])) as Record<DelayStage, number>;
  for (const d of delays) {
    byReason[d.reason ?? 'unrecorded']++;
    byAttribution[d.attribution ?? 'unrecorded']++;
    byStage[d.stage]++;
  }
  const recorded = delays.filter((d) => d.reason !== null).length;
  return {
    total: delays.length,
    recorded,
    recordedPct: pct(recorded, delays.length),
    byReason,
    byAttribution,
    byStage,
  };
}

// ——— records behind a figure ———

export type MetricRecord = {
  kind: 'specialty' | 'investigator' | 'site' | 'submission' | 'recognition' | 'delay';
  id: string;
  hospitalId: string;
  hospitalName: string;
  district: string | null;
  label: string;
  trialId: string | null;
  trialTitle: string | null;
  /** The trial's English title, for English pages (issue 14). */
  trialTitleEn: string | null;
  committeeName: string | null;
  date: string | null;
  value: number | null;
  /** Whether this record counts in the figure's numerator (the rest are its denominator only). */
  counted: boolean;
};

export function recordsOf(facts: MetricFacts, metric: MetricId, p: Period): MetricRecord[] {
  const siteRecord = (s: SiteFact, date: string | null, value: number | null, counted: boolean): MetricRecord => ({
    kind: 'site',
    id: s.id,
    hospitalId: s.hospitalId,
    hospitalName: s.hospitalName,
    district: s.district,
    label: s.specialtyName,
    trialId: s.trialId,
    trialTitle: s.trialTitle,
    trialTitleEn: s.trialTitleEn,
    committeeName: null,
    date,
    value,
    counted,
  });
  const subRecord = (s: SubmissionFact, counted: boolean): MetricRecord => ({
    kind: 'submission',
    id: s.id,
    hospitalId: s.hospitalId,
    hospitalName: s.hospitalName,
    district: s.district,
    label: `${s.type}${s.reviewPath ? ` · ${s.reviewPath}` : ''}`,
    trialId: s.trialId,
    trialTitle: s.trialTitle,
    trialTitleEn: s.trialTitleEn,
    committeeName: s.committeeName,
    date: s.decidedDate,
    value: s.workingDays,
    counted,
  });
  switch (metric) {
    case 'specialtyActivePct': {
      const window = last12Months(p.to);
      return facts.specialties
        .filter((f) => filedOn(f, p.to))
        .map((f) => {
          const fpis = facts.sites
            .filter((s) => s.specialtyId === f.id && inPeriod(s.fpiDate, window))
            .map((s) => s.fpiDate!);
          return {
            kind: 'specialty' as const,
            id: f.id,
            hospitalId: f.hospitalId,
            hospitalName: f.hospitalName,
            district: f.district,
            label: f.name,
            trialId: null,
            trialTitle: null,
            trialTitleEn: null,
            committeeName: null,
            date: fpis.sort().at(-1) ?? null,
            value: fpis.length,
            counted: fpis.length > 0,
          };
        });
    }
    case 'piActivePct': {
      const { load } = piActivity(facts, p.to);
      return facts.investigators
        .filter((i) => filedOn(i, p.to))
        .map((i) => ({
          kind: 'investigator' as const,
          id: i.id,
          hospitalId: i.hospitalId,
          hospitalName: i.hospitalName,
          district: i.district,
          label: i.name,
          trialId: null,
          trialTitle: null,
          trialTitleEn: null,
          committeeName: null,
          date: null,
          value: load.get(i.id) ?? 0,
          counted: (load.get(i.id) ?? 0) > 0,
        }));
    }
    case 'startupMedianDays':
      return startupDays(facts.sites, p).map(({ site, days }) => siteRecord(site, site.fpiDate, days, true));
    case 'ethicsMedianWorkingDays':
    case 'ethicsP75WorkingDays':
      return decidedReviews(facts.submissions, p).map((s) => subRecord(s, true));
    case 'ethicsWithinClockPct':
      return decidedReviews(facts.submissions, p).map((s) => subRecord(s, s.workingDays <= s.limitDays));
    case 'recognitionAdoptionPct':
    case 'recognitionMedianWorkingDays':
    case 'recognitionWorkingDaysSaved': {
      const rec = recognitionFigures(facts, p);
      return [
        ...rec.recognised.map((r) => ({
          kind: 'recognition' as const,
          id: r.id,
          hospitalId: r.hospitalId,
          hospitalName: r.hospitalName,
          district: r.district,
          label: r.committeeName,
          trialId: r.trialId,
          trialTitle: r.trialTitle,
          trialTitleEn: r.trialTitleEn,
          committeeName: r.committeeName,
          date: r.decidedDate,
          value: metric === 'recognitionWorkingDaysSaved' ? r.daysSaved : r.workingDays,
          counted: true,
        })),
        ...(metric === 'recognitionAdoptionPct' ? rec.fullApprovals.map((s) => subRecord(s, false)) : []),
      ];
    }
    case 'enrolmentAttainmentPct': {
      const a = enrolmentAttainment(facts.sites, p.to);
      return a.sites.map((s) => siteRecord(s, s.sivDate, a.enrolledOf(s), true));
    }
    case 'nonEnrollingPct':
      return nonEnrolling(facts.sites, p).due.map((d) => siteRecord(d.site, d.mark, null, d.isNonEnrolling));
    case 'capacityLoadPct':
      return capacityLoad(facts, p.to).cells.map((c) => ({
        kind: 'specialty' as const,
        id: c.specialtyId,
        hospitalId: c.hospitalId,
        hospitalName: c.hospitalName,
        district: null,
        label: c.specialtyName,
        trialId: null,
        trialTitle: null,
        trialTitleEn: null,
        committeeName: null,
        date: null,
        value: c.pct,
        counted: c.active > 0,
      }));
    case 'activeSites':
      return facts.sites
        .filter((s) => s.selectedDate !== null && s.selectedDate <= p.to)
        .map((s) => ({
          ...siteRecord(s, s.selectedDate, null, isActiveOn(s, p.to)),
          label: `${s.specialtyName} · ${s.state}`,
        }));
    case 'startupDelays':
      // Label `stage · reason · attribution` (codes; the web shows them in the user's language).
      return stageDelays(facts.sites, p).map((d) => ({
        ...siteRecord(d.site, d.targetDate, d.daysLate, d.reason !== null),
        kind: 'delay' as const,
        id: `${d.site.id}:${d.stage}`,
        label: [d.stage, d.reason ?? 'unrecorded', d.attribution].filter(Boolean).join(' · '),
      }));
    case 'incentiveScore':
      return [];
  }
}
