import type { Tx } from '@ctp/db';
import type { Ctx } from '../context.ts';
import { markEthicsApproved } from '../trials/record-progress.ts';
import type { loadSubmission } from './submission-access.ts';

type Loaded = ReturnType<typeof loadSubmission>;

export type DecisionRecorded = {
  sub: Loaded['sub'];
  trial: Loaded['trial'];
  site: Loaded['site'];
  /** The outcome just recorded (the submission row in `sub` is the state before the decision). */
  outcome: NonNullable<Loaded['sub']['outcome']>;
  isApproval: boolean;
  today: string;
  now: number;
};

/**
 * What a recorded decision sets in motion, inside the decision's own transaction (so a retried or losing decision
 * has no effects): the trial site's ethics approval, and — as the workflows grow — the documents the decision binds
 * and the recognition requests it fans out. One place, so every consequence of a decision is listed together.
 */
export function applyDecisionEffects(tx: Tx, ctx: Ctx, d: DecisionRecorded) {
  const approvesSite =
    d.isApproval &&
    (d.sub.type === 'initial' || (d.sub.type === 'resubmission' && d.site.state === 'ethics_submitted'));
  if (approvesSite) markEthicsApproved(tx, ctx, d.site, d.today, d.now);
}
