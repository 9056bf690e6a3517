import type { DbHandle } from '@ctp/db';
import { createTestDatabase } from '@ctp/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/seed-demo.ts';
import { readHospitalCapacity } from './load-capacity.ts';
import { exactAliasMatch } from './read-model-reads.ts';
import { loadRegistryExperience } from './registry-experience.ts';
import { searchReadModel, warmSearchReadModel } from './search-read-model.ts';
import { loadSitePerformance } from './site-performance.ts';

/**
 * Issue 16, cold start: the server warms the search read model in batches of hospitals once it listens, giving the
 * event loop back between batches. What it builds must be what the one-go build reads.
 */
describe('the search read model warmed in batches', () => {
  let h: DbHandle;
  beforeEach(async () => {
    h = createTestDatabase();
    await seedDemo({
      db: h.db,
      ctx: { actor: null, now: Date.now, requestId: 'seed' },
      withUsers: false,
      withRegistries: true,
    });
  }, 120_000);

  it('equals the one-go build, hospitals in the same order, and lets other work run between batches', async () => {
    const now = Date.now();
    const hospitals = h.sqlite.prepare(`select count(*) from organisations where kind = 'hospital'`).pluck().get();
    let done = false;
    let turns = 0;
    const other = (async () => {
      while (!done) {
        turns++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await warmSearchReadModel(h.db, () => now, 3);
    done = true;
    await other;
    // One turn of the other loop per batch at least: the warm-up never held the loop for more than a batch.
    expect(turns).toBeGreaterThanOrEqual(Math.ceil(Number(hospitals) / 3) - 1);

    const m = searchReadModel(h.db, now);
    expect(m.stats.builds).toBe(1);
    expect(m.hospitals.map((x) => x.org.id)).toEqual(readHospitalCapacity(h.db, now).map((x) => x.org.id));
    expect(m.hospitals).toEqual(readHospitalCapacity(h.db, now));
    expect(m.performance).toEqual(loadSitePerformance(h.db, now));
    const sorted = (e: ReturnType<typeof loadRegistryExperience>) =>
      new Map([...e].map(([id, list]) => [id, [...list].sort((a, b) => a.registryId.localeCompare(b.registryId))]));
    expect(sorted(m.registry)).toEqual(sorted(loadRegistryExperience(h.db)));
    expect(m.registry.size).toBeGreaterThan(0);
    expect(exactAliasMatch(h.db, now, '江苏省人民医院')?.orgIds.has('hosp-jsph')).toBe(true);
  });

  it('stops when a search built the model first, and leaves that model in place', async () => {
    const warming = warmSearchReadModel(h.db, Date.now, 3);
    const built = searchReadModel(h.db, Date.now());
    await warming;
    expect(searchReadModel(h.db, Date.now())).toBe(built);
    expect(built.stats.builds).toBe(1);
  });
});
