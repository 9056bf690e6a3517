import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { organisations, submissions } from './schema/index.ts';
import { createTestDatabase, makeHospital, makeSubmission, makeTrial, makeTrialSite, makeUser } from './testing.ts';

describe('test factories', () => {
  it('insert rows that satisfy the schema, with overrides taking precedence over the defaults', () => {
    const { db, sqlite } = createTestDatabase();
    const user = makeUser(db, { name: '王五' });
    const hospital = makeHospital(db, { nameZh: '南京测试医院', district: '鼓楼区' });
    const sponsor = makeHospital(db, { kind: 'sponsor', nameZh: '测试药业' });
    const trial = makeTrial(db, { sponsorOrgId: sponsor.id, createdBy: user.id, phase: 'II' });
    expect(user).toMatchObject({ name: '王五', email: `${user.id}@test.ctp` });
    expect(db.select().from(organisations).where(eq(organisations.id, hospital.id)).get()).toMatchObject({
      kind: 'hospital',
      nameZh: '南京测试医院',
      district: '鼓楼区',
      version: 1,
    });
    expect(trial).toMatchObject({ sponsorOrgId: sponsor.id, phase: 'II', type: 'drug', status: 'planning' });
    expect(new Set([user.id, hospital.id, sponsor.id, trial.id]).size).toBe(4);

    // A site sits at one of the hospital's specialties (a catalogue entry the demo seed would bring).
    sqlite
      .prepare(
        `insert into specialty_catalogue (code, name_zh, name_en, group_name, scope) values ('cardio', '心内科', 'Cardiology', '内科', 'drug')`,
      )
      .run();
    sqlite
      .prepare(
        `insert into hospital_specialties (id, hospital_org_id, specialty_code, scope, max_concurrent_trials, created_at, updated_at)
         values ('spec-1', ?, 'cardio', 'drug', 3, 0, 0)`,
      )
      .run(hospital.id);
    const site = makeTrialSite(db, { trialId: trial.id, hospitalOrgId: hospital.id, hospitalSpecialtyId: 'spec-1' });
    const committee = sqlite
      .prepare(`insert into ethics_committees (id, hospital_org_id, name_zh, created_at, updated_at)
                values ('ec-test', ?, '测试伦理委员会', 0, 0) returning id`)
      .pluck()
      .get(hospital.id) as string;
    const submission = makeSubmission(db, { trialSiteId: site.id, committeeId: committee, createdBy: user.id });
    expect(db.select().from(submissions).where(eq(submissions.id, submission.id)).get()).toMatchObject({
      trialId: trial.id,
      state: 'draft',
      type: 'initial',
    });
    expect(() =>
      makeSubmission(db, { trialSiteId: 'no-such-site', committeeId: committee, createdBy: user.id }),
    ).toThrow(/no trial site/);
  });
});
