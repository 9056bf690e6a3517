/**
 * `tsx test/bench/profile-workflow.ts [--db data/province.db]`: times the workflow reads of `pnpm bench` in process,
 * each phase apart (first call, warm call, after a write), to see where the time goes without the HTTP path.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '@ctp/db';
import { getMetricsOverview, getTrial, listSubmissions, SCALE_BOARD_TRIAL } from '@ctp/domain';
import { inProcessCtx } from './scale/in-process.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'data/province.db' } } });
const handle = openDatabase(resolve(values.db!));
const commission = inProcessCtx(handle, 'commission@demo.ctp');
const sponsor = inProcessCtx(handle, 'sponsor@demo.ctp');
const ec = inProcessCtx(handle, 'ec@demo.ctp');
const district = handle.sqlite
  .prepare(
    "select district from organisations where kind = 'hospital' and district is not null group by district order by count(*) desc, district limit 1",
  )
  .pluck()
  .get() as string;

function time(name: string, f: () => unknown, runs = 5) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  console.log(`${name.padEnd(40)} ${ms.map((m) => m.toFixed(1)).join(' ')} ms`);
}
time('overview network', () => getMetricsOverview({ ctx: commission, input: {} }));
time(`overview district ${district}`, () => getMetricsOverview({ ctx: commission, input: { district } }));
time('trials.get board', () => getTrial({ ctx: sponsor, input: { id: SCALE_BOARD_TRIAL } }));
time('submissions.list (EC queue)', () => listSubmissions({ ctx: ec, input: {} }));
handle.sqlite.close();
