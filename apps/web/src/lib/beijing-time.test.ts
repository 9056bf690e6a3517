import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  addMonths,
  beijingDate,
  beijingMonth,
  beijingNowValue,
  beijingTime,
  beijingToday,
  beijingTodayValue,
  daysBetween,
  isAfterBeijingMonth,
  isAfterBeijingToday,
  isBeforeBeijingToday,
  lastDayOfMonth,
  pickerValue,
} from './beijing-time.ts';

// 20:00 UTC on 6 December is 04:00 on 7 December in Beijing, and noon on 6 December in Los Angeles.
const EVENING_UTC = Date.parse('2026-12-06T20:00:00Z');

describe('Beijing time in a browser in another zone', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles'; // Node applies a changed TZ at once: the "browser" is now in California
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(EVENING_UTC);
  });
  afterAll(() => {
    vi.useRealTimers();
    process.env.TZ = zone;
  });

  it('runs in a zone whose date differs from Beijing (else the tests below prove nothing)', () => {
    expect(new Date(EVENING_UTC).getDate()).toBe(6);
  });

  it("takes Beijing's date and month, not the local or the UTC one", () => {
    expect(beijingToday()).toBe('2026-12-07');
    expect(beijingToday(EVENING_UTC)).toBe('2026-12-07');
    expect(beijingDate(Date.parse('2026-12-06T15:59:59Z'))).toBe('2026-12-06');
    expect(beijingDate(Date.parse('2026-12-06T16:00:00Z'))).toBe('2026-12-07');
    expect(beijingMonth(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(beijingTime(EVENING_UTC)).toBe('2026-12-07 04:00');
    expect(beijingTime(EVENING_UTC + 5_000, true)).toBe('2026-12-07 04:00:05');
  });

  it('gives pickers Beijing values whose local calendar fields are the Beijing ones', () => {
    expect(beijingTodayValue().format('YYYY-MM-DD')).toBe('2026-12-07');
    expect(beijingNowValue().format('YYYY-MM-DD HH:mm')).toBe('2026-12-07 04:00');
  });

  it('limits pickers by Beijing today', () => {
    expect(isAfterBeijingToday(pickerValue('2026-12-07'))).toBe(false);
    expect(isAfterBeijingToday(pickerValue('2026-12-08'))).toBe(true);
    expect(isBeforeBeijingToday(pickerValue('2026-12-07'))).toBe(false);
    expect(isBeforeBeijingToday(pickerValue('2026-12-06'))).toBe(true);
    vi.setSystemTime(Date.parse('2026-11-30T20:00:00Z')); // already December in Beijing
    expect(isAfterBeijingMonth(pickerValue('2026-12'))).toBe(false);
    expect(isAfterBeijingMonth(pickerValue('2027-01'))).toBe(true);
    vi.setSystemTime(EVENING_UTC);
  });

  it('does calendar arithmetic without a zone', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2026-12-07', '2026-12-21')).toBe(14);
    expect(daysBetween('2026-03-10', '2026-03-07')).toBe(-3);
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
  });
});
