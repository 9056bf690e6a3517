import { type Locale, SITE_SORTS, type SitesSearchInput } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { inProcessCtx } from '../../../../test/bench/scale/in-process.ts';
import { SEARCH_SCENARIOS } from '../../../../test/bench/scale/search.ts';
import { searchSites as referenceSearch } from '../../../../test/helpers/search-reference/search-sites.ts';
import { createSeededDatabase } from '../../../../test/helpers/test-app.ts';
import type { Ctx } from '../context.ts';
import { searchSites } from './search-sites.ts';

/** Queries and filters that reach every branch of matching, refining, scoring, sorting and explaining. */
const QUERIES: SitesSearchInput[] = [
  ...SEARCH_SCENARIOS.map((s) => s.input),
  {},
  { q: '肺癌' },
  { q: '肿瘤' },
  { q: '乳腺' },
  { q: '鼓楼' },
  { q: 'jsszl' },
  { q: 'gl' },
  { q: '南京鼓楼医院' },
  { q: '肿瘤 PET-CT' },
  { q: '肺癌 呼吸' },
  { q: 'NSCLC' },
  { q: 'lung cancer' },
  { q: 'oncology' },
  { q: '心血管' },
  { q: '黑色素瘤' },
  { q: '主任医师' },
  { q: '王' },
  { q: '生物样本库' },
  { q: '不存在的东西xyz' },
  { condition: '非小细胞肺癌' },
  { condition: '肺癌', q: '肿瘤' },
  { diseaseArea: '肺癌' },
  { diseaseArea: '糖尿病', condition: '2型糖尿病' },
  { condition: 'NSCLC', phase: 'III' },
  { q: '肺癌', phase: 'II' },
  { phase: 'IV' },
  { phase: 'I' },
  { phase: 'BE' },
  { specialty: 'oncology' },
  { q: '肺癌', specialty: 'respiratory' },
  { q: '肿瘤', scope: 'device' },
  { scope: 'drug', minFreeSlots: 1 },
  { q: '肺癌', minFreeSlots: 3 },
  { capabilities: ['pet_ct'] },
  { district: '鼓楼区' },
  { level: '三级甲等', hasPhase1Unit: false },
  { q: '肺癌', level: '二级甲等', district: '玄武区', capabilities: ['biobank'], minFreeSlots: 50 },
];

/** Each query under every sort, both languages, first and second page, full and three-specialty cards. */
function inputs(): SitesSearchInput[] {
  const out: SitesSearchInput[] = [];
  for (const q of QUERIES) {
    out.push(q, { ...q, limit: 5, cursor: Buffer.from('5').toString('base64url'), specialtiesPerItem: 3 });
    for (const sort of SITE_SORTS) out.push({ ...q, sort, limit: 7 });
  }
  return out;
}

/**
 * Issue 16 (search CPU at national scale): the faster search returns exactly what the search before it returned —
 * items, order, scores, reasons, specialties, facets, totals, cursors, suggestions and conditions — for a broad set of
 * inputs on the demo with its registry samples, in both languages.
 */
describe('the optimised site search', () => {
  let h: DbHandle;
  let ctx: Ctx;
  beforeAll(async () => {
    h = await createSeededDatabase('registries');
    const now = Date.now();
    ctx = { ...inProcessCtx(h, 'sponsor@demo.ctp'), now: () => now };
  }, 120_000);

  for (const locale of ['zh-CN', 'en'] as Locale[])
    it(`answers as the reference search does (${locale})`, () => {
      const c = { ...ctx, locale };
      let nonEmpty = 0;
      for (const input of inputs()) {
        const expected = referenceSearch({ ctx: c, input });
        if (expected.total > 0) nonEmpty++;
        expect(searchSites({ ctx: c, input }), JSON.stringify(input)).toEqual(expected);
      }
      // The inputs exercise real results, not only empty ones.
      expect(nonEmpty).toBeGreaterThan(inputs().length / 2);
    });

  it('compares within hospital lists too (shortlists and compare)', () => {
    const all = searchSites({ ctx, input: { limit: 100 } }).items.map((i) => i.hospitalId);
    const hospitalIds = all.filter((_, i) => i % 3 === 0);
    for (const input of [{ q: '肺癌' }, { sort: 'name' as const }, { condition: '乳腺癌', sort: 'fit' as const }])
      expect(searchSites({ ctx, input, hospitalIds })).toEqual(referenceSearch({ ctx, input, hospitalIds }));
  });
});
