import type { DbHandle } from '@ctp/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/helpers/db-counts.ts';
import { selectPiSite } from '../../../../test/helpers/fixtures.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

/** `submissions.startScreening` (DESIGN §4.1 submitted → screening 形式审查), the step that had no use-case before. */
describe('start screening', () => {
  let db: DbHandle;
  let id: string;
  beforeAll(async () => {
    db = await createSeededDatabase();
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsor.trials.create({
      titleZh: '一项评估 XYZ-707 治疗晚期肝癌的随机对照 III 期研究',
      type: 'drug',
      phase: 'III',
      ctrNo: 'CTR20260707',
      conditions: ['肝癌'],
      targetEnrolment: 120,
      riskLevel: 'medium',
    });
    const trialSiteId = await selectPiSite(db, sponsor, trialId);
    ({ id } = await callerAs(db, 'site@demo.ctp').submissions.create({
      trialSiteId,
      type: 'initial',
      title: '初始审查',
    }));
  });

  it('is offered to the secretary of a submitted file, refused to others and from other states, then screens on', async () => {
    const site = callerAs(db, 'site@demo.ctp');
    const secretary = callerAs(db, 'ec@demo.ctp');
    // A draft: the committee cannot see it, so the step is not found for it.
    expect((await apiErrorOf(secretary.submissions.startScreening({ id }))).code).toBe('NOT_FOUND');
    const submitted = await site.submissions.submit({ id });
    expect((await secretary.submissions.get({ id })).availableSteps).toContain('start_screening');
    expect((await site.submissions.get({ id })).availableSteps).not.toContain('start_screening');
    expect((await apiErrorOf(site.submissions.startScreening({ id }))).code).toBe('FORBIDDEN');
    expect((await apiErrorOf(secretary.submissions.startScreening({ id, version: submitted.version - 1 }))).code).toBe(
      'CONFLICT',
    );
    expect(auditCount(db, 'submission.start_screening', id)).toBe(0);

    const screening = await secretary.submissions.startScreening({ id, version: submitted.version });
    expect(screening).toMatchObject({ state: 'screening', version: submitted.version + 1 });
    expect(auditCount(db, 'submission.start_screening', id)).toBe(1);
    const timeline = (await secretary.submissions.get({ id })).timeline.map((e) => [e.step, e.fromState, e.toState]);
    expect(timeline).toContainEqual(['start_screening', 'submitted', 'screening']);
    // Screening is not started twice, and ends by acceptance as it would from `submitted`.
    expect((await apiErrorOf(secretary.submissions.startScreening({ id }))).code).toBe('INVALID_TRANSITION');
    expect(await secretary.submissions.screen({ id, accept: true })).toMatchObject({ state: 'accepted' });
  });
});
