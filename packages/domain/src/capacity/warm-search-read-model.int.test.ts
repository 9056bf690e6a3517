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

  it('hands what it has read to a search arriving meanwhile, which reads only the rest', async () => {
    const other = await createSeededDatabase('history');
    try {
      let slices = 0;
      let fromSearch: ReturnType<typeof searchReadModel> | undefined;
      const outcome = await warmSearchReadModel(other.db, now, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        // A search arrives after the first slice.
        if (++slices === 2) fromSearch = searchReadModel(other.db, now);
      });
      expect(outcome).toBe('already built');
      expect(fromSearch?.stats).toEqual({ builds: 1, hospitalRefreshes: 0 });
      const { stats: _a, ...model } = searchReadModel(other.db, now);
      const { stats: _b, ...fromFull } = searchReadModel(full.db, now);
      expect(model.hospitals).toEqual(fromFull.hospitals);
      expect(model.performance).toEqual(fromFull.performance);
      expect(model.registry).toEqual(fromFull.registry);
      expect(await warmSearchReadModel(other.db, now)).toBe('already built');
    } finally {
      other.sqlite.close();
    }
  });
});
