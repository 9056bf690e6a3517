import type { DbHandle } from '@ctp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDatabase } from '../../../../test/helpers/test-app.ts';
import { searchReadModel, warmSearchReadModel } from './search-read-model.ts';

/**
 * Issue 16 (cold start): the server warms the search read model up after listening, a slice of hospitals at a time,
 * giving the event loop back between slices so /healthz and sign-ins are answered meanwhile. What it builds must be
 * what a full build reads, hospitals in the same order.
 */
describe('the search read model warmed up in slices', () => {
  let warmed: DbHandle;
  let full: DbHandle;
  const now = Date.now();

  beforeAll(async () => {
    // Two copies of the demo with 24 months of history (performance facts, registry trials).
    warmed = await createSeededDatabase('history');
    full = await createSeededDatabase('history');
  }, 180_000);

  afterAll(() => {
    warmed.sqlite.close();
    full.sqlite.close();
  });

  it('builds, giving the event loop back more than once, the model a full build reads', async () => {
    let yields = 0;
    const outcome = await warmSearchReadModel(warmed.db, now, async () => {
      yields++;
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(outcome).toBe('built');
    const hospitals = searchReadModel(full.db, now).hospitals.length;
    expect(hospitals).toBeGreaterThan(10);
    expect(yields).toBeGreaterThan(1);

    const { stats: warmStats, ...fromSlices } = searchReadModel(warmed.db, now);
    const { stats: fullStats, ...fromFull } = searchReadModel(full.db, now);
    expect(warmStats).toEqual({ builds: 1, hospitalRefreshes: 0 });
    expect(fullStats).toEqual({ builds: 1, hospitalRefreshes: 0 });
    expect(fromSlices.hospitals.map((h) => h.org.id)).toEqual(fromFull.hospitals.map((h) => h.org.id));
    expect(fromSlices.hospitals).toEqual(fromFull.hospitals);
    expect(fromSlices.performance).toEqual(fromFull.performance);
    expect(fromSlices.registry).toEqual(fromFull.registry);
    expect(fromSlices.aliases).toEqual(fromFull.aliases);
    expect(fromSlices.catalogue).toEqual(fromFull.catalogue);
    expect([...fromFull.registry.values()].flat().length).toBeGreaterThan(0);
  });

  it('stops when a search built the model first, and is a no-op once it exists', async () => {
    const other = await createSeededDatabase('demo');
    try {
      let first = true;
      const outcome = await warmSearchReadModel(other.db, now, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        // A search arrives during the first slice's wait.
        if (first) searchReadModel(other.db, now);
        first = false;
      });
      expect(outcome).toBe('already built');
      expect(searchReadModel(other.db, now).stats.builds).toBe(1);
      expect(await warmSearchReadModel(other.db, now)).toBe('already built');
    } finally {
      other.sqlite.close();
    }
  });
});
