import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from './audit.ts';
import { DELIBERATION_AUDIT_FIELDS, REDACTED, redactAuditEvent } from './audit-deliberation.ts';
import { SUBMISSION_TRANSITIONS } from './ethics.ts';
import {
  eventExposure,
  isEcOnlyEvent,
  SUBMISSION_EVENT_STEPS,
  SUBMISSION_EVENT_VISIBILITY,
  TIMELINE_OUTSIDE_AUDIENCES,
  timelineEventFor,
} from './timeline-visibility.ts';

describe('SUBMISSION_EVENT_VISIBILITY (issue 12)', () => {
  it('classifies every step of the submission state machine, so a new step must be decided here', () => {
    const steps = new Set<string>(SUBMISSION_EVENT_STEPS);
    expect(SUBMISSION_TRANSITIONS.map((t) => t.step).filter((s) => !steps.has(s))).toEqual([]);
    expect(Object.keys(SUBMISSION_EVENT_VISIBILITY).sort()).toEqual([...SUBMISSION_EVENT_STEPS].sort());
  });

  it('never names a person outside the committee for a step only the committee takes', () => {
    const committeeSteps = SUBMISSION_TRANSITIONS.filter((t) =>
      (t.by as readonly string[]).every((side) => side === 'secretary' || side === 'chair'),
    ).map((t) => t.step);
    expect(committeeSteps).toContain('decide');
    for (const step of committeeSteps)
      for (const audience of TIMELINE_OUTSIDE_AUDIENCES) {
        const e = eventExposure(step, audience);
        expect({ step, audience, person: e.seen && e.actor === 'person' }).toEqual({ step, audience, person: false });
      }
  });

  it('keeps the objection that sends an expedited review to a meeting inside; shows the decision under the committee', () => {
    expect(isEcOnlyEvent('refer_to_meeting')).toBe(true);
    expect(isEcOnlyEvent('decide')).toBe(false);
    expect(isEcOnlyEvent('some_future_step')).toBe(true);
    const decide = {
      step: 'decide',
      fromState: 'in_review',
      toState: 'decided',
      actorName: '王主任委员',
      actorRole: 'ec_chair',
      comment: null,
      detail: { outcome: 'approved' },
      at: 1,
    };
    expect(timelineEventFor(decide, 'applicant')).toMatchObject({
      actorName: null,
      actorRole: null,
      byCommittee: true,
      detail: { outcome: 'approved' },
    });
    expect(timelineEventFor(decide, 'committee')).toMatchObject({ actorName: '王主任委员', byCommittee: false });
    const triage = { ...decide, step: 'triage', comment: '内部备注', detail: null };
    expect(timelineEventFor(triage, 'sponsor')?.comment).toBeNull();
    expect(timelineEventFor({ ...triage, step: 'refer_to_meeting' }, 'sponsor')).toBeNull();
    // A participating EC reads the committee's opinions, not the applicant side's own exchanges.
    expect(timelineEventFor({ ...triage, step: 'respond' }, 'participating_ec')).toBeNull();
    expect(timelineEventFor({ ...triage, step: 'request_info', comment: '请补充' }, 'participating_ec')?.comment).toBe(
      '请补充',
    );
  });
});

describe('DELIBERATION_AUDIT_FIELDS (issue 12)', () => {
  it('names only real audit actions', () => {
    const actions = new Set<string>(AUDIT_ACTIONS);
    expect(Object.keys(DELIBERATION_AUDIT_FIELDS).filter((a) => !actions.has(a))).toEqual([]);
  });

  it('decides every committee-internal action: listed as deliberation, or named here as carrying none', () => {
    // Their payloads hold no vote, statement or note: counts, versions, the meeting date and agenda.
    const carryNone = new Set(['meeting.create', 'meeting.save_minutes', 'meeting.approve_minutes']);
    const undecided = AUDIT_ACTIONS.filter(
      (a) => /^(meeting|review)\./.test(a) && !(a in DELIBERATION_AUDIT_FIELDS) && !carryNone.has(a),
    );
    expect(undecided).toEqual([]);
  });

  it('redacts the vote and the actor in the admin view, and leaves other events alone', () => {
    const vote = {
      action: 'meeting.vote',
      actorUserId: 'u1',
      actorName: '郑委员',
      actorEmail: 'member@demo.ctp',
      before: { memberId: 'm1', choice: 'approve' },
      after: { meetingId: null, memberId: 'm1', choice: 'disapprove' },
    };
    expect(redactAuditEvent(vote)).toEqual({
      action: 'meeting.vote',
      actorUserId: null,
      actorName: null,
      actorEmail: null,
      before: { memberId: REDACTED, choice: REDACTED },
      after: { meetingId: null, memberId: REDACTED, choice: REDACTED },
      redacted: true,
    });
    const login = { ...vote, action: 'auth.login', after: { choice: 'x' } };
    expect(redactAuditEvent(login)).toEqual({ ...login, redacted: false });
  });
});
