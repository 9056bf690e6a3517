import { recognitionClockStops, submissionClockStops, type Tx } from '@ctp/db';
import { asc, eq, inArray } from 'drizzle-orm';
import type { ClockStop } from './working-days.ts';

type Reader = Pick<Tx, 'select'>;

/**
 * The ONE reading of clock stops (issue 15): the periods a review clock stood still (returned for correction,
 * information requested, action required), grouped by the submission or recognition request they belong to, in
 * stored order. `ids` limits the read; without it every stop is read (the calendar's recomputation, the metrics).
 */
export function groupClockStops(rows: readonly { id: string; from: string; to: string | null }[]) {
  const out = new Map<string, ClockStop[]>();
  for (const r of rows) {
    const list = out.get(r.id);
    if (list) list.push({ from: r.from, to: r.to });
    else out.set(r.id, [{ from: r.from, to: r.to }]);
  }
  return out;
}

/** Past this many ids, every stop is read and filtered: SQLite limits the variables of one statement. */
const MAX_IDS = 900;
function only(all: Map<string, ClockStop[]>, ids: readonly string[]) {
  return new Map(ids.filter((id) => all.has(id)).map((id) => [id, all.get(id)!]));
}

export function submissionClockStopsOf(db: Reader, ids?: readonly string[]): Map<string, ClockStop[]> {
  if (ids && ids.length === 0) return new Map();
  if (ids && ids.length > MAX_IDS) return only(submissionClockStopsOf(db), ids);
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
  if (ids && ids.length > MAX_IDS) return only(recognitionClockStopsOf(db), ids);
  const q = db
    .select({
      id: recognitionClockStops.requestId,
      from: recognitionClockStops.fromDate,
      to: recognitionClockStops.toDate,
    })
    .from(recognitionClockStops);
  return groupClockStops(ids ? q.where(inArray(recognitionClockStops.requestId, [...ids])).all() : q.all());
}

/**
 * One submission's clock stops in full, for its page: each stop's kind (returned for correction, information
 * requested, action required) and its reason beside the period, in the order they were recorded. The clocks
 * themselves read the periods only (`submissionClockStopsOf`).
 */
export function submissionClockStopDetails(db: Reader, submissionId: string) {
  return db
    .select({
      kind: submissionClockStops.kind,
      from: submissionClockStops.fromDate,
      to: submissionClockStops.toDate,
      reason: submissionClockStops.reason,
    })
    .from(submissionClockStops)
    .where(eq(submissionClockStops.submissionId, submissionId))
    .orderBy(asc(submissionClockStops.id))
    .all();
}
