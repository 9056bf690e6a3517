import { recognitionClockStops, submissionClockStops, type Tx } from '@ctp/db';
import { inArray } from 'drizzle-orm';
import type { ClockStop } from './working-days.ts';

type Reader = Pick<Tx, 'select'>;

/**
 * The ONE reading of clock stops (issue 15): the periods a review clock stood still (returned for correction,
 * information requested, action required), grouped by the submission or recognition request they belong to, in
 * stored order. `ids` limits the read; without it every stop is read (the calendar's recomputation, the metrics).
 */
export function groupClockStops(rows: readonly { id: string; from: string; to: string | null }[]) {
  const out = new Map<string, ClockStop[]>();
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), { from: r.from, to: r.to }]);
  return out;
}

export function submissionClockStopsOf(db: Reader, ids?: readonly string[]): Map<string, ClockStop[]> {
  if (ids && ids.length === 0) return new Map();
  const q = db
    .select({
      id: submissionClockStops.submissionId,
      from: submissionClockStops.fromDate,
      to: submissionClockStops.toDate,
    })
    .from(submissionClockStops);
  return groupClockStops(ids ? q.where(inArray(submissionClockStops.submissionId, [...ids])).all() : q.all());
}

export function recognitionClockStopsOf(db: Reader, ids?: readonly string[]): Map<string, ClockStop[]> {
  if (ids && ids.length === 0) return new Map();
  const q = db
    .select({
      id: recognitionClockStops.requestId,
      from: recognitionClockStops.fromDate,
      to: recognitionClockStops.toDate,
    })
    .from(recognitionClockStops);
  return groupClockStops(ids ? q.where(inArray(recognitionClockStops.requestId, [...ids])).all() : q.all());
}
