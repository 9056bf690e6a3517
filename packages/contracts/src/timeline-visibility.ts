import type { SubmissionStep } from './ethics.ts';

/**
 * Who outside the ethics committee sees which event of a submission's timeline (issue 12; DESIGN §2). The ONE
 * table: the server sets `submission_events.is_ec_only` from it when an event is written and masks every event by
 * it when the timeline is read (`submissions.get`, and `leadDecisionOf` for the ECs that recognise the review).
 *
 * Inside the committee (its secretary, chair, members) every event is seen in full. Outside it:
 * - EC-internal events (an expedited reviewer's objection that sent the review to a meeting) reach no one;
 * - an event the committee takes is shown under the committee's name, never the name or role of the secretary,
 *   chair or member who took it — the signed decision and its letter included;
 * - the comment is shown only where it is addressed to the applicant (return reasons, questions, the verification
 *   of modifications); internal notes (why a file was accepted despite the checklist, triage notes) stay inside.
 */
export const SUBMISSION_EVENT_STEPS = [
  'create',
  'submit',
  'start_screening',
  'accept',
  'return',
  'resubmit',
  'triage',
  'request_info',
  'respond',
  'schedule',
  'refer_to_meeting',
  'decide',
  'unschedule',
  'submit_modifications',
  'verify_modifications',
  'issue_letter',
  'withdraw',
  // Not a workflow step: the platform records a due date moved by a change of the official calendar (issue 11).
  'due_date_moved',
] as const satisfies readonly (SubmissionStep | 'create' | 'due_date_moved')[];
export type SubmissionEventStep = (typeof SUBMISSION_EVENT_STEPS)[number];

/** The people outside the committee who read a submission's timeline. */
export const TIMELINE_OUTSIDE_AUDIENCES = ['applicant', 'sponsor', 'participating_ec'] as const;
export type TimelineAudience = (typeof TIMELINE_OUTSIDE_AUDIENCES)[number] | 'committee';

/** How one outside audience sees one event: not at all, or with the actor (`person` / `committee`), comment, detail. */
export type EventExposure =
  | { seen: false }
  | { seen: true; actor: 'person' | 'committee'; comment: boolean; detail: boolean };

const HIDDEN: EventExposure = { seen: false };
/** An act of the applicant's side, visible with its author to the applicant and sponsor. */
const BY_APPLICANT_SIDE: EventExposure = { seen: true, actor: 'person', comment: true, detail: true };
/** An act of the committee addressed to the applicant: under the committee's name, with what it says. */
const COMMITTEE_SAYS: EventExposure = { seen: true, actor: 'committee', comment: true, detail: true };
/** A state change by the committee whose note is internal: under the committee's name, without the note. */
const COMMITTEE_STATE: EventExposure = { seen: true, actor: 'committee', comment: false, detail: true };
/** The platform's own record (no person acted): a due date moved by the official calendar, with from/to. */
const BY_PLATFORM: EventExposure = { seen: true, actor: 'person', comment: false, detail: true };

type Row = Record<(typeof TIMELINE_OUTSIDE_AUDIENCES)[number], EventExposure>;
const same = (e: EventExposure): Row => ({ applicant: e, sponsor: e, participating_ec: HIDDEN });

export const SUBMISSION_EVENT_VISIBILITY: Record<SubmissionEventStep, Row> = {
  create: same(BY_APPLICANT_SIDE),
  submit: same(BY_APPLICANT_SIDE),
  resubmit: same(BY_APPLICANT_SIDE),
  respond: same(BY_APPLICANT_SIDE),
  submit_modifications: same(BY_APPLICANT_SIDE),
  withdraw: same(BY_APPLICANT_SIDE),
  start_screening: same(COMMITTEE_STATE),
  accept: same(COMMITTEE_STATE),
  // Return reasons and questions are the committee's opinions (审查意见): the recognising ECs read them too.
  return: { ...same(COMMITTEE_SAYS), participating_ec: COMMITTEE_SAYS },
  request_info: { ...same(COMMITTEE_SAYS), participating_ec: COMMITTEE_SAYS },
  triage: same(COMMITTEE_STATE),
  schedule: same(COMMITTEE_STATE),
  unschedule: same(COMMITTEE_STATE),
  // An expedited reviewer's (or the chair's) "no": who objected is deliberation; the path shows it went to a meeting.
  refer_to_meeting: same(HIDDEN),
  // The signed decision and its letter: under the committee's name.
  decide: { ...same(COMMITTEE_SAYS), participating_ec: COMMITTEE_SAYS },
  verify_modifications: same(COMMITTEE_SAYS),
  issue_letter: { ...same(COMMITTEE_STATE), participating_ec: COMMITTEE_STATE },
  due_date_moved: same(BY_PLATFORM),
};

function isKnownStep(step: string): step is SubmissionEventStep {
  return (SUBMISSION_EVENT_STEPS as readonly string[]).includes(step);
}

/** Pure: how `audience` sees an event of this step (an unknown step is hidden outside the committee). */
export function eventExposure(step: string, audience: TimelineAudience): EventExposure {
  if (audience === 'committee') return { seen: true, actor: 'person', comment: true, detail: true };
  return isKnownStep(step) ? SUBMISSION_EVENT_VISIBILITY[step][audience] : HIDDEN;
}

/** Pure: an event no one outside the committee sees — the value of `submission_events.is_ec_only`. */
export function isEcOnlyEvent(step: string): boolean {
  return TIMELINE_OUTSIDE_AUDIENCES.every((a) => !eventExposure(step, a).seen);
}

export type TimelineEventRow = {
  step: string;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  actorRole: string | null;
  comment: string | null;
  detail: unknown;
  at: number;
};

/**
 * Pure: the event as `audience` may see it, or null. `byCommittee` says the actor is shown as the committee (the
 * web prints the committee's name); the person's name and role are then gone.
 */
export function timelineEventFor<E extends TimelineEventRow>(
  event: E,
  audience: TimelineAudience,
): (E & { byCommittee: boolean }) | null {
  const exposure = eventExposure(event.step, audience);
  if (!exposure.seen) return null;
  const byCommittee = exposure.actor === 'committee';
  return {
    ...event,
    actorName: byCommittee ? null : event.actorName,
    actorRole: byCommittee ? null : event.actorRole,
    comment: exposure.comment ? event.comment : null,
    detail: exposure.detail ? event.detail : null,
    byCommittee,
  };
}
