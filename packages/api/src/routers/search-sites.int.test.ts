import type { DbHandle } from '@ctp/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';
import { openWorkbook } from '../../../../test/helpers/xlsx.ts';

describe('sites.search on the Nanjing demo', () => {
  let db: DbHandle;
  let sponsor: ReturnType<typeof callerAs>;
  beforeAll(async () => {
    db = await createSeededDatabase();
    sponsor = callerAs(db, 'sponsor@demo.ctp');
  });

  const top = async (q: string) => (await sponsor.sites.search({ q, limit: 5 })).items.map((i) => i.name);

  it('puts the obvious answer first for two-character Chinese terms, English names and pinyin initials', async () => {
    expect((await top('肿瘤'))[0]).toBe('江苏省肿瘤医院');
    expect((await top('Drum Tower'))[0]).toBe('南京鼓楼医院');
    expect((await top('jsszl'))[0]).toBe('江苏省肿瘤医院');
    expect(await top('jsszl')).toHaveLength(1);
    expect((await top('鼓楼医院'))[0]).toBe('南京鼓楼医院');
    expect((await top('吴研究'))[0]).toBe('江苏省人民医院');
  });

  it('finds disease areas (肺癌) and specialty short forms (心内) and explains the match', async () => {
    const lung = await sponsor.sites.search({ q: '肺癌', limit: 50 });
    expect(lung.total).toBeGreaterThan(3);
    for (const item of lung.items) expect(item.specialties.some((s) => s.diseaseAreas.includes('肺癌'))).toBe(true);
    expect(lung.items[0]!.reasons.some((r) => r.includes('肺癌'))).toBe(true);
    // English disease names find what hospitals filed in Chinese.
    const english = await sponsor.sites.search({ q: 'lung cancer', limit: 50 });
    expect(english.items.map((i) => i.hospitalId).sort()).toEqual(lung.items.map((i) => i.hospitalId).sort());
    const cardio = await sponsor.sites.search({ q: '心内', limit: 50 });
    expect(cardio.total).toBeGreaterThan(3);
    for (const item of cardio.items) expect(item.specialties.map((s) => s.code)).toContain('cardiology');
  });

  it('returns a 0–100 score with reasons and localises them', async () => {
    const zh = await sponsor.sites.search({ q: '肿瘤', limit: 3 });
    for (const item of zh.items) {
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(100);
      expect(item.reasons.length).toBeGreaterThan(1);
    }
    expect(zh.items[0]!.reasons[0]).toBe('机构名称匹配“肿瘤”');
    const en = await callerAs(db, 'sponsor@demo.ctp', { locale: 'en' }).sites.search({ q: '肿瘤', limit: 1 });
    // In English a Chinese term is echoed with its pinyin, as every Chinese name on an English page (issue 14).
    expect(en.items[0]!.reasons[0]).toBe('Name matches “肿瘤 (Zhong Liu)”');
    // Scores are ordered under the default sort (fit).
    const scores = zh.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('filters, and facet counts agree with the filtered total', async () => {
    const r = await sponsor.sites.search({ district: '鼓楼区', limit: 100 });
    expect(r.items.every((i) => i.district === '鼓楼区')).toBe(true);
    expect(r.facets.district).toEqual([{ value: '鼓楼区', label: '鼓楼区', count: r.total }]);
    const levelSum = r.facets.level.reduce((n, f) => n + f.count, 0);
    expect(levelSum).toBe(r.items.filter((i) => i.level).length);
    const withPet = await sponsor.sites.search({ capabilities: ['pet_ct', 'biobank'], limit: 100 });
    expect(withPet.total).toBeGreaterThan(0);
    expect(withPet.items.every((i) => i.capabilities.includes('pet_ct') && i.capabilities.includes('biobank'))).toBe(
      true,
    );
    expect(withPet.facets.capability.find((f) => f.value === 'pet_ct')?.count).toBe(withPet.total);
    const phase1 = await sponsor.sites.search({ hasPhase1Unit: true, limit: 100 });
    expect(phase1.items.every((i) => i.hasPhase1Unit)).toBe(true);
    const onc = await sponsor.sites.search({ specialty: 'oncology', minFreeSlots: 20, limit: 100 });
    expect(onc.total).toBeGreaterThan(0);
    for (const i of onc.items)
      expect(i.specialties.every((s) => s.code === 'oncology' && s.freeSlots >= 20)).toBe(true);
    const specFacet = await sponsor.sites.search({ specialty: 'oncology', limit: 100 });
    expect(specFacet.facets.specialty.find((f) => f.value === 'oncology')?.count).toBe(specFacet.total);
  });

  it('pages with a cursor without repeating or losing a hospital', async () => {
    const all = await sponsor.sites.search({ limit: 100 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await sponsor.sites.search({ limit: 7, cursor });
      seen.push(...page.items.map((i) => i.hospitalId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.hospitalId));
    expect(new Set(seen).size).toBe(all.total);
  });

  it('sends every matching specialty by default, and only the first n with specialtiesPerItem, counting them all', async () => {
    const full = await sponsor.sites.search({ level: '三级甲等', limit: 20 });
    const compact = await sponsor.sites.search({ level: '三级甲等', limit: 20, specialtiesPerItem: 3 });
    expect(compact.items.map((i) => i.hospitalId)).toEqual(full.items.map((i) => i.hospitalId));
    expect(full.items.some((i) => i.specialties.length > 3)).toBe(true);
    for (const [i, item] of full.items.entries()) {
      const short = compact.items[i]!;
      expect(item.specialtyCount).toBe(item.specialties.length);
      expect(short.specialtyCount).toBe(item.specialties.length);
      expect(short.specialties).toEqual(item.specialties.slice(0, 3));
      // Everything else on the card is the same.
      expect({ ...short, specialties: [] }).toEqual({ ...item, specialties: [] });
    }
    expect(compact.facets).toEqual(full.facets);
    expect(compact.total).toBe(full.total);
  });

  it('sorts by past performance from the trial records, hospitals without any last', async () => {
    const r = await sponsor.sites.search({ sort: 'startupSpeed', limit: 100 });
    const known = r.items.filter((i) => i.performance?.startupMedianDays != null);
    // The demo trials reached first patient in at two hospitals.
    expect(known.map((i) => i.hospitalId).sort()).toEqual(['hosp-jsch', 'hosp-jsph']);
    expect(r.items.slice(0, known.length)).toEqual(known);
    const days = known.map((i) => i.performance!.startupMedianDays!);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    expect(known[0]!.reasons.some((x) => x.startsWith('过往启动'))).toBe(true);
    const byRate = await sponsor.sites.search({ sort: 'enrolmentRate', limit: 2 });
    expect(byRate.items.every((i) => (i.performance?.enrolmentRate ?? 0) > 0)).toBe(true);
  });

  it('suggests what to relax when nothing matches', async () => {
    const r = await sponsor.sites.search({ q: '肿瘤', district: '六合区' });
    expect(r.total).toBe(0);
    expect(r.suggestions[0]).toMatchObject({ filter: 'district', label: '六合区' });
    expect(r.suggestions[0]!.total).toBe((await sponsor.sites.search({ q: '肿瘤' })).total);
  });

  it('suggests with one search per filter, however many filters match nothing together', async () => {
    // Each search reads the clock once: counting the reads counts the searches. Before the fix every relaxed
    // search suggested again, so n filters meant about n! searches (nine filters blocked the server for minutes).
    let searches = 0;
    const counting = callerAs(db, 'sponsor@demo.ctp', {
      now: () => {
        searches++;
        return Date.now();
      },
    });
    const r = await counting.sites.search({
      q: '肿瘤',
      district: '六合区',
      level: '二级',
      hasPhase1Unit: true,
      diseaseArea: '不存在的病种',
    });
    expect(r.total).toBe(0);
    expect(searches).toBe(1 + 5); // the search, then one per filter relaxed
  });

  it('flags hospitals whose capacity was not confirmed for 90 days', async () => {
    const r = await sponsor.sites.search({ limit: 100 });
    const stale = r.items.filter((i) => i.stale).map((i) => i.name);
    expect(stale).toContain('南京市中医院');
    expect(r.items.find((i) => i.name === '江苏省肿瘤医院')?.stale).toBe(false);
  });

  it('is open to every signed-in role and refused without a session', async () => {
    await expect(callerAs(db, 'commission@demo.ctp').sites.search({ q: '肿瘤' })).resolves.toMatchObject({
      total: expect.any(Number),
    });
    await expect(callerAs(db, null).sites.search({ q: '肿瘤' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('rejects bad input field by field', async () => {
    await expect(sponsor.sites.search({ limit: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(sponsor.sites.search({ cursor: 'bm90LWEtbnVtYmVy' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('compares up to five hospitals in the order asked', async () => {
    const cols = await sponsor.sites.compare({ hospitalIds: ['hosp-jsch', 'hosp-jsph'], q: '肿瘤' });
    expect(cols.map((c) => c.site.hospitalId)).toEqual(['hosp-jsch', 'hosp-jsph']);
    expect(cols[0]!.site.reasons[0]).toContain('肿瘤');
    await expect(sponsor.sites.compare({ hospitalIds: ['a', 'b', 'c', 'd', 'e', 'f'] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(sponsor.sites.compare({ hospitalIds: ['hosp-nope'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('exports the whole result to an XLSX that matches the search', async () => {
    const file = await sponsor.sites.exportSearch({ q: '肿瘤' });
    const wb = await openWorkbook(file.base64);
    const ws = wb.worksheets[0]!;
    const result = await sponsor.sites.search({ q: '肿瘤', limit: 100 });
    expect(ws.rowCount - 1).toBe(result.total);
    expect(ws.getRow(1).getCell(2).value).toBe('机构名称');
    expect(ws.getRow(2).getCell(2).value).toBe(result.items[0]!.name);
    expect(ws.getRow(2).getCell(6).value).toBe(result.items[0]!.score);
    expect(['是', '否']).toContain(ws.getRow(2).getCell(10).value);
  });

  it('writes districts, levels and yes/no in English into an English export (issue 14)', async () => {
    const english = callerAs(db, 'sponsor@demo.ctp', { locale: 'en' });
    const file = await english.sites.exportSearch({});
    const wb = await openWorkbook(file.base64);
    const ws = wb.worksheets[0]!;
    expect([4, 5, 10, 11].map((c) => ws.getRow(1).getCell(c).value)).toEqual([
      'District',
      'Level',
      'Phase I unit',
      'Capacity stale',
    ]);
    const cells = (c: number) => ws.getColumn(c).values.slice(2).map(String);
    expect(cells(4).length).toBeGreaterThan(5);
    for (const c of [4, 5, 10, 11]) expect(cells(c).filter((v) => /\p{Script=Han}/u.test(v))).toEqual([]);
    expect(new Set([...cells(10), ...cells(11)])).toEqual(new Set(['Yes', 'No']));
  });
});
