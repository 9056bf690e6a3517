import type { Tx } from '@ctp/db';
import type { Ctx } from '../context.ts';
import { bindDecisionDocuments } from '../documents/decision-documents.ts';
import { effectiveVersionsOf } from '../documents/effective-versions.ts';
import { fanOutAmendment, openRecognitionRequests } from '../fan-out/fan-out.ts';
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
  // The exact document versions the decision was taken on (any outcome); the site's effective versions follow approvals.
  bindDecisionDocuments(tx, d.sub.id, d.now);
  // Mutual recognition (DESIGN §4.2): a lead approval opens the participating sites' requests; a lead amendment
  // approval fans out acknowledgement tasks with the new effective versions.
  openRecognitionRequests(tx, ctx, d);
  fanOutAmendment(tx, ctx, d, () => effectiveVersionsOf(tx, d.site.id));
}
