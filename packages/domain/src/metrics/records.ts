import type { MetricId } from '@ctp/contracts';
import { delayBreakdown, stageDelays } from './delays.ts';
import { isActiveOn, type MetricFacts, type Period, type SiteFact, type SubmissionFact } from './facts.ts';
import {
  capacityLoad,
  decidedReviews,
  enrolmentAttainment,
  nonEnrolling,
  piActivity,
  recognitionFigures,
  siteActivity,
  specialtyConversion,
  startupDays,
  turnaround,
} from './figures.ts';

/** One record behind a figure, as the commission's "records behind the figure" view and its export list them. */
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
  /**
   * This record's part of the figure's numerator and denominator: 1 and 1 for a record counted in a share or in a
   * median's sample, 0 and 1 for a denominator-only record; for a ratio of sums (enrolled ÷ target, active ÷
   * capacity) the record's own amounts. The parts of all records add up to the figure's numerator and denominator.
   */
  numerator: number;
  denominator: number;
};

/** What a figure is computed from: its records, and the numerator and denominator the figure function counted. */
export type MetricSelection = { records: MetricRecord[]; numerator: number; denominator: number };

/**
 * A metric as a definition (issue 15): `select` takes the facts and the period and returns the figure's records
 * together with the numerator and denominator of the figure, both from the SAME figure function of `figures.ts` —
 * so the records behind a figure cannot drift from the figure. For a median (or percentile, or sum) the numerator and
 * the denominator are the size of the sample. A test walks every metric id and checks that the records' parts add
 * up to both.
 */
export type MetricDefinition = {
  /** `share`: numerator ÷ denominator; `sample`: a statistic over the records' values; `list`: no single figure. */
  shape: 'share' | 'sample' | 'list';
  select: (facts: MetricFacts, p: Period) => MetricSelection;
};

const blank = { trialId: null, trialTitle: null, trialTitleEn: null, committeeName: null, date: null } as const;

function siteRecord(s: SiteFact, date: string | null, value: number | null, counted: boolean, parts: [number, number]) {
  return {
    kind: 'site' as const,
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
    numerator: parts[0],
    denominator: parts[1],
  };
}

function submissionRecord(s: SubmissionFact, counted: boolean): MetricRecord {
  return {
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
    numerator: counted ? 1 : 0,
    denominator: 1,
  };
}

/** A sample statistic (median, percentile): every record counts once in both. */
const sample = (records: MetricRecord[]): MetricSelection => ({
  records,
  numerator: records.length,
  denominator: records.length,
});

function ethicsReviews(facts: MetricFacts, p: Period, countedIf: 'all' | 'withinClock'): MetricSelection {
  const reviews = decidedReviews(facts.submissions, p);
  const t = turnaround(reviews);
  const records = reviews.map((s) => submissionRecord(s, countedIf === 'all' || s.workingDays <= s.limitDays));
  return countedIf === 'all'
    ? { records, numerator: t.count, denominator: t.count }
    : { records, numerator: t.within, denominator: t.count };
}

function recognitions(facts: MetricFacts, p: Period, metric: 'adoption' | 'median' | 'saved'): MetricSelection {
  const rec = recognitionFigures(facts, p);
  const records: MetricRecord[] = rec.recognised.map((r) => {
    // Working days saved are summed over the recognitions whose committee has a full-review median to compare with.
    const inSample = metric !== 'saved' || r.daysSaved !== null;
    return {
      kind: 'recognition',
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
      value: metric === 'saved' ? r.daysSaved : r.workingDays,
      counted: true,
      numerator: inSample ? 1 : 0,
      denominator: inSample ? 1 : 0,
    };
  });
  if (metric === 'adoption')
    return {
      records: [...records, ...rec.fullApprovals.map((s) => submissionRecord(s, false))],
      numerator: rec.recognised.length,
      denominator: rec.recognised.length + rec.fullApprovals.length,
    };
  const n = metric === 'saved' ? rec.saved.length : rec.recognised.length;
  return { records, numerator: n, denominator: n };
}

