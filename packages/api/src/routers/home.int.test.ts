import type { TodoCode } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { beijingNoon, giveExpeditedViews, selectPiSite } from '../../../../test/helpers/fixtures.ts';
import { seedRoster } from '../../../../test/helpers/roster.ts';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

const TODAY = '2025-05-10';
const HOSPITAL = 'hosp-jsph';
const COMMITTEE = 'ec-jsph';
const ROLES = {
  secretary: 'ec@demo.ctp',
  chair: 'chair@demo.ctp',
  site: 'site@demo.ctp',
  sponsor: 'sponsor@demo.ctp',
  otherSecretary: 'ec-gulou@demo.ctp',
  otherSite: 'site-gulou@demo.ctp',
} as const;
type Who = keyof typeof ROLES;

async function countsOf(db: DbHandle, who: Who): Promise<Partial<Record<TodoCode, number>>> {
  const groups = await callerAs(db, ROLES[who], { now: beijingNoon(TODAY) }).home.todos();
  return Object.fromEntries(groups.map((g) => [g.code, g.count]));
}
async function allCounts(db: DbHandle) {
  const out = {} as Record<Who, Partial<Record<TodoCode, number>>>;
  for (const who of Object.keys(ROLES) as Who[]) out[who] = await countsOf(db, who);
  return out;
}
const delta = (after: Partial<Record<TodoCode, number>>, before: Partial<Record<TodoCode, number>>) =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k as TodoCode] ?? 0)]));

/**
 * At 江苏省人民医院 and its EC: one file waiting for screening, one returned to the trial office, one expedited review
 * accepted 3 March (overdue by 10 May) with the chair as its primary reviewer, one decided without its letter, a
 * meeting ahead, and two inquiries of which the trial office answered one with interest.
 */
async function buildScenario(db: DbHandle) {
  const as = (who: Who, d: string) => callerAs(db, ROLES[who], { now: beijingNoon(d) });
  const { chair: chairMember } = await seedRoster(db, { termEnd: null, secretary: as('secretary', '2025-01-02') });
  const submissionOn = async (label: string, date: string) => {
    const { id: trialId } = await as('sponsor', date).trials.create({
      titleZh: `（测试）待办 ${label}`,
      type: 'drug',
      phase: 'III',
      conditions: ['待办'],
      targetEnrolment: 30,
      riskLevel: 'low',
    });
    const trialSiteId = await selectPiSite(db, as('sponsor', date), trialId);
    const { id } = await as('site', date).submissions.create({ trialSiteId, type: 'initial' });
    await as('site', date).submissions.submit({ id });
    return { id, trialId };
  };
  await submissionOn('待形式审查', '2025-05-06');
  const returned = await submissionOn('退回', '2025-05-06');
  await as('secretary', '2025-05-07').submissions.screen({
    id: returned.id,
    accept: false,
    reasons: ['缺少研究者履历'],
  });
  const overdue = await submissionOn('超期', '2025-03-03');
  await as('secretary', '2025-03-03').submissions.screen({ id: overdue.id, accept: true });
  await as('secretary', '2025-03-03').submissions.triage({ id: overdue.id, path: 'expedited' });
  await as('secretary', '2025-03-04').reviews.assign({ submissionId: overdue.id, memberId: chairMember });
  const decided = await submissionOn('已决定', '2025-05-06');
  await as('secretary', '2025-05-06').submissions.screen({ id: decided.id, accept: true });
  await as('secretary', '2025-05-06').submissions.triage({ id: decided.id, path: 'expedited' });
  await giveExpeditedViews(db, (email) => callerAs(db, email, { now: beijingNoon('2025-05-08') }), decided.id);
  await as('chair', '2025-05-08').submissions.decide({ id: decided.id, outcome: 'approved' });
  await as('secretary', '2025-05-08').meetings.create({
    committeeId: COMMITTEE,
    date: '2025-05-20',
    title: '五月会议',
  });
  const specs = db.sqlite
    .prepare(
      `select hs.id from hospital_specialties hs where hs.hospital_org_id = ? and hs.retired_at is null
       and hs.id not in (select hospital_specialty_id from trial_sites where trial_id = ?) order by hs.specialty_code limit 2`,
    )
    .pluck()
    .all(HOSPITAL, overdue.trialId) as string[];
  await as('sponsor', '2025-05-01').inquiries.send({
    trialId: overdue.trialId,
    hospitalSpecialtyIds: specs,
    synopsis: '（测试）一项低风险 III 期研究的可行性询问',
    replyBy: '2025-05-30',
  });
  const [answered] = (await as('site', '2025-05-02').inquiries.list({ trialId: overdue.trialId })) as { id: string }[];
  await as('site', '2025-05-02').inquiries.answer({
    inquiryId: answered!.id,
    interested: true,
    estimatedPerMonth: 2,
    piAvailable: true,
    competingTrials: 0,
    earliestStart: '2025-06-01',
  });
  return { chairMember };
}

