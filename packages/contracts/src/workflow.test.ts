import { describe, expect, it } from 'vitest';
import { BASE_TRANSITIONS } from './bases.ts';
import { SUBMISSION_TRANSITIONS } from './ethics.ts';
import { RECOGNITION_TRANSITIONS } from './recognition.ts';
import { SITE_TRANSITIONS } from './trials.ts';
import { availableSteps, checkTransition, stepLeadingTo, targetOf } from './workflow.ts';

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
    for (const table of [
      SITE_TRANSITIONS,
      SUBMISSION_TRANSITIONS,
      RECOGNITION_TRANSITIONS,
      BASE_TRANSITIONS,
    ] as const) {
      const steps = table.map((t) => t.step);
      expect(new Set(steps).size).toBe(steps.length);
    }
    expect(targetOf(SUBMISSION_TRANSITIONS, 'resubmit', 'returned')).toBe('screening');
    expect(targetOf(SUBMISSION_TRANSITIONS, 'resubmit', 'draft')).toBeNull();
  });

  it('finds the one step that leads from a state to a status the caller names (bases.setStatus)', () => {
    expect(stepLeadingTo(BASE_TRANSITIONS, 'applied', 'recognised')).toBe('recognise');
    expect(stepLeadingTo(BASE_TRANSITIONS, 'operating', 'revoked')).toBe('revoke');
    expect(stepLeadingTo(BASE_TRANSITIONS, 'revoked', 'applied')).toBe('reapply');
    expect(stepLeadingTo(BASE_TRANSITIONS, 'applied', 'operating')).toBeNull();
    expect(stepLeadingTo(BASE_TRANSITIONS, 'recognised', 'applied')).toBeNull();
    expect(availableSteps(BASE_TRANSITIONS, 'recognised', 'commission')).toEqual(['start_operating', 'revoke']);
    expect(availableSteps(BASE_TRANSITIONS, 'recognised', null)).toEqual([]);
    // Every (from, to) pair has one step at most, so the step a status implies is unambiguous.
    const pairs = BASE_TRANSITIONS.flatMap((t) => t.from.map((f) => `${f}>${t.to}`));
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
