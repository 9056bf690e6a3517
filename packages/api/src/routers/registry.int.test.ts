import { readdirSync, readFileSync } from 'node:fs';
import type { DbHandle } from '@ctp/db';
import { createTestDatabase } from '@ctp/db/testing';
import { type RegistryImportResult, resolveCondition, seedDemo } from '@ctp/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

const samples = new URL('../../../domain/src/seed/registries/', import.meta.url);
const ctgovBytes = readFileSync(new URL('ctgov/studies-nsclc.json', samples));
const ctrFolder = () =>
  Object.fromEntries(
    readdirSync(new URL('ctr/', samples))
      .filter((f) => f.endsWith('.csv'))
      .map((f) => [f, readFileSync(new URL(`ctr/${f}`, samples), 'utf8')]),
  );
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const ctgovUpload = (content: string | Buffer, partial = false) => ({
  source: 'ctgov' as const,
  files: [{ name: 'studies.json', contentBase64: b64(content) }],
  partial,
});
const ctrUpload = (folder: Record<string, string>) => ({
  source: 'ctr' as const,
  files: Object.entries(folder).map(([name, text]) => ({ name, contentBase64: b64(text) })),
  partial: false,
});

const REGISTRY_TABLES = [
  'registry_trials',
  'registry_trial_conditions',
  'registry_sites',
  'registry_ethics_decisions',
  'registry_review_queue',
  'registry_name_decisions',
  'organisation_aliases',
  'trials',
  'trial_sites',
  'submissions',
] as const;
const counts = (db: DbHandle) =>
  Object.fromEntries(
    REGISTRY_TABLES.map((t) => [t, db.sqlite.prepare(`select count(*) from ${t}`).pluck().get() as number]),
  );
const auditOf = (db: DbHandle, action: string) =>
  db.sqlite.prepare('select * from audit_events where action = ? order by id').all(action) as {
    entity_id: string;
    actor_user_id: string | null;
    after_json: string;
  }[];
const siteRows = (db: DbHandle, where: string, ...params: unknown[]) =>
  db.sqlite
    .prepare(
      `select t.registry_id as registryId, s.facility_raw as facility, s.city, s.hospital_id as hospitalId, s.resolution, s.queue_id as queueId
       from registry_sites s join registry_trials t on t.id = s.registry_trial_id where ${where} order by t.registry_id, s.ordinal`,
    )
    .all(...params) as {
    registryId: string;
    facility: string;
    city: string;
    hospitalId: string | null;
    resolution: string;
    queueId: number | null;
  }[];

/** Every Nanjing location of both shared samples, location by location, and where it must end up. */
const NANJING_LOCATIONS = [
  {
    registryId: 'CTR20230362',
    facility: '南京大学医学院附属鼓楼医院',
    hospitalId: 'hosp-njglyy',
    resolution: 'resolved',
  },
  { registryId: 'CTR20230379', facility: '东南大学附属中大医院', hospitalId: 'hosp-zdyy', resolution: 'resolved' },
  { registryId: 'CTR20230380', facility: '东南大学附属中大医院', hospitalId: 'hosp-zdyy', resolution: 'resolved' },
  {
    registryId: 'NCT02652234',
    facility: 'Jiangsu Province Cancer Hospital',
    hospitalId: 'hosp-jsch',
    resolution: 'resolved',
  },
  { registryId: 'NCT03058094', facility: 'Jiangsu Province Hospital', hospitalId: 'hosp-jsph', resolution: 'resolved' },
  { registryId: 'NCT03058094', facility: 'Nanjing General Hospital', hospitalId: 'hosp-etcgh', resolution: 'resolved' },
  {
    registryId: 'NCT03986528',
    facility: 'Jiangsu Province Hospital of Chinese Medicine',
    hospitalId: 'hosp-jszyy',
    resolution: 'resolved',
  },
  { registryId: 'NCT04764188', facility: 'Jiangsu Province Hospital', hospitalId: 'hosp-jsph', resolution: 'resolved' },
  {
    registryId: 'NCT06097962',
    facility: 'General Hospital of Eastern Theater Command',
    hospitalId: 'hosp-etcgh',
    resolution: 'resolved',
  },
  // A person's name used as a facility: never guessed, queued for the admin.
  { registryId: 'NCT06332300', facility: 'Shengcun Fang', hospitalId: null, resolution: 'queued' },
];

