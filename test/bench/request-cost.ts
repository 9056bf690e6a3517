/**
 * CPU time per `sites.search` request (issue 16), the server's beside the floor's: on a shared machine wall-clock
 * latency measures the scheduler, CPU time does not. For each scenario: `<n>` requests one after the other to the
 * real server (signed in), the server process's user+system CPU (/proc/<pid>/stat) divided by n, then the same
 * search `<n>` times in this process (`process.cpuUsage`). The difference is the request path: HTTP, tRPC, session,
 * serialisation, logging. `node --import tsx test/bench/request-cost.ts <db> [n] [logLevel]`; the server's search
 * result cache is off unless CTP_SEARCH_CACHE_ITEMS is set.
 */
import { readFileSync } from 'node:fs';
import { sitesSearchInput } from '@ctp/contracts';
import { closeDatabase, openDatabase } from '@ctp/db';
import { searchSites } from '@ctp/domain';
import { queryUrl, signIn, startBenchServer } from './scale/bench-server.ts';
import { inProcessCtx } from './scale/in-process.ts';
import { SEARCH_PAGE, SEARCH_SCENARIOS } from './scale/search.ts';

const [db = 'data/province.db', n = '100', logLevel = 'info'] = process.argv.slice(2);
const runs = Number(n);
const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuMsOf(pid: number): number {
  // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

const server = await startBenchServer(db, {
  CTP_RATE_LIMIT_PER_MINUTE: '100000',
  CTP_LOG_LEVEL: logLevel,
  CTP_SEARCH_CACHE_ITEMS: process.env.CTP_SEARCH_CACHE_ITEMS ?? '0',
});
await server.settled();
const handle = openDatabase(db);
const ctx = inProcessCtx(handle, 'sponsor@demo.ctp');
try {
  const cookie = await signIn(server.url, 'sponsor@demo.ctp');
  console.log(`log ${logLevel}, ${runs} requests each; CPU ms per request`);
  console.log('scenario'.padEnd(52), 'server', ' floor', '  path', ' bytes');
  for (const s of SEARCH_SCENARIOS) {
    const input = { ...s.input, ...SEARCH_PAGE };
    const url = queryUrl(server.url, 'sites.search', input);
    let bytes = 0;
    for (let i = 0; i < 5; i++) bytes = (await (await fetch(url, { headers: { cookie } })).text()).length;
    const before = cpuMsOf(server.pid);
    for (let i = 0; i < runs; i++) await (await fetch(url, { headers: { cookie } })).text();
    const serverMs = (cpuMsOf(server.pid) - before) / runs;
    for (let i = 0; i < 5; i++) searchSites({ ctx, input: sitesSearchInput.parse(input) });
    const c0 = process.cpuUsage();
    for (let i = 0; i < runs; i++) searchSites({ ctx, input: sitesSearchInput.parse(input) });
    const c1 = process.cpuUsage(c0);
    const floorMs = (c1.user + c1.system) / 1000 / runs;
    console.log(
      s.name.padEnd(52),
      serverMs.toFixed(2).padStart(6),
      floorMs.toFixed(2).padStart(6),
      (serverMs - floorMs).toFixed(2).padStart(6),
      String(bytes).padStart(6),
    );
  }
} finally {
  await server.stop();
  closeDatabase(handle);
}
