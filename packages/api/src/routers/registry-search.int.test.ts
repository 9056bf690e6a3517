import type { DbHandle } from '@ctp/db';
import { expandCondition, lookupCondition, resolveCondition, shanghaiDate } from '@ctp/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

/** Issue 13: registry history in site search, on the demo with both shared registry samples imported. */
describe('sites.search with registry experience', () => {
  let handle: DbHandle;
  let sponsor: ReturnType<typeof callerAs>;
  let sponsorEn: ReturnType<typeof callerAs>;
  beforeAll(async () => {
    handle = await createSeededDatabase('registries');
    sponsor = callerAs(handle, 'sponsor@demo.ctp');
    sponsorEn = callerAs(handle, 'sponsor@demo.ctp', { locale: 'en' });
  });

  /** Direct SQL over the registry tables: the raw terms that fall in a condition's subtree are listed by the vocabulary. */
  function sqlCounts(hospitalId: string, conditionText: string) {
    const root = lookupCondition(conditionText)!;
    const subtree = new Set(expandCondition(root.id).map((e) => e.id));
    const allTerms = handle.sqlite
      .prepare('select distinct term from registry_trial_conditions')
      .pluck()
      .all() as string[];
    const terms = allTerms.filter((t) => subtree.has(resolveCondition(t)?.entry.id ?? ''));
    const fromYear = Number(shanghaiDate(Date.now()).slice(0, 4)) - 4;
    const marks = terms.map(() => '?').join(',');
    const base = `select count(distinct t.id) from registry_trials t
      join registry_sites s on s.registry_trial_id = t.id and s.hospital_id = ?
      where exists (select 1 from registry_trial_conditions c where c.registry_trial_id = t.id and c.term in (${marks}))`;
    const recentSql = `${base} and cast(substr(coalesce(t.start_date, t.last_update_date), 1, 4) as integer) >= ?`;
    const get = (sql: string, ...extra: unknown[]) =>
      handle.sqlite
        .prepare(sql)
        .pluck()
        .get(hospitalId, ...terms, ...extra) as number;
    return {
      recent: get(recentSql, fromYear),
      recentRecruiting: get(`${recentSql} and t.status = 'recruiting'`, fromYear),
      competing: get(`${base} and t.status = 'recruiting'`),
    };
  }

  const itemOf = (r: { items: { hospitalId: string; reasons: string[] }[] }, id: string) =>
    r.items.find((i) => i.hospitalId === id)!;

  it('says how many trials in the condition a hospital ran in the last 5 years, as a direct SQL count does', async () => {
    const r = await sponsor.sites.search({ q: '肺癌', limit: 100 });
    const top = await sponsor.sites.search({ q: '肺癌', sort: 'registry_experience', limit: 1 });
    const id = top.items[0]!.hospitalId;
    const want = sqlCounts(id, '肺癌');
    expect(want.recent).toBeGreaterThan(0);
    const reasons = itemOf(r, id).reasons;
    expect(reasons).toContain(`近 5 年 ${want.recent} 项肺癌试验 (${want.recentRecruiting} 项在招)`);
    if (want.competing) expect(reasons).toContain(`同适应症在招竞争试验 ${want.competing} 项`);
    expect(reasons.some((x) => /^\+[\d.]+ 登记经验（近 5 年每项登记试验 \+0\.5，最多 \+5）$/.test(x))).toBe(true);
    const en = itemOf(await sponsorEn.sites.search({ q: 'lung cancer', limit: 100 }), id).reasons;
    const trials = want.recent === 1 ? 'trial' : 'trials';
    expect(en).toContain(
      `${want.recent} lung cancer ${trials} in the last 5 years (${want.recentRecruiting} recruiting)`,
    );
    const competing = want.competing === 1 ? 'trial' : 'trials';
    if (want.competing)
      expect(en).toContain(`${want.competing} competing recruiting ${competing} in the same indication`);
    // The same through the condition filter, for every hospital in the result.
    const filtered = await sponsor.sites.search({ condition: '肺癌', limit: 100 });
    for (const item of filtered.items) {
      const c = sqlCounts(item.hospitalId, '肺癌');
      expect(item.reasons, item.name).toContain(`近 5 年 ${c.recent} 项肺癌试验 (${c.recentRecruiting} 项在招)`);
    }
  });

  it('counts trials registered for NSCLC as 肺癌, and NSCLC in any form alike', async () => {
    const lungTerms = ['Lung Neoplasms'];
    const nsclcOnly = handle.sqlite
      .prepare(
        `select count(distinct s.hospital_id) from registry_sites s join registry_trial_conditions c
         on c.registry_trial_id = s.registry_trial_id where s.hospital_id is not null and c.term like '%NSCLC%'
         and c.registry_trial_id not in (select registry_trial_id from registry_trial_conditions where term in (?))`,
      )
      .pluck()
      .get(...lungTerms) as number;
    expect(nsclcOnly).toBeGreaterThan(0);
    const reason = (items: { hospitalId: string; reasons: string[] }[], id: string, name: string) =>
      itemOf({ items }, id).reasons.find((x) => x.includes(`项${name}试验`));
    const lung = (await sponsor.sites.search({ condition: '肺癌', limit: 100 })).items;
    for (const form of ['NSCLC', '非小细胞肺癌', 'Carcinoma, Non-Small-Cell Lung']) {
      const nsclc = (await sponsor.sites.search({ condition: form, limit: 100 })).items;
      for (const item of nsclc) {
        const c = sqlCounts(item.hospitalId, 'NSCLC');
        expect(reason(nsclc, item.hospitalId, '非小细胞肺癌'), form).toBe(
          `近 5 年 ${c.recent} 项非小细胞肺癌试验 (${c.recentRecruiting} 项在招)`,
        );
        // Every NSCLC trial is a 肺癌 trial: the broader count is never smaller.
        const broader = sqlCounts(item.hospitalId, '肺癌');
        expect(broader.recent).toBeGreaterThanOrEqual(c.recent);
        if (lung.some((l) => l.hospitalId === item.hospitalId))
          expect(reason(lung, item.hospitalId, '肺癌')).toContain(`近 5 年 ${broader.recent} 项`);
      }
    }
  });

  it('sorts by registry experience: the hospital with most registry trials first', async () => {
    const most = handle.sqlite
      .prepare(
        `select s.hospital_id id, count(distinct s.registry_trial_id) n from registry_sites s
         where s.hospital_id is not null group by 1 order by 2 desc`,
      )
      .all() as { id: string; n: number }[];
    const all = await sponsor.sites.search({ sort: 'registry_experience', limit: 100 });
    const tops = most.filter((m) => m.n === most[0]!.n).map((m) => m.id);
    expect(tops).toContain(all.items[0]!.hospitalId);
    const ranked = all.items.slice(0, most.length).map((i) => i.hospitalId);
    expect(new Set(ranked)).toEqual(new Set(most.map((m) => m.id)));
    // With a condition: the most trials in it in the last 5 years first, whatever the capacity.
    const lung = await sponsor.sites.search({ q: '肺癌', sort: 'registry_experience', limit: 100 });
    const counts = lung.items.map((i) => sqlCounts(i.hospitalId, '肺癌').recent);
    expect(counts[0]).toBeGreaterThan(0);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const byFit = await sponsor.sites.search({ q: '肺癌', limit: 1 });
    expect(byFit.items[0]!.hospitalId).not.toBe(lung.items[0]!.hospitalId);
  });

  it('filters Phases II–IV by registry trials in that phase; Phase I stays the Phase I unit', async () => {
    const phase3 = await sponsor.sites.search({ phase: 'III', limit: 100 });
    const want = handle.sqlite
      .prepare(
        `select distinct s.hospital_id from registry_sites s join registry_trials t on t.id = s.registry_trial_id
         where s.hospital_id is not null and t.phases_json like '%"phase3"%'`,
      )
      .pluck()
      .all() as string[];
    expect(want.length).toBeGreaterThan(0);
    expect(phase3.items.map((i) => i.hospitalId).sort()).toEqual(want.sort());
    expect(phase3.items[0]!.reasons).toContain('登记有 III 期试验');
    const phase1 = await sponsor.sites.search({ phase: 'I', limit: 100 });
    for (const item of phase1.items) expect(item.hasPhase1Unit).toBe(true);
  });

  it('counts registry trials per hospital beside the platform figures in the commission drill-down', async () => {
    const commission = callerAs(handle, 'commission@demo.ctp');
    const byHospital = await commission.metrics.byHospital({ filters: {}, groupBy: 'hospital' });
    const direct = new Map(
      (
        handle.sqlite
          .prepare(
            `select hospital_id id, count(distinct registry_trial_id) n from registry_sites
             where hospital_id is not null group by 1`,
          )
          .all() as { id: string; n: number }[]
      ).map((r) => [r.id, r.n]),
    );
    expect(direct.size).toBeGreaterThan(0);
    for (const row of byHospital.rows) expect(row.registryTrials, row.label).toBe(direct.get(row.key) ?? 0);
    const distinctAll = handle.sqlite
      .prepare('select count(distinct registry_trial_id) from registry_sites where hospital_id is not null')
      .pluck()
      .get() as number;
    expect(byHospital.total.registryTrials).toBe(distinctAll);
    // A specialty row counts only the indications it treats: never more than its hospital.
    const [id, n] = [...direct].sort((a, b) => b[1] - a[1])[0]!;
    const bySpecialty = await commission.metrics.byHospital({ filters: { hospitalId: id }, groupBy: 'specialty' });
    for (const row of bySpecialty.rows) expect(row.registryTrials).toBeLessThanOrEqual(n);
    expect(bySpecialty.rows.some((r) => r.registryTrials > 0)).toBe(true);
  });
});
