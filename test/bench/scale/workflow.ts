import type { DbHandle } from '@ctp/db';
import { getMetricsOverview, getTrial, listSubmissions, SCALE_BOARD_TRIAL } from '@ctp/domain';
import { query } from './bench-server.ts';
import { inProcessCtx } from './in-process.ts';
import { type Figure, latency, timeAsync, timeSync } from './measure.ts';

/** A district of the generated data with many hospitals (the Beijing 东城区 of the generator), else the demo's. */
function busyDistrict(handle: DbHandle): string {
  return handle.sqlite
    .prepare(
      "select district from organisations where kind = 'hospital' and district is not null group by district order by count(*) desc, district limit 1",
    )
    .pluck()
    .get() as string;
}

/**
 * The workflow reads at scale, over HTTP and in process: the commission's overview (network and one district),
 * the sponsor's board of the 200-site trial (`trials.get`), the EC work queue of the busiest committee.
 */
export async function benchWorkflow(
  url: string,
  cookies: Record<'commission' | 'sponsor' | 'ec', string>,
  handle: DbHandle,
  runs: number,
): Promise<Figure[]> {
  const commission = inProcessCtx(handle, 'commission@demo.ctp');
  const sponsor = inProcessCtx(handle, 'sponsor@demo.ctp');
  const ec = inProcessCtx(handle, 'ec@demo.ctp');
  const district = busyDistrict(handle);
  const boardSites = (getTrial({ ctx: sponsor, input: { id: SCALE_BOARD_TRIAL } }).sites as unknown[]).length;
  const queue = (listSubmissions({ ctx: ec, input: {} }) as unknown[]).length;
  const cases: { name: string; http: () => Promise<unknown>; floor: () => unknown; target?: string; limit?: number }[] =
    [
      {
        name: 'metrics.overview network',
        http: () => query(url, cookies.commission, 'metrics.overview', {}),
        floor: () => getMetricsOverview({ ctx: commission, input: {} }),
        target: 'p95 ≤ 200 ms',
        limit: 200,
      },
      {
        name: `metrics.overview district ${district}`,
        http: () => query(url, cookies.commission, 'metrics.overview', { district }),
        floor: () => getMetricsOverview({ ctx: commission, input: { district } }),
        target: 'p95 ≤ 200 ms',
        limit: 200,
      },
      {
        name: `trials.get board, ${boardSites} sites`,
        http: () => query(url, cookies.sponsor, 'trials.get', { id: SCALE_BOARD_TRIAL }),
        floor: () => getTrial({ ctx: sponsor, input: { id: SCALE_BOARD_TRIAL } }),
      },
      {
        name: `EC work queue (submissions.list), ${queue} submissions`,
        http: () => query(url, cookies.ec, 'submissions.list', {}),
        floor: () => listSubmissions({ ctx: ec, input: {} }),
      },
    ];
  const figures: Figure[] = [];
  for (const c of cases) {
    const http = await timeAsync(c.http, runs, 2);
    const floor = timeSync(c.floor, runs, 2);
    figures.push(
      latency('workflow', c.name, http, {
        floor,
        ...(c.target && { target: c.target }),
        ...(c.limit && { meets: (f: Figure) => (f.p95 ?? Infinity) <= c.limit! }),
      }),
    );
  }
  return figures;
}
