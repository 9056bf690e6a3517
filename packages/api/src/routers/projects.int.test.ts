import type { SiteState } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { makeEnrolment, makeTrialSite } from '@ctp/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCount, lastAudit } from '../../../../test/helpers/db-counts.ts';
import { investigatorOf } from '../../../../test/helpers/fixtures.ts';
import { apiErrorOf, callerAs, createSeededDatabase, tableCounts } from '../../../../test/helpers/test-app.ts';

let database: DbHandle;
beforeEach(async () => {
  database = await createSeededDatabase();
});
afterEach(() => database.sqlite.close());

/** 2026-06-01, noon in Beijing: every date below is counted from this day. */
const NOW = Date.parse('2026-06-01T04:00:00Z');
const as = (email: string) => callerAs(database, email, { now: () => NOW });

const newProject = {
  titleZh: '（测试）CAR-T 细胞治疗关键核心技术攻关',
  titleEn: '(test) CAR-T cell therapy core technology project',
  leadOrgId: 'org-sponsor-zijin',
  technologyArea: 'cell_therapy' as const,
  fundingProgramme: '市科技计划',
  startDate: '2025-09-01',
  milestones: [
    { nameZh: '工艺验证完成', plannedDate: '2026-01-31' },
    { nameZh: 'IND 获批', plannedDate: '2026-04-30' },
    { nameZh: '首例入组', plannedDate: '2026-09-30' },
  ],
};

/** A trial of the demo sponsor with its one site (pi@demo.ctp's specialty), its dates and enrolment as recorded. */
async function trialWithSite(
  title: string,
  site: { state: SiteState; selected: string; ethics?: string; siv?: string; fpi?: string; target?: number },
  enrolled?: { month: string; n: number },
) {
  const sponsor = as('sponsor@demo.ctp');
  const { id: trialId } = await sponsor.trials.create({
    titleZh: title,
    type: 'drug',
    phase: 'II',
    conditions: ['淋巴瘤'],
    targetEnrolment: 60,
    riskLevel: 'low',
  });
  const pi = investigatorOf(database);
  const { id: siteId } = makeTrialSite(database.db, {
    trialId,
    hospitalOrgId: pi.hospitalId,
    hospitalSpecialtyId: pi.specialtyId,
    investigatorId: pi.investigatorId,
    state: site.state,
    selectedDate: site.selected,
    ethicsApprovedDate: site.ethics ?? null,
    sivDate: site.siv ?? null,
    fpiDate: site.fpi ?? null,
    targetEnrolment: site.target ?? null,
  });
  if (enrolled)
    makeEnrolment(database.db, {
      trialSiteId: siteId,
      month: enrolled.month,
      enrolled: enrolled.n,
      recordedBy: pi.userId,
    });
  return { trialId, siteId };
}

