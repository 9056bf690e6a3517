import { DEFAULT_COMMITTEE_SOP, FOLLOW_UP_MONTHS_BY_RISK } from '@ctp/contracts';
import { describe, expect, it } from 'vitest';
import { addMonths, followUpMonthsFor, majorityOf, type QuorumMember, quorumOf } from './quorum.ts';
import { isExpeditedObjection } from './vote-on-submission.ts';

/**
 * Nine members: six medical and affiliated (one a nurse), a pharmacist and a lawyer (both unaffiliated) and a lay
 * member (affiliated). More than half of nine is five, the legal minimum too.
 */
const members: QuorumMember[] = [
  { id: 'm1', expertise: 'medical', isAffiliated: true },
  { id: 'm2', expertise: 'medical', isAffiliated: true },
  { id: 'm3', expertise: 'medical', isAffiliated: true },
  { id: 'm4', expertise: 'nursing', isAffiliated: true },
  { id: 'm5', expertise: 'pharmacy', isAffiliated: false },
  { id: 'm6', expertise: 'medical', isAffiliated: true },
  { id: 'm7', expertise: 'medical', isAffiliated: true },
  { id: 'law', expertise: 'law', isAffiliated: false },
  { id: 'lay', expertise: 'lay', isAffiliated: true },
];
const present = (...ids: string[]) => ids.map((memberId) => ({ memberId, present: true }));

describe('quorumOf (DESIGN §4.1 SOP rule)', () => {
  it('is met by more than half of the members with a non-medical and an unaffiliated member present', () => {
    expect(quorumOf(DEFAULT_COMMITTEE_SOP, members, present('m1', 'm2', 'm3', 'm6', 'law'), [])).toEqual({
      met: true,
      total: 9,
      present: 5,
      required: 5,
      hasNonMedical: true,
      hasUnaffiliated: true,
      reasons: [],
    });
  });

  it('is not met by exactly half, nor by members marked absent', () => {
    const q = quorumOf(DEFAULT_COMMITTEE_SOP, members.slice(0, 8), present('m1', 'm2', 'm3', 'law'), []);
    expect(q).toMatchObject({ met: false, present: 4, required: 5, reasons: ['TOO_FEW_PRESENT'] });
    const absent = [...present('m1', 'm2', 'm3', 'm6'), { memberId: 'law', present: false }];
    expect(quorumOf(DEFAULT_COMMITTEE_SOP, members, absent, []).present).toBe(4);
  });

  it('needs a non-medical member: nursing and pharmacy are medical', () => {
    const q = quorumOf(DEFAULT_COMMITTEE_SOP, members, present('m1', 'm2', 'm4', 'm5', 'm6'), []);
    expect(q).toMatchObject({ met: false, hasNonMedical: false, hasUnaffiliated: true, reasons: ['NO_NON_MEDICAL'] });
  });

  it('needs an unaffiliated member', () => {
    const q = quorumOf(DEFAULT_COMMITTEE_SOP, members, present('m1', 'm2', 'm3', 'm6', 'lay'), []);
    expect(q).toMatchObject({ met: false, hasNonMedical: true, hasUnaffiliated: false, reasons: ['NO_UNAFFILIATED'] });
  });

  it('does not count a recused member, neither in numbers nor as the non-medical or unaffiliated one', () => {
    const q = quorumOf(DEFAULT_COMMITTEE_SOP, members, present('m1', 'm2', 'm3', 'm6', 'law'), ['law']);
    expect(q).toMatchObject({
      met: false,
      present: 4,
      required: 5,
      reasons: ['TOO_FEW_PRESENT', 'NO_NON_MEDICAL', 'NO_UNAFFILIATED'],
    });
    // Recusal does not shrink the membership the majority is counted on.
    expect(q.total).toBe(9);
  });

  it('never asks for less than the legal minimum: five present, even where more than half is four', () => {
    const seven = members.slice(0, 5).concat(members.slice(7));
    const four = present('m1', 'm2', 'm3', 'law');
    expect(quorumOf(DEFAULT_COMMITTEE_SOP, seven, four, [])).toMatchObject({
      met: false,
      required: 5,
      reasons: ['TOO_FEW_PRESENT'],
    });
    // A setting saved below the law (a count of 1, a share of 30 %) does not lower it either.
    const low = { ...DEFAULT_COMMITTEE_SOP, quorumMinCount: 1, quorumMinPercent: 30 };
    expect(quorumOf(low, seven, four, []).required).toBe(5);
    expect(quorumOf(low, members, present('m1', 'm2', 'm3', 'm4'), []).required).toBe(5);
  });

  it('follows the SOP: a higher share, a higher floor, and the composition rules switched off', () => {
    const sop = {
      quorumMinPercent: 66,
      quorumMinCount: 5,
      quorumNeedsNonMedical: false,
      quorumNeedsUnaffiliated: false,
    };
    expect(quorumOf(sop, members, present('m1', 'm2', 'm3', 'm4', 'm6'), []).required).toBe(6);
    expect(quorumOf(sop, members, present('m1', 'm2', 'm3', 'm4', 'm6', 'lay'), []).met).toBe(true);
    const floor = { ...DEFAULT_COMMITTEE_SOP, quorumMinCount: 7 };
    expect(quorumOf(floor, members, present('m1', 'm2', 'm3', 'm6', 'law', 'lay'), [])).toMatchObject({
      met: false,
      required: 7,
    });
  });
});

describe('decision helpers', () => {
  it('finds a strict majority of the voters; abstentions count as voters for no view', () => {
    expect(majorityOf(['approve', 'approve', 'disapprove'], 3, 'abstain')).toBe('approve');
    expect(majorityOf(['approve', 'approve', 'abstain', 'abstain'], 4, 'abstain')).toBeNull();
    // A present member who did not vote still counts: 2 of 5 is no majority.
    expect(majorityOf(['approve', 'approve'], 5, 'abstain')).toBeNull();
  });

  it('sets follow-up months by risk, capped by the SOP default, overridable', () => {
    expect(followUpMonthsFor('high', 12, undefined, FOLLOW_UP_MONTHS_BY_RISK)).toBe(3);
    expect(followUpMonthsFor('medium', 12, undefined, FOLLOW_UP_MONTHS_BY_RISK)).toBe(6);
    expect(followUpMonthsFor('low', 12, undefined, FOLLOW_UP_MONTHS_BY_RISK)).toBe(12);
    expect(followUpMonthsFor('low', 9, undefined, FOLLOW_UP_MONTHS_BY_RISK)).toBe(9);
    expect(followUpMonthsFor('high', 12, 2, FOLLOW_UP_MONTHS_BY_RISK)).toBe(2);
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-12-01', 12)).toBe('2027-12-01');
  });

  it('treats anything but an approval or an abstention as an expedited objection', () => {
    expect(isExpeditedObjection('approve')).toBe(false);
    expect(isExpeditedObjection('approve_with_modifications')).toBe(false);
    expect(isExpeditedObjection('abstain')).toBe(false);
    expect(isExpeditedObjection('resubmit')).toBe(true);
    expect(isExpeditedObjection('disapprove')).toBe(true);
  });
});
