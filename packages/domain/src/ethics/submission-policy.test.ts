import type { ActorRef } from '@ctp/contracts';
import { describe, expect, it } from 'vitest';
import { canReadInquiryAttachments } from '../trials/policy.ts';
import { type MemberFileFacts, memberFileAccess, submissionFilesGate } from './submission-policy.ts';

const actor = (role: ActorRef['role'], committeeId: string | null = 'ec-1', orgId = 'hosp-1'): ActorRef => ({
  userId: 'u1',
  role,
  orgId,
  committeeId,
});
const member = (memberId: string, over: Partial<MemberFileFacts> = {}): MemberFileFacts => ({
  memberId,
  recused: false,
  reviewer: undefined,
  meeting: null,
  ...over,
});

describe('the files gate of a submission (pure halves)', () => {
  const sub = { committeeId: 'ec-1', submittedAt: 1 };

  it('lets the secretary and chair through whole, sends a member to their member records', () => {
    expect(submissionFilesGate(actor('ec_secretary'), sub)).toEqual({ via: 'committee' });
    expect(submissionFilesGate(actor('ec_chair'), sub)).toEqual({ via: 'committee' });
    expect(submissionFilesGate(actor('ec_member'), sub)).toEqual({ via: 'members' });
  });

  it('refuses a non-EC role, another committee and a draft, each for its own reason', () => {
    expect(submissionFilesGate(null, sub)).toEqual({ refused: 'ROLE_REQUIRED' });
    expect(submissionFilesGate(actor('sponsor'), sub)).toEqual({ refused: 'ROLE_REQUIRED' });
    expect(submissionFilesGate(actor('ec_secretary', 'ec-2'), sub)).toEqual({ refused: 'NOT_OWN_COMMITTEE' });
    expect(submissionFilesGate(actor('ec_secretary'), { ...sub, submittedAt: null })).toEqual({ refused: 'NOT_FOUND' });
  });

  it('opens to a declared primary reviewer, and to a declared attendee of the agenda meeting', () => {
    expect(memberFileAccess([member('m1', { reviewer: { hasConflict: false } })])).toEqual({
      via: 'reviewer',
      memberId: 'm1',
    });
    const attendee = member('m2', { meeting: { present: true, declaration: { hasConflict: false } } });
    expect(memberFileAccess([attendee])).toEqual({ via: 'meeting', memberId: 'm2' });
  });

  it('asks an undeclared reviewer or attendee to declare; an absent member is no reviewer', () => {
    expect(memberFileAccess([member('m1', { reviewer: { hasConflict: null } })])).toEqual({
      refused: 'CONFLICT_DECLARATION_REQUIRED',
    });
    const undeclared = member('m1', { meeting: { present: true, declaration: undefined } });
    expect(memberFileAccess([undeclared])).toEqual({ refused: 'CONFLICT_DECLARATION_REQUIRED' });
    const absent = member('m1', { meeting: { present: false, declaration: { hasConflict: false } } });
    expect(memberFileAccess([absent])).toEqual({ refused: 'NOT_A_REVIEWER' });
    expect(memberFileAccess([])).toEqual({ refused: 'NOT_A_REVIEWER' });
  });

  it('refuses a recused record, unless an earlier record already opened as a reviewer (records in order)', () => {
    const clean = member('m1', { reviewer: { hasConflict: false } });
    const recused = member('m2', { recused: true, reviewer: { hasConflict: false } });
    expect(memberFileAccess([recused, clean])).toEqual({ refused: 'MEMBER_CONFLICTED' });
    expect(memberFileAccess([clean, recused])).toEqual({ via: 'reviewer', memberId: 'm1' });
  });
});

describe('who reads an inquiry’s attachments (pure)', () => {
  const trial = { sponsorOrgId: 'sponsor-1', croOrgId: null, type: 'drug' as const };
  const sent = { hospitalOrgId: 'hosp-1', status: 'sent' as const };
  const answered = { hospitalOrgId: 'hosp-1', status: 'interested' as const };

  it('the trial office it was sent to, always; the sponsor only once answered', () => {
    expect(canReadInquiryAttachments(actor('site_admin', null), sent, trial)).toBe(true);
    expect(canReadInquiryAttachments(actor('sponsor', null, 'sponsor-1'), sent, trial)).toBe(false);
    expect(canReadInquiryAttachments(actor('sponsor', null, 'sponsor-1'), answered, trial)).toBe(true);
  });

  it('nobody else: another hospital, another sponsor, nobody signed in', () => {
    expect(canReadInquiryAttachments(actor('site_admin', null, 'hosp-2'), answered, trial)).toBe(false);
    expect(canReadInquiryAttachments(actor('sponsor', null, 'sponsor-2'), answered, trial)).toBe(false);
    expect(canReadInquiryAttachments(null, answered, trial)).toBe(false);
  });
});
