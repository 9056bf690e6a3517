import { describe, expect, it } from 'vitest';
import { nextStepOf } from './next-step.ts';

const site = { state: 'selected' as const, selectedDate: '2026-01-10', ethicsApprovedDate: null, sivDate: null };

describe('nextStepOf (stage targets 60/60/30 days)', () => {
  it('gives the ethics deadline 60 days after selection and flags it overdue the day after', () => {
    expect(nextStepOf(site, '2026-03-11')).toEqual({
      step: 'ethics_approval',
      dueDate: '2026-03-11',
      overdue: false,
      daysLeft: 0,
    });
    expect(nextStepOf(site, '2026-03-12')?.overdue).toBe(true);
  });
  it('gives the SIV 60 days after ethics and the first patient 30 days after the SIV', () => {
    expect(
      nextStepOf({ ...site, state: 'contract_signed', ethicsApprovedDate: '2026-02-01' }, '2026-02-02')?.dueDate,
    ).toBe('2026-04-02');
    expect(nextStepOf({ ...site, state: 'initiated', sivDate: '2026-04-01' }, '2026-04-02')?.dueDate).toBe(
      '2026-05-01',
    );
  });
  it('uses the inquiry deadline while an inquiry is open, and nothing for ended sites', () => {
    expect(nextStepOf({ ...site, state: 'inquiry_sent' }, '2026-01-01', '2025-12-31')).toMatchObject({
      step: 'answer_inquiry',
      overdue: true,
    });
    expect(nextStepOf({ ...site, state: 'terminated' }, '2026-01-01')).toBeNull();
  });
});
