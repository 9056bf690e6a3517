import type { DbHandle } from '@ctp/db';
import { exactAliasMatch, loadSitePerformance, readHospitalCapacity, searchReadModel } from '@ctp/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';
import { loadRegistryExperience } from '../../../domain/src/capacity/registry-experience.ts';

/**
 * Issue 16: the search read model follows every kind of write that changes what search shows, re-reading only
 * the hospital concerned — never stale, never rebuilt from the whole database (the build counter stays at one).
 */
describe('the search read model, updated hospital by hospital', () => {
  let h: DbHandle;
  let sponsor: ReturnType<typeof callerAs>;
  let site: ReturnType<typeof callerAs>;
  const HOSPITAL = 'hosp-jsph';
  const model = () => searchReadModel(h.db, Date.now());
  const hospital = () => model().hospitals.find((x) => x.org.id === HOSPITAL)!;
  const sql = (text: string, ...params: unknown[]) => h.sqlite.prepare(text).run(...params);
  const one = <T>(text: string, ...params: unknown[]) => h.sqlite.prepare(text).get(...params) as T;

  beforeAll(async () => {
    // The tests' demo with the registry samples, a copy of this run's template.
    h = await createSeededDatabase('registries');
    sponsor = callerAs(h, 'sponsor@demo.ctp');
    site = callerAs(h, 'site@demo.ctp');
    await sponsor.sites.search({ q: '肺癌' });
  }, 120_000);

  /** After each write: what the model holds equals a read from scratch, and the model was not rebuilt. */
  function expectCurrentWithoutRebuild(refreshedAtLeast: number) {
    const now = Date.now();
    const m = searchReadModel(h.db, now);
    expect(m.stats.builds).toBe(1);
    expect(m.stats.hospitalRefreshes).toBeGreaterThanOrEqual(refreshedAtLeast);
    const byId = <T extends { org: { id: string } }>(xs: T[]) =>
      [...xs].sort((a, b) => a.org.id.localeCompare(b.org.id));
    expect(byId(m.hospitals)).toEqual(byId(readHospitalCapacity(h.db, now)));
    expect(m.performance).toEqual(loadSitePerformance(h.db, now));
    const sorted = (e: ReturnType<typeof loadRegistryExperience>) =>
      new Map([...e].map(([id, list]) => [id, [...list].sort((a, b) => a.registryId.localeCompare(b.registryId))]));
    expect(sorted(m.registry)).toEqual(sorted(loadRegistryExperience(h.db)));
  }

  it('is built once and not touched by a write search does not read (a shortlist)', async () => {
    const before = model().stats.hospitalRefreshes;
    await sponsor.shortlists.create({ name: '不影响搜索' });
    await sponsor.sites.search({ q: '肺癌' });
    expect(model().stats).toEqual({ builds: 1, hospitalRefreshes: before });
  });

  it('follows a capacity change through the use-case: declared maximum, disease areas, investigators, capabilities', async () => {
    const before = model().stats.hospitalRefreshes;
    const spec = hospital().specialties[0]!;
    await site.hospitals.updateSpecialty({
      id: spec.id,
      version: spec.version,
      maxConcurrentTrials: spec.maxConcurrentTrials + 7,
      diseaseAreas: [{ diseaseArea: '黑色素瘤', annualPatients: 120 }],
    });
    const found = await sponsor.sites.search({ condition: '黑色素瘤', limit: 50 });
    const item = found.items.find((i) => i.hospitalId === HOSPITAL)!;
    expect(item.specialties.find((s) => s.id === spec.id)?.maxConcurrentTrials).toBe(spec.maxConcurrentTrials + 7);
    await site.hospitals.setCapabilities({ hospitalId: HOSPITAL, capabilities: ['pet_ct', 'biobank', 'central_lab'] });
    expect([...hospital().capabilities].sort()).toEqual(['biobank', 'central_lab', 'pet_ct']);
    expectCurrentWithoutRebuild(before + 2);
  });

  it('follows the site lifecycle (active load and free slots) and enrolment (the enrolment rate)', async () => {
    const s = one<{ id: string; spec: string }>(
      `select id, hospital_specialty_id as spec from trial_sites where hospital_org_id = ? and state = 'enrolling' limit 1`,
      HOSPITAL,
    );
    const active = () => hospital().specialties.find((x) => x.id === s.spec)!.activeTrials;
    const was = active();
    sql(`update trial_sites set state = 'terminated', version = version + 1 where id = ?`, s.id);
    expect(active()).toBe(was - 1);
    const rate = model().performance.get(HOSPITAL)?.enrolmentRate;
    sql(
      `insert into trial_site_enrolment (trial_site_id, month, screened, enrolled, screen_failures, withdrawn, recorded_by, recorded_at)
       select ?, '2020-01', 900, 900, 0, 0, id, 0 from users limit 1`,
      s.id,
    );
    expect(model().performance.get(HOSPITAL)?.enrolmentRate).toBeGreaterThan(rate ?? 0);
    expectCurrentWithoutRebuild(2);
  });

  it('follows an ethics decision (turnaround), a new alias and a registry trial linked or changed', async () => {
    // A decision at the hospital's committee (written here as the ethics workflow writes its dates).
    expect(model().performance.get(HOSPITAL)?.ethicsMedianWorkingDays ?? null).toBeNull();
    sql(
      `insert into submissions (id, committee_id, trial_id, trial_site_id, type, state, accepted_date, decided_date,
         created_by, created_at, updated_at)
       select 'sub-incremental', c.id, ts.trial_id, ts.id, 'initial', 'decided', '2025-09-26', '2025-10-23', u.id, 0, 0
       from ethics_committees c, trial_sites ts, users u where c.hospital_org_id = ? and ts.hospital_org_id = ? limit 1`,
      HOSPITAL,
      HOSPITAL,
    );
    expect(model().performance.get(HOSPITAL)?.ethicsMedianWorkingDays).toBe(15);

    expect(exactAliasMatch(h.db, Date.now(), '增量别名医院')).toBeNull();
    sql(
      `insert into organisation_aliases (org_id, alias, alias_norm, lang, kind) values (?, '增量别名医院', '增量别名医院', 'zh', 'former')`,
      HOSPITAL,
    );
    expect([...(exactAliasMatch(h.db, Date.now(), '增量别名医院')?.orgIds ?? [])]).toEqual([HOSPITAL]);

    const linked = one<{ n: number }>('select count(*) as n from registry_sites where hospital_id is not null');
    expect(linked.n).toBeGreaterThan(0);
    const r = one<{ trial: number; hospital: string }>(
      'select registry_trial_id as trial, hospital_id as hospital from registry_sites where hospital_id is not null limit 1',
    );
    sql(`update registry_trials set status = 'terminated' where id = ?`, r.trial);
    const fact = model()
      .registry.get(r.hospital)!
      .find(
        (t) =>
          t.registryId ===
          one<{ id: string }>('select registry_id as id from registry_trials where id = ?', r.trial).id,
      );
    expect(fact?.status).toBe('terminated');
    expectCurrentWithoutRebuild(3);
  });

  it('rebuilds only for a change every hospital shares (the specialty catalogue)', () => {
    sql(
      `update specialty_catalogue set name_en = name_en || ' ' where code = (select min(code) from specialty_catalogue)`,
    );
    expect(model().stats.builds).toBe(2);
  });
});
