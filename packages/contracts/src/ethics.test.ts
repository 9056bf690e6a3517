import { describe, expect, it } from 'vitest';
import {
  availableSubmissionSteps,
  checkSubmissionTransition,
  SUBMISSION_STATES,
  SUBMISSION_TRANSITIONS,
  type SubmissionState,
  WITHDRAWABLE_STATES,
} from './ethics.ts';

/** Every state reachable from `draft` by the table. */
function reachable(): Set<SubmissionState> {
  const seen = new Set<SubmissionState>(['draft']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of SUBMISSION_TRANSITIONS)
      if (t.from.some((f) => seen.has(f)) && !seen.has(t.to)) {
        seen.add(t.to);
        grew = true;
      }
  }
  return seen;
}

describe('submission transition table (DESIGN §4.1)', () => {
  it('reaches every state from draft, and nothing leaves withdrawn or letter_issued', () => {
    expect([...reachable()].sort()).toEqual([...SUBMISSION_STATES].sort());
    for (const end of ['withdrawn', 'letter_issued'] as const)
      expect(SUBMISSION_TRANSITIONS.filter((t) => (t.from as readonly string[]).includes(end))).toEqual([]);
  });

  it('lets only the applicant submit, resubmit and respond, and only the secretary screen and triage', () => {
    expect(checkSubmissionTransition('submit', 'draft', 'applicant')).toEqual({ ok: true, to: 'submitted' });
    expect(checkSubmissionTransition('submit', 'draft', 'sponsor')).toEqual({ ok: false, reason: 'role' });
    expect(checkSubmissionTransition('submit', 'draft', 'secretary')).toEqual({ ok: false, reason: 'role' });
    expect(checkSubmissionTransition('resubmit', 'returned', 'applicant')).toEqual({ ok: true, to: 'screening' });
    expect(checkSubmissionTransition('accept', 'submitted', 'applicant')).toEqual({ ok: false, reason: 'role' });
    expect(checkSubmissionTransition('accept', 'draft', 'secretary')).toEqual({ ok: false, reason: 'state' });
    expect(checkSubmissionTransition('triage', 'accepted', 'secretary')).toEqual({ ok: true, to: 'in_review' });
    expect(checkSubmissionTransition('triage', 'screening', 'secretary')).toEqual({ ok: false, reason: 'state' });
    expect(checkSubmissionTransition('respond', 'info_requested', 'secretary')).toEqual({ ok: false, reason: 'role' });
    expect(checkSubmissionTransition('accept', 'submitted', null)).toEqual({ ok: false, reason: 'role' });
  });

  it('stops and resumes the review around a request for information', () => {
    expect(checkSubmissionTransition('request_info', 'in_review', 'secretary')).toEqual({
      ok: true,
      to: 'info_requested',
    });
    expect(checkSubmissionTransition('respond', 'info_requested', 'applicant')).toEqual({ ok: true, to: 'in_review' });
    expect(checkSubmissionTransition('request_info', 'accepted', 'secretary')).toEqual({ ok: false, reason: 'state' });
  });

  it('allows withdrawal before a decision and never after', () => {
    for (const s of SUBMISSION_STATES) {
      const expected = (WITHDRAWABLE_STATES as readonly SubmissionState[]).includes(s);
      expect(checkSubmissionTransition('withdraw', s, 'applicant').ok, s).toBe(expected);
    }
    expect(WITHDRAWABLE_STATES).not.toContain('decided');
    expect(checkSubmissionTransition('withdraw', 'decided', 'applicant')).toEqual({ ok: false, reason: 'state' });
  });

  it('offers each side the buttons it may press', () => {
    expect(availableSubmissionSteps('submitted', 'secretary').sort()).toEqual(['accept', 'return', 'start_screening']);
    expect(availableSubmissionSteps('submitted', 'applicant')).toEqual(['withdraw']);
    expect(availableSubmissionSteps('letter_issued', 'secretary')).toEqual([]);
  });
});
