/**
 * CPU profile of the HTTP path (issue 16): the real server run with `--cpu-prof` on `<db>`, one cheap search
 * (pinyin initials, a sub-millisecond floor) at concurrency 32 for `<seconds>`, so what remains is the per-request
 * cost (Fastify, helmet, cookie, session, rate limit, tRPC, superjson, logging). Writes the profile to `<dir>` and
 * prints requests/s. `node --import tsx test/bench/profile-http.ts <db> <dir> [seconds] [logLevel] [scenario]`, the
 * scenario an index into SEARCH_SCENARIOS (default 2, pinyin initials).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { queryUrl, signIn } from './scale/bench-server.ts';
import { SEARCH_PAGE, SEARCH_SCENARIOS } from './scale/search.ts';

const [db = 'data/province.db', dir = '/tmp/ctp-http-profile', seconds = '8', logLevel = 'info', scenario = '2'] =
  process.argv.slice(2);
const chosen = SEARCH_SCENARIOS[Number(scenario)];
if (!chosen) throw new Error(`scenario: 0–${SEARCH_SCENARIOS.length - 1}`);
const port = 20_000 + Math.floor(Math.random() * 20_000);
const url = `http://127.0.0.1:${port}`;
const child = spawn(
  process.execPath,
  ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', 'apps/server/src/main.ts'],
  {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CTP_DB: db,
      CTP_DATA_DIR: mkdtempSync(join(tmpdir(), 'ctp-prof-')),
      CTP_WEB_DIST: join(tmpdir(), 'ctp-prof-no-web'),
      CTP_SEED_DEMO: 'false',
      CTP_RATE_LIMIT_PER_MINUTE: '100000',
      CTP_LOG_LEVEL: logLevel,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
for (;;) {
  if (
    await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 50));
}
const cookie = await signIn(url, 'sponsor@demo.ctp');
const path = queryUrl(url, 'sites.search', { ...chosen.input, ...SEARCH_PAGE });
await fetch(path, { headers: { cookie } });
const result = await autocannon({ url: path, connections: 32, duration: Number(seconds), headers: { cookie } });
console.log(
  `${chosen.name}, log ${logLevel}: ${result.requests.average} req/s, p50 ${result.latency.p50} ms, errors ${result.errors + result.non2xx}`,
);
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
