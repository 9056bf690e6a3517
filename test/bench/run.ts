/**
 * `pnpm bench` (issue 16): the figures a user waits on, measured on a generated database (`pnpm ctp seed --scale
 * national`, or `--db data/province.db`), each beside its floor and target. Prints one table and merges the figures
 * into bench/results.json under `server` (other groups, e.g. `web` from `pnpm bench:web`, are kept).
 * Options: --db <file> (default data/national.db), --runs <n> per latency figure (default 60), --seconds <n> per
 * throughput run (default 10), --import <n> studies (default 20000). The in-process micro-benchmarks of the demo
 * are `pnpm bench:micro`. The server runs with its search result cache off (every search computed, beside its
 * floor); a second server with the cache on gives the repeated-search throughput. Writes to the database (sign-ins, shortlists, a capacity confirmation): bench a copy you
 * can regenerate.
 */
import { existsSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeDatabase, openDatabase } from '@ctp/db';
import { benchAfterChange } from './scale/after-change.ts';
import { signIn, startBenchServer } from './scale/bench-server.ts';
import { type Figure, printTable, writeResults } from './scale/measure.ts';
import { benchImport } from './scale/registry-import.ts';
import { benchSearch } from './scale/search.ts';
import { benchCachedSearchThroughput, benchThroughput } from './scale/throughput.ts';
import { benchWorkflow } from './scale/workflow.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.CTP_BENCH_DB ?? 'data/national.db' },
    runs: { type: 'string', default: '60' },
    seconds: { type: 'string', default: '10' },
    import: { type: 'string', default: '20000' },
    /** Groups to leave out, comma-separated: workflow, after-change, throughput, import (for a quicker partial run). */
    skip: { type: 'string', default: '' },
  },
});
const dbPath = resolve(values.db!);
if (!existsSync(dbPath)) {
  console.error(`${dbPath} does not exist: run \`pnpm ctp seed --scale national\` first (or --db data/province.db)`);
  process.exit(2);
}
const runs = Number(values.runs);
const skip = new Set(values.skip!.split(',').filter(Boolean));

console.log(
  `# CTP benchmark ${new Date().toISOString()} · node ${process.version} · ${cpus().length} cores · load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`database ${dbPath} (${(statSync(dbPath).size / 1e6).toFixed(0)} MB)`);
const handle = openDatabase(dbPath);
const counts = handle.sqlite
  .prepare(
    `select (select count(*) from organisations where kind = 'hospital') hospitals, (select count(*) from trials) trials,
            (select count(*) from trial_sites) sites, (select count(*) from submissions) submissions`,
  )
  .get() as Record<string, number>;
console.log(
  `${counts.hospitals} hospitals, ${counts.trials} trials, ${counts.sites} trial sites, ${counts.submissions} submissions\n`,
);

// The search result cache is off here: every latency figure is a search computed end to end, beside its floor,
// and the throughput is what distinct queries get. The cached figure comes from a second server below.
const server = await startBenchServer(dbPath, { CTP_RATE_LIMIT_PER_MINUTE: '100000', CTP_SEARCH_CACHE_ITEMS: '0' });
const figures: Figure[] = [
  {
    group: 'start',
    name: 'cold start to first /healthz',
    unit: 'ms',
    median: server.coldStartMs,
    target: '≤ 2 s',
    meets: server.coldStartMs <= 2000,
    note: 'spawn of node --import tsx apps/server/src/main.ts: migrate check, audit head check, reminder sweep, listen',
  },
];
try {
  const cookies = {
    sponsor: await signIn(server.url, 'sponsor@demo.ctp'),
    commission: await signIn(server.url, 'commission@demo.ctp'),
    ec: await signIn(server.url, 'ec@demo.ctp'),
    site: await signIn(server.url, 'site@demo.ctp'),
  };
  const search = await benchSearch(server.url, cookies.sponsor, handle, runs);
  figures.push(...search);
  const workflow = skip.has('workflow')
    ? []
    : await benchWorkflow(server.url, cookies, handle, Math.max(20, Math.round(runs / 2)));
  figures.push(...workflow);
  if (!skip.has('after-change'))
    figures.push(
      ...(await benchAfterChange(
        server.url,
        cookies,
        { search: search[0]!, metrics: workflow[0] ?? null },
        Math.max(10, Math.round(runs / 4)),
      )),
    );
  if (!skip.has('throughput'))
    figures.push(...(await benchThroughput(server.url, cookies.sponsor, Number(values.seconds))));
} catch (e) {
  console.error(`benchmark stopped: ${e instanceof Error ? e.message : e}\nserver output:\n${server.output()}`);
  throw e;
} finally {
  await server.stop();
  closeDatabase(handle);
}
if (!skip.has('throughput')) {
  const cached = await startBenchServer(dbPath, { CTP_RATE_LIMIT_PER_MINUTE: '100000' });
  try {
    const cookie = await signIn(cached.url, 'sponsor@demo.ctp');
    figures.push(await benchCachedSearchThroughput(cached.url, cookie, Number(values.seconds)));
  } finally {
    await cached.stop();
  }
}
if (!skip.has('import')) figures.push(...(await benchImport(Number(values.import))));

console.log('');
printTable(figures);
for (const f of figures.filter((x) => x.note)) console.log(`  ${f.name}: ${f.note}`);
writeResults('server', { database: dbPath, counts, cores: cpus().length, loadavg: loadavg(), figures });
console.log('\nwritten to bench/results.json');
