import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from './audit.ts';
import { DELIBERATION_AUDIT_FIELDS } from './audit-deliberation.ts';
import { AUDIT_PAYLOADS, auditPayloadIssues } from './audit-payloads.ts';

describe('AUDIT_PAYLOADS (issue 15)', () => {
  it('gives every audit action its payload schemas', () => {
    expect(AUDIT_ACTIONS.filter((a) => !(a in AUDIT_PAYLOADS))).toEqual([]);
    expect(Object.keys(AUDIT_PAYLOADS).length).toBe(AUDIT_ACTIONS.length);
  });

  it('accepts a payload as written and refuses a wrong type, a missing field or an unknown field', () => {
    const vote = { meetingId: null, memberId: 'm1', choice: 'approve', voteId: 7, rowChecksum: 'ab' };
    expect(auditPayloadIssues('meeting.vote', undefined, vote)).toEqual([]);
    expect(auditPayloadIssues('meeting.vote', undefined, { ...vote, voteId: '7' })).toEqual([
      'after.voteId: Invalid input: expected number, received string',
    ]);
    expect(auditPayloadIssues('meeting.vote', undefined, undefined)).toEqual(['after: required']);
    expect(auditPayloadIssues('meeting.vote', undefined, { ...vote, note: 'x' })).toHaveLength(1);
    expect(auditPayloadIssues('auth.logout', undefined, { any: 1 })).toEqual([
      'after: this action has no after payload',
    ]);
    const sop = {
      quorumMinPercent: 50,
      quorumMinCount: 6,
      quorumNeedsNonMedical: true,
      quorumNeedsUnaffiliated: true,
      reviewLimitDays: 15,
      defaultFollowUpMonths: 12,
    };
    expect(auditPayloadIssues('committee.update_sop', { ...sop, isDefault: true }, sop)).toEqual([]);
    expect(auditPayloadIssues('committee.update_sop', sop, { ...sop, quorumMinCount: '6' })).toHaveLength(1);
    expect(auditPayloadIssues('committee.update_sop', sop, { ...sop, secretaryNote: 'x' })).toHaveLength(1);
    const accept = { state: 'accepted', version: 3, acceptanceNo: 'JSPH-2026-0001', acceptedDate: '2026-01-05' };
    expect(auditPayloadIssues('submission.accept', { state: 'submitted', version: 2 }, accept)).toEqual([]);
  });

  it('marks exactly the deliberation fields the confidentiality rules of issue 12 name', () => {
    // The table as it stood before the schemas carried the marks: the redaction must not change.
    const sorted = (x: typeof DELIBERATION_AUDIT_FIELDS) =>
      Object.fromEntries(
        Object.entries(x)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([a, r]) => [a, { fields: [...r!.fields].sort(), actor: r!.actor }]),
      );
    expect(sorted(DELIBERATION_AUDIT_FIELDS)).toEqual(
      sorted({
        'meeting.vote': { fields: ['memberId', 'choice'], actor: true },
        'meeting.declare_conflict': { fields: ['memberId', 'reason'], actor: true },
        'meeting.record_attendance': { fields: ['memberId', 'present'], actor: false },
        'review.declare': { fields: ['memberId', 'hasConflict', 'statement', 'reviewerRemoved'], actor: true },
        'review.assign': { fields: ['memberId', 'memberName'], actor: false },
        'review.unassign': { fields: ['memberId'], actor: false },
        'review.save_worksheet': { fields: ['memberId', 'recommendedOutcome'], actor: true },
        'review.submit_worksheet': { fields: ['memberId', 'recommendedOutcome'], actor: true },
        'submission.refer_to_meeting': { fields: [], actor: true },
        'submission.accept': { fields: ['comment'], actor: false },
        'submission.triage': { fields: ['comment'], actor: false },
      }),
    );
  });
});
