import { type SitesSearchInput, sitesSearchInput } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { searchSites } from '@ctp/domain';
import { query } from './bench-server.ts';
import { inProcessCtx } from './in-process.ts';
import { type Figure, latency, timeAsync, timeSync } from './measure.ts';

/** The six-plus scenarios of issue 16, each a sponsor's real query. */
export const SEARCH_SCENARIOS: { name: string; input: SitesSearchInput }[] = [
  { name: '2-char Chinese term 肺癌', input: { q: '肺癌' } },
  { name: 'longer term 非小细胞肺癌 PET-CT', input: { q: '非小细胞肺癌 PET-CT' } },
  { name: 'pinyin initials jsszl', input: { q: 'jsszl' } },
  { name: 'filters only (三甲, Phase I unit)', input: { level: '三级甲等', hasPhase1Unit: true } },
  {
    name: 'filters + facets (drug, PET-CT+biobank, ≥2 free)',
    input: { scope: 'drug', capabilities: ['pet_ct', 'biobank'], minFreeSlots: 2, level: '三级甲等' },
  },
  { name: 'sort by fit (condition 乳腺癌)', input: { condition: '乳腺癌', sort: 'fit' } },
  { name: 'sort by start-up speed (肿瘤)', input: { q: '肿瘤', sort: 'startupSpeed' } },
];

/**
 * The page the web's search asks for (SearchPage): twenty hospitals, three specialties each (the card shows three and
 * counts the rest). `CTP_BENCH_SEARCH_PAGE=full` asks for every specialty, as before issue 16's second pass.
 */
export const SEARCH_PAGE =
  process.env.CTP_BENCH_SEARCH_PAGE === 'full' ? { limit: 20 } : { limit: 20, specialtiesPerItem: 3 };

type SearchOut = { total: number; items: { hospitalId: string }[] };

const SEARCH_P95 = 30;
const meetsSearch = (f: Figure) =>
  (f.p95 ?? Infinity) <= SEARCH_P95 && (f.median <= 1.5 * f.floorMedian! || f.median - f.floorMedian! <= 2);

/**
 * `sites.search` over HTTP, signed in as the demo sponsor, beside the same use-case run in this process on
 * better-sqlite3 over the same file (the floor: the SQL and the ranking without HTTP, tRPC, session or JSON).
 * Both must return the same hospitals in the same order, or the figure is refused.
 */
export async function benchSearch(url: string, cookie: string, handle: DbHandle, runs: number): Promise<Figure[]> {
  const ctx = inProcessCtx(handle, 'sponsor@demo.ctp');
  const figures: Figure[] = [];
  for (const s of SEARCH_SCENARIOS) {
    const input = { ...s.input, ...SEARCH_PAGE };
    const viaHttp = await query<SearchOut>(url, cookie, 'sites.search', input);
    const direct = searchSites({ ctx, input: sitesSearchInput.parse(input) });
    const same =
      JSON.stringify(viaHttp.items.map((i) => i.hospitalId)) === JSON.stringify(direct.items.map((i) => i.hospitalId));
    if (!same) throw new Error(`${s.name}: HTTP and in-process results differ`);
    const http = await timeAsync(() => query(url, cookie, 'sites.search', input), runs);
    const floor = timeSync(() => searchSites({ ctx, input: sitesSearchInput.parse(input) }), runs);
    figures.push(
      latency('search', s.name, http, {
        floor,
        target: 'p95 ≤ 30 ms; median ≤ 1.5× floor or +2 ms',
        meets: meetsSearch,
        note: `${viaHttp.total} hospitals match`,
      }),
    );
  }
  return figures;
}
