import type { DbHandle } from '@ctp/db';
import { loadSubmission } from '@ctp/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/helpers/db-counts.ts';
import { selectPiSite } from '../../../../test/helpers/fixtures.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

const EC = 'ec-jsph';

let ctrSeq = 100;
/** A new trial of this risk with a site at 江苏省人民医院, its initial submission submitted (and accepted if asked). */
async function submittedInitial(db: DbHandle, riskLevel: 'low' | 'medium' | 'high', accept = true) {
  const sponsor = callerAs(db, 'sponsor@demo.ctp');
  const { id: trialId } = await sponsor.trials.create({
    titleZh: '一项评估 QRS-303 治疗高血压的随机对照研究',
    type: 'drug',
    phase: 'III',
    ctrNo: `CTR2026${String(ctrSeq++).padStart(4, '0')}`,
    conditions: ['高血压'],
    targetEnrolment: 80,
    riskLevel,
  });
  const trialSiteId = await selectPiSite(db, sponsor, trialId);
  const site = callerAs(db, 'site@demo.ctp');
  const { id } = await site.submissions.create({ trialSiteId, type: 'initial' });
  await site.submissions.submit({ id });
  if (accept) await callerAs(db, 'ec@demo.ctp').submissions.screen({ id, accept: true });
  return id;
}

/** An amendment at a demo site of 江苏省人民医院 that already holds an approval, accepted; its trial's risk set. */
async function acceptedAmendment(db: DbHandle, riskLevel: 'low' | 'medium' | 'high') {
  const siteId = db.sqlite
    .prepare(
      `select ts.id from trial_sites ts join organisations o on o.id = ts.hospital_org_id
       where o.code = 'jsph' and ts.state in ('initiated', 'enrolling') limit 1`,
    )
    .pluck()
    .get() as string;
  db.sqlite
    .prepare('update trials set risk_level = ? where id = (select trial_id from trial_sites where id = ?)')
    .run(riskLevel, siteId);
  const site = callerAs(db, 'site@demo.ctp');
  const { id } = await site.submissions.create({ trialSiteId: siteId, type: 'amendment' });
  await site.submissions.submit({ id });
  await callerAs(db, 'ec@demo.ctp').submissions.screen({ id, accept: true });
  return id;
}

