import type { DbHandle } from '@ctp/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { giveExpeditedViews } from '../../../../test/helpers/fixtures.ts';
import { seedRoster } from '../../../../test/helpers/roster.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

/** Noon in Beijing on a calendar date. */
const at = (date: string) => () => Date.parse(`${date}T12:00:00+08:00`);
const TODAY = '2025-05-10';
const HOSPITAL = 'hosp-jsph';

/**
 * Two sites of one trial at 江苏省人民医院: A selected 10 January, ethics approved 1 April — 21 days after its
 * 60-day target (11 March); B selected 1 March, still without approval on 10 May — 10 days overdue (target 30 April).
 */
async function buildScenario(db: DbHandle) {
  const sponsor = (d: string) => callerAs(db, 'sponsor@demo.ctp', { now: at(d) });
  const site = (d: string) => callerAs(db, 'site@demo.ctp', { now: at(d) });
  const ec = (d: string) => callerAs(db, 'ec@demo.ctp', { now: at(d) });
  const chair = (d: string) => callerAs(db, 'chair@demo.ctp', { now: at(d) });
  await seedRoster(db, { termEnd: null, secretary: ec('2025-01-02') });
  const { id: trialId } = await sponsor('2025-01-02').trials.create({
    titleZh: '（测试）延误原因 III 期研究',
    type: 'drug',
    phase: 'III',
    conditions: ['延误'],
    targetEnrolment: 50,
    // Low risk: its initial reviews may take the expedited path (简易程序, minimal-risk research only).
    riskLevel: 'low',
  });
  const specs = db.sqlite
    .prepare(
      `select hs.id from hospital_specialties hs where hs.hospital_org_id = ? and hs.retired_at is null
       order by hs.specialty_code limit 2`,
    )
    .pluck()
    .all(HOSPITAL) as string[];
  const a = (await sponsor('2025-01-10').trialSites.select({ trialId, hospitalSpecialtyId: specs[0]! })).trialSiteId;
  const b = (await sponsor('2025-03-01').trialSites.select({ trialId, hospitalSpecialtyId: specs[1]! })).trialSiteId;
  const { id } = await site('2025-03-20').submissions.create({ trialSiteId: a, type: 'initial' });
  await site('2025-03-20').submissions.submit({ id });
  await ec('2025-03-21').submissions.screen({ id, accept: true });
  await ec('2025-03-21').submissions.triage({ id, path: 'expedited' });
  await giveExpeditedViews(db, (email) => callerAs(db, email, { now: at('2025-04-01') }), id);
  await chair('2025-04-01').submissions.decide({ id, outcome: 'approved' });
  return { trialId, a, b };
}

