import type { DbHandle } from '@ctp/db';
import { loadHospitalCapacity } from '@ctp/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

/** Issue 13: search through the disease vocabulary and the hospitals' registry names; issue 14's search defects. */
describe('sites.search with the disease vocabulary and hospital aliases', () => {
  let db: DbHandle;
  let sponsor: ReturnType<typeof callerAs>;
  let sponsorEn: ReturnType<typeof callerAs>;
  beforeAll(async () => {
    db = await createSeededDatabase();
    sponsor = callerAs(db, 'sponsor@demo.ctp');
    sponsorEn = callerAs(db, 'sponsor@demo.ctp', { locale: 'en' });
  });
  const ids = (r: { items: { hospitalId: string }[] }) => r.items.map((i) => i.hospitalId).sort();

  it('finds the hospitals of 肺癌 for its subtype, in any form, and says it went through the broader area', async () => {
    const lung = await sponsor.sites.search({ q: '肺癌', limit: 100 });
    expect(lung.total).toBeGreaterThan(3);
    for (const q of ['非小细胞肺癌', 'NSCLC', 'Carcinoma, Non-Small-Cell Lung', '晚期非小细胞肺癌', 'Advanced NSCLC']) {
      const r = await sponsor.sites.search({ q, limit: 100 });
      expect(ids(r), q).toEqual(ids(lung));
      expect(r.conditions).toEqual([expect.objectContaining({ id: 'nsclc', broader: ['肺癌', '恶性肿瘤', '肿瘤'] })]);
    }
    const nsclc = await sponsor.sites.search({ q: 'NSCLC', limit: 1 });
    expect(nsclc.items[0]!.reasons[0]).toMatch(/^非小细胞肺癌 → 肺癌：按上级病种匹配（.+）$/);
    const en = await sponsorEn.sites.search({ q: '非小细胞肺癌', limit: 1 });
    expect(en.items[0]!.reasons[0]).toMatch(
      /^Non-small cell lung cancer → Lung cancer: matched through the broader disease area \(.+\)$/,
    );
    // The subtype ranks below its own area: a broader area is weaker evidence.
    const scoreOf = (r: typeof lung, id: string) => r.items.find((i) => i.hospitalId === id)!.score;
    const all = await sponsor.sites.search({ q: 'NSCLC', limit: 100 });
    for (const i of lung.items) expect(scoreOf(all, i.hospitalId)).toBeLessThanOrEqual(i.score);
  });

  it('reads English disease names as phrases: "thyroid cancer" is not "thyroid" + "cancer"', async () => {
    const zh = await sponsor.sites.search({ q: '甲状腺癌', limit: 100 });
    const en = await sponsor.sites.search({ q: 'thyroid cancer', limit: 100 });
    expect(zh.total).toBeGreaterThan(0);
    expect(ids(en)).toEqual(ids(zh));
    for (const item of en.items) expect(item.specialties.some((s) => s.diseaseAreas.includes('甲状腺癌'))).toBe(true);
    const lung = await sponsor.sites.search({ q: 'lung cancer', limit: 100 });
    expect(ids(lung)).toEqual(ids(await sponsor.sites.search({ q: '肺癌', limit: 100 })));
  });

  it('says each reason once ("Disease area: 肺癌" appeared twice on one card)', async () => {
    for (const [caller, q] of [
      [sponsorEn, 'lung cancer'],
      [sponsorEn, '肺癌 lung cancer'],
      [sponsor, '肺癌 NSCLC'],
      [sponsor, '肿瘤'],
    ] as const) {
      const r = await caller.sites.search({ q, diseaseArea: '肺癌', limit: 100 });
      for (const item of r.items) expect(new Set(item.reasons).size, `${q}: ${item.name}`).toBe(item.reasons.length);
    }
    const en = await sponsorEn.sites.search({ q: 'lung cancer', limit: 100 });
    for (const item of en.items) expect(item.reasons.filter((x) => x.startsWith('Disease area:'))).toHaveLength(1);
  });

  it('counts only the matched disease under a 病种 filter, as the profile shows it', async () => {
    const registry = new Map(loadHospitalCapacity(db.db, Date.now()).map((h) => [h.org.id, h]));
    for (const filter of [{ diseaseArea: '肺癌' }, { condition: '肺癌' }, { q: '肿瘤', condition: 'lung cancer' }]) {
      const r = await sponsor.sites.search({ ...filter, limit: 100 });
      expect(r.total).toBeGreaterThan(0);
      for (const item of r.items) {
        const profile = registry.get(item.hospitalId)!;
        const relevant = new Set(item.specialties.map((s) => s.id));
        const expected = profile.specialties
          .filter((s) => relevant.has(s.id))
          .flatMap((s) => s.diseaseAreas)
          .filter((d) => d.diseaseArea === '肺癌')
          .reduce((n, d) => n + (d.annualPatients ?? 0), 0);
        expect(item.reasons, `${JSON.stringify(filter)} ${item.name}`).toContain(
          `相关病种年诊疗 ${expected.toLocaleString('zh-CN')} 人次`,
        );
      }
    }
  });

  it('filters by condition through the vocabulary, and by the words when it is not a known condition', async () => {
    const byArea = await sponsor.sites.search({ diseaseArea: '肺癌', limit: 100 });
    const byCondition = await sponsor.sites.search({ condition: 'NSCLC', limit: 100 });
    expect(ids(byCondition)).toEqual(ids(byArea));
    expect(byCondition.conditions).toEqual([expect.objectContaining({ source: 'condition', id: 'nsclc' })]);
    const unknown = await sponsor.sites.search({ condition: '肌少症', limit: 100 });
    expect(unknown.conditions).toEqual([expect.objectContaining({ id: null, text: '肌少症' })]);
    expect(unknown.total).toBe(0);
    // Nobody files melanoma: the specialties that treat it stand in, and say so.
    const melanoma = await sponsor.sites.search({ condition: 'melanoma', limit: 100 });
    expect(melanoma.total).toBeGreaterThan(0);
    for (const item of melanoma.items) {
      expect(item.specialties.every((s) => ['dermatology', 'oncology'].includes(s.code))).toBe(true);
      expect(item.reasons.some((x) => x.startsWith('暂无机构登记“黑色素瘤”病种，按相关专业匹配'))).toBe(true);
    }
  });

  it('puts the hospital a registry name means first, whatever has more capacity', async () => {
    const r = await sponsor.sites.search({ q: 'Jiangsu Province Hospital', limit: 10 });
    expect(r.items[0]).toMatchObject({ hospitalId: 'hosp-jsph', name: '江苏省人民医院' });
    expect(r.items[0]!.reasons[0]).toBe('名称完全匹配：Jiangsu Province Hospital');
    expect(r.items.map((i) => i.hospitalId)).toContain('hosp-jsch');
    // Under every sort.
    for (const sort of ['freeSlots', 'name', 'startupSpeed'] as const)
      expect(
        (await sponsor.sites.search({ q: 'Jiangsu Province Hospital', sort, limit: 1 })).items[0]!.hospitalId,
      ).toBe('hosp-jsph');
    const suffixed = await sponsor.sites.search({ q: 'Nanjing Drum Tower Hospital /ID# 253042', limit: 5 });
    expect(suffixed.items[0]!.hospitalId).toBe('hosp-njglyy');
    const gulou = await sponsor.sites.search({ q: '南京大学附属鼓楼医院', limit: 5 });
    expect(gulou.items[0]!.hospitalId).toBe('hosp-njglyy');
  });

  it('accepts a query of 200 characters and refuses a longer one', async () => {
    const long = `Nanjing Drum Tower Hospital ${'x'.repeat(172)}`;
    expect(long).toHaveLength(200);
    await expect(sponsor.sites.search({ q: long })).resolves.toMatchObject({ total: expect.any(Number) });
    await expect(sponsor.sites.search({ q: `${long}x` })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('filters by trial phase: a Phase I unit for phase I, a BE unit for BE', async () => {
    const p1 = await sponsor.sites.search({ phase: 'I', limit: 100 });
    expect(p1.total).toBeGreaterThan(0);
    expect(p1.items.every((i) => i.hasPhase1Unit)).toBe(true);
    expect(p1.total).toBe((await sponsor.sites.search({ hasPhase1Unit: true, limit: 100 })).total);
    const be = await sponsor.sites.search({ phase: 'BE', limit: 100 });
    const registry = new Map(loadHospitalCapacity(db.db, Date.now()).map((h) => [h.org.id, h]));
    const withBe = [...registry.values()].filter((h) => h.specialties.some((s) => s.code === 'phase1_be'));
    expect(ids(be)).toEqual(withBe.map((h) => h.org.id).sort());
    expect(be.items.every((i) => i.reasons.includes('设有生物等效性试验专业'))).toBe(true);
    // II–IV filter by registry trials (registry-search.int.test.ts); anything else is refused.
    await expect(sponsor.sites.search({ phase: 'V' as 'I' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await sponsor.sites.search({ phase: 'III', limit: 1 })).total).toBe(0); // this demo imports no registry
  });

  it('suggests vocabulary conditions for the disease picker', async () => {
    const options = await sponsor.sites.conditions({ q: 'nsclc' });
    expect(options[0]).toMatchObject({ id: 'nsclc', zh: '非小细胞肺癌', icd10: 'C34', abbreviations: ['NSCLC'] });
    await expect(callerAs(db, null).sites.conditions({ q: 'nsclc' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(sponsor.sites.conditions({ q: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
