import { createTestDatabase } from '@ctp/db/testing';
import { describe, expect, it } from 'vitest';
import { seedDemo } from './seed-demo.ts';

const NOW = Date.parse('2026-11-20T12:00:00+08:00');

async function seeded() {
  const database = createTestDatabase();
  const t0 = performance.now();
  await seedDemo({
    db: database.db,
    ctx: { actor: null, now: () => NOW, requestId: 'test' },
    withUsers: true,
    withHistory: true,
  });
  return { database, ms: performance.now() - t0 };
}

describe('demo history (24 months through the use-cases)', () => {
  it('is deterministic and consistent with the workflows', async () => {
    const a = await seeded();
    const b = await seeded();
    console.log(`demo seed with history: ${Math.round(a.ms)} ms, ${Math.round(b.ms)} ms`);
    const q = (db: typeof a.database, sql: string) => db.sqlite.prepare(sql).all();
    const shape = (db: typeof a.database) => ({
      trials: q(db, 'select title_zh, type, phase from trials order by title_zh'),
      sites: q(
        db,
        'select state, selected_date, ethics_approved_date, siv_date, fpi_date from trial_sites order by selected_date, state, fpi_date',
      ),
      subs: q(
        db,
        'select type, state, accepted_date, decided_date, outcome from submissions order by accepted_date, decided_date, type',
      ),
      enrolment: q(db, 'select month, sum(enrolled) n from trial_site_enrolment group by month order by month'),
    });
    expect(shape(b.database)).toEqual(shape(a.database));
    const counts = a.database.sqlite
      .prepare(
        `select (select count(*) from trials) trials, (select count(*) from trial_sites) sites,
                (select count(*) from submissions where decided_date is not null) decided,
                (select count(*) from trial_site_enrolment) months,
                (select min(accepted_date) from submissions) firstAccepted`,
      )
      .get() as { trials: number; sites: number; decided: number; months: number; firstAccepted: string };
    expect(counts.trials).toBeGreaterThan(40);
    expect(counts.decided).toBeGreaterThan(60);
    expect(counts.months).toBeGreaterThan(100);
    expect(counts.firstAccepted < '2025-01-01').toBe(true);
    // Every ethics approval of a site came from a decided submission of that site (never typed in twice).
    const orphan = a.database.sqlite
      .prepare(
        `select count(*) from trial_sites ts where ts.ethics_approved_date is not null and ts.trial_id not in
           (select id from trials where title_zh like '（演示）%') and not exists (select 1 from submissions s
           where s.trial_site_id = ts.id and s.decided_date = ts.ethics_approved_date and s.outcome = 'approved')`,
      )
      .pluck()
      .get();
    expect(orphan).toBe(0);
  }, 120_000);
});
