/**
 * `pnpm bench:web`: the web delivery figures alone (test/bench/web-load.ts), built from the current sources, printed
 * and merged into the benchmark's results file under `web`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import buildWeb from '../e2e/build-web.ts';
import { benchWebLoad, webLoadRows } from './web-load.ts';

const RESULTS = process.env.BENCH_WEB_OUT ?? fileURLToPath(new URL('../../bench/results.json', import.meta.url));

// BENCH_WEB_DIST measures another build (e.g. an older commit's, built with `vite build --outDir`) for comparison.
const webDist = process.env.BENCH_WEB_DIST;
if (!webDist) buildWeb();
const figures = await benchWebLoad({ runs: Number(process.env.BENCH_WEB_RUNS ?? 5), webDist });
console.log('# web delivery', new Date().toISOString());
console.table(webLoadRows(figures));
for (const l of figures.firstLoad) {
  console.log(`\nfirst load of ${l.page}:`);
  for (const a of l.assets)
    console.log(`  ${a.path}  wire ${(a.wireBytes / 1024).toFixed(1)} KB  gzip ${(a.gzipBytes / 1024).toFixed(1)} KB`);
}
const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
mkdirSync(dirname(RESULTS), { recursive: true });
writeFileSync(
  RESULTS,
  `${JSON.stringify({ ...previous, web: { at: new Date().toISOString(), ...figures } }, null, 2)}\n`,
);
console.log(`\nwritten to ${RESULTS}`);