/** Studies the samples lack but the registries README warns of, in China. */
const trapStudy = (nctId: string, facilities: [string, string][], lastUpdate = '2025-01-10', title = 'Trap study') => ({
  protocolSection: {
    identificationModule: { nctId, briefTitle: title },
    statusModule: { overallStatus: 'RECRUITING', lastUpdatePostDateStruct: { date: lastUpdate } },
    conditionsModule: { conditions: ['Non-small Cell Lung Cancer'] },
    contactsLocationsModule: {
      locations: facilities.map(([facility, city]) => ({ facility, city, country: 'China' })),
    },
  },
});

let db: DbHandle;
const admin = () => callerAs(db, 'admin@demo.ctp');
async function importSamples() {
  const a = await admin().registry.import(ctgovUpload(ctgovBytes));
  const b = await admin().registry.import(ctrUpload(ctrFolder()));
  return [a, b];
}

beforeEach(async () => {
  db = await createSeededDatabase();
});

describe('importing both shared samples', () => {
  it('links every Nanjing location to the right demo hospital and queues the person', async () => {
    const [ctgov, ctr] = await importSamples();
    expect(ctgov).toMatchObject({
      outcome: 'completed',
      summary: { studies: 100, created: 100, sites: 959, malformed: 0 },
    });
    expect(ctr).toMatchObject({
      outcome: 'completed',
      summary: { studies: 46, created: 46, sites: 257, ethicsDecisions: 56 },
    });
    // The import names the condition terms the vocabulary could not place: exactly the stored terms it cannot resolve.
    for (const r of [ctgov!, ctr!]) {
      const terms = r.summary.unplacedConditionTerms ?? [];
      expect(terms.length).toBe(Math.min(r.summary.unplacedConditions, 50));
      for (const term of terms) expect(resolveCondition(term), term).toBeNull();
    }
    const stored = db.sqlite
      .prepare(
        `select distinct c.term from registry_trial_conditions c join registry_trials t on t.id = c.registry_trial_id
         where c.kind = 'condition' and t.source = 'ctr'`,
      )
      .pluck()
      .all() as string[];
    expect(ctr!.summary.unplacedConditions).toBe(stored.filter((t) => !resolveCondition(t)).length);
    expect(ctr!.summary.unplacedConditions).toBeGreaterThan(0);
    const nanjing = siteRows(db, "s.city_key = 'nanjing'").map(({ registryId, facility, hospitalId, resolution }) => ({
      registryId,
      facility,
      hospitalId,
      resolution,
    }));
    expect(nanjing).toEqual(NANJING_LOCATIONS);
  });

  it('links no location outside Nanjing, queues the famous name with the wrong city, and writes no workflow record', async () => {
    const before = counts(db);
    await importSamples();
    expect(siteRows(db, "s.hospital_id is not null and s.city_key <> 'nanjing'")).toEqual([]);
    const zhongda = siteRows(db, "s.facility_raw = '东南大学附属中大医院' and s.city_key <> 'nanjing'");
    expect(zhongda.map((s) => [s.city, s.resolution])).toEqual([
      ['无锡市', 'queued'],
      ['天津市', 'queued'],
    ]);
    // Chinese locations either resolve or wait in the queue; foreign ones are never resolved.
    expect(siteRows(db, "s.country in ('China', '中国') and s.resolution not in ('resolved', 'queued')")).toEqual([]);
    expect(siteRows(db, "s.country not in ('China', '中国') and s.resolution <> 'not_applicable'")).toEqual([]);
    const after = counts(db);
    expect([after.trials, after.trial_sites, after.submissions]).toEqual([
      before.trials,
      before.trial_sites,
      before.submissions,
    ]);
  });

  it('handles the README traps: the /ID# suffix resolves, a masked site is rejected, a Suzhou "Nanjing" is not Nanjing', async () => {
    await importSamples();
    const traps = trapStudy('NCT09000001', [
      ['Nanjing Drum Tower Hospital /ID# 253042', 'Nanjing'],
      ['Local Institution - 0266', 'Nanjing'],
      ['The Affiliated Suzhou Hospital of Nanjing Medical University', 'Suzhou'],
      ['Nanjing Road Hospital, Shanghai', 'Shanghai'],
    ]);
    const result = await admin().registry.import(ctgovUpload(JSON.stringify([traps])));
    expect(result.summary).toMatchObject({ created: 1, sites: 4, resolved: 1, rejected: 1, queued: 2 });
    expect(siteRows(db, "t.registry_id = 'NCT09000001'").map((s) => [s.facility, s.hospitalId, s.resolution])).toEqual([
      ['Nanjing Drum Tower Hospital /ID# 253042', 'hosp-njglyy', 'resolved'],
      ['Local Institution - 0266', null, 'rejected'],
      ['The Affiliated Suzhou Hospital of Nanjing Medical University', null, 'queued'],
      ['Nanjing Road Hospital, Shanghai', null, 'queued'],
    ]);
  });

  it('changes nothing when the same files come again (row counts of every registry table), but logs the import', async () => {
    await importSamples();
    const first = counts(db);
    const imports = db.sqlite.prepare('select count(*) from registry_imports').pluck().get() as number;
    const [ctgov, ctr] = (await importSamples()) as [RegistryImportResult, RegistryImportResult];
    expect(ctgov.summary).toMatchObject({ created: 0, updated: 0, skipped: 100, sites: 0, queued: 0 });
    expect(ctr.summary).toMatchObject({ created: 0, updated: 0, skipped: 46, sites: 0 });
    expect(counts(db)).toEqual(first);
    expect(db.sqlite.prepare('select count(*) from registry_imports').pluck().get()).toBe(imports + 2);
    expect(auditOf(db, 'registry.import')).toHaveLength(4);
  });

  it('updates a record from a newer version and ignores an older one', async () => {
    await admin().registry.import(
      ctgovUpload(JSON.stringify([trapStudy('NCT09000002', [['Jiangsu Province Hospital', 'Nanjing']])])),
    );
    const newer = trapStudy('NCT09000002', [['Jiangsu Province Cancer Hospital', 'Nanjing']], '2025-06-01', 'Renamed');
    const updated = await admin().registry.import(ctgovUpload(JSON.stringify([newer])));
    expect(updated.summary).toMatchObject({ created: 0, updated: 1, sites: 1, resolved: 1 });
    expect(
      db.sqlite.prepare("select brief_title from registry_trials where registry_id = 'NCT09000002'").pluck().get(),
    ).toBe('Renamed');
    expect(siteRows(db, "t.registry_id = 'NCT09000002'").map((s) => s.hospitalId)).toEqual(['hosp-jsch']);
    const older = trapStudy('NCT09000002', [['Jiangsu Province Hospital', 'Nanjing']], '2024-01-01', 'Old');
    const skipped = await admin().registry.import(ctgovUpload(JSON.stringify([older])));
    expect(skipped.summary).toMatchObject({ updated: 0, skipped: 1 });
    expect(
      db.sqlite.prepare("select brief_title from registry_trials where registry_id = 'NCT09000002'").pluck().get(),
    ).toBe('Renamed');
  });

  it('reports malformed records by index: the file is refused as a whole, or kept in part with --partial', async () => {
    const before = counts(db);
    const file = JSON.stringify([
      trapStudy('NCT09000003', [['Jiangsu Province Hospital', 'Nanjing']]),
      { protocolSection: { identificationModule: { nctId: 'NCT123' } } },
      trapStudy('NCT09000004', [['Jiangsu Province Hospital', 'Nanjing']]),
    ]);
    const refused = await admin().registry.import(ctgovUpload(file));
    expect(refused).toMatchObject({
      outcome: 'failed',
      errors: [{ index: 1, id: 'NCT123', reason: 'not an NCT number: NCT123' }],
    });
    expect(counts(db)).toEqual(before);
    const kept = await admin().registry.import(ctgovUpload(file, true));
    expect(kept).toMatchObject({ outcome: 'partial', summary: { studies: 3, created: 2, malformed: 1 } });
    const log = await admin().registry.imports({ limit: 5 });
    expect(log.map((i) => i.outcome)).toEqual(['partial', 'failed']);
    expect(log[1]!.errors[0]).toMatchObject({ index: 1 });
  });

  it('records CTR ethics decisions against the committee when that EC is on the platform', async () => {
    const folder = ctrFolder();
    folder['trial_ec_info.csv'] += 'CTR20230362,南京大学医学院附属鼓楼医院医学伦理委员会,修改后同意,2023-01-12\n';
    await admin().registry.import(ctrUpload(folder));
    const rows = db.sqlite
      .prepare(`select e.ec_name_raw as ec, e.decision, e.decision_date as date, e.committee_id as committeeId from registry_ethics_decisions e
        join registry_trials t on t.id = e.registry_trial_id where t.registry_id = 'CTR20230362' order by e.ordinal`)
      .all();
    expect(rows).toEqual([
      { ec: '复旦大学附属肿瘤医院医学伦理委员会', decision: 'approved', date: '2023-01-10', committeeId: null },
      {
        ec: '南京大学医学院附属鼓楼医院医学伦理委员会',
        decision: 'approved_with_modifications',
        date: '2023-01-12',
        committeeId: 'ec-njglyy',
      },
    ]);
  });
});

