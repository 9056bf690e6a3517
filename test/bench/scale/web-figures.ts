/**
 * The web delivery figures (test/bench/web-load.ts) as rows of `pnpm bench`'s table, so one run prints every figure of
 * issue 16. The pages are served by a test server on the demo database: bytes do not depend on the data, and the
 * paint waits for the page's first real content (a result card, the headline figures).
 */
import buildWeb from '../../e2e/build-web.ts';
import { benchWebLoad, type WebLoadFigures } from '../web-load.ts';
import type { Figure } from './measure.ts';

export async function benchWeb(runs: number): Promise<{ figures: Figure[]; raw: WebLoadFigures }> {
  buildWeb();
  const raw = await benchWebLoad({ runs });
  const { firstLoadKB, paintMs } = raw.targets;
  const figures: Figure[] = [
    ...raw.firstLoad.map(
      (l): Figure => ({
        group: 'web',
        name: `first load of /${l.page}, JS+CSS gzip`,
        unit: 'KB',
        median: l.gzipKB,
        target: `≤ ${firstLoadKB} KB`,
        meets: l.gzipKB <= firstLoadKB,
        note: `${l.assets.length} files, ${l.wireKB} KB on the wire, ${l.runtimeStyleKB} KB of CSS written by antd at run time`,
      }),
    ),
    ...raw.paint.map(
      (p): Figure => ({
        group: 'web',
        name: `first meaningful paint of /${p.page}, ${raw.throttle.downloadMbit} Mbit/s + ${raw.throttle.latencyMs} ms`,
        unit: 'ms',
        median: p.coldMedianMs,
        target: `≤ ${paintMs} ms`,
        meets: p.coldMedianMs <= paintMs,
        note: `cold runs ${p.coldRunsMs.join(', ')} ms; code received by ${p.coldCodeReadyMs} ms; warm cache ${p.warmMs} ms`,
      }),
    ),
  ];
  return { figures, raw };
}
