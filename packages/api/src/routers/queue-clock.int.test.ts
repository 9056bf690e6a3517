import type { DbHandle } from '@ctp/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { beijingNoon, giveExpeditedViews, selectPiSite } from '../../../../test/helpers/fixtures.ts';
import { seedRoster } from '../../../../test/helpers/roster.ts';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

/**
 * Three expedited reviews accepted Friday 2025-03-07 (15 working days: due Friday 2025-03-28): one decided on
 * Saturday 29 March — a date after the due date, yet 15 / 15 working days used; one decided Tuesday 1 April (17 days
 * used); one still running on 10 April, overdue.
 */
async function buildScenario(db: DbHandle) {
  const as = (email: string, d: string) => callerAs(db, email, { now: beijingNoon(d) });
  await seedRoster(db, { termEnd: null, secretary: as('ec@demo.ctp', '2025-01-02') });
  const accepted = async (label: string) => {
    const d = '2025-03-07';
    const { id: trialId } = await as('sponsor@demo.ctp', d).trials.create({
      titleZh: `（测试）时限 ${label}`,
      type: 'drug',
      phase: 'III',
      conditions: ['时限'],
      targetEnrolment: 30,
      riskLevel: 'low',
    });
    const trialSiteId = await selectPiSite(db, as('sponsor@demo.ctp', d), trialId);
    const { id } = await as('site@demo.ctp', d).submissions.create({ trialSiteId, type: 'initial' });
    await as('site@demo.ctp', d).submissions.submit({ id });
    await as('ec@demo.ctp', d).submissions.screen({ id, accept: true });
    await as('ec@demo.ctp', d).submissions.triage({ id, path: 'expedited' });
    return id;
  };
  const decide = async (id: string, d: string) => {
    await giveExpeditedViews(db, (email) => as(email, d), id);
    await as('chair@demo.ctp', d).submissions.decide({ id, outcome: 'approved' });
  };
  const onSaturday = await accepted('周六决定');
  const late = await accepted('超期决定');
  const running = await accepted('仍在审查');
  await decide(onSaturday, '2025-03-29');
  await decide(late, '2025-04-01');
  return { onSaturday, late, running };
}

describe('EC queue and decided clocks (issue 14)', () => {
  let db: DbHandle;
  let s: Awaited<ReturnType<typeof buildScenario>>;
  beforeAll(async () => {
    db = await createSeededDatabase();
    s = await buildScenario(db);
  });
  const queue = () => callerAs(db, 'ec@demo.ctp', { now: beijingNoon('2025-04-10') }).submissions.list({});

  it('never calls a decided clock overdue: it tells whether the decision came within the limit, by working days', async () => {
    const byId = new Map((await queue()).map((v) => [v.id, v]));
    expect(byId.get(s.onSaturday)!.clock).toMatchObject({
      dueDate: '2025-03-28',
      usedDays: 15,
      limitDays: 15,
      isOverdue: false,
      decidedWithinLimit: true,
    });
    expect(byId.get(s.late)!.clock).toMatchObject({ usedDays: 17, isOverdue: false, decidedWithinLimit: false });
    expect(byId.get(s.running)!.clock).toMatchObject({ isOverdue: true, decidedWithinLimit: null });
  });

  it('lists running clocks first (overdue, then by due date) and decided ones after them', async () => {
    const ids = (await queue()).map((v) => v.id);
    const pos = (id: string) => ids.indexOf(id);
    expect(pos(s.running)).toBeLessThan(pos(s.onSaturday));
    expect(pos(s.running)).toBeLessThan(pos(s.late));
    const list = await queue();
    const runningDue = list.filter((v) => v.clock && !v.decidedDate && v.state !== 'withdrawn');
    const firstFinished = list.findIndex((v) => v.decidedDate !== null);
    expect(list.slice(0, runningDue.length).every((v) => !v.decidedDate)).toBe(true);
    expect(firstFinished).toBeGreaterThanOrEqual(runningDue.length);
    const overdue = runningDue.filter((v) => v.clock!.isOverdue);
    expect(runningDue.slice(0, overdue.length).every((v) => v.clock!.isOverdue)).toBe(true);
    for (const part of [overdue, runningDue.slice(overdue.length)]) {
      const dues = part.map((v) => v.clock!.dueDate);
      expect(dues).toEqual([...dues].sort());
    }
  });
});
