import { describe, expect, it } from 'vitest';
import { SUBMISSION_TRANSITIONS } from './ethics.ts';
import { RECOGNITION_TRANSITIONS } from './recognition.ts';
import { SITE_TRANSITIONS } from './trials.ts';
import { availableSteps, checkTransition, targetOf } from './workflow.ts';

describe('workflow kernel', () => {
  it('refuses for role before state, and takes the target from the table', () => {
    expect(checkTransition(SITE_TRANSITIONS, 'select', 'closed', 'site')).toEqual({ ok: false, reason: 'role' });
    expect(checkTransition(SITE_TRANSITIONS, 'select', 'closed', 'sponsor')).toEqual({ ok: false, reason: 'state' });
    const ok = checkTransition(SITE_TRANSITIONS, 'select', 'interested', 'sponsor');
    expect(ok.ok && ok.to).toBe('selected');
    expect(checkTransition(SITE_TRANSITIONS, 'select', 'interested', null)).toEqual({ ok: false, reason: 'role' });
  });

  it('offers what the table allows the side from the state, in table order', () => {
    expect(availableSteps(SITE_TRANSITIONS, 'interested', 'sponsor')).toEqual(['select']);
    expect(availableSteps(SITE_TRANSITIONS, 'suspended', 'sponsor')).toEqual(['resume', 'terminate']);
    expect(availableSteps(SITE_TRANSITIONS, 'enrolling', 'sponsor')).toEqual(['suspend', 'terminate']);
    expect(availableSteps(RECOGNITION_TRANSITIONS, 'action_required', 'site')).toEqual(['respond']);
    expect(availableSteps(SUBMISSION_TRANSITIONS, 'in_review', 'chair', ['refer_to_meeting'])).toEqual([
      'schedule',
      'decide',
    ]);
  });

  it('gives every step of every table its target from exactly one row', () => {
    for (const table of [SITE_TRANSITIONS, SUBMISSION_TRANSITIONS, RECOGNITION_TRANSITIONS] as const) {
      const steps = table.map((t) => t.step);
      expect(new Set(steps).size).toBe(steps.length);
    }
    expect(targetOf(SUBMISSION_TRANSITIONS, 'resubmit', 'returned')).toBe('screening');
    expect(targetOf(SUBMISSION_TRANSITIONS, 'resubmit', 'draft')).toBeNull();
  });
});