describe('committee rules: expedited triage, screening checklists, roster edits', () => {
  let db: DbHandle;
  beforeEach(async () => {
    db = await createSeededDatabase();
  });

  it('applies the platform defaults without saved rules: medium-risk amendments yes, initial only when low risk', async () => {
    const secretary = callerAs(db, 'ec@demo.ctp');
    const amendment = await acceptedAmendment(db, 'medium');
    const view = await secretary.submissions.get({ id: amendment });
    expect(view.review?.expedited).toMatchObject({ refusal: null, reviewers: 2, isDefault: true });
    expect((await secretary.submissions.triage({ id: amendment, path: 'expedited' })).reviewPath).toBe('expedited');

    const medium = await submittedInitial(db, 'medium');
    expect((await secretary.submissions.get({ id: medium })).review?.expedited.refusal).toBe('EXPEDITED_RISK_TOO_HIGH');
    const error = await apiErrorOf(secretary.submissions.triage({ id: medium, path: 'expedited' }));
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', detail: 'EXPEDITED_RISK_TOO_HIGH' });
    expect(error.message).toContain('初始审查');
    expect(error.message).toContain('低');
    expect(loadSubmission(db.db, medium).sub).toMatchObject({ state: 'accepted', reviewPath: null });
    expect(auditCount(db, 'submission.triage', medium)).toBe(0);

    const low = await submittedInitial(db, 'low');
    expect((await secretary.submissions.triage({ id: low, path: 'expedited' })).reviewPath).toBe('expedited');
    // High risk: never, whatever the rules say.
    const high = await submittedInitial(db, 'high');
    expect((await apiErrorOf(secretary.submissions.triage({ id: high, path: 'expedited' }))).detail).toBe(
      'HIGH_RISK_NOT_EXPEDITED',
    );
  });

  it('applies the committee’s saved rules: types, risk ceiling and the number of primary reviewers', async () => {
    const secretary = callerAs(db, 'ec@demo.ctp');
    const roster = [];
    for (const [name, expertise, isAffiliated] of [
      ['王医生', 'medical', true],
      ['钱药师', 'pharmacy', true],
      ['孙律师', 'law', false],
    ] as const)
      roster.push(
        await secretary.committees.addMember({
          committeeId: EC,
          name,
          role: 'member',
          expertise,
          isAffiliated,
          termStart: '2025-01-01',
        }),
      );
    await secretary.committees.updateProcedures({
      committeeId: EC,
      expedited: { types: ['amendment', 'continuing'], maxRisk: 'low', reviewers: 1 },
      checklists: {},
    });
    const low = await submittedInitial(db, 'low');
    const refused = await apiErrorOf(secretary.submissions.triage({ id: low, path: 'expedited' }));
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', detail: 'EXPEDITED_TYPE_NOT_ALLOWED' });
    expect(refused.message).toContain('初始审查');
    const medium = await acceptedAmendment(db, 'medium');
    const tooRisky = await apiErrorOf(
      callerAs(db, 'ec@demo.ctp', { locale: 'en' }).submissions.triage({ id: medium, path: 'expedited' }),
      'en',
    );
    expect(tooRisky).toMatchObject({ detail: 'EXPEDITED_RISK_TOO_HIGH' });
    expect(tooRisky.message).toContain('up to low risk (this study: medium)');
    expect(loadSubmission(db.db, medium).sub.state).toBe('accepted');

    db.sqlite
      .prepare("update trials set risk_level = 'low' where id = ?")
      .run(loadSubmission(db.db, medium).sub.trialId);
    await secretary.submissions.triage({ id: medium, path: 'expedited' });
    // One primary reviewer on this committee's expedited path.
    await secretary.reviews.assign({ submissionId: medium, memberId: roster[0]!.id });
    expect(await apiErrorOf(secretary.reviews.assign({ submissionId: medium, memberId: roster[1]!.id }))).toMatchObject(
      { detail: 'REVIEWER_LIMIT' },
    );
    expect((await secretary.reviews.forSubmission({ submissionId: medium })).maxReviewers).toBe(1);
    // A convened review may still have more.
    await secretary.submissions.triage({ id: low, path: 'convened' });
    await secretary.reviews.assign({ submissionId: low, memberId: roster[0]!.id });
    await secretary.reviews.assign({ submissionId: low, memberId: roster[1]!.id });
  });

  it('edits a roster entry: policy, validation, version check, audit', async () => {
    const secretary = callerAs(db, 'ec@demo.ctp');
    const { id: memberId } = await secretary.committees.addMember({
      committeeId: EC,
      name: '周伦理',
      role: 'member',
      expertise: 'medical',
      isAffiliated: true,
      termStart: '2025-01-01',
    });
    const edit = {
      committeeId: EC,
      memberId,
      version: 1,
      role: 'vice_chair',
      expertise: 'ethics',
      isAffiliated: false,
      gender: 'female',
      termStart: '2025-02-01',
      termEnd: '2029-01-31',
    } as const;
    // Not the committee's secretary or chair: refused.
    expect((await apiErrorOf(callerAs(db, 'member@demo.ctp').committees.updateMember(edit))).code).toBe('FORBIDDEN');
    expect((await apiErrorOf(callerAs(db, 'ec-gulou@demo.ctp').committees.updateMember(edit))).code).toBe('FORBIDDEN');
    // A term ending before it starts: refused, field by field.
    const bad = await apiErrorOf(secretary.committees.updateMember({ ...edit, termEnd: '2024-12-31' }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fieldErrors?.map((f) => f.path)).toEqual(['termEnd']);
    expect(auditCount(db, 'committee.update_member')).toBe(0);

    expect(await secretary.committees.updateMember(edit)).toMatchObject({ id: memberId, version: 2 });
    const row = (await secretary.committees.get({ committeeId: EC })).members.find((m) => m.id === memberId);
    expect(row).toMatchObject({
      name: '周伦理',
      role: 'vice_chair',
      expertise: 'ethics',
      isAffiliated: false,
      gender: 'female',
      termStart: '2025-02-01',
      termEnd: '2029-01-31',
    });
    const audit = db.sqlite
      .prepare("select before_json, after_json from audit_events where action = 'committee.update_member'")
      .get() as { before_json: string; after_json: string };
    expect(JSON.parse(audit.before_json)).toMatchObject({ memberId, expertise: 'medical', isAffiliated: true });
    expect(JSON.parse(audit.after_json)).toMatchObject({ memberId, expertise: 'ethics', isAffiliated: false });
    // The version read is stale now: a second edit from the same form gets a conflict.
    expect((await apiErrorOf(secretary.committees.updateMember({ ...edit, role: 'member' }))).code).toBe('CONFLICT');
    expect((await apiErrorOf(secretary.committees.updateMember({ ...edit, memberId: 'nope', version: 1 }))).code).toBe(
      'NOT_FOUND',
    );
  });
});