describe('the review queue', () => {
  const queueItem = async (rawName: string, city: string) => {
    let cursor: number | undefined;
    do {
      const page = await admin().registry.queue({ status: 'open', limit: 100, cursor });
      const item = page.items.find((i) => i.rawName === rawName && i.city === city);
      if (item) return item;
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    throw new Error(`no open queue item ${rawName} in ${city}`);
  };

  it('shows the raw name, city, registry ids and best candidates with scores', async () => {
    await importSamples();
    const item = await queueItem('东南大学附属中大医院', '天津市');
    expect(item).toMatchObject({
      queuedBecause: 'city_disagrees',
      registryIds: [{ source: 'ctr', registryId: 'CTR20230421' }],
      candidates: [{ hospitalId: 'hosp-zdyy', nameZh: '东南大学附属中大医院', score: 1 }],
      locations: 1,
    });
  });

  it('resolve: learns the alias, links every queued location with that name, audits; a later import resolves it too', async () => {
    await importSamples();
    const item = await queueItem('Shengcun Fang', 'Nanjing');
    const result = await admin().registry.resolve({ queueId: item.id, hospitalId: 'hosp-njnk' });
    expect(result).toMatchObject({ aliasLearnt: true, locationsLinked: 1 });
    expect(siteRows(db, "s.facility_raw = 'Shengcun Fang'").map((s) => [s.hospitalId, s.resolution])).toEqual([
      ['hosp-njnk', 'resolved'],
    ]);
    expect(db.sqlite.prepare("select kind from organisation_aliases where alias = 'Shengcun Fang'").pluck().get()).toBe(
      'learnt',
    );
    const [audit] = auditOf(db, 'registry.resolve');
    expect(audit).toMatchObject({ entity_id: String(item.id) });
    expect(JSON.parse(audit!.after_json)).toMatchObject({ hospitalId: 'hosp-njnk', aliasLearnt: true });
    const again = await admin().registry.import(
      ctgovUpload(JSON.stringify([trapStudy('NCT09000005', [['Shengcun Fang', 'Nanjing']])])),
    );
    expect(again.summary).toMatchObject({ resolved: 1, queued: 0 });
    expect(await apiErrorOf(admin().registry.resolve({ queueId: item.id, hospitalId: 'hosp-njnk' }))).toMatchObject({
      code: 'CONFLICT',
      detail: 'QUEUE_ITEM_DECIDED',
    });
  });

  it('resolve of a famous name with the wrong city is remembered for that city only', async () => {
    await importSamples();
    const wuxi = await queueItem('东南大学附属中大医院', '无锡市');
    const result = await admin().registry.resolve({ queueId: wuxi.id, hospitalId: 'hosp-zdyy' });
    expect(result).toMatchObject({ aliasLearnt: false, locationsLinked: 1, itemsResolved: 1 });
    expect((await queueItem('东南大学附属中大医院', '天津市')).status).toBe('open');
  });

  it('reject: remembered, its locations leave the queue, never queued again; audited', async () => {
    await importSamples();
    const item = await queueItem('XZhang', 'Zhengzhou');
    const aliases = counts(db).organisation_aliases;
    await admin().registry.reject({ queueId: item.id, reason: '人名，不是机构' });
    expect(siteRows(db, "s.facility_raw = 'XZhang'").map((s) => s.resolution)).toEqual(['rejected']);
    expect(JSON.parse(auditOf(db, 'registry.reject')[0]!.after_json)).toMatchObject({ reason: '人名，不是机构' });
    const queueBefore = counts(db).registry_review_queue;
    const again = await admin().registry.import(
      ctgovUpload(JSON.stringify([trapStudy('NCT09000006', [['XZhang', 'Beijing']])])),
    );
    expect(again.summary).toMatchObject({ rejected: 1, queued: 0 });
    expect(counts(db).registry_review_queue).toBe(queueBefore);
    expect(counts(db).organisation_aliases).toBe(aliases);
  });

  it('refuses other roles, a non-hospital target and an empty reason, changing nothing', async () => {
    await importSamples();
    const item = await queueItem('Shengcun Fang', 'Nanjing');
    const before = counts(db);
    for (const email of ['sponsor@demo.ctp', 'site@demo.ctp', 'commission@demo.ctp', 'ec@demo.ctp']) {
      const caller = callerAs(db, email);
      expect((await apiErrorOf(caller.registry.resolve({ queueId: item.id, hospitalId: 'hosp-njnk' }))).code).toBe(
        'FORBIDDEN',
      );
      expect((await apiErrorOf(caller.registry.reject({ queueId: item.id, reason: 'no hospital' }))).code).toBe(
        'FORBIDDEN',
      );
      expect((await apiErrorOf(caller.registry.queue({}))).code).toBe('FORBIDDEN');
      expect((await apiErrorOf(caller.registry.import(ctgovUpload('[]')))).code).toBe('FORBIDDEN');
    }
    expect(
      await apiErrorOf(admin().registry.resolve({ queueId: item.id, hospitalId: 'org-sponsor-zijin' })),
    ).toMatchObject({
      detail: 'NOT_A_HOSPITAL',
    });
    expect((await apiErrorOf(admin().registry.reject({ queueId: item.id, reason: ' ' }))).code).toBe('VALIDATION');
    expect(counts(db)).toEqual(before);
    expect(auditOf(db, 'registry.resolve')).toEqual([]);
  });
});

describe('registry history of hospitals and trials', () => {
  it('trialsOfHospital: counts by condition, phase, status and year, filtered by condition and status', async () => {
    await importSamples();
    const site = callerAs(db, 'sponsor@demo.ctp');
    const all = await site.registry.trialsOfHospital({ hospitalId: 'hosp-jsph' });
    expect(all.items.map((t) => t.registryId).sort()).toEqual(['NCT03058094', 'NCT04764188']);
    expect(all.items[0]!.url).toMatch(/^https:\/\/clinicaltrials\.gov\/study\/NCT/);
    expect(all.facets.phase.length).toBeGreaterThan(0);
    const zd = await site.registry.trialsOfHospital({ hospitalId: 'hosp-zdyy' });
    expect(zd.total).toBe(2);
    // The PI the CTR sample names for 东南大学附属中大医院 on CTR20230379 (ctr/trial_site_info.csv).
    expect(zd.items[0]!.sitesHere[0]!.piName).toBe('王尧');
    const none = await site.registry.trialsOfHospital({ hospitalId: 'hosp-jsph', condition: 'no such condition' });
    expect(none).toMatchObject({ total: 2, matching: 0, items: [] });
    const status = all.items[0]!.status;
    const byStatus = await site.registry.trialsOfHospital({ hospitalId: 'hosp-jsph', status });
    expect(byStatus.items.every((t) => t.status === status)).toBe(true);
  });

  it('ofTrial: a platform trial with the same NCT number shows the registry record', async () => {
    await importSamples();
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id } = await sponsor.trials.create({
      titleZh: '晚期非小细胞肺癌注册研究',
      type: 'drug',
      phase: 'III',
      nctNo: 'NCT04764188',
      conditions: ['非小细胞肺癌'],
      targetEnrolment: 300,
    } as Parameters<typeof sponsor.trials.create>[0]);
    const [record] = await sponsor.registry.ofTrial({ trialId: id });
    expect(record).toMatchObject({ registryId: 'NCT04764188', source: 'ctgov' });
    expect(record!.sites.find((s) => s.city === 'Nanjing')).toMatchObject({ hospitalId: 'hosp-jsph' });
    expect((await apiErrorOf(callerAs(db, 'cro@demo.ctp').registry.ofTrial({ trialId: id }))).code).toBe('NOT_FOUND');
  });
});

