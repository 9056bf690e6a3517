import { describe, expect, it } from 'vitest';
import { computeClock, workingCalendar } from './working-days.ts';

const cal = workingCalendar();

describe('Chinese working days (chinese-days + overrides)', () => {
  it('knows the 2025 National Day holiday and its make-up working days', () => {
    for (const d of ['2025-10-01', '2025-10-03', '2025-10-08']) expect(cal.isWorkday(d), d).toBe(false);
    expect(cal.isWorkday('2025-09-28')).toBe(true); // Sunday, worked
    expect(cal.isWorkday('2025-10-11')).toBe(true); // Saturday, worked
    expect(cal.isWorkday('2025-10-12')).toBe(false);
  });

  it('puts the 15th working day after Friday 2025-09-26 on 2025-10-23 (DESIGN §4.4)', () => {
    expect(cal.addWorkdays('2025-09-26', 15)).toBe('2025-10-23');
    expect(cal.addWorkdays('2025-09-26', 5)).toBe('2025-10-10');
  });

  it('lets an override win, but one override never makes its year known', () => {
    const withOverride = workingCalendar(new Map([['2027-02-08', false]]));
    expect(cal.isWorkday('2027-02-08')).toBe(true); // the package treats every 2027 weekday as working
    expect(withOverride.isWorkday('2027-02-08')).toBe(false);
    expect(cal.knowsYear(2027)).toBe(false);
    expect(withOverride.knowsYear(2027)).toBe(false);
    expect(workingCalendar(new Map([['2027-02-08', false]]), new Set([2027])).knowsYear(2027)).toBe(true);
  });

  it('knows exactly the years the package data covers', () => {
    expect(cal.knowsYear(2004)).toBe(true);
    expect(cal.knowsYear(2026)).toBe(true);
    expect(cal.knowsYear(2003)).toBe(false);
    expect(cal.knowsYear(2027)).toBe(false);
  });
});

describe('computeClock', () => {
  it('counts from day 0 at acceptance across the holiday', () => {
    const c = computeClock(cal, { accepted: '2025-09-26', limitDays: 15, stops: [], until: '2025-10-10' });
    // 9-28, 9-29, 9-30, 10-9, 10-10
    expect(c).toMatchObject({ dueDate: '2025-10-23', usedDays: 5, stoppedDays: 0, isOverdue: false, isStopped: false });
  });

  it('does not count a working day on which the clock was stopped, and moves the due date out', () => {
    // Stopped from Tuesday 9-30 to Thursday 10-9: working days 9-30 and 10-9 are lost.
    const c = computeClock(cal, {
      accepted: '2025-09-26',
      limitDays: 15,
      stops: [{ from: '2025-09-30', to: '2025-10-09' }],
      until: '2025-10-24',
    });
    expect(c.stoppedDays).toBe(2);
    expect(c.dueDate).toBe('2025-10-27');
    // 16 working days from 9-27 to 10-24 (9-28, 9-29, 9-30, 10-9, 10-10, 10-11, 10-13…17, 10-20…24) less 2 stopped
    expect(c.usedDays).toBe(14);
    expect(c.isOverdue).toBe(false);
  });

  it('is overdue the working day after the due date, and never while stopped', () => {
    expect(computeClock(cal, { accepted: '2025-09-26', limitDays: 15, stops: [], until: '2025-10-24' }).isOverdue).toBe(
      true,
    );
    const open = computeClock(cal, {
      accepted: '2025-09-26',
      limitDays: 15,
      stops: [{ from: '2025-10-20', to: null }],
      until: '2025-10-24',
    });
    expect(open.isStopped).toBe(true);
    expect(open.isOverdue).toBe(false);
  });

  it('warns when the due date falls in a year the calendar does not know', () => {
    expect(
      computeClock(cal, { accepted: '2026-12-20', limitDays: 15, stops: [], until: '2026-12-21' }).calendarUnknown,
    ).toBe(true);
  });

  it('warns when a clock still running has passed into an unknown year, even with its due date in a known one', () => {
    const c = computeClock(cal, { accepted: '2026-12-01', limitDays: 15, stops: [], until: '2027-01-08' });
    expect(c.dueDate.startsWith('2026-')).toBe(true);
    expect(c.isOverdue).toBe(true);
    expect(c.calendarUnknown).toBe(true);
    // …and 2027-01-01, a Friday, is counted as a working day: that is exactly what the warning is about.
    expect(cal.isWorkday('2027-01-01')).toBe(true);
  });

  it('stops warning once the year is entered and complete, and counts its holidays', () => {
    const complete = workingCalendar(new Map([['2027-01-01', false]]), new Set([2027]));
    const before = computeClock(cal, { accepted: '2026-12-01', limitDays: 15, stops: [], until: '2027-01-08' });
    const after = computeClock(complete, { accepted: '2026-12-01', limitDays: 15, stops: [], until: '2027-01-08' });
    expect(complete.isWorkday('2027-01-01')).toBe(false);
    expect(after.calendarUnknown).toBe(false);
    expect(after.usedDays).toBe(before.usedDays - 1);
  });

  it('does not warn for a clock wholly inside known years', () => {
    expect(
      computeClock(cal, { accepted: '2025-09-26', limitDays: 15, stops: [], until: '2025-10-24' }).calendarUnknown,
    ).toBe(false);
  });
});
