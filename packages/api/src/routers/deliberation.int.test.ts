import { REDACTED } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DELIBERATION_SECRETS,
  type DeliberationJourney,
  deliberationSecrets,
  runDeliberationJourney,
} from '../../../../test/helpers/deliberation-journey.ts';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

const hits = (value: unknown) => {
  const json = JSON.stringify(value);
  return deliberationSecrets().filter((s) => json.includes(s));
};

describe('deliberation stays inside the committee (issue 12)', () => {
  let db: DbHandle;
  let j: DeliberationJourney;
  beforeAll(async () => {
    db = await createSeededDatabase();
    j = await runDeliberationJourney(db);
  }, 60_000);

  it('shows the applicant and the sponsor the timeline by the visibility table: no EC-internal event, no EC name', async () => {
    for (const email of ['site@demo.ctp', 'pi@demo.ctp', 'sponsor@demo.ctp']) {
      const caller = callerAs(db, email);
      const referred = await caller.submissions.get({ id: j.referredId });
      // The path says it goes to a meeting; the objection (who, when) stays inside.
      expect(referred.reviewPath).toBe('convened');
      expect(referred.timeline.map((e) => e.step)).not.toContain('refer_to_meeting');
      const expedited = await caller.submissions.get({ id: j.expeditedId });
      const step = (s: string) => expedited.timeline.find((e) => e.step === s)!;
      // The committee's acts are shown under the committee's name, never the secretary's or chair's.
      for (const s of ['accept', 'triage', 'request_info', 'decide', 'issue_letter'])
        expect({ s, ...step(s) }).toMatchObject({ s, byCommittee: true, actorName: null, actorRole: null });
      // Internal notes stay inside; what the committee says to the applicant reaches it.
      expect(step('triage').comment).toBeNull();
      expect(step('accept').comment).toBeNull();
      expect(step('request_info').comment).toBe('请补充本中心知情同意书版本说明。');
      expect(step('decide').detail).toMatchObject({ outcome: 'approved', conditions: '按期提交跟踪审查报告' });
      // The applicant side's own acts keep their author.
      expect(step('submit')).toMatchObject({ byCommittee: false, actorName: '周机构' });
      for (const view of [referred, expedited]) {
        expect({ email, hits: hits(view) }).toEqual({ email, hits: [] });
        expect(JSON.stringify(view)).not.toContain('孙秘书');
      }
    }
    // Inside the committee: every event with its author.
    const own = await callerAs(db, 'ec@demo.ctp').submissions.get({ id: j.referredId });
    expect(own.timeline.find((e) => e.step === 'refer_to_meeting')).toMatchObject({
      actorName: '郑委员',
      byCommittee: false,
    });
    const triage = (await callerAs(db, 'ec@demo.ctp').submissions.get({ id: j.expeditedId })).timeline.find(
      (e) => e.step === 'triage',
    );
    expect(triage?.comment).toBe(DELIBERATION_SECRETS.internalNotes[0]);
  });

  it('sets is_ec_only when an event is written, from the same table', () => {
    const rows = db.sqlite
      .prepare('select step, is_ec_only as ecOnly from submission_events where submission_id in (?, ?, ?)')
      .all(j.expeditedId, j.convenedId, j.referredId) as { step: string; ecOnly: number }[];
    expect(rows.filter((r) => r.ecOnly === 1).map((r) => r.step)).toEqual(['refer_to_meeting']);
    expect(rows.length).toBeGreaterThan(10);
  });

  it('gives a participating EC the lead decision by the same rule: opinions under the committee, no internal note', async () => {
    const view = await callerAs(db, 'ec-gulou@demo.ctp').recognition.requests.get({ id: j.requestId });
    const opinions = view.leadDecision!.opinions;
    expect(opinions.map((o) => o.step)).toEqual(['request_info']);
    expect(hits(view)).toEqual([]);
    expect(JSON.stringify(view)).not.toContain('孙秘书');
  });

  it('redacts votes, conflict reasons and the acting member in the admin audit view; the chain keeps them', async () => {
    const admin = callerAs(db, 'admin@demo.ctp');
    const seen: unknown[] = [];
    for (const action of [
      'meeting.vote',
      'meeting.declare_conflict',
      'review.declare',
      'review.submit_worksheet',
      'submission.triage',
      'submission.accept',
      'submission.refer_to_meeting',
    ] as const) {
      const { items } = await admin.audit.list({ action, limit: 200 });
      expect({ action, n: items.length > 0 }).toEqual({ action, n: true });
      for (const e of items) {
        expect(e.redacted).toBe(true);
        seen.push(e);
      }
    }
    // The rows name their submission or meeting (受理号, title) — and never a member, even where the actor is hidden.
    const memberNames = [...DELIBERATION_SECRETS.memberNames];
    for (const e of seen as { entityName: { zh: string; en: string } | null; actorName: string | null }[]) {
      expect(e.entityName).not.toBeNull();
      const named = JSON.stringify(e.entityName);
      expect(memberNames.filter((n) => named.includes(n))).toEqual([]);
    }
    const votes = (await admin.audit.list({ action: 'meeting.vote', limit: 200 })).items;
    expect(votes.every((v) => (v.after as { choice: string }).choice === REDACTED && v.actorName === null)).toBe(true);
    // The keys stay (marked redacted); no value, name or text of the deliberation does.
    const valuesOnly = (v: unknown) => hits(v).filter((h) => h !== '"choice"');
    expect(valuesOnly(seen)).toEqual([]);
    // The roster itself (committee.add_member) is the admin's to see; what members wrote and chose is not.
    const all = await admin.audit.list({ limit: 200 });
    const names = new Set<string>(DELIBERATION_SECRETS.memberNames);
    expect(valuesOnly(all).filter((h) => !names.has(h))).toEqual([]);
    // Filtering by a member does not tell who voted or declared.
    const memberUser = db.sqlite.prepare("select id from users where email = 'member@demo.ctp'").pluck().get();
    const byMember = await admin.audit.list({ actorUserId: memberUser as string, limit: 200 });
    expect(byMember.items.map((e) => e.action)).not.toContain('meeting.vote');
    expect(byMember.items.map((e) => e.action)).not.toContain('meeting.declare_conflict');
    // The stored rows keep every field, and the chain verifies.
    const stored = db.sqlite
      .prepare("select after_json from audit_events where action = 'meeting.declare_conflict'")
      .pluck()
      .all() as string[];
    expect(stored.join()).toContain(DELIBERATION_SECRETS.conflictReasons[0]);
    expect(
      db.sqlite.prepare("select after_json from audit_events where action = 'meeting.vote'").pluck().all().join(),
    ).toContain('"choice":"approve"');
    expect(await admin.audit.verify()).toMatchObject({ ok: true });
  });

  it('hides an item’s votes and worksheets from the member recused for it ("已回避")', async () => {
    const recused = callerAs(db, 'member@demo.ctp');
    const sub = await recused.submissions.get({ id: j.convenedId });
    expect(sub.review).toMatchObject({ isRecused: true, meetingVotes: [], expeditedViews: [] });
    const meeting = await recused.meetings.get({ meetingId: j.meetingId });
    expect(meeting.agenda[0]).toMatchObject({ isRecused: true, votes: [], majority: null });
    const minutes = await recused.meetings.minutes({ meetingId: j.meetingId });
    expect(minutes.record.items[0]).toMatchObject({ isRecused: true, votes: [], majority: null });
    const reviews = await recused.reviews.forSubmission({ submissionId: j.convenedId });
    expect(reviews.isRecused).toBe(true);
    expect(reviews.reviewers.every((r) => r.worksheet === null)).toBe(true);
    for (const view of [sub, meeting, minutes, reviews]) {
      const json = JSON.stringify(view);
      expect(json).not.toContain('"choice"');
      expect(json).not.toContain(DELIBERATION_SECRETS.worksheetTexts[1]);
    }
    // The same member still sees the votes of an item they were not recused from, and the chair sees these.
    expect((await recused.submissions.get({ id: j.expeditedId })).review?.expeditedViews).toHaveLength(2);
    const chairView = await callerAs(db, 'chair@demo.ctp').meetings.get({ meetingId: j.meetingId });
    expect(chairView.agenda[0]).toMatchObject({ isRecused: false });
    expect(chairView.agenda[0]!.votes).toHaveLength(5);
  });
});