describe('home.todos: the to-do list of each role (issue 14)', () => {
  let db: DbHandle;
  let before: Awaited<ReturnType<typeof allCounts>>;
  let after: Awaited<ReturnType<typeof allCounts>>;
  beforeAll(async () => {
    db = await createSeededDatabase();
    before = await allCounts(db);
    await buildScenario(db);
    after = await allCounts(db);
  });

  it('gives the secretary the files to screen, overdue clocks, meetings ahead and letters to issue', () => {
    expect(delta(after.secretary, before.secretary)).toEqual({
      toScreen: 1,
      overdueClocks: 1,
      meetingsToPrepare: 1,
      lettersToIssue: 1,
    });
    const count = (sql: string) => db.sqlite.prepare(sql).pluck().get(COMMITTEE) as number;
    expect(after.secretary.toScreen).toBe(
      count("select count(*) from submissions where committee_id = ? and state in ('submitted', 'screening')"),
    );
    expect(after.secretary.lettersToIssue).toBe(
      count("select count(*) from submissions where committee_id = ? and state = 'decided'"),
    );
    expect(after.secretary.meetingsToPrepare).toBe(
      db.sqlite
        .prepare('select count(*) from meetings where committee_id = ? and meeting_date >= ?')
        .pluck()
        .get(COMMITTEE, TODAY),
    );
  });

  it('gives the chair the worksheet and the vote of the review assigned to them', () => {
    expect(delta(after.chair, before.chair)).toEqual({ worksheetsDue: 1, votesOpen: 1 });
  });

  it('gives the trial office the inquiry to answer, the returned file and the overdue milestones', () => {
    const d = delta(after.site, before.site);
    expect(d.inquiriesToAnswer).toBe(1);
    expect(d.returnsToAnswer).toBe(1);
    // The overdue review's site, selected 3 March, is past its 60-day ethics target on 10 May.
    expect(d.milestonesOverdue).toBe(1);
    expect(after.site.inquiriesToAnswer).toBe(
      db.sqlite
        .prepare("select count(*) from inquiries where hospital_org_id = ? and status = 'sent'")
        .pluck()
        .get(HOSPITAL),
    );
  });

  it('gives the sponsor the answer awaiting its choice, and only the decisions with a letter', async () => {
    expect(delta(after.sponsor, before.sponsor)).toEqual({ answersReceived: 1, decisionsIssued: 0 });
    const groups = await callerAs(db, ROLES.sponsor, { now: beijingNoon(TODAY) }).home.todos();
    expect(groups.map((g) => g.code)).toEqual(['answersReceived', 'decisionsIssued']);
    expect(groups[0]!.items[0]!.link).toMatch(/^\/trials\//);
  });

  it("shows nothing of one hospital or committee to another's", () => {
    expect(after.otherSecretary).toEqual(before.otherSecretary);
    expect(after.otherSite).toEqual(before.otherSite);
  });

  it('keeps EC deliberation (worksheets, votes) off every non-EC list', async () => {
    for (const who of ['site', 'sponsor'] as const) {
      const groups = await callerAs(db, ROLES[who], { now: beijingNoon(TODAY) }).home.todos();
      expect(groups.map((g) => g.code)).not.toContain('worksheetsDue');
      expect(groups.map((g) => g.code)).not.toContain('votesOpen');
      expect(groups.map((g) => g.code)).not.toContain('overdueClocks');
    }
  });
});
