import type { Db } from '@ctp/db';

export type ActiveLoad = { bySpecialty: Map<string, number>; byInvestigator: Map<string, number> };

/**
 * Active trials per hospital specialty and per PI: the count of their trial sites from `selected` to
 * `enrolment_closed` (DESIGN §4.3). Trial sites arrive with the trials issue; until a trial-site table exists the
 * platform has no active trials, so every load is zero — derived, never typed.
 */
export function loadActiveLoad(_db: Db): ActiveLoad {
  return { bySpecialty: new Map(), byInvestigator: new Map() };
}
