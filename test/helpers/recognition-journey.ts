import { useCaseCtx } from '@ctp/api';
import type { DocumentKind } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { uploadSubmissionDocument } from '@ctp/domain';
import { giveExpeditedViews, selectPiSite, tinyPdf } from './fixtures.ts';
import { actorCtxOf, callerAs } from './test-app.ts';

/** The recognition journey of issue 6 as tests set it up: a trial led by 省人医 (EC ec-jsph), recognised elsewhere. */

export const OK_CHECKLIST = [
  { item: 'pi_qualification', answer: 'ok' },
  { item: 'pi_load', answer: 'ok' },
  { item: 'capacity_equipment', answer: 'ok' },
  { item: 'local_icf_clauses', answer: 'ok' },
  { item: 'fees_insurance', answer: 'ok' },
] as const;

export const PACKET = {
  piQualification: '主任医师，GCP 培训 2025-03',
  piCurrentLoad: 2,
  capacityAndEquipment: '病房 20 床，-80 ℃ 冰箱 2 台',
  feesAndInsurance: '按本院标准收费；保险已覆盖',
};

export const userId = (db: DbHandle, email: string) =>
  db.sqlite.prepare('select id from users where email = ?').pluck().get(email) as string;

/** The use-case context of a test caller: the API's own conversion of its request context. */
export { useCaseCtx };

/** Submit, accept, expedited review by two primary reviewers, the chair signs `approved` (at the lead EC). */
export async function approveAtLead(db: DbHandle, id: string) {
  const secretary = callerAs(db, 'ec@demo.ctp');
  await callerAs(db, 'site@demo.ctp').submissions.submit({ id });
  await secretary.submissions.screen({ id, accept: true });
  await secretary.submissions.triage({ id, path: 'expedited' });
  await giveExpeditedViews(db, (email) => callerAs(db, email), id);
  return callerAs(db, 'chair@demo.ctp').submissions.decide({
    id,
    outcome: 'approved',
    conditions: '按期提交跟踪审查报告',
  });
}

export const specialtyOf = (db: DbHandle, hospital: string) =>
  db.sqlite
    .prepare('select id from hospital_specialties where hospital_org_id = ? order by id limit 1')
    .pluck()
    .get(`hosp-${hospital}`) as string;

/** A multi-centre trial led by 省人医 with sites at 鼓楼 and 省肿瘤 (in the agreement) and 中大 (not in it). */
export async function multiCentreTrial(
  db: DbHandle,
  opts: { phase?: 'III' | 'I'; ctrNo: string } = { ctrNo: 'CTR20266001' },
) {
  const sponsor = callerAs(db, 'sponsor@demo.ctp');
  const { id: trialId } = await sponsor.trials.create({
    titleZh: '（测试）互认 HR-606 治疗 2 型糖尿病的多中心 III 期研究',
    type: 'drug',
    phase: opts.phase ?? 'III',
    ctrNo: opts.ctrNo,
    conditions: ['2 型糖尿病'],
    targetEnrolment: 300,
    riskLevel: 'low', // low: an initial review may then be expedited (committee SOP)
    leadHospitalId: 'hosp-jsph',
  });
  const sites: Record<string, string> = { jsph: await selectPiSite(db, sponsor, trialId) };
  for (const h of ['njglyy', 'jsch', 'zdyy'])
    sites[h] = (await sponsor.trialSites.select({ trialId, hospitalSpecialtyId: specialtyOf(db, h) })).trialSiteId;
  const { id: leadSubmissionId } = await callerAs(db, 'site@demo.ctp').submissions.create({
    trialSiteId: sites.jsph!,
    type: 'initial',
  });
  return { trialId, sites, leadSubmissionId };
}

export const requestOf = (db: DbHandle, trialSiteId: string) =>
  db.sqlite.prepare('select * from recognition_requests where trial_site_id = ?').get(trialSiteId) as
    | { id: string; state: string; committee_id: string; packet_json: string }
    | undefined;

/** 鼓楼's side of a request: packet, acceptance, a clean checklist, then the EC's decision. */
export async function recogniseAtGulou(
  db: DbHandle,
  requestId: string,
  outcome: 'recognised' | 'recognised_with_conditions' = 'recognised',
) {
  const ec = callerAs(db, 'ec-gulou@demo.ctp');
  await callerAs(db, 'site-gulou@demo.ctp').recognition.requests.submitPacket({ id: requestId, ...PACKET });
  await ec.recognition.requests.accept({ id: requestId });
  await ec.recognition.requests.saveChecklist({ id: requestId, items: [...OK_CHECKLIST] });
  return ec.recognition.requests.decide({
    id: requestId,
    outcome,
    ...(outcome === 'recognised_with_conditions' ? { conditions: '本中心使用本地版知情同意书附页' } : {}),
  });
}

/** The lead's trial office uploads one version of a document kind to a submission (through the use-case). */
export function uploadVersion(db: DbHandle, submissionId: string, kind: DocumentKind, versionLabel: string) {
  return uploadSubmissionDocument({
    ctx: actorCtxOf(callerAs(db, 'site@demo.ctp').ctx),
    input: { submissionId, fields: { kind, versionLabel, versionDate: '2026-01-05' } },
    file: { bytes: tinyPdf(`${kind} ${versionLabel}`), filename: `${kind}-${versionLabel}.pdf` },
  });
}
