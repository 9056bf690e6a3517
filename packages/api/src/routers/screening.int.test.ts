import { RECOMMENDED_CHECKLISTS } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { uploadSubmissionDocument } from '@ctp/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditCount } from '../../../../test/helpers/db-counts.ts';
import { selectPiSite, tinyPdf } from '../../../../test/helpers/fixtures.ts';
import { actorCtxOf, apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

const EC = 'ec-jsph';

/** A new medium-risk drug trial with a site at 江苏省人民医院, its initial submission in draft. */
async function draftInitial(db: DbHandle) {
  const sponsor = callerAs(db, 'sponsor@demo.ctp');
  const { id: trialId } = await sponsor.trials.create({
    titleZh: '一项评估 QRS-303 治疗高血压的随机对照研究',
    type: 'drug',
    phase: 'III',
    conditions: ['高血压'],
    targetEnrolment: 80,
    riskLevel: 'medium',
  });
  const trialSiteId = await selectPiSite(db, sponsor, trialId);
  return (await callerAs(db, 'site@demo.ctp').submissions.create({ trialSiteId, type: 'initial' })).id;
}

function upload(db: DbHandle, submissionId: string, kind: string) {
  return uploadSubmissionDocument({
    ctx: actorCtxOf(callerAs(db, 'site@demo.ctp').ctx),
    input: {
      submissionId,
      fields: { kind, versionLabel: 'V1.0', versionDate: '2026-01-05' } as Parameters<
        typeof uploadSubmissionDocument
      >[0]['input']['fields'],
    },
    file: { bytes: tinyPdf(kind), filename: `${kind}.pdf` },
  });
}

describe('screening (形式审查) against the SOP checklist: nothing is met by default (issue 14)', () => {
  let db: DbHandle;
  beforeEach(async () => {
    db = await createSeededDatabase();
    await callerAs(db, 'ec@demo.ctp').committees.updateProcedures({
      committeeId: EC,
      expedited: { types: ['amendment'], maxRisk: 'medium', reviewers: 2 },
      checklists: RECOMMENDED_CHECKLISTS,
    });
  });

  it('starts unticked, is met by uploads of the matching kind or the secretary’s tick, and refuses an unmet required item', async () => {
    const items = RECOMMENDED_CHECKLISTS.initial!;
    const id = await draftInitial(db);
    const site = callerAs(db, 'site@demo.ctp');
    const secretary = callerAs(db, 'ec@demo.ctp');

    // The applicant sees the committee's list and what is still missing, before submitting.
    const draft = await site.submissions.get({ id });
    expect(draft.screening.items.map((i) => i.label)).toEqual(items.map((i) => i.label));
    expect(draft.screening.items.every((i) => !i.documented)).toBe(true);
    expect(draft.screening.missingKinds).toEqual([
      'application_form',
      'protocol',
      'icf',
      'investigator_brochure',
      'crf',
      'investigator_cv',
      'gcp_certificate',
      'nmpa_approval',
      'insurance',
    ]);
    for (const kind of ['application_form', 'protocol', 'icf', 'investigator_brochure', 'crf', 'investigator_cv'])
      await upload(db, id, kind);
    expect((await site.submissions.get({ id })).screening.missingKinds).toEqual([
      'gcp_certificate',
      'nmpa_approval',
      'insurance',
    ]);
    await site.submissions.submit({ id });
    const { version } = await secretary.submissions.get({ id });

    // Accepting without ticking anything: the file has no GCP certificate, NMPA notice or insurance, and nobody
    // checked the document list — refused, localised, nothing changed.
    const refused = await apiErrorOf(secretary.submissions.screen({ id, version, accept: true }));
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', detail: 'SCREENING_REQUIRED_UNMET' });
    expect(refused.message).toContain('临床试验责任保险凭证');
    expect(refused.message).toContain('送审文件清单');
    expect(refused.message).not.toContain('招募受试者的材料');
    const en = await apiErrorOf(
      callerAs(db, 'ec@demo.ctp', { locale: 'en' }).submissions.screen({ id, version, accept: true }),
      'en',
    );
    expect(en.message).toMatch(/^Required screening items are not met/);

    // The secretary ticks the items without a document kind; the missing documents are still missing.
    const ticks = (labels: string[]) => items.map((i) => ({ item: i.label, ok: labels.includes(i.label) }));
    const noKind = items.filter((i) => i.kind === null && i.required).map((i) => i.label);
    const stillRefused = await apiErrorOf(
      secretary.submissions.screen({ id, version, accept: true, checklist: ticks(noKind) }),
    );
    expect(stillRefused.detail).toBe('SCREENING_REQUIRED_UNMET');
    expect(stillRefused.message).toContain('主要研究者 GCP 培训证书');
    expect(stillRefused.message).not.toContain('送审文件清单');
    expect(await secretary.submissions.get({ id })).toMatchObject({ state: 'submitted', version });
    expect(auditCount(db, 'submission.accept', id)).toBe(0);

    // Returned for the missing documents; the applicant uploads them and resubmits.
    await secretary.submissions.screen({
      id,
      version,
      accept: false,
      checklist: ticks(noKind),
      reasons: ['请补交 GCP 证书、临床试验通知书和保险凭证'],
    });
    for (const kind of ['gcp_certificate', 'nmpa_approval', 'insurance']) await upload(db, id, kind);
    await site.submissions.submit({ id });
    const accepted = await secretary.submissions.screen({ id, accept: true, checklist: ticks(noKind) });
    expect(accepted.acceptanceNo).toMatch(/^JSPH-/);

    // The timeline and the audit row say truthfully what satisfied each item; the optional ones stay unmet.
    const timeline = (await secretary.submissions.get({ id })).timeline;
    const returned = timeline.find((e) => e.step === 'return')!.detail as { checklist: { by: string | null }[] };
    expect(returned.checklist.filter((c) => c.by === null)).toHaveLength(6);
    const accept = timeline.find((e) => e.step === 'accept')!.detail as {
      checklist: { item: string; ok: boolean; by: string | null; required: boolean }[];
    };
    const byOf = (label: string) => accept.checklist.find((c) => c.item === label)?.by;
    expect(byOf('临床试验责任保险凭证')).toBe('document');
    expect(byOf('主要研究者 GCP 培训证书')).toBe('document');
    expect(byOf('送审文件清单')).toBe('secretary');
    expect(byOf('招募受试者的材料（如适用）')).toBeNull();
    expect(accept.checklist.filter((c) => c.required).every((c) => c.ok)).toBe(true);
    const audit = db.sqlite
      .prepare("select after_json from audit_events where action = 'submission.accept' and entity_id = ?")
      .pluck()
      .get(id) as string;
    expect(JSON.parse(audit).checklist).toEqual(accept.checklist);
  });

  it('a secretary’s tick cannot stand for the wrong list; legacy string items keep working', async () => {
    const id = await draftInitial(db);
    await callerAs(db, 'site@demo.ctp').submissions.submit({ id });
    const secretary = callerAs(db, 'ec@demo.ctp');
    const items = RECOMMENDED_CHECKLISTS.initial!;
    const partial = await apiErrorOf(
      secretary.submissions.screen({
        id,
        accept: true,
        checklist: items.slice(1).map((i) => ({ item: i.label, ok: true })),
      }),
    );
    expect(partial).toMatchObject({ code: 'VALIDATION', detail: 'CHECKLIST_MISMATCH' });

    // A checklist saved as bare strings (before kinds): "如适用" items are optional, the others required.
    await secretary.committees.updateProcedures({
      committeeId: EC,
      expedited: { types: ['amendment'], maxRisk: 'medium', reviewers: 2 },
      checklists: { initial: ['送审文件清单', '招募材料（如适用）'] },
    });
    const saved = (await secretary.committees.procedures({ committeeId: EC })).checklists.initial;
    expect(saved).toEqual([
      { label: '送审文件清单', kind: null, required: true },
      { label: '招募材料（如适用）', kind: null, required: false },
    ]);
    const ok = await secretary.submissions.screen({
      id,
      accept: true,
      checklist: [
        { item: '送审文件清单', ok: true },
        { item: '招募材料（如适用）', ok: false },
      ],
    });
    expect(ok.state).toBe('accepted');
  });
});
