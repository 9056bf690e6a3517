import type { DbHandle } from '@ctp/db';
import { uploadInquiryAttachment } from '@ctp/domain';
import { selectPiSite, tinyPdf } from './fixtures.ts';
import { actorCtxOf, callerAs } from './test-app.ts';

/**
 * Two tenants on one seeded database, built through the use-cases (issue 12, resource-level tests and fuzzing).
 *
 * Tenant A: the sponsor 紫金山 (sponsor@), the hospital 省人医 (site@, pi@) and its EC (ec@, chair@, member@), with a
 * multi-centre trial (participating site 鼓楼, whose EC recognises the lead's approval), a shortlist, an inquiry, an
 * approved submission with its letter, a draft submission, a meeting, and a recognition agreement and request.
 *
 * Tenant B: the CRO 长江 (cro@) and the hospital 中大 (outside the demo agreement; a site admin, an investigator, an EC
 * secretary, member and chair created here), none of which takes part in anything of A's.
 */
export type TenantWorld = Awaited<ReturnType<typeof buildTenantWorld>>;

const userId = (db: DbHandle, email: string) =>
  db.sqlite.prepare('select id from users where email = ?').pluck().get(email) as string;
const one = <T>(db: DbHandle, sql: string, ...params: unknown[]) =>
  db.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as T;

const TENANT_B_STAFF = [
  ['site-b@tenant.test', 'site_admin'],
  ['pi-b@tenant.test', 'investigator'],
  ['ec-b@tenant.test', 'ec_secretary'],
  ['member-b@tenant.test', 'ec_member'],
  ['chair-b@tenant.test', 'ec_chair'],
] as const;
/** B's service provider (another demo provider than A's central lab) and its admin. */
const TENANT_B_PROVIDER_ADMIN = 'provider-b@tenant.test';
export const TENANT_B_ACCOUNTS = ['cro@demo.ctp', ...TENANT_B_STAFF.map(([email]) => email), TENANT_B_PROVIDER_ADMIN];
/** A's service provider: the demo central lab kept by provider@demo.ctp. */
const PROVIDER_A = 'org-prov-xianlin-lab';