export const METRIC_DEFINITIONS: Record<MetricId, MetricDefinition> = {
  specialtyActivePct: {
    shape: 'share',
    select: (facts, p) => {
      const c = specialtyConversion(facts, p.to);
      const records = c.filed.map((f): MetricRecord => {
        const fpis = c.fpisOf(f.id);
        return {
          ...blank,
          kind: 'specialty',
          id: f.id,
          hospitalId: f.hospitalId,
          hospitalName: f.hospitalName,
          district: f.district,
          label: f.name,
          date: [...fpis].sort().at(-1) ?? null,
          value: fpis.length,
          counted: fpis.length > 0,
          numerator: fpis.length > 0 ? 1 : 0,
          denominator: 1,
        };
      });
      return { records, numerator: c.numerator, denominator: c.denominator };
    },
  },
  piActivePct: {
    shape: 'share',
    select: (facts, p) => {
      const a = piActivity(facts, p.to);
      const records = a.filed.map((i): MetricRecord => {
        const load = a.load.get(i.id) ?? 0;
        return {
          ...blank,
          kind: 'investigator',
          id: i.id,
          hospitalId: i.hospitalId,
          hospitalName: i.hospitalName,
          district: i.district,
          label: i.name,
          value: load,
          counted: load > 0,
          numerator: load > 0 ? 1 : 0,
          denominator: 1,
        };
      });
      return { records, numerator: a.numerator, denominator: a.denominator };
    },
  },
  startupMedianDays: {
    shape: 'sample',
    select: (facts, p) =>
      sample(startupDays(facts.sites, p).map(({ site, days }) => siteRecord(site, site.fpiDate, days, true, [1, 1]))),
  },
  ethicsMedianWorkingDays: { shape: 'sample', select: (facts, p) => ethicsReviews(facts, p, 'all') },
  ethicsP75WorkingDays: { shape: 'sample', select: (facts, p) => ethicsReviews(facts, p, 'all') },
  ethicsWithinClockPct: { shape: 'share', select: (facts, p) => ethicsReviews(facts, p, 'withinClock') },
  recognitionAdoptionPct: { shape: 'share', select: (facts, p) => recognitions(facts, p, 'adoption') },
  recognitionMedianWorkingDays: { shape: 'sample', select: (facts, p) => recognitions(facts, p, 'median') },
  recognitionWorkingDaysSaved: { shape: 'sample', select: (facts, p) => recognitions(facts, p, 'saved') },
  enrolmentAttainmentPct: {
    shape: 'share',
    select: (facts, p) => {
      const a = enrolmentAttainment(facts.sites, p.to);
      const records = a.sites.map((s) =>
        siteRecord(s, s.sivDate, a.enrolledOf(s), true, [a.enrolledOf(s), s.targetEnrolment ?? 0]),
      );
      return { records, numerator: a.enrolled, denominator: a.target };
    },
  },
  nonEnrollingPct: {
    shape: 'share',
    select: (facts, p) => {
      const idle = nonEnrolling(facts.sites, p);
      const records = idle.due.map((d) =>
        siteRecord(d.site, d.mark, null, d.isNonEnrolling, [d.isNonEnrolling ? 1 : 0, 1]),
      );
      return { records, numerator: idle.count, denominator: idle.due.length };
    },
  },
  capacityLoadPct: {
    shape: 'share',
    select: (facts, p) => {
      const load = capacityLoad(facts, p.to);
      const records = load.cells.map(
        (c): MetricRecord => ({
          ...blank,
          kind: 'specialty',
          id: c.specialtyId,
          hospitalId: c.hospitalId,
          hospitalName: c.hospitalName,
          district: null,
          label: c.specialtyName,
          value: c.pct,
          counted: c.active > 0,
          numerator: c.active,
          denominator: c.max,
        }),
      );
      return { records, numerator: load.active, denominator: load.max };
    },
  },
  activeSites: {
    shape: 'share',
    select: (facts, p) => {
      const a = siteActivity(facts.sites, p.to);
      const records = a.selected.map((s) => {
        const active = isActiveOn(s, p.to);
        return {
          ...siteRecord(s, s.selectedDate, null, active, [active ? 1 : 0, 1]),
          label: `${s.specialtyName} · ${s.state}`,
        };
      });
      return { records, numerator: a.active, denominator: a.selected.length };
    },
  },
  startupDelays: {
    shape: 'share',
    select: (facts, p) => {
      const delays = stageDelays(facts.sites, p);
      // Label `stage · reason · attribution` (codes; the web shows them in the user's language).
      const records = delays.map((d) => ({
        ...siteRecord(d.site, d.targetDate, d.daysLate, d.reason !== null, [d.reason !== null ? 1 : 0, 1]),
        kind: 'delay' as const,
        id: `${d.site.id}:${d.stage}`,
        label: [d.stage, d.reason ?? 'unrecorded', d.attribution].filter(Boolean).join(' · '),
      }));
      const breakdown = delayBreakdown(delays);
      return { records, numerator: breakdown.recorded, denominator: breakdown.total };
    },
  },
  // The incentive score ranks hospitals (incentive/, above metrics); its records are the ranking itself.
  incentiveScore: { shape: 'list', select: () => ({ records: [], numerator: 0, denominator: 0 }) },
};