describe('the demo seed', () => {
  it('imports both samples, so the profiles show registry history from the start', async () => {
    const fresh = createTestDatabase();
    await seedDemo({
      db: fresh.db,
      ctx: { actor: null, now: Date.now, requestId: 'seed' },
      withUsers: false,
      withRegistries: true,
    });
    const count = (sql: string) => fresh.sqlite.prepare(sql).pluck().get() as number;
    expect(count('select count(*) from registry_trials')).toBe(146);
    expect(count("select count(*) from registry_imports where outcome = 'completed'")).toBe(2);
    expect(count('select count(distinct hospital_id) from registry_sites where hospital_id is not null')).toBe(6);
    fresh.sqlite.close();
  });
});

describe('queue search', () => {
  it('finds open items by part of the raw name or by city', async () => {
    await importSamples();
    const byName = await admin().registry.queue({ status: 'open', q: '中大医院' });
    expect(byName.items.map((i) => i.city).sort()).toEqual(['天津市', '无锡市']);
    const byCity = await admin().registry.queue({ status: 'open', q: '无锡' });
    expect(byCity.items.every((i) => i.city === '无锡市')).toBe(true);
    expect((await admin().registry.queue({ q: 'shengcun' })).items.map((i) => i.rawName)).toEqual(['Shengcun Fang']);
  });
});
