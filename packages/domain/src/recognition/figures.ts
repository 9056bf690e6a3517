import { type Db, ethicsCommittees, recognitionRequests, submissions } from '@ctp/db';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { recognitionClockStopsOf, submissionClockStopsOf } from '../clock/clock-stops.ts';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import { calendarKnowsSpan, computeClock } from '../clock/working-days.ts';

/** Pure: the median of a list of numbers (null when empty). */
export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export type RecognitionFigure = {
  requestId: string;
  trialId: string;
  committeeId: string;
  committeeName: string;
  outcome: string;
  decidedDate: string;
  /** Working days accepted → decided, clock stops excluded (DESIGN §4.4). */
  recognitionDays: number;
  /** Some day from acceptance to decision falls in a year whose official schedule is not known. */
  calendarUnknown: boolean;
  /** The same EC's median full-review time (initial reviews, convened or expedited), null without any. */
  medianFullReviewDays: number | null;
  /** Median full review minus recognition time (DESIGN §5 "review working days saved"). */
  daysSaved: number | null;
};

/**
 * Figures for the commission (DESIGN §5, recognition adoption): per decided recognition request, its working days
 * and the working days saved against the same EC's median full-review time. `from`/`to` filter by decision date.
 */
export function recognitionFigures(db: Db, opts: { from?: string; to?: string } = {}): RecognitionFigure[] {
  const cal = loadWorkingCalendar(db);
  const requests = db
    .select({ req: recognitionRequests, committeeName: ethicsCommittees.nameZh })
    .from(recognitionRequests)
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.id, recognitionRequests.committeeId))
    .where(and(isNotNull(recognitionRequests.decidedDate), isNotNull(recognitionRequests.acceptedDate)))
    .all()
    .filter((r) => (!opts.from || r.req.decidedDate! >= opts.from) && (!opts.to || r.req.decidedDate! <= opts.to));
  if (requests.length === 0) return [];
  const committeeIds = [...new Set(requests.map((r) => r.req.committeeId))];
  const full = db
    .select({
      id: submissions.id,
      committeeId: submissions.committeeId,
      acceptedDate: submissions.acceptedDate,
      decidedDate: submissions.decidedDate,
    })
    .from(submissions)
    .where(
      and(
        inArray(submissions.committeeId, committeeIds),
        inArray(submissions.type, ['initial', 'resubmission']),
        inArray(submissions.reviewPath, ['convened', 'expedited']),
        isNotNull(submissions.acceptedDate),
        isNotNull(submissions.decidedDate),
      ),
    )
    .all();
  const subStops = submissionClockStopsOf(
    db,
    full.map((f) => f.id),
  );
  const reqStops = recognitionClockStopsOf(
    db,
    requests.map((r) => r.req.id),
  );
  const used = (accepted: string, decided: string, stops: { from: string; to: string | null }[]) =>
    computeClock(cal, { accepted, limitDays: 1, stops, until: decided }).usedDays;
  const medians = new Map<string, number | null>();
  for (const c of committeeIds)
    medians.set(
      c,
      medianOf(
        full
          .filter((f) => f.committeeId === c)
          .map((f) => used(f.acceptedDate!, f.decidedDate!, subStops.get(f.id) ?? [])),
      ),
    );
  return requests.map(({ req, committeeName }) => {
    const days = used(req.acceptedDate!, req.decidedDate!, reqStops.get(req.id) ?? []);
    const median = medians.get(req.committeeId) ?? null;
    return {
      requestId: req.id,
      trialId: req.trialId,
      committeeId: req.committeeId,
      committeeName,
      outcome: req.outcome!,
      decidedDate: req.decidedDate!,
      recognitionDays: days,
      calendarUnknown: !calendarKnowsSpan(cal, req.acceptedDate!, req.decidedDate!),
      medianFullReviewDays: median,
      daysSaved: median === null ? null : Math.max(0, median - days),
    };
  });
}
