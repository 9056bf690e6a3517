/**
 * CPU profile of warm searches in process (issue 16): `node --import tsx test/bench/profile-search.ts <db> <out>`
 * runs the benchmark's search scenarios ten times each after one warm-up search and writes a .cpuprofile (open it in
 * Chrome DevTools, or summarise self and inclusive time per function).
 */
import { sitesSearchInput } from '@ctp/contracts';
import { migrateDatabase, openDatabase } from '@ctp/db';
import { searchSites } from '@ctp/domain';
import { inProcessCtx } from './scale/in-process.ts';
import { SEARCH_SCENARIOS } from './scale/search.ts';

const handle = openDatabase(process.argv[2] ?? 'data/province.db');
migrateDatabase(handle);
const ctx = inProcessCtx(handle, 'sponsor@demo.ctp');
searchSites({ ctx, input: sitesSearchInput.parse({ q: '肺癌', limit: 20 }) });
const { Session } = await import('node:inspector/promises');
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
for (let i = 0; i < 10; i++)
  for (const s of SEARCH_SCENARIOS) searchSites({ ctx, input: sitesSearchInput.parse({ ...s.input, limit: 20 }) });
const { profile } = await session.post('Profiler.stop');
(await import('node:fs')).writeFileSync(process.argv[3] ?? '/tmp/prof/warm.cpuprofile', JSON.stringify(profile));
const { sitesSearchInput: parse } = await import('@ctp/contracts');
for (const s of SEARCH_SCENARIOS) {
  const input = parse.parse({ ...s.input, limit: 20 });
  const xs: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    searchSites({ ctx, input });
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  console.log(`${s.name.padEnd(50)} median ${xs[7]!.toFixed(2)} ms, max ${xs[14]!.toFixed(2)} ms`);
}
