import { DEFAULT_REVIEW_LIMIT_DAYS } from '@ctp/contracts';
import {
  committeeSettings,
  recognitionEvents,
  recognitionRequests,
  submissionEvents,
  submissions,
  type Tx,
} from '@ctp/db';
import { and, isNotNull, isNull, ne } from 'drizzle-orm';
import { recognitionClockStopsOf, submissionClockStopsOf } from '../clock/clock-stops.ts';
import { type ClockStop, computeClock, type WorkingCalendar } from '../clock/working-days.ts';

export type MovedDueDate = { kind: 'submission' | 'recognition'; id: string; from: string; to: string };

/**
 * Recomputes every open clock (accepted, not decided, not withdrawn) under the calendar before and after a change
 * of the official schedule, and records each due date that moves on the submission's or request's timeline, in the
 * caller's transaction. Clocks are derived on read, so the new due dates take effect by themselves; the events make
 * the move visible and explain it (issue 11). Decided clocks are history: their figures change, their deadlines
 * are past.
 */
export function recordMovedDueDates(
  tx: Tx,
  cals: { before: WorkingCalendar; after: WorkingCalendar },
  p: { today: string; now: number; year: number },
): MovedDueDate[] {
  const moved: MovedDueDate[] = [];
  const dueUnder = (cal: WorkingCalendar, accepted: string, limitDays: number, stops: ClockStop[]) =>
    computeClock(cal, { accepted, limitDays, stops, until: p.today }).dueDate;

  const limits = new Map(
    tx
      .select({ id: committeeSettings.committeeId, days: committeeSettings.reviewLimitDays })
      .from(committeeSettings)
      .all()
      .map((r) => [r.id, r.days]),
  );
  const openSubs = tx
    .select({
      id: submissions.id,
      state: submissions.state,
      committeeId: submissions.committeeId,
      accepted: submissions.acceptedDate,
    })
    .from(submissions)
    .where(
      and(isNotNull(submissions.acceptedDate), isNull(submissions.decidedDate), ne(submissions.state, 'withdrawn')),
    )
    .all();
  const subStops = submissionClockStopsOf(tx);
  for (const s of openSubs) {
    if (!s.accepted) continue;
    const limit = limits.get(s.committeeId) ?? DEFAULT_REVIEW_LIMIT_DAYS;
    const stops = subStops.get(s.id) ?? [];
    const from = dueUnder(cals.before, s.accepted, limit, stops);
    const to = dueUnder(cals.after, s.accepted, limit, stops);
    if (from === to) continue;
    tx.insert(submissionEvents)
      .values({
        submissionId: s.id,
        step: 'due_date_moved',
        fromState: s.state,
        toState: s.state,
        actorUserId: null,
        actorRole: null,
        detailJson: JSON.stringify({ from, to, year: p.year }),
        isEcOnly: false,
        at: p.now,
      })
      .run();
    moved.push({ kind: 'submission', id: s.id, from, to });
  }

  const openRequests = tx
    .select({
      id: recognitionRequests.id,
      state: recognitionRequests.state,
      accepted: recognitionRequests.acceptedDate,
      limitDays: recognitionRequests.limitDays,
    })
    .from(recognitionRequests)
    .where(and(isNotNull(recognitionRequests.acceptedDate), isNull(recognitionRequests.decidedDate)))
    .all();
  const requestStops = recognitionClockStopsOf(tx);
  for (const r of openRequests) {
    if (!r.accepted) continue;
    const stops = requestStops.get(r.id) ?? [];
    const from = dueUnder(cals.before, r.accepted, r.limitDays, stops);
    const to = dueUnder(cals.after, r.accepted, r.limitDays, stops);
    if (from === to) continue;
    tx.insert(recognitionEvents)
      .values({
        requestId: r.id,
        step: 'due_date_moved',
        fromState: r.state,
        toState: r.state,
        actorUserId: null,
        actorRole: null,
        comment: null,
        detailJson: JSON.stringify({ from, to, year: p.year }),
        at: p.now,
      })
      .run();
    moved.push({ kind: 'recognition', id: r.id, from, to });
  }
  return moved;
}
