import { METRIC_IDS, type MetricId } from '@ctp/contracts';
import { createTestDatabase } from '@ctp/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../clock/dates.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { delayBreakdown, stageDelays } from './delays.ts';
import { last12Months, type MetricFacts, median, type Period, pct, percentile } from './facts.ts';
import { capacityLoad, overviewOf } from './figures.ts';
import { loadMetricFacts } from './load-metric-facts.ts';
import { METRIC_DEFINITIONS, type MetricRecord } from './records.ts';

/**
 * Every metric id, on the seeded demo (24 months of history through the use-cases): the records behind the figure
 * add up exactly to its numerator and denominator, and those are the counts the headline figures were computed
 * from (`overviewOf`, a separate path), so the "records behind the figure" view can never show other rows.
 */
const NOW = Date.parse('2026-11-20T12:00:00+08:00');
let facts: MetricFacts;
let period: Period;

beforeAll(async () => {
  const database = createTestDatabase();
  await seedDemo({
    db: database.db,
    ctx: { actor: null, now: () => NOW, requestId: 'test' },
    withUsers: true,
    withHistory: true,
  });
  facts = loadMetricFacts(database.db);
  period = last12Months(shanghaiDate(NOW));
}, 240_000);

const sumOf = (records: MetricRecord[], part: 'numerator' | 'denominator') => records.reduce((s, r) => s + r[part], 0);
/** The values of the records in the figure's sample (a record with no part is shown but not in the statistic). */
const sampleValues = (records: MetricRecord[]) => records.filter((r) => r.denominator > 0).map((r) => r.value!);

describe('METRIC_DEFINITIONS', () => {
  it.each(METRIC_IDS.filter((id) => id !== 'incentiveScore'))(
    '%s: its records add up to its numerator and denominator, on non-trivial data',
    (id) => {
      const { records, numerator, denominator } = METRIC_DEFINITIONS[id].select(facts, period);
      expect(records.length).toBeGreaterThan(0);
      expect(denominator).toBeGreaterThan(0);
      expect(sumOf(records, 'numerator')).toBe(numerator);
      expect(sumOf(records, 'denominator')).toBe(denominator);
      // A record counted in the numerator is marked so; one only in the denominator is not.
      for (const r of records) if (r.numerator > 0) expect(r.counted).toBe(true);
      if (METRIC_DEFINITIONS[id].shape === 'share' && id !== 'enrolmentAttainmentPct' && id !== 'capacityLoadPct')
        expect(records.filter((r) => r.counted).length).toBe(numerator);
    },
  );

  it('agrees with the headline figures and their counts', () => {
    const { figures, counts } = overviewOf(facts, period);
    const sel = (id: MetricId) => METRIC_DEFINITIONS[id].select(facts, period);
    const share = (id: MetricId) => {
      const s = sel(id);
      return pct(s.numerator, s.denominator);
    };
    expect([sel('specialtyActivePct').numerator, sel('specialtyActivePct').denominator]).toEqual([
      counts.convertedSpecialties,
      counts.filedSpecialties,
    ]);
    expect(share('specialtyActivePct')).toBe(figures.conversion.specialtyActivePct);
    expect([sel('piActivePct').numerator, sel('piActivePct').denominator]).toEqual([
      counts.activeInvestigators,
      counts.filedInvestigators,
    ]);
    expect(share('piActivePct')).toBe(figures.conversion.piActivePct);
    expect(sel('startupMedianDays').denominator).toBe(counts.startupSites);
    expect(median(sampleValues(sel('startupMedianDays').records))).toBe(figures.startup.medianDays);
    expect(sel('ethicsMedianWorkingDays').denominator).toBe(counts.decidedReviews);
    expect(median(sampleValues(sel('ethicsMedianWorkingDays').records))).toBe(figures.ethics.medianWorkingDays);
    expect(percentile(sampleValues(sel('ethicsP75WorkingDays').records), 0.75)).toBe(figures.ethics.p75WorkingDays);
    expect([sel('ethicsWithinClockPct').numerator, sel('ethicsWithinClockPct').denominator]).toEqual([
      counts.withinClock,
      counts.decidedReviews,
    ]);
    expect(share('ethicsWithinClockPct')).toBe(figures.ethics.withinClockPct);
    expect(sel('recognitionAdoptionPct').numerator).toBe(counts.recognitions);
    expect(share('recognitionAdoptionPct')).toBe(figures.recognition.adoptionPct);
    expect(median(sampleValues(sel('recognitionMedianWorkingDays').records))).toBe(
      figures.recognition.medianWorkingDays,
    );
    const saved = sampleValues(sel('recognitionWorkingDaysSaved').records);
    expect(Math.round(saved.reduce((s, v) => s + v, 0) * 10) / 10).toBe(figures.recognition.workingDaysSaved);
    expect([sel('enrolmentAttainmentPct').numerator, sel('enrolmentAttainmentPct').denominator]).toEqual([
      counts.enrolled,
      counts.target,
    ]);
    expect(share('enrolmentAttainmentPct')).toBe(figures.enrolment.attainmentPct);
    expect([sel('nonEnrollingPct').numerator, sel('nonEnrollingPct').denominator]).toEqual([
      counts.nonEnrollingSites,
      counts.dueSites,
    ]);
    expect(share('nonEnrollingPct')).toBe(figures.enrolment.nonEnrollingPct);
    expect(share('capacityLoadPct')).toBe(capacityLoad(facts, period.to).pct);
    const delays = delayBreakdown(stageDelays(facts.sites, period));
    expect([sel('startupDelays').numerator, sel('startupDelays').denominator]).toEqual([delays.recorded, delays.total]);
  });

  it('gives the incentive score no records: its ranking is the incentive table itself', () => {
    expect(METRIC_DEFINITIONS.incentiveScore.select(facts, period)).toEqual({
      records: [],
      numerator: 0,
      denominator: 0,
    });
  });
});
