import type { RegistryPhase } from '@ctp/contracts';
import {
  type ConditionExperience,
  firstRecentYear,
  type RegistryTrialFact,
} from '../../../packages/domain/src/capacity/registry-experience.ts';

export { type ConditionExperience, RECENT_YEARS } from '../../../packages/domain/src/capacity/registry-experience.ts';

/**
 * Remembered per hospital (the trials array of the cached registry experience, replaced when the registry changes),
 * condition and first recent year: a search asks for every candidate hospital, ~1 500 at national scale, each with
 * ~130 registry trials (issue 16 profile: 12 % of a national search). Callers only read the result.
 */
const experienceMemo = new WeakMap<readonly RegistryTrialFact[], Map<string, ConditionExperience>>();

export function conditionExperience(
  trials: readonly RegistryTrialFact[] | undefined,
  conditionId: string,
  now: number,
): ConditionExperience {
  const fromYear = firstRecentYear(now);
  if (!trials) return { recent: 0, recentRecruiting: 0, competingRecruiting: 0 };
  let memo = experienceMemo.get(trials);
  if (!memo) {
    memo = new Map();
    experienceMemo.set(trials, memo);
  }
  const key = `${fromYear}\u0000${conditionId}`;
  const known = memo.get(key);
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
  memo.set(key, out);
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
