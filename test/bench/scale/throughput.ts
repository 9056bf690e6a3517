import autocannon from 'autocannon';
import { query, queryUrl } from './bench-server.ts';
import type { Figure } from './measure.ts';
import { SEARCH_PAGE, SEARCH_SCENARIOS } from './search.ts';

const pathOf = (full: string) => full.slice(full.indexOf('/trpc/'));

async function run(url: string, cookie: string, requests: autocannon.Request[], seconds: number) {
  const result = await autocannon({
    url,
    connections: 32,
    duration: seconds,
    headers: { cookie },
    requests,
  });
  return {
    rps: result.requests.average,
    errors: result.errors + result.timeouts + result.non2xx,
    p50: result.latency.p50,
    p97: result.latency.p97_5,
    total: result.requests.total,
  };
}

/**
 * Throughput at concurrency 32 (autocannon): the search scenarios in turn, then a mixed set — searches, the
 * 200-site board and a shortlist created (a write, audited, which moves every cached read model on) — with the
 * error count (failed, timed out or non-2xx, a 429 included).
 */
/**
 * The same seven searches at concurrency 32 on a server with its search result cache (the default): repeated
 * queries answered from the cache while no write changes what search reads. Run beside the figure above, which is
 * what distinct queries get.
 */
export async function benchCachedSearchThroughput(
  url: string,
  sponsorCookie: string,
  seconds: number,
): Promise<Figure> {
  const searches = SEARCH_SCENARIOS.map((s) => ({
    method: 'GET' as const,
    path: pathOf(queryUrl(url, 'sites.search', { ...s.input, ...SEARCH_PAGE })),
  }));
  // A fresh server builds its search read model right after listening (seconds at scale): wait for it, as the
  // computed figure above waited through the latency runs.
  for (const s of SEARCH_SCENARIOS) await query(url, sponsorCookie, 'sites.search', { ...s.input, ...SEARCH_PAGE });
  const r = await run(url, sponsorCookie, searches, seconds);
  return {
    group: 'throughput',
    name: 'sites.search at concurrency 32, the seven searches repeated (result cache on)',
    unit: 'req/s',
    median: r.rps,
    errors: r.errors,
    target: '≥ 1,000 req/s, 0 errors',
    meets: r.rps >= 1000 && r.errors === 0,
    note: `${r.total} requests; latency p50 ${r.p50} ms, p97.5 ${r.p97} ms; no write in between, so every repeat is a hit`,
  };
}

export async function benchThroughput(url: string, sponsorCookie: string, seconds: number): Promise<Figure[]> {
  const searches = SEARCH_SCENARIOS.map((s) => ({
    method: 'GET' as const,
    path: pathOf(queryUrl(url, 'sites.search', { ...s.input, ...SEARCH_PAGE })),
  }));
  const search = await run(url, sponsorCookie, searches, seconds);
  const mixed = await run(
    url,
    sponsorCookie,
    [
      ...searches.slice(0, 4),
      { method: 'GET', path: pathOf(queryUrl(url, 'trials.list', {})) },
      ...searches.slice(4),
      {
        method: 'POST',
        path: '/trpc/shortlists.create',
        headers: { 'content-type': 'application/json', cookie: sponsorCookie },
        body: JSON.stringify({ json: { name: '压测候选名单' } }),
      },
    ],
    seconds,
  );
  return [
    {
      group: 'throughput',
      name: 'sites.search at concurrency 32, every search computed (no result cache: as distinct queries)',
      unit: 'req/s',
      median: search.rps,
      errors: search.errors,
      target: '≥ 1,000 req/s, 0 errors',
      meets: search.rps >= 1000 && search.errors === 0,
      note: `${search.total} requests; latency p50 ${search.p50} ms, p97.5 ${search.p97} ms`,
    },
    {
      group: 'throughput',
      name: 'mixed read/write (1 write in 9) at concurrency 32',
      unit: 'req/s',
      median: mixed.rps,
      errors: mixed.errors,
      target: '0 errors',
      meets: mixed.errors === 0,
      note: `${mixed.total} requests; latency p50 ${mixed.p50} ms, p97.5 ${mixed.p97} ms`,
    },
  ];
}
