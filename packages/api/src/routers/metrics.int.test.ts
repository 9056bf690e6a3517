import { CODE_LABELS, type Locale, POLICIES, type Policy } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/helpers/db-counts.ts';
import { giveExpeditedViews } from '../../../../test/helpers/fixtures.ts';
import { seedRoster } from '../../../../test/helpers/roster.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';
import { xlsxColumns } from '../../../../test/helpers/xlsx.ts';
import { appRouter } from '../root.ts';

/** Noon in Beijing on a calendar date. */
const at = (date: string) => () => Date.parse(`${date}T12:00:00+08:00`);
const HOSPITAL = 'hosp-jsph';
const PERIOD = { from: '2025-09-01', to: '2025-10-31', hospitalId: HOSPITAL };

/** The codes that must never reach a reader: every key of the shared code labels. */
const RAW_CODES = new Set(Object.values(CODE_LABELS.en).flatMap((section) => Object.keys(section)));

/** Four specialties of 江苏省人民医院, each with its first PI. */
function jsphSpecialties(db: DbHandle) {
  return db.sqlite
    .prepare(
      `select hs.id as specialtyId, min(isp.investigator_id) as investigatorId from hospital_specialties hs
       join investigator_specialties isp on isp.hospital_specialty_id = hs.id
       where hs.hospital_org_id = ? and hs.retired_at is null group by hs.id order by hs.specialty_code limit 4`,
    )
    .all(HOSPITAL) as { specialtyId: string; investigatorId: string }[];
}

/**
 * A hand-built scenario at one hospital across the 2025 National Day holiday (1–8 October off; Sunday 28 September
 * and Saturday 11 October worked), through the same procedures people use; every headline figure is then worked
 * out here by hand.
 */
async function buildScenario(db: DbHandle) {
  const sponsor = (d: string) => callerAs(db, 'sponsor@demo.ctp', { now: at(d) });
  const site = (d: string) => callerAs(db, 'site@demo.ctp', { now: at(d) });
  const ec = (d: string) => callerAs(db, 'ec@demo.ctp', { now: at(d) });
  const chair = (d: string) => callerAs(db, 'chair@demo.ctp', { now: at(d) });
  await seedRoster(db, { termEnd: null, secretary: ec('2025-01-02') });
  const { id: trialId } = await sponsor('2025-04-01').trials.create({
    titleZh: '（测试）指标场景 III 期研究',
    type: 'drug',
    phase: 'III',
    conditions: ['场景'],
    targetEnrolment: 100,
    // Low risk: its initial reviews may take the expedited path (简易程序, minimal-risk research only).
    riskLevel: 'low',
  });
  const specs = jsphSpecialties(db);
  const select = async (i: number, date: string, target: number) =>
    (
      await sponsor(date).trialSites.select({
        trialId,
        hospitalSpecialtyId: specs[i]!.specialtyId,
        investigatorId: specs[i]!.investigatorId,
        targetEnrolment: target,
      })
    ).trialSiteId;
  /** An initial review: submitted the day before acceptance, expedited, viewed and signed by the chair. */
  const review = async (trialSiteId: string, accepted: string, decided: string, info?: [string, string]) => {
    const { id } = await site(accepted).submissions.create({ trialSiteId, type: 'initial' });
    await site(accepted).submissions.submit({ id });
    await ec(accepted).submissions.screen({ id, accept: true });
    await ec(accepted).submissions.triage({ id, path: 'expedited' });
    if (info) {
      await ec(info[0]).submissions.requestInfo({ id, questions: '请补充本中心知情同意书' });
      await site(info[1]).submissions.respond({ id, answer: '已补充知情同意书' });
    }
    await giveExpeditedViews(db, (email) => callerAs(db, email, { now: at(decided) }), id);
    await chair(decided).submissions.decide({ id, outcome: 'approved' });
    return id;
  };
  const milestone = (id: string, m: 'contractSigned' | 'siv' | 'fpi', date: string) =>
    site(date).trialSites.recordMilestone({ trialSiteId: id, milestone: m, date });
  const enrol = (id: string, month: string, enrolled: number) =>
    site(`${month}-28`).trialSites.recordEnrolment({
      trialSiteId: id,
      month,
      screened: enrolled,
      enrolled,
      screenFailures: 0,
      withdrawn: 0,
    });

  // A3: initiated 1 July, no first patient by the 90th day (29 September) → non-enrolling. Target 20.
  const a3 = await select(2, '2025-05-01', 20);
  await review(a3, '2025-05-20', '2025-06-10');
  await milestone(a3, 'contractSigned', '2025-06-20');
  await milestone(a3, 'siv', '2025-07-01');
  // A4: initiated 1 July, first patient 15 August (in time); 4 + 2 enrolled. Target 20.
  const a4 = await select(3, '2025-05-01', 20);
  await review(a4, '2025-05-20', '2025-06-10');
  await milestone(a4, 'contractSigned', '2025-06-20');
  await milestone(a4, 'siv', '2025-07-01');
  await milestone(a4, 'fpi', '2025-08-15');
  await enrol(a4, '2025-08', 4);
  await enrol(a4, '2025-09', 2);
  // A1: selected 1 Sep; accepted Friday 26 Sep, decided Friday 10 Oct: 28, 29, 30 Sep, 9, 10 Oct = 5 working days.
  const a1 = await select(0, '2025-09-01', 10);
  const s1 = await review(a1, '2025-09-26', '2025-10-10');
  await milestone(a1, 'contractSigned', '2025-10-13');
  await milestone(a1, 'siv', '2025-10-15');
  await milestone(a1, 'fpi', '2025-10-20'); // 49 calendar days after selection
  await enrol(a1, '2025-10', 3);
  // A2: accepted Monday 29 Sep; information requested 30 Sep, answered 9 Oct (both days stopped); decided Friday
  // 31 Oct: 10, 11 (make-up Saturday), 13–17, 20–24, 27–31 Oct = 17 working days — over the 15-day clock.
  const a2 = await select(1, '2025-09-05', 30);
  const s2 = await review(a2, '2025-09-29', '2025-10-31', ['2025-09-30', '2025-10-09']);
  return { trialId, a1, a2, a3, a4, s1, s2 };
}

