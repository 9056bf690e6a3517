import { describe, expect, it } from 'vitest';
import { createSeededDatabase } from '../../../../test/helpers/test-app.ts';
import { sweepReminders, sweepRemindersInSlices } from './sweep-reminders.ts';

const notices = (h: Awaited<ReturnType<typeof createSeededDatabase>>) =>
  h.sqlite
    .prepare('select user_id, kind, dedupe_key, params_json, link from notifications order by user_id, dedupe_key')
    .all();

/**
 * Issue 16: the server sweeps reminders in slices between requests (a national sweep is seconds of CPU). The sliced
 * sweep writes exactly what the sweep in one go writes, gives the event loop back between slices, and a second
 * sweep adds nothing.
 */
describe('the reminder sweep in slices', () => {
  it('writes what the sweep in one go writes, yielding between slices of a few rows', async () => {
    const whole = await createSeededDatabase('history');
    const sliced = await createSeededDatabase('history');
    const now = Date.now();
    const inOneGo = sweepReminders(whole.db, now);
    let yields = 0;
    const inSlices = await sweepRemindersInSlices(sliced.db, now, {
      sliceRows: 25,
      yieldToLoop: async () => {
        yields++;
      },
    });
    expect(inSlices).toEqual(inOneGo);
    expect(inOneGo.created).toBeGreaterThan(0);
    expect(notices(sliced)).toEqual(notices(whole));
    const rows = (table: string) =>
      sliced.sqlite.prepare(`select max(rowid) - min(rowid) + 1 from ${table}`).pluck().get() as number;
    expect(yields).toBe(Math.ceil(rows('trial_sites') / 25) + Math.ceil(rows('submissions') / 25));

    const before = notices(sliced).length;
    await sweepRemindersInSlices(sliced.db, now, { sliceRows: 25 });
    expect(notices(sliced)).toHaveLength(before);
    whole.sqlite.close();
    sliced.sqlite.close();
  }, 120_000);
});
