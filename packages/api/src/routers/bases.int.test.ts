import type { DbHandle } from '@ctp/db';
import { makeEnrolment, makeTrialSite } from '@ctp/db/testing';
import { computeBaseFigures } from '@ctp/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCount, countOf, lastAudit } from '../../../../test/helpers/db-counts.ts';
import { investigatorOf } from '../../../../test/helpers/fixtures.ts';
import { apiErrorOf, callerAs, createSeededDatabase, tableCounts } from '../../../../test/helpers/test-app.ts';

let database: DbHandle;
beforeEach(async () => {
  database = await createSeededDatabase();
});
afterEach(() => database.sqlite.close());

const newBase = {
  nameZh: '（测试）细胞治疗医研企协同创新基地',
  nameEn: '(test) Cell therapy collaborative innovation base',
  leadOrgId: 'hosp-jsph',
  memberOrgIds: ['hosp-jsph', 'org-sponsor-zijin', 'hosp-njglyy'],
  focusAreas: ['cell_therapy' as const],
  foundedOn: '2025-03-01',
  contactName: '基地办公室',
};

describe('collaborative bases (issue 18)', () => {
  it('is registered and reviewed by the commission, audited and versioned; other roles are refused', async () => {
    const commission = callerAs(database, 'commission@demo.ctp');
    const before = tableCounts(database);
    for (const email of ['sponsor@demo.ctp', 'site@demo.ctp', 'ec@demo.ctp', 'admin@demo.ctp']) {
      expect((await apiErrorOf(callerAs(database, email).bases.create(newBase))).code).toBe('FORBIDDEN');
    }
    expect((await apiErrorOf(commission.bases.create({ ...newBase, leadOrgId: 'hosp-jsch' }))).detail).toBe(
      'BASE_LEAD_NOT_MEMBER',
    );
    expect(
      (await apiErrorOf(commission.bases.create({ ...newBase, memberOrgIds: ['hosp-jsph', 'org-commission'] }))).detail,
    ).toBe('BASE_MEMBER_KIND');
    expect(tableCounts(database)).toEqual(before);

    const { id } = await commission.bases.create(newBase);
    const listed = await callerAs(database, 'sponsor@demo.ctp').bases.list({ q: '细胞治疗' });
    expect(listed.items.map((b) => b.id)).toContain(id);
    expect(
      (await callerAs(database, 'sponsor@demo.ctp').bases.list({ focus: 'peptide_drugs' })).items.map((b) => b.id),
    ).not.toContain(id);

    const { version: v2 } = await commission.bases.setStatus({
      id,
      version: 1,
      status: 'recognised',
      reason: '专家评审通过',
    });
    const bad = await apiErrorOf(commission.bases.setStatus({ id, version: v2, status: 'applied', reason: '退回' }));
    expect(bad).toMatchObject({ code: 'INVALID_TRANSITION', detail: 'BASE_STATUS_STEP' });
    const stale = await apiErrorOf(commission.bases.setStatus({ id, version: 1, status: 'operating', reason: '运行' }));
    expect(stale.detail).toBe('STALE_VERSION');
    await commission.bases.setStatus({ id, version: v2, status: 'operating', reason: '挂牌运行' });

    const base = await commission.bases.get({ id });
    expect(base.status).toBe('operating');
    expect(base.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(base.versions[0]!.reason).toBe('挂牌运行');
    expect(tableCounts(database).auditEvents).toBe(before.auditEvents + 3);
  });

  it('moves only by a step of BASE_TRANSITIONS: an unreachable status is refused in the reader’s language, nothing written', async () => {
    const commission = callerAs(database, 'commission@demo.ctp');
    const en = callerAs(database, 'commission@demo.ctp', { locale: 'en' });
    const { id } = await commission.bases.create(newBase);
    const before = { ...tableCounts(database), versions: countOf(database, 'select count(*) from base_versions') };
    // 申报 → 运行 skips 认定: no row of the table leads there.
    const zh = await apiErrorOf(
      commission.bases.setStatus({ id, version: 1, status: 'operating', reason: '直接运行' }),
    );
    expect(zh).toMatchObject({
      code: 'INVALID_TRANSITION',
      detail: 'BASE_STATUS_STEP',
      message: '基地当前状态（申报）不能改为“运行”。',
    });
    const inEnglish = await apiErrorOf(
      en.bases.setStatus({ id, version: 1, status: 'operating', reason: 'straight to operating' }),
      'en',
    );
    expect(inEnglish.message).toBe('A base in status applied cannot become “operating”.');
    // A step whose target is not the status asked for.
    const mismatch = await apiErrorOf(
      commission.bases.setStatus({ id, version: 1, step: 'revoke', status: 'recognised', reason: '评审' }),
    );
    expect(mismatch).toMatchObject({
      code: 'VALIDATION',
      detail: 'BASE_STEP_TARGET',
      message: '“撤销”会把基地改为“撤销”，而不是“认定”。',
    });
    // A step not open from this status.
    const closed = await apiErrorOf(
      commission.bases.setStatus({ id, version: 1, step: 'reapply', status: 'applied', reason: '重新申报' }),
    );
    expect(closed).toMatchObject({ code: 'INVALID_TRANSITION', detail: 'BASE_STATUS_STEP' });
    expect({ ...tableCounts(database), versions: countOf(database, 'select count(*) from base_versions') }).toEqual(
      before,
    );
    const base = await commission.bases.get({ id });
    expect([base.status, base.version]).toEqual(['applied', 1]);

    // The step named explicitly, as the web sends it, and the audit row carries it.
    await commission.bases.setStatus({ id, version: 1, step: 'revoke', status: 'revoked', reason: '材料不全' });
    expect(auditCount(database, 'base.set_status', id)).toBe(1);
    const row = database.sqlite
      .prepare("select after_json from audit_events where action = 'base.set_status' and entity_id = ?")
      .pluck()
      .get(id) as string;
    expect(JSON.parse(row)).toEqual({ status: 'revoked', step: 'revoke', reason: '材料不全' });
  });

  it('lets a member keep its own part only, and link only the trials it sponsors or runs', async () => {
    const commission = callerAs(database, 'commission@demo.ctp');
    const { id } = await commission.bases.create(newBase);
    const sponsor = callerAs(database, 'sponsor@demo.ctp');
    const { version } = await sponsor.bases.update({
      id,
      version: 1,
      memberNote: '负责 CAR-T 产品的工艺与注册',
      memberContact: '陈申办 025-0000',
    });
    expect(version).toBe(2);
    // The member's part is its own audit action, on the base, with the base as it was and is.
    expect(auditCount(database, 'base.update_member_part', id)).toBe(1);
    expect(auditCount(database, 'base.update', id)).toBe(0);
    expect(lastAudit(database)).toMatchObject({
      action: 'base.update_member_part',
      entityId: id,
      orgId: 'org-sponsor-zijin',
      before: { version: 1 },
      after: {
        version: 2,
        members: expect.arrayContaining([
          { orgId: 'org-sponsor-zijin', note: '负责 CAR-T 产品的工艺与注册', contact: '陈申办 025-0000' },
        ]),
      },
    });
    const base = await sponsor.bases.get({ id });
    expect(base.members.find((m) => m.orgId === 'org-sponsor-zijin')).toMatchObject({
      note: '负责 CAR-T 产品的工艺与注册',
      contact: '陈申办 025-0000',
    });
    expect(base.can).toEqual({ editWhole: false, editOwnPart: true, review: false });
    expect((await apiErrorOf(sponsor.bases.update({ id, version: 2, nameZh: '改名的基地名称' }))).detail).toBe(
      'BASE_MEMBER_FIELDS_ONLY',
    );
    // 江苏省肿瘤医院 is not a member.
    expect(
      (
        await apiErrorOf(
          callerAs(database, 'site-zhongliu@demo.ctp').bases.update({ id, version: 2, memberNote: 'x 说明' }),
        )
      ).detail,
    ).toBe('BASE_NOT_MEMBER');

    const { id: trialId } = await sponsor.trials.create({
      titleZh: '（测试）CAR-T 治疗复发难治淋巴瘤',
      type: 'drug',
      phase: 'I',
      conditions: ['淋巴瘤'],
      targetEnrolment: 30,
      riskLevel: 'high',
    });
    const auditsBefore = auditCount(database);
    await sponsor.bases.linkTrial({ id, trialId });
    expect(auditCount(database, 'base.link_trial', id)).toBe(1);
    expect(lastAudit(database)).toMatchObject({ action: 'base.link_trial', entityId: id, after: { trialId } });
    // Linking again changes nothing and writes nothing; a non-member is refused without a row.
    await sponsor.bases.linkTrial({ id, trialId });
    const cro = await apiErrorOf(callerAs(database, 'cro@demo.ctp').bases.linkTrial({ id, trialId }));
    expect(cro.detail).toBe('BASE_NOT_MEMBER');
    expect(auditCount(database)).toBe(auditsBefore + 1);
    expect((await commission.bases.get({ id })).trials.map((t) => t.id)).toEqual([trialId]);
    // The commission changes the whole record: base.update.
    await commission.bases.update({ id, version: 2, nameEn: '(test) Cell therapy base, renamed' });
    expect(auditCount(database, 'base.update', id)).toBe(1);
    expect(lastAudit(database, 'base.update').after).toMatchObject({
      version: 3,
      nameEn: '(test) Cell therapy base, renamed',
    });
  });

  it('computes its figures from the records of its trials, equal to a count by hand', async () => {
    const commission = callerAs(database, 'commission@demo.ctp');
    const { id } = await commission.bases.create(newBase);
    const sponsor = callerAs(database, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsor.trials.create({
      titleZh: '（测试）基地指标试验',
      type: 'drug',
      phase: 'II',
      conditions: ['胃癌'],
      targetEnrolment: 40,
      riskLevel: 'low',
    });
    // Milestones and enrolment as the site records them, made by the factories (the workflow is tested elsewhere).
    const pi = investigatorOf(database);
    const { id: siteId } = makeTrialSite(database.db, {
      trialId,
      hospitalOrgId: pi.hospitalId,
      hospitalSpecialtyId: pi.specialtyId,
      investigatorId: pi.investigatorId,
      state: 'enrolling',
      selectedDate: '2026-01-05',
      sivDate: '2026-02-10',
      fpiDate: '2026-03-06',
    });
    makeEnrolment(database.db, {
      trialSiteId: siteId,
      month: '2026-03',
      screened: 12,
      enrolled: 9,
      screenFailures: 3,
      recordedBy: pi.userId,
    });
    await commission.bases.linkTrial({ id, trialId });
    const registryCount = database.sqlite
      .prepare(
        "select count(distinct registry_trial_id) from registry_sites where hospital_id in ('hosp-jsph', 'hosp-njglyy')",
      )
      .pluck()
      .get() as number;
    const { figures } = await commission.bases.get({ id });
    expect(figures).toEqual({
      trialsLinked: 1,
      trialsStarted: 1,
      sitesActivated: 1,
      medianStartupDays: 60, // 2026-01-05 → 2026-03-06
      enrolled: 9,
      enrolmentTarget: 40,
      enrolmentPct: 22.5,
      registryTrialsOfMemberHospitals: registryCount,
    });
    // The pure figure function on a second, hand-made set: two trials, three sites.
    expect(
      computeBaseFigures(
        [
          {
            trialId: 'a',
            targetEnrolment: 100,
            sites: [
              { selectedDate: '2026-01-01', sivDate: '2026-02-01', fpiDate: '2026-01-31', enrolled: 10 },
              { selectedDate: '2026-01-01', sivDate: null, fpiDate: null, enrolled: 0 },
            ],
          },
          {
            trialId: 'b',
            targetEnrolment: 50,
            sites: [{ selectedDate: '2026-01-01', sivDate: '2026-03-01', fpiDate: '2026-04-10', enrolled: 5 }],
          },
        ],
        7,
      ),
    ).toEqual({
      trialsLinked: 2,
      trialsStarted: 2,
      sitesActivated: 2,
      medianStartupDays: 64.5, // 30 and 99 days
      enrolled: 15,
      enrolmentTarget: 150,
      enrolmentPct: 10,
      registryTrialsOfMemberHospitals: 7,
    });
  });
});