describe('key technology projects (issue 18)', () => {
  it('are registered by the commission only, validated, versioned and audited', async () => {
    const commission = as('commission@demo.ctp');
    const before = tableCounts(database);
    for (const email of ['sponsor@demo.ctp', 'site@demo.ctp', 'ec@demo.ctp', 'admin@demo.ctp']) {
      expect((await apiErrorOf(as(email).projects.create(newProject))).code).toBe('FORBIDDEN');
    }
    // The lead is an enterprise: a hospital is refused, field by field.
    const lead = await apiErrorOf(commission.projects.create({ ...newProject, leadOrgId: 'hosp-jsph' }));
    expect(lead).toMatchObject({ code: 'VALIDATION', detail: 'PROJECT_LEAD_KIND' });
    expect((await apiErrorOf(commission.projects.create({ ...newProject, startDate: '2026/01/01' }))).code).toBe(
      'VALIDATION',
    );
    expect(tableCounts(database)).toEqual(before);

    const { id } = await commission.projects.create(newProject);
    expect(auditCount(database, 'project.create')).toBe(1);
    // The admin reads (as it reads the metrics); sponsors and ECs do not.
    expect((await as('admin@demo.ctp').projects.list({})).items.map((p) => p.id)).toEqual([id]);
    expect((await apiErrorOf(as('sponsor@demo.ctp').projects.get({ id }))).code).toBe('FORBIDDEN');

    const { version } = await commission.projects.update({ id, version: 1, fundingProgramme: '省重点研发计划' });
    expect(version).toBe(2);
    expect((await apiErrorOf(commission.projects.update({ id, version: 1, summary: '旧版本' }))).detail).toBe(
      'STALE_VERSION',
    );
    const project = await commission.projects.get({ id });
    const [first, second] = project.milestones;
    // A milestone cannot be reached after today (Beijing).
    const future = await apiErrorOf(
      commission.projects.setMilestone({
        id,
        version: 2,
        milestoneId: first!.id,
        nameZh: first!.nameZh,
        plannedDate: first!.plannedDate,
        actualDate: '2026-06-02',
      }),
    );
    expect(future.detail).toBe('PROJECT_MILESTONE_FUTURE');
    const v3 = await commission.projects.setMilestone({
      id,
      version: 2,
      milestoneId: first!.id,
      nameZh: first!.nameZh,
      plannedDate: first!.plannedDate,
      actualDate: '2026-02-15',
    });
    expect(
      (
        await apiErrorOf(
          as('sponsor@demo.ctp').projects.setMilestone({
            id,
            version: v3.version,
            nameZh: '新增',
            plannedDate: '2026-12-31',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const after = await commission.projects.get({ id });
    // 2026-02-15 after the planned 2026-01-31: late; 2026-04-30 passed unreached: overdue; 2026-09-30 ahead.
    expect(after.milestones.map((m) => [m.nameZh, m.status])).toEqual([
      ['工艺验证完成', 'late'],
      ['IND 获批', 'overdue'],
      ['首例入组', 'planned'],
    ]);
    expect(second!.status).toBe('overdue');
    expect(after.figures.milestonesOverdue).toBe(1);
    expect(after.fundingProgramme).toBe('省重点研发计划');
    expect(auditCount(database, 'project.update')).toBe(1);
    expect(auditCount(database, 'project.set_milestone')).toBe(1);
  });

  it('links a registry trial by its number: shown with its registry status, audited, refused for other roles', async () => {
    // The registry samples (ClinicalTrials.gov and CTR) are in the `registries` template only.
    const registries = await createSeededDatabase('registries');
    try {
      const commission = callerAs(registries, 'commission@demo.ctp', { now: () => NOW });
      const { id } = await commission.projects.create(newProject);
      const sample = registries.sqlite
        .prepare(
          'select id, brief_title as title, status, lead_sponsor as leadSponsor, start_date as startDate from registry_trials where registry_id = ?',
        )
        .get('NCT03058094') as {
        id: number;
        title: string;
        status: string;
        leadSponsor: string | null;
        startDate: string | null;
      };
      const hospitals = registries.sqlite
        .prepare(
          'select count(distinct hospital_id) from registry_sites where registry_trial_id = ? and hospital_id is not null',
        )
        .pluck()
        .get(sample.id) as number;
      expect(hospitals).toBeGreaterThan(0); // 江苏省人民医院 is one of its sites: the count below is not vacuous

      // Other roles are refused, an unknown number is not found on its field; neither changes anything.
      const before = tableCounts(registries);
      for (const email of ['sponsor@demo.ctp', 'site@demo.ctp', 'ec@demo.ctp', 'admin@demo.ctp']) {
        const refused = await apiErrorOf(
          callerAs(registries, email).projects.linkTrial({ id, registryId: 'NCT03058094', reason: '纳入' }),
        );
        expect(refused.code, email).toBe('FORBIDDEN');
      }
      const unknown = await apiErrorOf(commission.projects.linkTrial({ id, registryId: 'NCT00000000' }));
      expect(unknown).toMatchObject({
        code: 'NOT_FOUND',
        fieldErrors: [expect.objectContaining({ path: 'registryId' })],
      });
      expect(tableCounts(registries)).toEqual(before);

      // The number as typed (lower case) finds the record.
      await commission.projects.linkTrial({ id, registryId: 'nct03058094', reason: '国际多中心对照研究' });
      expect(auditCount(registries, 'project.link_trial', id)).toBe(1);
      expect(lastAudit(registries, 'project.link_trial')).toMatchObject({
        entityType: 'project',
        entityId: id,
        after: { trialId: 'NCT03058094', reason: '国际多中心对照研究' },
      });
      const page = await commission.projects.get({ id });
      expect(page.trials).toEqual([]);
      expect(page.registryTrials).toEqual([
        {
          registryId: 'NCT03058094',
          title: sample.title,
          status: sample.status,
          leadSponsor: sample.leadSponsor,
          startDate: sample.startDate,
          hospitalsOnPlatform: hospitals,
          linkedAt: NOW,
        },
      ]);
      expect(page.figures.trials).toBe(1);
      // Linked twice is refused; unlinking closes the link (audited) and the page no longer shows it.
      expect((await apiErrorOf(commission.projects.linkTrial({ id, registryId: 'NCT03058094' }))).detail).toBe(
        'PROJECT_LINK_UNCHANGED',
      );
      await commission.projects.linkTrial({ id, registryId: 'NCT03058094', linked: false, reason: '项目调整' });
      expect(auditCount(registries, 'project.unlink_trial', id)).toBe(1);
      expect((await commission.projects.get({ id })).registryTrials).toEqual([]);
    } finally {
      registries.sqlite.close();
    }
  });

  it("shows each linked trial's sites, ethics status and delays against the 60/60/30 stage targets", async () => {
    const commission = as('commission@demo.ctp');
    const { id } = await commission.projects.create(newProject);
    // Selected 2026-01-05, no ethics approval: the 60-day target 2026-03-06 passed 87 days before 2026-06-01.
    const waiting = await trialWithSite('（测试）等待伦理的试验', {
      state: 'ethics_submitted',
      selected: '2026-01-05',
    });
    // Ethics 2026-03-20 (14 days after its 2026-03-06 target), SIV 2026-04-01 (on time), no first patient by the
    // 2026-05-01 target: 31 days overdue.
    const started = await trialWithSite('（测试）已启动的试验', {
      state: 'initiated',
      selected: '2026-01-05',
      ethics: '2026-03-20',
      siv: '2026-04-01',
    });
    await as('sponsor@demo.ctp').trialSites.recordDelay({
      trialSiteId: started.siteId,
      stage: 'fpi',
      reason: 'no_eligible_patients',
      attribution: 'hospital',
    });
    for (const t of [waiting, started]) await commission.projects.linkTrial({ id, trialId: t.trialId, reason: '纳入' });
    expect((await apiErrorOf(commission.projects.linkTrial({ id, trialId: waiting.trialId }))).detail).toBe(
      'PROJECT_LINK_UNCHANGED',
    );
    expect(
      (await apiErrorOf(as('sponsor@demo.ctp').projects.linkTrial({ id, trialId: waiting.trialId, linked: false })))
        .code,
    ).toBe('FORBIDDEN');
    expect(auditCount(database, 'project.link_trial')).toBe(2);

    const page = await commission.projects.get({ id });
    const byTitle = new Map(page.trials.map((t) => [t.titleZh, t]));
    const w = byTitle.get('（测试）等待伦理的试验')!.sites[0]!;
    expect(w.state).toBe('ethics_submitted');
    expect(w.stages).toEqual([
      expect.objectContaining({ stage: 'ethicsApproved', status: 'overdue', targetDate: '2026-03-06', daysLate: 87 }),
    ]);
    expect(w.delayed).toBe(true);
    const s = byTitle.get('（测试）已启动的试验')!.sites[0]!;
    expect(s.stages.map((x) => [x.stage, x.status, x.daysLate])).toEqual([
      ['ethicsApproved', 'missed', 14],
      ['siv', 'on_time', 0],
      ['fpi', 'overdue', 31],
    ]);
    expect(s.stages[2]).toMatchObject({ reason: 'no_eligible_patients', attribution: 'hospital' });
    expect(s.overdue).toMatchObject({ stage: 'fpi', daysOver: 31 });
    expect(page.figures).toMatchObject({
      trials: 2,
      sites: 2,
      sitesDelayed: 2,
      sitesEthicsApproved: 1,
      sitesActivated: 1,
    });
    expect((await commission.projects.list({})).items.find((p) => p.id === id)).toMatchObject({
      trialCount: 2,
      sitesDelayed: 2,
      milestonesOverdue: 2, // 2026-01-31 and 2026-04-30 passed unreached
    });

    // Linked trials are key projects wherever the flag shows; unlinking ends that (history kept).
    const sponsorTrials = await as('sponsor@demo.ctp').trials.list({});
    expect(
      sponsorTrials
        .filter((t) => t.isKeyProject)
        .map((t) => t.id)
        .sort(),
    ).toEqual([waiting.trialId, started.trialId].sort());
    const board = await commission.keyProjects.board();
    expect(board.trials.find((t) => t.trialId === waiting.trialId)!.projects.map((p) => p.id)).toEqual([id]);
    // A trial linked by a named project is unlinked on the project, not unflagged.
    expect(
      (await apiErrorOf(commission.keyProjects.flag({ trialId: waiting.trialId, flagged: false, reason: '取消' })))
        .detail,
    ).toBe('KEY_PROJECT_LINKED_BY_PROJECT');
    await commission.projects.linkTrial({ id, trialId: waiting.trialId, linked: false, reason: '移出项目' });
    expect((await commission.projects.get({ id })).trials.map((t) => t.id)).toEqual([started.trialId]);
    expect(database.sqlite.prepare('select count(*) from project_trials where project_id = ?').pluck().get(id)).toBe(2);
  });

  it('keeps keyProjects.flag: the trial is linked to an unnamed project of its own, reused on a second flagging', async () => {
    const commission = as('commission@demo.ctp');
    const { trialId } = await trialWithSite('（测试）标记的试验', { state: 'selected', selected: '2026-05-01' });
    await commission.keyProjects.flag({ trialId, flagged: true, reason: '市重点攻关' });
    await commission.keyProjects.flag({ trialId, flagged: false, reason: '结题' });
    await commission.keyProjects.flag({ trialId, flagged: true, reason: '再次纳入' });
    const unnamed = (await commission.projects.list({ includeUnnamed: true })).items.filter(
      (p) => p.ownTrialId === trialId,
    );
    expect(unnamed).toHaveLength(1);
    expect(unnamed[0]).toMatchObject({ titleZh: null, leadOrgId: 'org-sponsor-zijin', trialCount: 1 });
    expect((await commission.projects.list({})).items.map((p) => p.id)).not.toContain(unnamed[0]!.id);
    const refused = await apiErrorOf(commission.projects.update({ id: unnamed[0]!.id, version: 1, summary: '改' }));
    expect(refused.detail).toBe('PROJECT_UNNAMED');
    expect(database.sqlite.prepare('select count(*) from project_trials where trial_id = ?').pluck().get(trialId)).toBe(
      2,
    );
    expect(auditCount(database, 'trial.flag_key_project')).toBe(2);
    expect(auditCount(database, 'trial.unflag_key_project')).toBe(1);
  });

  it("filters the commission's overview by a base and by a project to their own trials, equal to a count by hand", async () => {
    const commission = as('commission@demo.ctp');
    // Project trial: selected 2026-01-05 → FPI 2026-03-06 (60 days), SIV 2026-02-10, 9 enrolled of a site target 20.
    const p = await trialWithSite(
      '（测试）项目试验',
      {
        state: 'enrolling',
        selected: '2026-01-05',
        ethics: '2026-01-30',
        siv: '2026-02-10',
        fpi: '2026-03-06',
        target: 20,
      },
      { month: '2026-03', n: 9 },
    );
    // Base trial: selected 2026-02-01 → FPI 2026-04-15 (73 days), SIV 2026-03-01, 4 enrolled of a site target 10.
    const b = await trialWithSite(
      '（测试）基地试验',
      {
        state: 'enrolling',
        selected: '2026-02-01',
        ethics: '2026-02-20',
        siv: '2026-03-01',
        fpi: '2026-04-15',
        target: 10,
      },
      { month: '2026-04', n: 4 },
    );
    const { id: projectId } = await commission.projects.create(newProject);
    await commission.projects.linkTrial({ id: projectId, trialId: p.trialId });
    const { id: baseId } = await commission.bases.create({
      nameZh: '（测试）细胞治疗协同创新基地',
      leadOrgId: 'hosp-jsph',
      memberOrgIds: ['hosp-jsph', 'org-sponsor-zijin'],
      focusAreas: ['cell_therapy'],
      foundedOn: '2025-03-01',
      contactName: '基地办公室',
    });
    await commission.bases.linkTrial({ id: baseId, trialId: b.trialId });
    const period = { from: '2026-01-01', to: '2026-05-31' };

    const project = await commission.metrics.overview({ ...period, projectId });
    expect(project.counts).toMatchObject({ startupSites: 1, enrolled: 9, target: 20, decidedReviews: 0 });
    expect(project.startup.medianDays).toBe(60);
    expect(project.enrolment.attainmentPct).toBe(45);
    const base = await commission.metrics.overview({ ...period, baseId });
    expect(base.counts).toMatchObject({ startupSites: 1, enrolled: 4, target: 10 });
    expect(base.startup.medianDays).toBe(73);
    expect(base.enrolment.attainmentPct).toBe(40);
    // Both filters: only trials in both (none here).
    const both = await commission.metrics.overview({ ...period, baseId, projectId });
    expect(both.counts).toMatchObject({ startupSites: 0, enrolled: 0, target: 0 });
    // Capacity (filed specialties) is not narrowed by a trial filter; the city-wide figures count more sites.
    const city = await commission.metrics.overview(period);
    expect(project.counts.filedSpecialties).toBe(city.counts.filedSpecialties);
    expect(city.counts.startupSites).toBeGreaterThanOrEqual(2);

    // The monthly report's sections hold the same figures per base and per project.
    const sections = await commission.metrics.programmes({ filters: period });
    expect(sections.projects.find((x) => x.id === projectId)).toMatchObject({
      trials: 1,
      sitesActivated: 1,
      startupMedianDays: 60,
      enrolmentAttainmentPct: 45,
      milestones: 3,
      milestonesOverdue: 2,
    });
    expect(sections.bases.find((x) => x.id === baseId)).toMatchObject({
      trials: 1,
      startupMedianDays: 73,
      enrolmentAttainmentPct: 40,
    });
    const file = await commission.metrics.export({ table: 'programmes', filters: period });
    expect(file.filename).toMatch(/^report-programmes-/);
    expect((await apiErrorOf(as('sponsor@demo.ctp').metrics.programmes({}))).code).toBe('FORBIDDEN');
  });
});
