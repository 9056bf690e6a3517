import type { DbHandle } from '@ctp/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

type AreaRow = { code: string; type: string | null; name: string; area: string; patients: number; demo: number };

/** Issue 14: the seeded demo's patient volumes must be ones a sponsor would believe. */
describe('demo patient volumes', () => {
  let db: DbHandle;
  let rows: AreaRow[];
  beforeAll(async () => {
    db = await createSeededDatabase();
    rows = db.sqlite
      .prepare(
        `select o.code, o.hospital_type as type, o.name_zh as name, a.disease_area as area,
                a.annual_patients as patients, o.is_demo_data as demo
           from specialty_disease_areas a
           join hospital_specialties s on s.id = a.hospital_specialty_id
           join organisations o on o.id = s.hospital_org_id`,
      )
      .all() as AreaRow[];
  });
  const sum = (code: string, area: string) =>
    rows.filter((r) => r.code === code && r.area === area).reduce((n, r) => n + r.patients, 0);

  it('are marked as demo data on every hospital that has them', () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((r) => r.demo === 1)).toBe(true);
  });

  it('give a children’s hospital children’s diseases only', () => {
    const children = rows.filter((r) => r.type === '儿童');
    expect(children.length).toBeGreaterThan(3);
    const adult = ['肺癌', '慢性阻塞性肺疾病', '高血压', '2型糖尿病', '冠心病', '多发性骨髓瘤', '间质性肺病'];
    expect(children.filter((r) => adult.includes(r.area))).toEqual([]);
    expect(sum('njch', '肺癌')).toBe(0);
  });

  it('give the cancer hospital more lung-cancer patients than any other hospital, and plausible totals', () => {
    const lung = new Map<string, number>();
    for (const r of rows.filter((x) => x.area === '肺癌')) lung.set(r.code, (lung.get(r.code) ?? 0) + r.patients);
    const [top] = [...lung.entries()].sort((a, b) => b[1] - a[1]);
    expect(top![0]).toBe('jsch');
    // Thousands a year at the province's cancer hospital; hundreds to low thousands at a general one.
    expect(top![1]).toBeGreaterThanOrEqual(5000);
    for (const [code, n] of lung) if (code !== 'jsch') expect(n).toBeLessThan(top![1] / 2);
    // No area anywhere beyond what one hospital's department could see in a year.
    expect(Math.max(...rows.map((r) => r.patients))).toBeLessThanOrEqual(12_000);
  });

  it('rank the cancer hospital near the top of a search for 肺癌', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    for (const input of [{ q: '肺癌' }, { condition: '肺癌' }]) {
      const found = await sponsor.sites.search({ ...input, limit: 20 });
      const rank = found.items.findIndex((i) => i.hospitalId === 'hosp-jsch');
      expect(rank, JSON.stringify(input)).toBeGreaterThanOrEqual(0);
      expect(rank, JSON.stringify(input)).toBeLessThan(3);
      expect(found.items.some((i) => i.hospitalId === 'hosp-njch')).toBe(false);
    }
  });
});