export async function buildTenantWorld(db: DbHandle) {
  const admin = callerAs(db, 'admin@demo.ctp');
  for (const [email, role] of TENANT_B_STAFF) {
    await admin.users.create({
      email,
      name: `中大${role}`,
      password: 'tenant-b-password-2026',
      memberships: [{ orgId: 'hosp-zdyy', role }],
    });
  }
  await admin.users.create({
    email: TENANT_B_PROVIDER_ADMIN,
    name: '河西检验管理员',
    password: 'tenant-b-password-2026',
    memberships: [{ orgId: 'org-prov-hexi-lab', role: 'provider_admin' }],
  });

  // A's committee roster: the chair and a member, both able to review.
  const secretary = callerAs(db, 'ec@demo.ctp');
  const roster = { committeeId: 'ec-jsph', termStart: '2025-01-01', termEnd: '2029-12-31' } as const;
  const chairMember = await secretary.committees.addMember({
    ...roster,
    userId: userId(db, 'chair@demo.ctp'),
    role: 'chair',
    expertise: 'medical',
    isAffiliated: true,
  });
  const memberMember = await secretary.committees.addMember({
    ...roster,
    userId: userId(db, 'member@demo.ctp'),
    role: 'member',
    expertise: 'lay',
    isAffiliated: false,
  });

  const sponsor = callerAs(db, 'sponsor@demo.ctp');
  const shortlist = await sponsor.shortlists.create({ name: '（A）候选清单' });
  await sponsor.shortlists.addItem({ shortlistId: shortlist.id, hospitalId: 'hosp-jsph' });
  await sponsor.providers.shortlist({ shortlistId: shortlist.id, providerId: PROVIDER_A, note: '（A）备选中心实验室' });

  const { id: trialId } = await sponsor.trials.create({
    titleZh: '（A）租户隔离测试多中心试验',
    type: 'drug',
    phase: 'III',
    ctrNo: 'CTR20269901',
    conditions: ['2 型糖尿病'],
    targetEnrolment: 200,
    riskLevel: 'low',
    leadHospitalId: 'hosp-jsph',
  });
  const trialSiteId = await selectPiSite(db, sponsor, trialId);
  await sponsor.providers.linkTrial({ trialId, providerId: PROVIDER_A, category: 'central_lab' });
  const gulouSpecialty = one<string>(
    db,
    "select id from hospital_specialties where hospital_org_id = 'hosp-njglyy' order by id limit 1",
  );
  const { trialSiteId: gulouSiteId } = await sponsor.trialSites.select({
    trialId,
    hospitalSpecialtyId: gulouSpecialty,
  });
  const jsphSpecialty = one<string>(
    db,
    `select id from hospital_specialties where hospital_org_id = 'hosp-jsph'
     and id not in (select hospital_specialty_id from trial_sites where trial_id = ?) order by id limit 1`,
    trialId,
  );
  await sponsor.inquiries.send({
    trialId,
    hospitalSpecialtyIds: [jsphSpecialty],
    synopsis: '（A）可行性调研：请评估入组能力。',
    replyBy: '2030-01-31',
  });
  const inquiryId = one<string>(db, 'select id from inquiries where trial_id = ? order by id limit 1', trialId);
  // A file attached to A's answer, not yet sent (issue 14).
  const attachment = await uploadInquiryAttachment({
    ctx: actorCtxOf(callerAs(db, 'site@demo.ctp').ctx),
    input: { inquiryId },
    file: { bytes: tinyPdf('（A）调研答复附件'), filename: 'a.pdf' },
  });

  // The lead review: submitted, accepted, expedited by two assigned reviewers who declared no conflict, approved.
  const site = callerAs(db, 'site@demo.ctp');
  const { id: submissionId } = await site.submissions.create({ trialSiteId, type: 'initial' });
  await site.submissions.submit({ id: submissionId });
  await secretary.submissions.screen({ id: submissionId, accept: true });
  await secretary.submissions.triage({ id: submissionId, path: 'expedited' });
  for (const [email, memberId] of [
    ['member@demo.ctp', memberMember.id],
    ['chair@demo.ctp', chairMember.id],
  ] as const) {
    await secretary.reviews.assign({ submissionId, memberId });
    const reviewer = callerAs(db, email);
    await reviewer.reviews.declare({ submissionId, hasConflict: false });
    await reviewer.meetings.vote({ submissionId, choice: 'approve' });
  }
  const version = one<number>(db, 'select version from submissions where id = ?', submissionId);
  await callerAs(db, 'chair@demo.ctp').submissions.decide({ id: submissionId, version, outcome: 'approved' } as never);
  await secretary.submissions.issueLetter({ id: submissionId });
  const draftSubmission = await site.submissions.create({ trialSiteId, type: 'amendment' });

  const meeting = await secretary.meetings.create({ committeeId: 'ec-jsph', date: '2030-02-01', title: '（A）会议' });
  const agreement = await callerAs(db, 'commission@demo.ctp').recognition.agreements.create({
    nameZh: '（A）双边互认协议',
    committeeIds: ['ec-jsph', 'ec-njglyy'],
  });
  // A's trial office connects its CTMS: an API token and a webhook (issue 17).
  const siteA = callerAs(db, 'site@demo.ctp');
  const apiToken = await siteA.tokens.create({
    name: '（A）CTMS 令牌',
    role: 'site_admin',
    scopes: ['read'],
    expiresAt: `${new Date().getUTCFullYear() + 1}-06-30`,
  });
  const webhook = await siteA.webhooks.create({
    url: 'https://ctms-a.example.cn/hook',
    events: ['site.state_changed'],
  });
  // A's hospital and sponsor are members of a collaborative base (issue 18).
  const base = await callerAs(db, 'commission@demo.ctp').bases.create({
    nameZh: '（A）协同创新基地',
    leadOrgId: 'hosp-jsph',
    memberOrgIds: ['hosp-jsph', 'org-sponsor-zijin'],
    focusAreas: ['cell_therapy'],
    foundedOn: '2025-01-01',
    contactName: '（A）基地办',
  });
  // A's sponsor leads a key technology project (issue 18).
  const project = await callerAs(db, 'commission@demo.ctp').projects.create({
    titleZh: '（A）关键核心技术攻关项目',
    leadOrgId: 'org-sponsor-zijin',
    technologyArea: 'cell_therapy',
    fundingProgramme: '（A）市科技计划',
    startDate: '2025-01-01',
    milestones: [{ nameZh: '（A）临床前研究完成', plannedDate: '2025-06-30' }],
  });
  const recognitionRequestId = one<string | undefined>(
    db,
    'select id from recognition_requests where trial_site_id = ?',
    gulouSiteId,
  );

  return {
    trialId,
    trialSiteId,
    gulouSiteId,
    shortlistId: shortlist.id,
    apiTokenId: apiToken.id,
    baseId: base.id,
    projectId: project.id,
    providerId: PROVIDER_A,
    webhookId: webhook.id,
    inquiryId,
    inquiryAttachmentId: attachment.id,
    submissionId,
    draftSubmissionId: draftSubmission.id,
    meetingId: meeting.id,
    committeeId: 'ec-jsph',
    memberId: memberMember.id,
    chairMemberId: chairMember.id,
    agreementId: agreement.id,
    recognitionRequestId: recognitionRequestId ?? null,
    hospitalId: 'hosp-jsph',
    hospitalSpecialtyId: jsphSpecialty,
    investigatorId: one<string>(
      db,
      "select id from investigators where hospital_org_id = 'hosp-jsph' order by id limit 1",
    ),
    userIdA: userId(db, 'site@demo.ctp'),
    membershipIdA: one<string>(db, 'select id from memberships where user_id = ?', userId(db, 'site@demo.ctp')),
  };
}
