import type { DelayAttribution, DelayReason, DelayStage, SponsorClass } from '@ctp/contracts';
import { addDays } from '../clock/dates.ts';

/**
 * The facts the commission's figures are computed from (DESIGN §5): plain rows loaded by `load-metric-facts.ts` from
 * the records the workflows write, the period, and the statistics every figure uses. No database, no clock: the
 * period is passed in, so every figure can be checked by hand.
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

export const filedOn = (f: { since: string; retired: string | null }, date: string) =>
  f.since <= date && (f.retired === null || f.retired > date);

/** A site is active (counts against capacity) from selection until it is closed or terminated (DESIGN §4.3). */
export const isActiveOn = (s: SiteFact, date: string) =>
  s.selectedDate !== null && s.selectedDate <= date && (s.closedDate === null || s.closedDate > date);
