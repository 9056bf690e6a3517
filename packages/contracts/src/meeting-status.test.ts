import { describe, expect, it } from 'vitest';
import { meetingStatusOf } from './reviews.ts';

const today = '2026-12-07';
describe('meetingStatusOf', () => {
  it.each([
    [{ meetingDate: '2026-12-20', undecidedItems: 3, minutesStatus: null }, 'upcoming'],
    [{ meetingDate: today, undecidedItems: 2, minutesStatus: null }, 'today'],
    [{ meetingDate: '2026-12-01', undecidedItems: 1, minutesStatus: null }, 'awaiting_decisions'],
    [{ meetingDate: '2026-12-01', undecidedItems: 1, minutesStatus: 'draft' }, 'awaiting_decisions'],
    [{ meetingDate: today, undecidedItems: 0, minutesStatus: null }, 'awaiting_minutes'],
    [{ meetingDate: '2026-12-01', undecidedItems: 0, minutesStatus: 'draft' }, 'minutes_draft'],
    [{ meetingDate: '2026-12-01', undecidedItems: 0, minutesStatus: 'approved' }, 'closed'],
  ] as const)('%o → %s', (m, status) => {
    expect(meetingStatusOf({ ...m, today })).toBe(status);
  });
});
