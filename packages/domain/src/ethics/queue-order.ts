import type { SubmissionState } from '@ctp/contracts';

/** What the EC queue's order reads of a submission (a `SubmissionView`). */
export type QueueEntry = {
  state: SubmissionState;
  decidedDate: string | null;
  updatedAt: number;
  clock: { dueDate: string; isOverdue: boolean } | null;
};

/** 0: a running clock past its due date; 1: a running clock; 2: not yet accepted; 3: decided or withdrawn. */
function rankOf(v: QueueEntry): number {
  if (v.decidedDate || v.state === 'withdrawn' || v.state === 'letter_issued') return 3;
  if (!v.clock) return 2;
  return v.clock.isOverdue ? 0 : 1;
}

/**
 * The EC queue's own rule, as its page states it: overdue first, then by due date — both among running clocks only
 * (a decided item is never overdue) — then files not yet accepted, then finished ones, each by last change.
 */
export function compareQueue(a: QueueEntry, b: QueueEntry): number {
  const ra = rankOf(a);
  const rb = rankOf(b);
  if (ra !== rb) return ra - rb;
  if (ra <= 1 && a.clock!.dueDate !== b.clock!.dueDate) return a.clock!.dueDate < b.clock!.dueDate ? -1 : 1;
  return b.updatedAt - a.updatedAt;
}