describe('metrics: a hand-built scenario across the 2025 National Day holiday', () => {
  let db: DbHandle;
  let scenario: Awaited<ReturnType<typeof buildScenario>>;
  beforeAll(async () => {
    db = await createSeededDatabase();
    scenario = await buildScenario(db);
  });
  const commission = () => callerAs(db, 'commission@demo.ctp', { now: at('2025-11-05') });

  it('computes every headline figure as worked out by hand', async () => {
    const filedSpecialties = db.sqlite
      .prepare(
        `select count(*) from hospital_specialties where hospital_org_id = ? and retired_at is null
         and (filing_date is null or filing_date <= '2025-10-31')`,
      )
      .pluck()
      .get(HOSPITAL) as number;
    const filedPis = db.sqlite
      .prepare('select count(*) from investigators where hospital_org_id = ? and retired_at is null')
      .pluck()
      .get(HOSPITAL) as number;
    const o = await commission().metrics.overview(PERIOD);
    // Specialties with a first patient in the 12 months to 31 Oct 2025: A1's (20 Oct) and A4's (15 Aug).
    expect(o.counts).toMatchObject({ convertedSpecialties: 2, filedSpecialties });
    expect(o.conversion.specialtyActivePct).toBe(Math.round((2 / filedSpecialties) * 1000) / 10);
    // PIs leading an active site on 31 Oct: the four sites' four PIs (the demo's own jsph sites start in 2026).
    expect(o.counts).toMatchObject({ activeInvestigators: 4, filedInvestigators: filedPis });
    expect(o.conversion.piActivePct).toBe(Math.round((4 / filedPis) * 1000) / 10);
    // Start-up: only A1 reached its first patient in the period: 1 Sep → 20 Oct = 49 days.
    expect(o.startup.medianDays).toBe(49);
    // Ethics: decisions in the period are A1 (5 working days) and A2 (17): median 11, P75 5 + 0.75 × 12 = 14,
    // one of two within the 15-day clock.
    expect(o.ethics).toEqual({ medianWorkingDays: 11, p75WorkingDays: 14, withinClockPct: 50, calendarUnknown: false });
    // Enrolment: initiated sites with a target by 31 Oct: A1 (10), A3 (20), A4 (20); enrolled 3 + 0 + 6 = 9 → 18 %.
    expect(o.enrolment.attainmentPct).toBe(18);
    expect(o.counts).toMatchObject({ enrolled: 9, target: 50 });
    // Non-enrolling: A3 and A4 reach their 90th day after SIV (29 Sep) in the period; A3 has no patient → 50 %.
    expect(o.enrolment.nonEnrollingPct).toBe(50);
    // The previous month (1 Aug – 30 Sep): no review decided, A4's first patient (15 Aug) after 106 days.
    expect(o.previous.ethics.medianWorkingDays).toBeNull();
    expect(o.previous.startup.medianDays).toBe(106);
    // Recognition: A1 and A2 are participating sites approved by full review in the period, none by recognition:
    // adoption 0 ÷ (0 + 2) = 0 %; no recognition time and nothing saved.
    expect(o.recognition).toEqual({
      adoptionPct: 0,
      medianWorkingDays: null,
      workingDaysSaved: null,
      available: true,
      calendarUnknown: false,
    });
  });

  it('lists the records behind a figure and the committee view', async () => {
    const api = commission();
    const within = await api.metrics.records({ metric: 'ethicsWithinClockPct', filters: PERIOD });
    expect(within.records.map((r) => [r.id, r.value, r.counted]).sort()).toEqual(
      [
        [scenario.s1, 5, true],
        [scenario.s2, 17, false],
      ].sort(),
    );
    const idle = await api.metrics.records({ metric: 'nonEnrollingPct', filters: PERIOD });
    expect(idle.records.filter((r) => r.counted).map((r) => r.id)).toEqual([scenario.a3]);
    const ecs = await api.metrics.byCommittee({ filters: PERIOD });
    expect(ecs.rows).toHaveLength(1);
    expect(ecs.rows[0]).toMatchObject({
      committeeId: 'ec-jsph',
      decided: 2,
      distribution: [5, 17],
      expeditedMedian: 11,
    });
    const bySpecialty = await api.metrics.byHospital({ filters: PERIOD, groupBy: 'specialty' });
    expect(bySpecialty.rows.filter((r) => r.convertedSpecialties === 1)).toHaveLength(2);
    const trend = await api.metrics.trend({ filters: { hospitalId: HOSPITAL, to: '2025-10-31' }, months: 3 });
    expect(trend.months.map((m) => [m.month, m.ethics.medianWorkingDays, m.enrolledInMonth])).toEqual([
      ['2025-08', null, 4],
      ['2025-09', null, 2],
      ['2025-10', 11, 3],
    ]);
    const xlsx = await api.metrics.export({ table: 'byCommittee', filters: PERIOD });
    expect(xlsx.filename).toMatch(/\.xlsx$/);
    // Dated by Beijing's calendar: 20:00 UTC on 31 October is already 1 November there.
    const late = callerAs(db, 'commission@demo.ctp', { now: () => Date.parse('2025-10-31T20:00:00Z') });
    const file = await late.metrics.export({ table: 'byHospital', groupBy: 'hospital', filters: {} });
    expect(file.filename).toContain('2025-11-01');
  });

  it.each(['zh-CN', 'en'] as Locale[])('writes words, not codes, into the %s exports (issue 14)', async (locale) => {
    const api = callerAs(db, 'commission@demo.ctp', { now: at('2025-11-05'), locale });
    const files = [
      ...(
        [
          'activeSites',
          'ethicsWithinClockPct',
          'specialtyActivePct',
          'nonEnrollingPct',
          'startupDelays',
          'recognitionAdoptionPct',
        ] as const
      ).map((metric) => api.metrics.export({ table: 'records', metric, filters: PERIOD })),
      api.metrics.export({ table: 'incentive', filters: {} }),
      api.metrics.export({ table: 'byHospital', groupBy: 'district', filters: {} }),
      api.metrics.export({ table: 'byCommittee', filters: PERIOD }),
    ];
    const offenders: string[] = [];
    let cells = 0;
    const yes = CODE_LABELS[locale].yesNo;
    for (const file of await Promise.all(files)) {
      const columns = await xlsxColumns(file.base64);
      for (const [header, values] of columns) {
        for (const text of [header, ...values]) {
          cells++;
          // A cell, or a part of it (`初始审查 · 简易程序`, `资源转化率（贡献分）`), that is a bare code.
          const parts = text.split(/ · |（| \(/).map((p) => p.replace(/[)）]$/, '').trim());
          if (parts.some((p) => RAW_CODES.has(p))) offenders.push(`${file.filename} ${header}: ${text}`);
        }
        const counted = header === (locale === 'en' ? 'Counted' : '计入分子');
        if (counted && values.some((v) => v !== yes.yes && v !== yes.no))
          offenders.push(`${file.filename} ${header}: ${values.join(',')}`);
      }
      if (locale === 'en' && file.filename.startsWith('metrics-district')) {
        const names = columns.get('Name') ?? [];
        expect(names.length).toBeGreaterThan(0);
        // Districts are filed in Chinese; the English file names them in English.
        expect(names.filter((n) => /\p{Script=Han}/u.test(n))).toEqual([]);
      }
    }
    expect(offenders).toEqual([]);
    expect(cells).toBeGreaterThan(100);
  });

  it('lets the commission flag key projects and set incentive weights (audited); refuses everyone else', async () => {
    const api = callerAs(db, 'commission@demo.ctp');
    await api.keyProjects.flag({ trialId: scenario.trialId, flagged: true, reason: '市重点攻关' });
    expect(
      await apiErrorOf(api.keyProjects.flag({ trialId: scenario.trialId, flagged: true, reason: '重复' })),
    ).toMatchObject({
      code: 'PRECONDITION_FAILED',
      detail: 'KEY_PROJECT_UNCHANGED',
    });
    const board = await api.keyProjects.board();
    expect(board.trials.map((t) => t.trialId)).toEqual([scenario.trialId]);
    // The sponsor's trial list and the EC's work queue carry the flag (and only on the flagged trial).
    const sponsorTrials = await callerAs(db, 'sponsor@demo.ctp').trials.list({});
    expect(sponsorTrials.filter((t) => t.isKeyProject).map((t) => t.id)).toEqual([scenario.trialId]);
    const queue = await callerAs(db, 'ec@demo.ctp').submissions.list({});
    expect(queue.filter((q) => q.isKeyProject)).toHaveLength(4); // the scenario's four reviews
    expect(queue.every((q) => q.isKeyProject === (q.trialId === scenario.trialId))).toBe(true);
    expect(board.trials[0]!.sites).toHaveLength(4);
    expect(auditCount(db, 'trial.flag_key_project')).toBe(1);
    const weights = {
      conversion: 30,
      piActive: 10,
      startup: 20,
      ethicsWithinClock: 15,
      recognition: 10,
      enrolment: 10,
      enrolling: 5,
    };
    expect(
      await apiErrorOf(api.incentive.setWeights({ weights: { ...weights, conversion: 31 }, note: '调整' })),
    ).toMatchObject({
      code: 'VALIDATION',
    });
    await api.incentive.setWeights({ weights, note: '提高资源转化权重' });
    expect(auditCount(db, 'incentive.set_weights')).toBe(1);
    const ranking = await api.incentive.ranking({});
    const jsph = ranking.rows.find((r) => r.hospitalId === HOSPITAL)!;
    expect(jsph.terms.reduce((s, t) => s + t.contribution, 0)).toBeCloseTo(jsph.score, 0);
    expect(ranking.weights.weights).toEqual(weights);
    // The hospital's trial office sees its own score only; the admin reads but cannot steer.
    const own = await callerAs(db, 'site@demo.ctp').incentive.own();
    expect(own.own?.hospitalId).toBe(HOSPITAL);
    expect(own.own?.score).toBe(jsph.score);
    expect((await apiErrorOf(callerAs(db, 'site@demo.ctp').incentive.ranking({}))).trpcCode).toBe('FORBIDDEN');
    expect((await apiErrorOf(callerAs(db, 'sponsor@demo.ctp').metrics.overview({}))).trpcCode).toBe('FORBIDDEN');
    expect((await apiErrorOf(callerAs(db, 'ec@demo.ctp').metrics.overview({}))).trpcCode).toBe('FORBIDDEN');
    await callerAs(db, 'admin@demo.ctp').metrics.overview({});
    expect(
      (await apiErrorOf(callerAs(db, 'admin@demo.ctp').incentive.setWeights({ weights, note: '管理员' }))).trpcCode,
    ).toBe('FORBIDDEN');
    expect(
      (
        await apiErrorOf(
          callerAs(db, 'admin@demo.ctp').keyProjects.flag({
            trialId: scenario.trialId,
            flagged: false,
            reason: '取消',
          }),
        )
      ).trpcCode,
    ).toBe('FORBIDDEN');
  });

  it('never lets the commission read a submission, its votes, worksheets or documents', async () => {
    const api = commission();
    expect((await apiErrorOf(api.submissions.get({ id: scenario.s1 }))).trpcCode).toBe('FORBIDDEN');
    expect((await apiErrorOf(api.submissions.list({}))).trpcCode).toBe('FORBIDDEN');
    expect((await apiErrorOf(api.meetings.vote({ submissionId: scenario.s1, choice: 'approve' }))).trpcCode).toBe(
      'FORBIDDEN',
    );
    expect((await apiErrorOf(api.committees.get({ committeeId: 'ec-jsph' }))).trpcCode).toBe('FORBIDDEN');
    // Whatever EC procedures exist (meetings, votes, worksheets, documents, minutes, letters…), none admits the
    // commission: checked on every procedure's declared policy, so one added later is covered too.
    const actor = { userId: 'u', role: 'commission' as const, orgId: 'org-commission', committeeId: null };
    const procedures = Object.entries(
      appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { policy?: string } } }>,
    );
    const confidential = procedures.filter(([path]) =>
      /^(submissions|meetings|committees|reviews|documents)\.|vote|worksheet|document|minutes/i.test(path),
    );
    expect(confidential.length).toBeGreaterThan(10);
    for (const [path, p] of confidential) {
      const policy = (POLICIES as Record<string, Policy>)[p._def.meta?.policy ?? ''];
      expect(policy?.allows(actor), path).toBe(false);
    }
    // The metrics' own records name submissions but carry no vote, note or document.
    const records = await api.metrics.records({ metric: 'ethicsMedianWorkingDays', filters: PERIOD });
    expect(JSON.stringify(records)).not.toMatch(/vote|ecNotes|worksheet|document/i);
  });
});
