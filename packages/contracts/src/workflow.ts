/**
 * The workflow kernel (issue 15): every state machine of the product — the site lifecycle, the submission, the
 * recognition request — is a table of transitions `{step, from, to, by}`, and these functions are the only
 * reading of such a table. The domain enforces with `checkTransition`; the web offers buttons with `availableSteps`.
 * The target state always comes from the table, never from the caller.
 */
export type Transition<
  Step extends string = string,
  State extends string = string,
  Side extends string = string,
  To extends string = State,
> = {
  readonly step: Step;
  readonly from: readonly State[];
  readonly to: To;
  readonly by: readonly Side[];
};

export type TransitionCheck<T> =
  | { ok: true; to: T extends Transition ? T['to'] : never; transition: T }
  | { ok: false; reason: 'role' | 'state' };

/** The row of `step` in the table (every step of a typed table has exactly one row). */
export function transitionOf<T extends Transition>(table: readonly T[], step: T['step']): T {
  const t = table.find((x) => x.step === step);
  if (!t) throw new Error(`unknown workflow step ${step}`);
  return t;
}

/** Pure: may `side` take `step` from `state`? The side is checked first: a refusal for role says nothing of state. */
export function checkTransition<T extends Transition>(
  table: readonly T[],
  step: T['step'],
  state: string,
  side: string | null,
): TransitionCheck<T> {
  const t = transitionOf(table, step);
  if (!side || !t.by.includes(side)) return { ok: false, reason: 'role' };
  if (!t.from.includes(state)) return { ok: false, reason: 'state' };
  return { ok: true, to: t.to as T extends Transition ? T['to'] : never, transition: t };
}

/** Pure: the target state of `step` taken from `state`, or null when the table has no such move (any side). */
export function targetOf<T extends Transition>(table: readonly T[], step: T['step'], state: string): T['to'] | null {
  const t = transitionOf(table, step);
  return t.from.includes(state) ? t.to : null;
}

/**
 * Pure: the step that moves `state` to `to`, or null when no row does (any side). For a caller that names the status
 * it means (`bases.setStatus`): the step still comes from the table and is then checked with `checkTransition`.
 */
export function stepLeadingTo<T extends Transition>(table: readonly T[], state: string, to: string): T['step'] | null {
  return table.find((t) => t.to === to && t.from.includes(state))?.step ?? null;
}

/**
 * Pure: the steps `side` can take from `state`, in table order, for the web to show buttons. `except` leaves out
 * steps that are consequences of another act and never a button of their own.
 */
export function availableSteps<T extends Transition>(
  table: readonly T[],
  state: string,
  side: string | null,
  except: readonly T['step'][] = [],
): T['step'][] {
  return table
    .filter((t) => !except.includes(t.step) && checkTransition(table, t.step, state, side).ok)
    .map((t) => t.step);
}
