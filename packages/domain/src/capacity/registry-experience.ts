import type { RegistryPhase, RegistryStatus } from '@ctp/contracts';
import { type Db, registrySites, registryTrialConditions, registryTrials } from '@ctp/db';
import { eq, inArray, isNotNull } from 'drizzle-orm';
import { shanghaiDate } from '../clock/dates.ts';
import { ancestorsOf, conditionById, resolveCondition } from '../vocabulary/condition-vocabulary.ts';

/** One registry trial as search and profiles count it (issue 13). */
export type RegistryTrialFact = {
  registryId: string;
  phases: RegistryPhase[];
  status: RegistryStatus;
  recruiting: boolean;
  /**
   * From the registry's start date (YYYY-MM…); CTR publishes none, so its record date stands in (a trial is
   * registered before its first patient). Null when neither is known.
   */
  startYear: number | null;
  /**
   * Every vocabulary entry the trial counts for: each term's entry and all its ancestors, so a trial registered
   * for NSCLC counts as 肺癌 and 恶性肿瘤 too.
   */
  conditionIds: ReadonlySet<string>;
};

/** Registry trials per platform hospital (linked registry sites), each trial once per hospital. */
export type RegistryExperience = Map<string, RegistryTrialFact[]>;

function parsePhases(json: string): RegistryPhase[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as RegistryPhase[]) : [];
  } catch {
    return [];
  }
}

/** A term's entry and its ancestors; memoised per load because registry terms repeat a lot. */
function conditionClosure(term: string, memo: Map<string, string[]>): string[] {
  let ids = memo.get(term);
  if (!ids) {
    const entry = resolveCondition(term)?.entry;
    ids = entry ? [entry.id, ...ancestorsOf(entry.id).map((a) => a.id)] : [];
    memo.set(term, ids);
  }
  return ids;
}

/** Registry trials of the given hospitals (every linked hospital without `hospitalIds`). */
export function loadRegistryExperience(db: Db, hospitalIds?: readonly string[]): RegistryExperience {
  if (hospitalIds && hospitalIds.length === 0) return new Map();
  const conditions = new Map<number, Set<string>>();
  const memo = new Map<string, string[]>();
  const terms = db
    .select({ trialId: registryTrialConditions.registryTrialId, term: registryTrialConditions.term })
    .from(registryTrialConditions);
  for (const row of hospitalIds
    ? terms
        .innerJoin(registrySites, eq(registrySites.registryTrialId, registryTrialConditions.registryTrialId))
        .where(inArray(registrySites.hospitalId, [...hospitalIds]))
        .all()
    : terms.all()) {
    const set = conditions.get(row.trialId) ?? new Set<string>();
    for (const id of conditionClosure(row.term, memo)) set.add(id);
    conditions.set(row.trialId, set);
  }
  const rows = db
    .selectDistinct({
      hospitalId: registrySites.hospitalId,
      trialId: registryTrials.id,
      registryId: registryTrials.registryId,
      status: registryTrials.status,
      phasesJson: registryTrials.phasesJson,
      startDate: registryTrials.startDate,
      recordDate: registryTrials.lastUpdateDate,
    })
    .from(registrySites)
    .innerJoin(registryTrials, eq(registryTrials.id, registrySites.registryTrialId))
    .where(hospitalIds ? inArray(registrySites.hospitalId, [...hospitalIds]) : isNotNull(registrySites.hospitalId))
    .all();
  const out: RegistryExperience = new Map();
  const facts = new Map<number, RegistryTrialFact>();
  for (const r of rows) {
    let fact = facts.get(r.trialId);
    if (!fact) {
      const date = r.startDate ?? r.recordDate;
      const year = date ? Number(date.slice(0, 4)) : Number.NaN;
      fact = {
        registryId: r.registryId,
        phases: parsePhases(r.phasesJson),
        status: r.status,
        recruiting: r.status === 'recruiting',
        startYear: Number.isInteger(year) ? year : null,
        conditionIds: conditions.get(r.trialId) ?? new Set(),
      };
      facts.set(r.trialId, fact);
    }
    const list = out.get(r.hospitalId!) ?? [];
    list.push(fact);
    out.set(r.hospitalId!, list);
  }
  return out;
}

