// Trial vocabularies (DESIGN §3; issue 4), apart from the zod schemas of trials.ts: the commission dashboard's filters
// read them in its first load without pulling zod in (issue 16).

export const TRIAL_TYPES = ['drug', 'device', 'iit'] as const;
export type TrialType = (typeof TRIAL_TYPES)[number];
export const TRIAL_PHASES = ['I', 'II', 'III', 'IV', 'BE', 'I/II', 'II/III', 'NA'] as const;
export type TrialPhase = (typeof TRIAL_PHASES)[number];
