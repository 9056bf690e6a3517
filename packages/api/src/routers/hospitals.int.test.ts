import type { ApiErrorData } from '@ctp/contracts';
import { type DbHandle, hospitalsMatchingTerm, toFtsTerms } from '@ctp/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, lastAudit as lastAuditOf } from '../../../../test/helpers/db-counts.ts';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';
import { describeError } from '../error-mapping.ts';

const JSPH = 'hosp-jsph';
const GULOU = 'hosp-njglyy';
const DAY = 86_400_000;

/** The refusal a client would see: tRPC code plus the localised CTP error data. */
async function refusal(
  call: Promise<unknown>,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<ApiErrorData & { trpc: string }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return { ...describeError(e, locale, 'test'), trpc: e.code };
  }
  throw new Error('expected the call to be refused');
}

describe('hospitals router (profile side of issue 3)', () => {
  let database: DbHandle;
  const as = (email: string, opts: Parameters<typeof callerAs>[2] = {}) => callerAs(database, email, opts);
  const site = (opts: Parameters<typeof callerAs>[2] = {}) => as('site@demo.ctp', opts);
  const siteGulou = () => as('site-gulou@demo.ctp');

  const lastAudit = () => lastAuditOf(database);
  const searchDoc = (hospitalId: string) =>
    database.sqlite.prepare('select * from hospital_search where hospital_id = ?').get(hospitalId) as Record<
      string,
      string
    >;
  const matches = (q: string) => {
    const [term] = toFtsTerms(q);
    const hits = hospitalsMatchingTerm(database.db, term!.fts);
    return new Set(Object.values(hits).flatMap((s) => [...s]));
  };
  const profile = (id = JSPH) => as('sponsor@demo.ctp').hospitals.get({ id });
  const orgRow = (id: string) =>
    database.sqlite.prepare('select * from organisations where id = ?').get(id) as Record<string, unknown>;

  beforeAll(async () => {
    database = await createSeededDatabase();
  });
  afterAll(() => database.sqlite.close());

  describe('get', () => {
    it('shows a hospital profile with derived load to every signed-in role, and the same numbers to each', async () => {
      const bySponsor = await profile();
      const byCommission = await as('commission@demo.ctp').hospitals.get({ id: JSPH });
      const byEc = await as('ec-gulou@demo.ctp').hospitals.get({ id: JSPH });
      expect(byCommission.specialties).toEqual(bySponsor.specialties);
      expect(byEc.hospital.nameZh).toBe('江苏省人民医院');
      expect(bySponsor.specialties.length).toBeGreaterThan(5);
      for (const s of bySponsor.specialties) expect(s.freeSlots).toBe(s.maxConcurrentTrials - s.activeTrials);
      expect(bySponsor.hospital.contactEmail).toBe('gcp@jsph.demo.ctp');
      expect(bySponsor.hospital.aliases.length).toBeGreaterThan(0);
      expect(bySponsor.stale).toBe(false);
      expect(bySponsor.completeness.percent).toBeGreaterThan(0);
      expect(bySponsor.completeness.percent).toBeLessThanOrEqual(100);
      const flagged = bySponsor.investigators.filter((i) => !i.eligibleToLeadDrugTrial);
      for (const i of flagged) expect(['中级', '初级']).toContain(i.level);
    });

    it('reports a hospital not confirmed for more than 90 days as stale', async () => {
      const stale = await profile('hosp-njszyy');
      expect(stale.stale).toBe(true);
      expect(Date.now() - (stale.lastConfirmedAt ?? 0)).toBeGreaterThan(90 * DAY);
    });

    it('refuses an unknown id and a non-hospital organisation with NOT_FOUND, and an anonymous caller', async () => {
      expect((await refusal(profile('hosp-nope'))).code).toBe('NOT_FOUND');
      const sponsorOrg = 'org-sponsor-zijin';
      expect(orgRow(sponsorOrg).kind).toBe('sponsor');
      expect((await refusal(profile(sponsorOrg))).code).toBe('NOT_FOUND');
      expect((await refusal(callerAs(database, null).hospitals.get({ id: JSPH }))).code).toBe('UNAUTHENTICATED');
    });

    it('lists the specialty catalogue for pickers', async () => {
      const cat = await as('sponsor@demo.ctp').hospitals.specialtyCatalogue();
      expect(cat.find((c) => c.code === 'oncology')).toMatchObject({ nameZh: '肿瘤科' });
      expect(cat.at(-1)?.code.startsWith('phase1')).toBe(true);
    });
  });

  describe('updateProfile', () => {
    it('lets the site admin edit the own hospital, audited with the hospital as org and only the changed fields', async () => {
      const before = await profile();
      const res = await site().hospitals.updateProfile({
        hospitalId: JSPH,
        version: before.hospital.version,
        totalBeds: 4321,
        contactName: '李老师',
        contactPhone: '025-68303000',
        contactEmail: 'GCP-Office@jsph.demo.ctp',
        nameEn: before.hospital.nameEn,
      });
      expect(res.version).toBe(before.hospital.version + 1);
      const after = await profile();
      expect(after.hospital.totalBeds).toBe(4321);
      expect(after.hospital.contactEmail).toBe('gcp-office@jsph.demo.ctp');
      const audit = lastAudit();
      expect(audit).toMatchObject({
        action: 'hospital.update_profile',
        orgId: JSPH,
        entityType: 'organisation',
        entityId: JSPH,
      });
      expect(Object.keys(audit.after ?? {}).sort()).toEqual([
        'contactEmail',
        'contactName',
        'contactPhone',
        'totalBeds',
        'version',
      ]);
      expect(audit.before?.totalBeds).toBe(before.hospital.totalBeds);
      expect(after.history[0]).toMatchObject({ action: 'hospital.update_profile', actorName: '周机构' });
      expect(after.history[0]!.changes.sort()).toEqual(['contactEmail', 'contactName', 'contactPhone', 'totalBeds']);
    });

    it('updates the search document with the profile (an English name becomes findable)', async () => {
      const { hospital } = await profile();
      expect(matches('Xuanwu Lake Campus').has(JSPH)).toBe(false);
      await site().hospitals.updateProfile({
        hospitalId: JSPH,
        version: hospital.version,
        nameEn: 'Jiangsu Province Hospital Xuanwu Lake Campus',
      });
      expect(searchDoc(JSPH).names).toContain('Xuanwu Lake Campus');
      expect(matches('Xuanwu Lake Campus').has(JSPH)).toBe(true);
    });

    it('refuses other roles and other hospitals; nothing changes', async () => {
      const { hospital } = await profile(GULOU);
      const rowBefore = orgRow(GULOU);
      const n = auditCount(database);
      const input = { hospitalId: GULOU, version: hospital.version, totalBeds: 1 };
      for (const email of ['sponsor@demo.ctp', 'commission@demo.ctp', 'admin@demo.ctp', 'ec-gulou@demo.ctp']) {
        expect((await refusal(as(email).hospitals.updateProfile(input))).code).toBe('FORBIDDEN');
      }
      const cross = await refusal(site().hospitals.updateProfile(input));
      expect(cross).toMatchObject({ code: 'FORBIDDEN', detail: 'NOT_OWN_HOSPITAL' });
      expect(cross.message).toBe('只能维护本机构的资源信息。');
      expect(orgRow(GULOU)).toEqual(rowBefore);
      expect(auditCount(database)).toBe(n);
      // …while the site admin of Gulou may.
      await siteGulou().hospitals.updateProfile(input);
      expect(orgRow(GULOU).total_beds).toBe(1);
    });

    it('refuses negative beds field by field, a future filing date and a bad e-mail, changing nothing', async () => {
      const { hospital } = await profile();
      const rowBefore = orgRow(JSPH);
      const n = auditCount(database);
      const negative = await refusal(
        site().hospitals.updateProfile({
          hospitalId: JSPH,
          version: hospital.version,
          totalBeds: -1,
          phase1Beds: -5,
          contactEmail: 'not-an-email',
        }),
      );
      expect(negative.code).toBe('VALIDATION');
      expect(Object.fromEntries(negative.fieldErrors!.map((f) => [f.path, f.message]))).toEqual({
        totalBeds: '不能小于 0',
        phase1Beds: '不能小于 0',
        contactEmail: '请输入有效的邮箱地址',
      });
      const tomorrow = new Date(Date.now() + 8 * 3_600_000 + DAY).toISOString().slice(0, 10);
      const future = await refusal(
        site({ locale: 'en' }).hospitals.updateProfile({
          hospitalId: JSPH,
          version: hospital.version,
          nmpaDrugFilingDate: tomorrow,
        }),
        'en',
      );
      expect(future).toMatchObject({ code: 'VALIDATION', detail: 'DATE_IN_FUTURE' });
      expect(future.fieldErrors).toEqual([
        { path: 'nmpaDrugFilingDate', message: 'The date cannot be later than today.' },
      ]);
      const badDate = await refusal(
        site().hospitals.updateProfile({ hospitalId: JSPH, version: hospital.version, phase1FilingDate: '2024-02-30' }),
      );
      expect(badDate.fieldErrors?.[0]?.path).toBe('phase1FilingDate');
      expect(orgRow(JSPH)).toEqual(rowBefore);
      expect(auditCount(database)).toBe(n);
    });

    it('refuses a stale version with CONFLICT', async () => {
      const { hospital } = await profile();
      await site().hospitals.updateProfile({
        hospitalId: JSPH,
        version: hospital.version,
        address: '南京市鼓楼区广州路300号（测试）',
      });
      const stale = await refusal(
        site().hospitals.updateProfile({ hospitalId: JSPH, version: hospital.version, address: '别处' }),
      );
      expect(stale).toMatchObject({ code: 'CONFLICT', detail: 'STALE_VERSION', trpc: 'CONFLICT' });
      expect(orgRow(JSPH).address).toBe('南京市鼓楼区广州路300号（测试）');
    });
  });

  describe('confirmCapacity', () => {
    it('clears the stale flag of the own hospital only', async () => {
      const n = auditCount(database);
      expect((await refusal(site().hospitals.confirmCapacity({ hospitalId: 'hosp-njszyy' }))).code).toBe('FORBIDDEN');
      expect((await refusal(as('sponsor@demo.ctp').hospitals.confirmCapacity({ hospitalId: JSPH }))).code).toBe(
        'FORBIDDEN',
      );
      expect(auditCount(database)).toBe(n);
      const later = Date.now() + 200 * DAY;
      expect((await as('sponsor@demo.ctp', { now: () => later }).hospitals.get({ id: JSPH })).stale).toBe(true);
      await site({ now: () => later }).hospitals.confirmCapacity({ hospitalId: JSPH });
      const after = await as('sponsor@demo.ctp', { now: () => later }).hospitals.get({ id: JSPH });
      expect(after.stale).toBe(false);
      expect(after.lastConfirmedAt).toBe(later);
      expect(lastAudit()).toMatchObject({ action: 'hospital.confirm_capacity', orgId: JSPH, entityId: JSPH });
    });
  });

  describe('specialties', () => {
    const geriatrics = {
      hospitalId: JSPH,
      specialtyCode: 'geriatrics',
      filingDate: '2021-06-01',
      scope: 'drug' as const,
      trialBeds: 6,
      maxConcurrentTrials: 8,
      diseaseAreas: [{ diseaseArea: '阿尔茨海默病', annualPatients: 1800 }, { diseaseArea: '肌少症' }],
    };

    it('adds a specialty with disease areas, audited, shown with free slots and findable in search', async () => {
      expect(matches('肌少症').has(JSPH)).toBe(false);
      const { id } = await site().hospitals.addSpecialty(geriatrics);
      const audit = lastAudit();
      expect(audit).toMatchObject({ action: 'specialty.add', orgId: JSPH, entityType: 'specialty', entityId: id });
      expect(audit.after?.diseaseAreas).toHaveLength(2);
      const s = (await profile()).specialties.find((x) => x.id === id)!;
      expect(s).toMatchObject({
        code: 'geriatrics',
        name: '老年病专业',
        trialBeds: 6,
        maxConcurrentTrials: 8,
        activeTrials: 0,
        freeSlots: 8,
      });
      expect(s.diseaseAreas).toHaveLength(2);
      expect(s.diseaseAreas).toEqual(
        expect.arrayContaining([
          // The English name comes from the disease vocabulary; 肌少症 is not in it.
          { diseaseArea: '阿尔茨海默病', diseaseAreaEn: "Alzheimer's disease", annualPatients: 1800 },
          { diseaseArea: '肌少症', diseaseAreaEn: null, annualPatients: null },
        ]),
      );
      expect(searchDoc(JSPH).specialties).toContain('老 年 病');
      expect(matches('肌少症').has(JSPH)).toBe(true);
      expect(matches('老年病').has(JSPH)).toBe(true);
    });

    it('refuses a duplicate live specialty with a clear message on the field', async () => {
      const n = auditCount(database);
      const dup = await refusal(site().hospitals.addSpecialty(geriatrics));
      expect(dup).toMatchObject({ code: 'CONFLICT', detail: 'DUPLICATE_SPECIALTY', trpc: 'CONFLICT' });
      expect(dup.fieldErrors).toEqual([
        { path: 'specialtyCode', message: '本机构已备案该专业，请编辑已有专业，不要重复添加。' },
      ]);
      expect(auditCount(database)).toBe(n);
    });

    it('refuses unknown codes, negative numbers, duplicate disease areas and future filing dates, changing nothing', async () => {
      const count = () =>
        (database.sqlite.prepare('select count(*) as n from hospital_specialties').get() as { n: number }).n;
      const n = count();
      const unknown = await refusal(site().hospitals.addSpecialty({ ...geriatrics, specialtyCode: 'astrology' }));
      expect(unknown).toMatchObject({ code: 'VALIDATION', detail: 'UNKNOWN_SPECIALTY' });
      expect(unknown.fieldErrors?.[0]?.path).toBe('specialtyCode');
      const negative = await refusal(
        site().hospitals.addSpecialty({
          ...geriatrics,
          specialtyCode: 'ophthalmology',
          trialBeds: -1,
          maxConcurrentTrials: -2,
          diseaseAreas: [
            { diseaseArea: '青光眼', annualPatients: -3 },
            { diseaseArea: '青光眼' },
            { diseaseArea: '  ' },
          ],
        }),
      );
      expect(negative.fieldErrors?.map((f) => f.path).sort()).toEqual([
        'diseaseAreas.0.annualPatients',
        'diseaseAreas.1.diseaseArea',
        'diseaseAreas.2.diseaseArea',
        'maxConcurrentTrials',
        'trialBeds',
      ]);
      expect(negative.fieldErrors?.find((f) => f.path === 'diseaseAreas.1.diseaseArea')?.message).toBe('病种重复');
      const future = await refusal(
        site().hospitals.addSpecialty({ ...geriatrics, specialtyCode: 'ophthalmology', filingDate: '2999-01-01' }),
      );
      expect(future).toMatchObject({
        detail: 'DATE_IN_FUTURE',
        fieldErrors: [{ path: 'filingDate', message: '日期不能晚于今天。' }],
      });
      expect(count()).toBe(n);
    });

    it('refuses adding to another hospital and to other roles', async () => {
      const n = auditCount(database);
      const cross = await refusal(site().hospitals.addSpecialty({ ...geriatrics, hospitalId: GULOU }));
      expect(cross).toMatchObject({ code: 'FORBIDDEN', detail: 'NOT_OWN_HOSPITAL' });
      for (const email of ['sponsor@demo.ctp', 'commission@demo.ctp', 'pi@demo.ctp']) {
        expect((await refusal(as(email).hospitals.addSpecialty(geriatrics))).code).toBe('FORBIDDEN');
      }
      expect((await profile(GULOU)).specialties.some((s) => s.code === 'geriatrics')).toBe(false);
      expect(auditCount(database)).toBe(n);
    });

    it('updates beds, maximum and disease areas; a stale version and another hospital are refused', async () => {
      const s = (await profile()).specialties.find((x) => x.code === 'geriatrics')!;
      const n = auditCount(database);
      const cross = await refusal(
        siteGulou().hospitals.updateSpecialty({ id: s.id, version: s.version, trialBeds: 99 }),
      );
      expect(cross).toMatchObject({ code: 'FORBIDDEN', detail: 'NOT_OWN_HOSPITAL' });
      expect(
        (await refusal(site().hospitals.updateSpecialty({ id: s.id, version: s.version, trialBeds: -4 })))
          .fieldErrors?.[0]?.path,
      ).toBe('trialBeds');
      expect(auditCount(database)).toBe(n);

      const { version } = await site().hospitals.updateSpecialty({
        id: s.id,
        version: s.version,
        trialBeds: 10,
        maxConcurrentTrials: 12,
        diseaseAreas: [{ diseaseArea: '帕金森病', annualPatients: 900 }],
      });
      expect(version).toBe(s.version + 1);
      const after = (await profile()).specialties.find((x) => x.id === s.id)!;
      expect(after).toMatchObject({ trialBeds: 10, maxConcurrentTrials: 12, freeSlots: 12 });
      expect(after.diseaseAreas).toEqual([
        { diseaseArea: '帕金森病', diseaseAreaEn: "Parkinson's disease", annualPatients: 900 },
      ]);
      expect(lastAudit()).toMatchObject({ action: 'specialty.update', orgId: JSPH, entityId: s.id });
      expect(matches('肌少症').has(JSPH)).toBe(false);
      expect(matches('帕金森').has(JSPH)).toBe(true);
      const history = (await profile()).history[0]!;
      expect(history.subject).toEqual({ zh: '老年病专业', en: 'Geriatrics' });
      expect(history.changes.sort()).toEqual(['diseaseAreas', 'maxConcurrentTrials', 'trialBeds']);

      const stale = await refusal(site().hospitals.updateSpecialty({ id: s.id, version: s.version, trialBeds: 1 }));
      expect(stale).toMatchObject({ code: 'CONFLICT', detail: 'STALE_VERSION' });
    });

    it('retires a specialty softly: it leaves the profile and search, stays in the table, and may be filed again', async () => {
      const s = (await profile()).specialties.find((x) => x.code === 'geriatrics')!;
      const cross = await refusal(
        siteGulou().hospitals.retireSpecialty({ id: s.id, version: s.version, reason: '撤销' }),
      );
      expect(cross.code).toBe('FORBIDDEN');
      expect(
        (await refusal(site().hospitals.retireSpecialty({ id: s.id, version: s.version, reason: '  ' })))
          .fieldErrors?.[0]?.path,
      ).toBe('reason');
      const retiredFrom = Date.now();
      await site().hospitals.retireSpecialty({ id: s.id, version: s.version, reason: '专业备案已撤销' });
      const audit = lastAudit();
      expect(audit).toMatchObject({ action: 'specialty.retire', orgId: JSPH, entityId: s.id });
      expect(audit.after?.reason).toBe('专业备案已撤销');
      expect((await profile()).specialties.some((x) => x.id === s.id)).toBe(false);
      const row = database.sqlite.prepare('select retired_at from hospital_specialties where id = ?').get(s.id) as {
        retired_at: number | null;
      };
      expect(row.retired_at).toBeGreaterThanOrEqual(retiredFrom);
      expect(row.retired_at).toBeLessThanOrEqual(Date.now());
      expect(matches('帕金森').has(JSPH)).toBe(false);
      expect((await profile()).history[0]).toMatchObject({ action: 'specialty.retire', reason: '专业备案已撤销' });

      const again = await refusal(site().hospitals.updateSpecialty({ id: s.id, version: s.version + 1, trialBeds: 3 }));
      expect(again).toMatchObject({ code: 'CONFLICT', detail: 'ALREADY_RETIRED' });
      const { id } = await site().hospitals.addSpecialty(geriatrics);
      expect(id).not.toBe(s.id);
    });
  });

  describe('investigators', () => {
    it('adds an investigator with the level derived from the title, flags a 主治医师, and indexes the name', async () => {
      const p = await profile();
      const specialtyIds = p.specialties.slice(0, 2).map((s) => s.id);
      expect(matches('欧阳明').has(JSPH)).toBe(false);
      const { id } = await site().hospitals.addInvestigator({
        hospitalId: JSPH,
        name: ' 欧阳明 ',
        title: '主治医师',
        gcpTrainingDate: '2025-03-15',
        maxConcurrentTrials: 4,
        specialtyIds,
      });
      expect(lastAudit()).toMatchObject({
        action: 'investigator.add',
        orgId: JSPH,
        entityType: 'investigator',
        entityId: id,
      });
      const inv = (await profile()).investigators.find((i) => i.id === id)!;
      expect(inv).toMatchObject({
        name: '欧阳明',
        title: '主治医师',
        level: '中级',
        eligibleToLeadDrugTrial: false,
        freeSlots: 4,
      });
      expect(inv.specialtyIds.sort()).toEqual([...specialtyIds].sort());
      expect(matches('欧阳明').has(JSPH)).toBe(true);
      expect(matches('oym').has(JSPH)).toBe(true);
    });

    it('refuses duplicates, specialties of another hospital, future training dates, negative maxima and other hospitals', async () => {
      const mine = (await profile()).specialties[0]!.id;
      const theirs = (await profile(GULOU)).specialties[0]!.id;
      const n = auditCount(database);
      const base = {
        hospitalId: JSPH,
        name: '欧阳明',
        title: '主任医师' as const,
        maxConcurrentTrials: 3,
        specialtyIds: [mine],
      };
      expect(await refusal(site().hospitals.addInvestigator(base))).toMatchObject({
        code: 'CONFLICT',
        detail: 'DUPLICATE_INVESTIGATOR',
        fieldErrors: [{ path: 'name', message: '本机构已有同名研究者，请编辑已有记录。' }],
      });
      expect(
        await refusal(site().hospitals.addInvestigator({ ...base, name: '新医生', specialtyIds: [theirs] })),
      ).toMatchObject({
        code: 'VALIDATION',
        detail: 'SPECIALTY_NOT_IN_HOSPITAL',
        fieldErrors: [{ path: 'specialtyIds' }],
      });
      expect(
        await refusal(site().hospitals.addInvestigator({ ...base, name: '新医生', gcpTrainingDate: '2999-12-31' })),
      ).toMatchObject({
        detail: 'DATE_IN_FUTURE',
        fieldErrors: [{ path: 'gcpTrainingDate' }],
      });
      const negative = await refusal(
        site().hospitals.addInvestigator({ ...base, name: '', maxConcurrentTrials: -1, specialtyIds: [] }),
      );
      expect(negative.fieldErrors?.map((f) => f.path).sort()).toEqual(['maxConcurrentTrials', 'name', 'specialtyIds']);
      expect(
        (
          await refusal(
            site().hospitals.addInvestigator({ ...base, name: '新医生', hospitalId: GULOU, specialtyIds: [theirs] }),
          )
        ).code,
      ).toBe('FORBIDDEN');
      expect((await refusal(as('sponsor@demo.ctp').hospitals.addInvestigator({ ...base, name: '新医生' }))).code).toBe(
        'FORBIDDEN',
      );
      expect(auditCount(database)).toBe(n);
    });

    it('updates title (and so level) and specialties; refuses a stale version and another hospital', async () => {
      const inv = (await profile()).investigators.find((i) => i.name === '欧阳明')!;
      const cross = await refusal(
        siteGulou().hospitals.updateInvestigator({ id: inv.id, version: inv.version, title: '主任医师' }),
      );
      expect(cross).toMatchObject({ code: 'FORBIDDEN', detail: 'NOT_OWN_HOSPITAL' });
      const spec = (await profile()).specialties[3]!.id;
      await site().hospitals.updateInvestigator({
        id: inv.id,
        version: inv.version,
        title: '副主任医师',
        specialtyIds: [spec],
      });
      const after = (await profile()).investigators.find((i) => i.id === inv.id)!;
      expect(after).toMatchObject({
        level: '副高',
        eligibleToLeadDrugTrial: true,
        specialtyIds: [spec],
        version: inv.version + 1,
      });
      expect(lastAudit()).toMatchObject({ action: 'investigator.update', orgId: JSPH, entityId: inv.id });
      expect((await profile()).history[0]).toMatchObject({ subject: { zh: '欧阳明' } });
      expect((await profile()).history[0]!.changes.sort()).toEqual(['level', 'specialtyIds', 'title']);
      const stale = await refusal(
        site().hospitals.updateInvestigator({ id: inv.id, version: inv.version, maxConcurrentTrials: 9 }),
      );
      expect(stale).toMatchObject({ code: 'CONFLICT', detail: 'STALE_VERSION' });
    });

    it('retires an investigator: gone from the profile and search, kept in the table', async () => {
      const inv = (await profile()).investigators.find((i) => i.name === '欧阳明')!;
      expect(
        (
          await refusal(
            as('commission@demo.ctp').hospitals.retireInvestigator({
              id: inv.id,
              version: inv.version,
              reason: '调离',
            }),
          )
        ).code,
      ).toBe('FORBIDDEN');
      const retiredFrom = Date.now();
      await site().hospitals.retireInvestigator({ id: inv.id, version: inv.version, reason: '调离本院' });
      expect(lastAudit()).toMatchObject({ action: 'investigator.retire', orgId: JSPH, entityId: inv.id });
      expect((await profile()).investigators.some((i) => i.id === inv.id)).toBe(false);
      expect(matches('欧阳明').has(JSPH)).toBe(false);
      const row = database.sqlite.prepare('select retired_at from investigators where id = ?').get(inv.id) as {
        retired_at: number | null;
      };
      expect(row.retired_at).toBeGreaterThanOrEqual(retiredFrom);
      expect(row.retired_at).toBeLessThanOrEqual(Date.now());
    });
  });

  describe('setCapabilities', () => {
    it('sets exactly the given tags, audited and indexed; an unchanged set writes nothing', async () => {
      const before = (await profile()).capabilities;
      expect(before).toContain('pet_ct');
      expect(before).not.toContain('dsa');
      await site().hospitals.setCapabilities({ hospitalId: JSPH, capabilities: ['dsa', 'biobank'] });
      expect((await profile()).capabilities.sort()).toEqual(['biobank', 'dsa']);
      const audit = lastAudit();
      expect(audit).toMatchObject({ action: 'capability.set', orgId: JSPH, entityId: JSPH });
      expect(audit.after?.capabilities).toEqual(['dsa', 'biobank']);
      expect(searchDoc(JSPH).capabilities).toContain('DSA');
      expect(searchDoc(JSPH).capabilities).not.toContain('PET');
      const history = (await profile()).history[0]!;
      expect(history.added).toEqual(['dsa']);
      expect(history.removed).toContain('pet_ct');

      const n = auditCount(database);
      await site().hospitals.setCapabilities({ hospitalId: JSPH, capabilities: ['biobank', 'dsa'] });
      expect(auditCount(database)).toBe(n);
    });

    it('refuses other hospitals, other roles and unknown codes', async () => {
      const n = auditCount(database);
      expect((await refusal(site().hospitals.setCapabilities({ hospitalId: GULOU, capabilities: [] }))).detail).toBe(
        'NOT_OWN_HOSPITAL',
      );
      expect(
        (await refusal(as('sponsor@demo.ctp').hospitals.setCapabilities({ hospitalId: JSPH, capabilities: [] }))).code,
      ).toBe('FORBIDDEN');
      const unknown = await refusal(
        site().hospitals.setCapabilities({ hospitalId: JSPH, capabilities: ['teleportation' as 'dsa'] }),
      );
      expect(unknown.fieldErrors?.[0]?.path).toBe('capabilities.0');
      expect((await profile(GULOU)).capabilities.length).toBeGreaterThan(0);
      expect(auditCount(database)).toBe(n);
    });
  });

  it('keeps the audit hash chain intact after all of the above', async () => {
    const result = await as('admin@demo.ctp').audit.verify();
    expect(result).toMatchObject({ ok: true });
  });
});