/** What a hospital's registry history says about one condition (the reasons and the sort of `sites.search`). */
export type ConditionExperience = {
  /** Trials in the condition (or a subtype) that started in the last five calendar years, Beijing's today included. */
  recent: number;
  /** Of those, recruiting now. */
  recentRecruiting: number;
  /** Every recruiting trial in the condition, whenever it started: the competition for the same patients. */
  competingRecruiting: number;
};

export const RECENT_YEARS = 5;

/** The first year counted as recent, remembered for the last `now`: a search asks once per candidate hospital. */
let recentFor = { now: Number.NaN, year: 0 };
export function firstRecentYear(now: number): number {
  if (recentFor.now !== now) recentFor = { now, year: Number(shanghaiDate(now).slice(0, 4)) - (RECENT_YEARS - 1) };
  return recentFor.year;
}

/**
 * Remembered per hospital (the trials array of the cached registry experience, replaced when the registry changes),
 * condition and first recent year: a search asks for every candidate hospital, ~1 500 at national scale, each with
 * ~130 registry trials (issue 16 profile: 12 % of a national search). Callers only read the result.
 */
const experienceMemo = new WeakMap<
  readonly RegistryTrialFact[],
  { fromYear: number; byCondition: Map<string, ConditionExperience> }
>();

export function conditionExperience(
  trials: readonly RegistryTrialFact[] | undefined,
  conditionId: string,
  now: number,
): ConditionExperience {
  const fromYear = firstRecentYear(now);
  if (!trials) return { recent: 0, recentRecruiting: 0, competingRecruiting: 0 };
  // Keyed by condition under the first recent year (no key string built per hospital and search).
  let memo = experienceMemo.get(trials);
  if (!memo || memo.fromYear !== fromYear) {
    memo = { fromYear, byCondition: new Map() };
    experienceMemo.set(trials, memo);
  }
  const known = memo.byCondition.get(conditionId);
  if (known) return known;
  const out: ConditionExperience = { recent: 0, recentRecruiting: 0, competingRecruiting: 0 };
  for (const t of trials) {
    if (!t.conditionIds.has(conditionId)) continue;
    if (t.recruiting) out.competingRecruiting++;
    if (t.startYear !== null && t.startYear >= fromYear) {
      out.recent++;
      if (t.recruiting) out.recentRecruiting++;
    }
  }
  memo.byCondition.set(conditionId, out);
  return out;
}

/** Whether a hospital has a registry trial in a phase (in the condition when one is given). */
export function hasRegistryPhase(
  trials: readonly RegistryTrialFact[] | undefined,
  phases: readonly RegistryPhase[],
  conditionId: string | null,
): boolean {
  return (trials ?? []).some(
    (t) => t.phases.some((p) => phases.includes(p)) && (!conditionId || t.conditionIds.has(conditionId)),
  );
}

/**
 * Registry trials at a set of hospitals (each trial once even when several of them ran it), for the commission's
 * capacity view beside the platform's own; with a specialty code, only trials whose conditions that specialty treats.
 */
export function countRegistryTrials(
  experience: RegistryExperience,
  hospitalIds: Iterable<string>,
  specialtyCode: string | null = null,
): { trials: number; recruiting: number } {
  const seen = new Map<string, boolean>();
  for (const id of hospitalIds)
    for (const t of experience.get(id) ?? []) {
      if (seen.has(t.registryId)) continue;
      if (specialtyCode && ![...t.conditionIds].some((c) => conditionById(c)?.specialties.includes(specialtyCode)))
        continue;
      seen.set(t.registryId, t.recruiting);
    }
  let recruiting = 0;
  for (const r of seen.values()) if (r) recruiting++;
  return { trials: seen.size, recruiting };
}
