import { mutate, query } from './bench-server.ts';
import { type Figure, latency } from './measure.ts';
import { SEARCH_PAGE } from './search.ts';

async function afterWrite(
  write: () => Promise<unknown>,
  read: () => Promise<unknown>,
  rounds: number,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await write();
    const t0 = performance.now();
    await read();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * The first read after a write, over HTTP: a search after an unrelated write (a shortlist), a search after a
 * capacity change of one hospital (its site admin confirms the capacity), the commission's overview after a write.
 * Each is judged against the ordinary (warm) figure measured just before.
 */
export async function benchAfterChange(
  url: string,
  cookies: Record<'sponsor' | 'site' | 'commission', string>,
  ordinary: { search: Figure; metrics: Figure | null },
  rounds: number,
): Promise<Figure[]> {
  const search = () => query(url, cookies.sponsor, 'sites.search', { q: '肺癌', ...SEARCH_PAGE });
  const shortlist = () => mutate(url, cookies.sponsor, 'shortlists.create', { name: '写后首查' });
  const confirm = () => mutate(url, cookies.site, 'hospitals.confirmCapacity', { hospitalId: 'hosp-jsph' });
  const noWorse = (base: Figure) => (f: Figure) => f.median <= Math.max(base.p95 ?? base.median, base.median + 2);
  const target = (base: Figure) =>
    `≤ ordinary (median ${base.median.toFixed(1)}, p95 ${(base.p95 ?? 0).toFixed(1)} ms)`;
  return [
    latency('after a write', 'search 肺癌 after an unrelated write', await afterWrite(shortlist, search, rounds), {
      target: target(ordinary.search),
      meets: noWorse(ordinary.search),
    }),
    latency('after a write', 'search 肺癌 after a capacity change', await afterWrite(confirm, search, rounds), {
      target: target(ordinary.search),
      meets: noWorse(ordinary.search),
    }),
    ...(ordinary.metrics === null
      ? []
      : [
          latency(
            'after a write',
            'metrics.overview after a write',
            await afterWrite(confirm, () => query(url, cookies.commission, 'metrics.overview', {}), rounds),
            { target: 'p95 ≤ 200 ms, fresh', meets: (f) => (f.p95 ?? Infinity) <= 200 },
          ),
        ]),
  ];
}