describe('start-up delay reasons (DESIGN §5)', () => {
  let db: DbHandle;
  let s: Awaited<ReturnType<typeof buildScenario>>;
  beforeAll(async () => {
    db = await createSeededDatabase();
    s = await buildScenario(db);
  });
  const office = () => callerAs(db, 'site@demo.ctp', { now: at(TODAY) });
  const sponsor = () => callerAs(db, 'sponsor@demo.ctp', { now: at(TODAY) });
  const rows = () => db.sqlite.prepare('select count(*) from trial_site_delays').pluck().get() as number;

  it('shows the missed and overdue stages on the boards, and nothing for a stage within its target', async () => {
    const board = await office().trialSites.board();
    const a = board.find((r) => r.id === s.a)!;
    const b = board.find((r) => r.id === s.b)!;
    expect(a.delays).toEqual([
      expect.objectContaining({
        stage: 'ethicsApproved',
        status: 'missed',
        targetDate: '2025-03-11',
        daysLate: 21,
        current: null,
      }),
    ]);
    expect(b.delays).toEqual([
      expect.objectContaining({ stage: 'ethicsApproved', status: 'overdue', targetDate: '2025-04-30', daysLate: 10 }),
    ]);
    const trial = await sponsor().trials.get({ id: s.trialId });
    expect(trial.sites.find((r) => r.id === s.a)!.delays).toHaveLength(1);
  });

  it('the trial office and the sponsor record reasons, audited, and every record is kept', async () => {
    const before = db.sqlite.prepare('select max(id) from audit_events').pluck().get() as number;
    await office().trialSites.recordDelay({
      trialSiteId: s.a,
      stage: 'ethicsApproved',
      reason: 'contract',
      attribution: 'hospital',
    });
    await sponsor().trialSites.recordDelay({
      trialSiteId: s.a,
      stage: 'ethicsApproved',
      reason: 'sponsor_hold',
      attribution: 'sponsor',
      note: '方案修订，暂停启动',
    });
    const audit = db.sqlite
      .prepare(
        "select action, entity_id, role, after_json from audit_events where id > ? and action = 'site.record_delay'",
      )
      .all(before) as { action: string; entity_id: string; role: string; after_json: string }[];
    expect(audit.map((r) => [r.entity_id, r.role])).toEqual([
      [s.a, 'site_admin'],
      [s.a, 'sponsor'],
    ]);
    expect(JSON.parse(audit[1]!.after_json)).toMatchObject({
      reason: 'sponsor_hold',
      attribution: 'sponsor',
      daysLate: 21,
      side: 'sponsor',
    });
    const a = (await office().trialSites.board()).find((r) => r.id === s.a)!;
    expect(a.delays[0]!.current).toMatchObject({ reason: 'sponsor_hold', attribution: 'sponsor' });
    expect(a.delays[0]!.recordedCount).toBe(2);
    const history = await office().trialSites.delays({ trialSiteId: s.a });
    expect(history.history.map((h) => [h.reason, h.recordedBySide])).toEqual([
      ['sponsor_hold', 'sponsor'],
      ['contract', 'site'],
    ]);
  });

  it('refuses a stage within its target, "other" without a note, and anyone but the office or the sponsor', async () => {
    const n = rows();
    expect(
      await apiErrorOf(
        office().trialSites.recordDelay({ trialSiteId: s.a, stage: 'siv', reason: 'contract', attribution: 'both' }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', detail: 'STAGE_NOT_DELAYED' });
    expect(
      await apiErrorOf(
        office().trialSites.recordDelay({
          trialSiteId: s.b,
          stage: 'ethicsApproved',
          reason: 'other',
          attribution: 'both',
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION' });
    const input = { trialSiteId: s.b, stage: 'ethicsApproved', reason: 'contract', attribution: 'both' } as const;
    for (const email of ['site-gulou@demo.ctp', 'cro@demo.ctp'])
      expect((await apiErrorOf(callerAs(db, email, { now: at(TODAY) }).trialSites.recordDelay(input))).code).toBe(
        'FORBIDDEN',
      );
    for (const email of ['pi@demo.ctp', 'commission@demo.ctp', 'ec@demo.ctp'])
      expect((await apiErrorOf(callerAs(db, email, { now: at(TODAY) }).trialSites.recordDelay(input))).code).toBe(
        'FORBIDDEN',
      );
    expect(rows()).toBe(n);
  });

  it('counts the commission’s delays by reason and by attribution, with the records and the export', async () => {
    await office().trialSites.recordDelay({
      trialSiteId: s.b,
      stage: 'ethicsApproved',
      reason: 'staff_availability',
      attribution: 'hospital',
    });
    const commission = callerAs(db, 'commission@demo.ctp', { now: at(TODAY) });
    const filters = { from: '2025-01-01', to: TODAY, hospitalId: HOSPITAL };
    const d = await commission.metrics.delays({ filters });
    expect(d.total).toBe(2);
    expect(d.recorded).toBe(2);
    expect(d.byReason).toMatchObject({ sponsor_hold: 1, staff_availability: 1, contract: 0, unrecorded: 0 });
    expect(d.byAttribution).toEqual({ sponsor: 1, hospital: 1, both: 0, unrecorded: 0 });
    expect(d.byHospital).toEqual([
      expect.objectContaining({ hospitalId: HOSPITAL, total: 2, sponsor: 1, hospital: 1 }),
    ]);
    // A period ending before B's target: only A's missed stage.
    expect((await commission.metrics.delays({ filters: { ...filters, to: '2025-04-20' } })).total).toBe(1);
    const records = await commission.metrics.records({ metric: 'startupDelays', filters });
    expect(records.records.map((r) => [r.id, r.label, r.value, r.counted]).sort()).toEqual(
      [
        [`${s.a}:ethicsApproved`, 'ethicsApproved · sponsor_hold · sponsor', 21, true],
        [`${s.b}:ethicsApproved`, 'ethicsApproved · staff_availability · hospital', 10, true],
      ].sort(),
    );
    const file = await commission.metrics.export({ table: 'delays', filters });
    expect(file.filename).toMatch(/^metrics-delays-.*\.xlsx$/);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect((await apiErrorOf(office().metrics.delays({ filters }))).code).toBe('FORBIDDEN');
  });
});
