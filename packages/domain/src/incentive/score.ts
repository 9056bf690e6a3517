import { INCENTIVE_TERMS, type IncentiveTerm, STARTUP_STAGE_TARGETS } from '@ctp/contracts';
import type { MetricFacts, Period } from '../metrics/facts.ts';
import { overviewOf } from '../metrics/figures.ts';
import { factsOf, inGroup } from '../metrics/grouping.ts';

/** Days selected → first patient in that score 100: the sum of the 60/60/30 stage targets (DESIGN §5). */
export const STARTUP_TARGET_DAYS = STARTUP_STAGE_TARGETS.ethics + STARTUP_STAGE_TARGETS.siv + STARTUP_STAGE_TARGETS.fpi;

export type TermScore = {
  term: IncentiveTerm;
  /** The metric the term is made of (a percentage, or days for start-up); null without data. */
  raw: number | null;
  /** 0–100; a term without data scores 0. */
  score: number;
  weight: number;
  /** weight × score ÷ 100: the points this term adds to the index. */
  contribution: number;
};

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number) => Math.max(0, Math.min(100, x));

/**
 * The institution incentive index (激励指数) of one hospital: a weighted mean of 0–100 term scores, every term's
 * contribution shown. Start-up scores 100 at or under the 150-day stage targets, 100 × 150 ÷ median days above.
 */
export function scoreHospital(facts: MetricFacts, period: Period, weights: Record<IncentiveTerm, number>) {
  const { figures } = overviewOf(facts, period);
  const raw: Record<IncentiveTerm, number | null> = {
    conversion: figures.conversion.specialtyActivePct,
    piActive: figures.conversion.piActivePct,
    startup: figures.startup.medianDays,
    ethicsWithinClock: figures.ethics.withinClockPct,
    recognition: figures.recognition.available ? figures.recognition.adoptionPct : null,
    enrolment: figures.enrolment.attainmentPct,
    enrolling: figures.enrolment.nonEnrollingPct,
  };
  const scoreOf = (t: IncentiveTerm, v: number | null): number => {
    if (v === null) return 0;
    if (t === 'startup') return v <= STARTUP_TARGET_DAYS ? 100 : round1((100 * STARTUP_TARGET_DAYS) / v);
    if (t === 'enrolling') return clamp(100 - v);
    return clamp(v);
  };
  const terms: TermScore[] = INCENTIVE_TERMS.map((term) => {
    const score = scoreOf(term, raw[term]);
    return { term, raw: raw[term], score, weight: weights[term], contribution: round1((weights[term] * score) / 100) };
  });
  return { terms, score: round1(terms.reduce((s, t) => s + (t.weight * t.score) / 100, 0)) };
}

/** Every hospital with filed capacity, scored and ranked (equal scores share a rank). */
export function rankHospitals(facts: MetricFacts, period: Period, weights: Record<IncentiveTerm, number>) {
  const hospitals = new Map<string, { name: string; district: string | null }>();
  for (const f of facts.specialties) hospitals.set(f.hospitalId, { name: f.hospitalName, district: f.district });
  const rows = [...hospitals]
    .map(([hospitalId, h]) => ({
      hospitalId,
      hospitalName: h.name,
      district: h.district,
      ...scoreHospital(factsOf(facts, inGroup('hospital', hospitalId)), period, weights),
    }))
    .sort((a, b) => b.score - a.score || a.hospitalName.localeCompare(b.hospitalName));
  return rows.map((r) => ({ ...r, rank: 1 + rows.filter((o) => o.score > r.score).length }));
}
