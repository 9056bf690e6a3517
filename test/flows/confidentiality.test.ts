import { appRouter, describeError, toTrpcError } from '@ctp/api';
import { DEFAULT_INCENTIVE_WEIGHTS, POLICIES, type Policy } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { cloneTestDatabase } from '@ctp/db/testing';
import { uploadInquiryAttachment } from '@ctp/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DeliberationJourney,
  deliberationSecrets,
  runDeliberationJourney,
} from '../helpers/deliberation-journey.ts';
import { pdfText, tinyPdf } from '../helpers/fixtures.ts';
import { actorCtxOf, callerAs, createSeededDatabase } from '../helpers/test-app.ts';

/**
 * Issue 12, the confidentiality test: after a full journey (expedited and convened reviews with worksheets, votes,
 * a declared conflict, minutes, a recognition), every procedure that a sponsor, a trial office, a PI, the commission
 * or a participating EC may call is called as each of them with inputs built from the journey's ids, and every
 * response (and every error message, and the text of every exported XLSX or PDF) is scanned for the committee's
 * members' names, vote values, worksheet texts, conflict reasons, minutes and internal notes. The procedures come
 * from walking the router: a new one fails this test until it is given an input here or listed as skipped.
 */

type AnyProcedure = { _def: { meta?: { policy?: unknown }; type: string; inputs: unknown[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);
const policyOf = (name: unknown): Policy | undefined => Object.values(POLICIES).find((p) => p.name === name);

/** Everyone outside the lead committee who may read something of its work. */
const OUTSIDERS = [
  'sponsor@demo.ctp', // sponsor
  'site@demo.ctp', // trial office of the lead site (the applicant)
  'pi@demo.ctp', // the lead site's PI
  'commission@demo.ctp', // health commission
  'ec-gulou@demo.ctp', // participating EC that recognised the review
  'site-gulou@demo.ctp', // trial office of the participating site
] as const;

type Ids = DeliberationJourney & {
  shortlistId: string;
  inquiryId: string;
  attachmentId: string;
  agreementId: string;
  specialtyId: string;
};
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const TEXT = '测试说明：用于保密扫描的输入文本';
const PACKET = {
  piQualification: '主任医师',
  piCurrentLoad: 1,
  capacityAndEquipment: '病房 10 床',
  feesAndInsurance: '按标准收费',
};
const submissionIdsOf = (i: Ids) => [i.expeditedId, i.convenedId, i.referredId];

/** Plausible inputs per procedure (several where one id would not cover the journey). */
const INPUTS: Record<string, (i: Ids) => unknown[]> = {
  'organisations.list': () => [{}, { kind: 'hospital' }],
  'calendar.year': () => [{ year: 2026 }, { year: 2027 }],
  'registry.trialsOfHospital': () => [{ hospitalId: 'hosp-jsph' }, { hospitalId: 'hosp-njglyy', condition: '肺癌' }],
  'registry.ofTrial': (i) => [{ trialId: i.trialId }],
  'calendar.export': () => [
    { year: 2026, format: 'json' },
    { year: 2027, format: 'csv' },
  ],
  'organisations.get': () => [{ id: 'hosp-jsph' }, { id: 'hosp-njglyy' }],
  'sites.search': () => [{}, { q: '内分泌' }, { condition: 'NSCLC' }],
  'sites.conditions': () => [{ q: '肺癌' }, { q: 'NSCLC' }],
  'sites.compare': () => [{ hospitalIds: ['hosp-jsph', 'hosp-njglyy'] }],
  'sites.exportSearch': () => [{}],
  'shortlists.get': (i) => [{ id: i.shortlistId }],
  'shortlists.create': () => [{ name: '保密扫描清单' }],
  'shortlists.rename': (i) => [{ id: i.shortlistId, name: '改名清单' }],
  'shortlists.archive': (i) => [{ id: i.shortlistId }],
  'shortlists.addItem': (i) => [{ shortlistId: i.shortlistId, hospitalId: 'hosp-njglyy', query: { q: '肺癌' } }],
  'shortlists.updateNote': (i) => [{ shortlistId: i.shortlistId, hospitalId: 'hosp-jsph', note: TEXT }],
  'shortlists.removeItem': (i) => [{ shortlistId: i.shortlistId, hospitalId: 'hosp-jsph' }],
  'shortlists.export': (i) => [{ id: i.shortlistId }],
  'trials.create': () => [
    { titleZh: '保密扫描新试验', type: 'drug', phase: 'II', conditions: ['高血压'], targetEnrolment: 10 },
  ],
  'trials.get': (i) => [{ id: i.trialId }],
  'trials.list': () => [{}],
  'trials.fhir': (i) => [{ id: i.trialId }],
  'bases.list': () => [{}, { q: '基地' }],
  'bases.get': () => [{ id: 'no-such-base' }],
  'bases.linkableTrials': () => [{ id: 'no-such-base' }],
  'bases.create': () => [
    {
      nameZh: '保密扫描基地',
      leadOrgId: 'hosp-jsph',
      memberOrgIds: ['hosp-jsph'],
      focusAreas: ['cell_therapy'],
      foundedOn: '2025-01-01',
      contactName: '扫描联系人',
    },
  ],
  'bases.update': () => [{ id: 'no-such-base', version: 1, memberNote: TEXT }],
  'bases.setStatus': () => [{ id: 'no-such-base', version: 1, status: 'recognised', reason: TEXT }],
  'bases.linkTrial': (i) => [{ id: 'no-such-base', trialId: i.trialId }],
  'projects.list': () => [{}, { includeUnnamed: true }],
  'projects.get': () => [{ id: 'no-such-project' }],
  'projects.create': () => [
    {
      titleZh: '（保密测试）攻关项目',
      leadOrgId: 'org-sponsor-zijin',
      technologyArea: 'cell_therapy',
      fundingProgramme: '市科技计划',
      startDate: '2025-01-01',
      milestones: [{ nameZh: '里程碑', plannedDate: '2025-06-30' }],
    },
  ],
  'projects.update': () => [{ id: 'no-such-project', version: 1, summary: TEXT }],
  'projects.setMilestone': () => [{ id: 'no-such-project', version: 1, nameZh: '里程碑', plannedDate: '2025-06-30' }],
  'projects.linkTrial': (i) => [{ id: 'no-such-project', trialId: i.trialId }],
  'providers.search': () => [{}, { q: '中心实验室' }, { category: 'cro', district: '玄武区' }],
  'providers.get': () => [{ id: 'org-prov-xianlin-lab' }],
  'providers.update': () => [{ id: 'org-prov-xianlin-lab', version: 1, summary: TEXT }],
  'providers.shortlisted': (i) => [{ shortlistId: i.shortlistId }],
  'providers.shortlist': (i) => [{ shortlistId: i.shortlistId, providerId: 'org-prov-hexi-lab', note: TEXT }],
  'providers.unshortlist': (i) => [{ shortlistId: i.shortlistId, providerId: 'org-prov-hexi-lab' }],
  'providers.forTrial': (i) => [{ trialId: i.trialId }],
  'providers.linkTrial': (i) => [{ trialId: i.trialId, providerId: 'org-prov-hexi-lab', category: 'central_lab' }],
  'tokens.create': () => [{ name: '保密扫描令牌', role: 'sponsor', scopes: ['read'], expiresAt: '2030-12-31' }],
  'tokens.revoke': () => [{ id: 'no-such-token' }],
  'webhooks.create': () => [
    {
      url: 'https://scan.example.cn/hook',
      events: [
        'inquiry.received',
        'site.state_changed',
        'submission.decided',
        'recognition.opened',
        'recognition.decided',
        'letter.issued',
      ],
    },
  ],
  // The outbox payloads carry ids and states only (packages/api/src/routers/integrations.int.test.ts checks them).
  'webhooks.deliveries': () => [{ webhookId: 'no-such-webhook' }],
  'webhooks.disable': () => [{ webhookId: 'no-such-webhook' }],
  'inquiries.send': (i) => [
    { trialId: i.trialId, hospitalSpecialtyIds: [i.specialtyId], synopsis: TEXT, replyBy: '2030-01-01' },
  ],
  'inquiries.answer': (i) => [{ inquiryId: i.inquiryId, interested: false, declineReason: TEXT }],
  'inquiries.removeAttachment': (i) => [{ attachmentId: i.attachmentId }],
  'inquiries.list': (i) => [{}, { trialId: i.trialId }],
  'inquiries.targets': (i) => [
    { hospitalIds: ['hosp-jsph', 'hosp-njglyy'] },
    { hospitalIds: ['hosp-jsph'], trialId: i.trialId },
  ],
  'trialSites.select': (i) => [{ trialId: i.trialId, hospitalSpecialtyId: i.specialtyId }],
  'trialSites.recordMilestone': (i) => [{ trialSiteId: i.leadSiteId, milestone: 'contractSigned', date: today() }],
  'trialSites.recordEnrolment': (i) => [
    { trialSiteId: i.leadSiteId, month: today().slice(0, 7), screened: 1, enrolled: 0, screenFailures: 1 },
  ],
  'trialSites.transition': (i) => [{ trialSiteId: i.gulouSiteId, step: 'suspend', reason: TEXT }],
  'trialSites.recordDelay': (i) => [
    { trialSiteId: i.leadSiteId, stage: 'siv', reason: 'contract', attribution: 'hospital', note: TEXT },
  ],
  'trialSites.delays': (i) => [{ trialSiteId: i.leadSiteId }, { trialSiteId: i.gulouSiteId }],
  'notifications.list': () => [{}],
  'notifications.markRead': () => [{}],
  'hospitals.get': () => [{ id: 'hosp-jsph' }, { id: 'hosp-njglyy' }],
  'submissions.create': (i) => [{ trialSiteId: i.leadSiteId, type: 'continuing' }],
  'submissions.submit': (i) => submissionIdsOf(i).map((id) => ({ id })),
  'submissions.respond': (i) => submissionIdsOf(i).map((id) => ({ id, answer: TEXT })),
  'submissions.withdraw': (i) => submissionIdsOf(i).map((id) => ({ id, reason: TEXT })),
  'submissions.get': (i) => submissionIdsOf(i).map((id) => ({ id })),
  'submissions.list': (i) => [{}, { trialId: i.trialId }],
  'submissions.documents': (i) => submissionIdsOf(i).map((id) => ({ id })),
  'submissions.compareDocuments': (i) => [{ id: i.convenedId, againstSubmissionId: i.expeditedId }],
  'submissions.effectiveDocuments': (i) => [{ trialSiteId: i.leadSiteId }, { trialSiteId: i.gulouSiteId }],
  'submissions.screen': (i) => [{ id: i.referredId, accept: true }],
  'submissions.startScreening': (i) => [{ id: i.referredId }],
  'submissions.triage': (i) => [{ id: i.referredId, path: 'convened' }],
  'submissions.requestInfo': (i) => [{ id: i.referredId, questions: TEXT }],
  'submissions.decide': (i) => submissionIdsOf(i).map((id) => ({ id, outcome: 'approved' })),
  'submissions.issueLetter': (i) => [{ id: i.convenedId }],
  'meetings.create': (i) => [{ committeeId: 'ec-jsph', date: today(), submissionIds: [i.referredId] }],
  'meetings.recordAttendance': (i) => [{ meetingId: i.meetingId, memberId: i.memberIds.memberId, present: false }],
  'meetings.declareConflict': (i) => [{ meetingId: i.meetingId, submissionId: i.convenedId, reason: TEXT }],
  'meetings.vote': (i) => [
    { meetingId: i.meetingId, submissionId: i.convenedId, choice: 'approve' },
    { submissionId: i.referredId, choice: 'approve' },
  ],
  'meetings.get': (i) => [{ meetingId: i.meetingId }],
  'meetings.list': () => [{ committeeId: 'ec-jsph' }, { committeeId: 'ec-njglyy' }],
  'meetings.addToAgenda': (i) => [{ meetingId: i.meetingId, submissionId: i.referredId }],
  'meetings.removeFromAgenda': (i) => [{ meetingId: i.meetingId, submissionId: i.convenedId }],
  'meetings.minutes': (i) => [{ meetingId: i.meetingId }],
  'meetings.saveMinutes': (i) => [{ meetingId: i.meetingId, summary: TEXT }],
  'meetings.approveMinutes': (i) => [{ meetingId: i.meetingId }],
  'committees.addMember': () => [
    {
      committeeId: 'ec-jsph',
      name: '扫描委员',
      role: 'member',
      expertise: 'lay',
      isAffiliated: false,
      termStart: today(),
    },
  ],
  'committees.updateSettings': () => [{ committeeId: 'ec-jsph', reviewLimitDays: 15 }],
  'committees.get': () => [{ committeeId: 'ec-jsph' }, { committeeId: 'ec-njglyy' }],
  'committees.updateMember': (i) => [
    {
      committeeId: 'ec-jsph',
      memberId: i.memberIds.viceId,
      version: 1,
      role: 'member',
      expertise: 'pharmacy',
      isAffiliated: true,
      gender: null,
      termStart: '2025-01-01',
      termEnd: null,
    },
  ],
  'committees.endTerm': (i) => [{ committeeId: 'ec-jsph', memberId: i.memberIds.viceId, termEnd: today() }],
  'committees.procedures': () => [{ committeeId: 'ec-jsph' }, { committeeId: 'ec-njglyy' }],
  'committees.updateProcedures': () => [
    {
      committeeId: 'ec-jsph',
      expedited: { types: ['amendment'], maxRisk: 'medium', reviewers: 1 },
      checklists: {},
    },
  ],
  'recognition.agreements.create': () => [{ nameZh: '扫描协议', committeeIds: ['ec-jsph', 'ec-njglyy'] }],
  'recognition.agreements.update': (i) => [{ id: i.agreementId, reason: TEXT, nameZh: '扫描协议改名' }],
  'recognition.agreements.join': (i) => [{ id: i.agreementId }],
  'recognition.agreements.leave': (i) => [{ id: i.agreementId, reason: TEXT }],
  'recognition.agreements.get': (i) => [{ id: i.agreementId }],
  'recognition.localContext.get': () => [{ hospitalOrgId: 'hosp-jsph' }, { hospitalOrgId: 'hosp-njglyy' }],
  'recognition.localContext.save': () => [{ hospitalOrgId: 'hosp-njglyy', feeSchedule: TEXT }],
  'recognition.requests.list': (i) => [{}, { trialId: i.trialId }],
  'recognition.requests.get': (i) => [{ id: i.requestId }],
  'recognition.requests.letter': (i) => [{ id: i.requestId }],
  'recognition.requests.submitPacket': (i) => [{ id: i.requestId, ...PACKET }],
  'recognition.requests.respond': (i) => [{ id: i.requestId, answer: TEXT }],
  'recognition.requests.accept': (i) => [{ id: i.requestId }],
  'recognition.requests.saveChecklist': (i) => [{ id: i.requestId, items: [] }],
  'recognition.requests.requestAction': (i) => [{ id: i.requestId, questions: TEXT }],
  'recognition.requests.decide': (i) => [{ id: i.requestId, outcome: 'recognised' }],
  'recognition.objections.raise': (i) => [{ requestId: i.requestId, category: 'informed_consent', text: TEXT }],
  'recognition.objections.resolve': () => [{ id: 'no-such-objection', resolution: TEXT }],
  'recognition.acks.act': () => [{ id: 'no-such-ack', acknowledge: true }],
  'recognition.safetyReports.markRead': (i) => [{ submissionId: i.expeditedId }],
  'recognition.board': (i) => [{ trialId: i.trialId }],
  'reviews.assign': (i) => [{ submissionId: i.referredId, memberId: i.memberIds.memberId }],
  'reviews.unassign': (i) => [{ submissionId: i.referredId, memberId: i.memberIds.viceId }],
  'reviews.declare': (i) => submissionIdsOf(i).map((submissionId) => ({ submissionId, hasConflict: false })),
  'reviews.forSubmission': (i) => submissionIdsOf(i).map((submissionId) => ({ submissionId })),
  'reviews.mine': () => [{}, { includeDone: true }],
  'modifications.submit': (i) => [{ id: i.expeditedId, response: TEXT }],
  'modifications.verify': (i) => [{ id: i.expeditedId, verdict: 'verified' }],
  'modifications.get': (i) => submissionIdsOf(i).map((id) => ({ id })),
  'metrics.overview': () => [{}],
  'metrics.byHospital': () => [{}],
  'metrics.byCommittee': () => [{}],
  'metrics.trend': () => [{}],
  'metrics.charts': () => [{}],
  'metrics.delays': () => [{}],
  'metrics.records': () => [{ metric: 'ethicsMedianWorkingDays' }, { metric: 'recognitionAdoptionPct' }],
  'metrics.export': () => [{ table: 'byCommittee' }, { table: 'records', metric: 'ethicsMedianWorkingDays' }],
  'incentive.ranking': () => [{}],
  'incentive.setWeights': () => [{ weights: { ...DEFAULT_INCENTIVE_WEIGHTS }, note: TEXT }],
  'keyProjects.flag': (i) => [{ trialId: i.trialId, flagged: true, reason: TEXT }],
  'metrics.programmes': () => [{}],
};

/** Procedures this test does not call, each with why. A new procedure must land in INPUTS or here. */
const SKIPPED: Record<string, string> = {
  'auth.login': 'public sign-in with a password; answers with the caller’s own account only',
  'auth.logout': 'ends the caller’s session; returns nothing',
  'auth.changePassword': 'the caller’s own password; returns nothing',
  'auth.switchMembership': 'the caller’s own role switch; returns the caller’s own memberships',
  'hospitals.updateProfile': 'edits the caller’s own hospital profile; returns only that profile',
  'hospitals.confirmCapacity': 'confirms the caller’s own hospital capacity; returns only that profile',
  'hospitals.addSpecialty': 'edits the caller’s own hospital profile; returns only that profile',
  'hospitals.updateSpecialty': 'edits the caller’s own hospital profile; returns only that profile',
  'hospitals.retireSpecialty': 'edits the caller’s own hospital profile; returns only that profile',
  'hospitals.addInvestigator': 'edits the caller’s own hospital profile; returns only that profile',
  'hospitals.updateInvestigator': 'edits the caller’s own hospital profile; returns only that profile',
  'hospitals.retireInvestigator': 'edits the caller’s own hospital profile; returns only that profile',
  'hospitals.setCapabilities': 'edits the caller’s own hospital profile; returns only that profile',
};

const XLSX_OR_PDF = /^(UEsDB|JVBER)/;

/** The text of a response: its JSON plus the text inside any exported workbook or PDF it carries. */
async function textOf(value: unknown): Promise<string> {
  let text = JSON.stringify(value) ?? '';
  const files: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && v.length > 100 && XLSX_OR_PDF.test(v)) files.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(value);
  for (const b64 of files) {
    const bytes = Buffer.from(b64, 'base64');
    if (b64.startsWith('JVBER')) text += await pdfText(bytes);
    else {
      const ExcelJS = (await import('exceljs')).default;
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      book.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            text += ` ${String(cell.text ?? '')}`;
          }),
        ),
      );
    }
  }
  return text;
}

function procedureAt(caller: object, path: string) {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input?: unknown,
  ) => Promise<unknown>;
}

const callableBy = (actor: Parameters<Policy['allows']>[0], policy: unknown) =>
  policy === 'session' || policyOf(policy)?.allows(actor) === true;

describe('no deliberation reaches anyone outside the committee (issue 12)', () => {
  let journeyDb: DbHandle;
  let ids: Ids;
  beforeAll(async () => {
    journeyDb = await createSeededDatabase();
    const journey = await runDeliberationJourney(journeyDb);
    const sponsor = callerAs(journeyDb, 'sponsor@demo.ctp');
    const { id: shortlistId } = await sponsor.shortlists.create({ name: '保密扫描' });
    await sponsor.shortlists.addItem({ shortlistId, hospitalId: 'hosp-jsph' });
    const specialtyId = journeyDb.sqlite
      .prepare("select id from hospital_specialties where hospital_org_id = 'hosp-jsch' order by id limit 1")
      .pluck()
      .get() as string;
    await sponsor.inquiries.send({
      trialId: journey.trialId,
      hospitalSpecialtyIds: [specialtyId],
      synopsis: '一项多中心 III 期研究的可行性调研，请评估入组能力。',
      replyBy: '2030-01-01',
    });
    const inquiryId = journeyDb.sqlite.prepare('select id from inquiries order by sent_at desc limit 1').pluck().get();
    const attachment = await uploadInquiryAttachment({
      ctx: actorCtxOf(callerAs(journeyDb, 'site-zhongliu@demo.ctp').ctx),
      input: { inquiryId: inquiryId as string },
      file: { bytes: tinyPdf('调研答复附件'), filename: '附件.pdf' },
    });
    const agreementId = journeyDb.sqlite.prepare('select id from recognition_agreements limit 1').pluck().get();
    ids = {
      ...journey,
      shortlistId,
      inquiryId: inquiryId as string,
      attachmentId: attachment.id,
      agreementId: agreementId as string,
      specialtyId,
    };
  }, 120_000);

  it('classifies every procedure an outsider may call: an input here, no input, or skipped with a reason', () => {
    const actors = OUTSIDERS.map((email) => callerAs(journeyDb, email).ctx.session?.actor ?? null);
    const callable = procedures.filter(([, p]) => actors.some((a) => callableBy(a, p._def.meta?.policy)));
    const unknown = callable
      .filter(([path, p]) => p._def.inputs.length > 0 && !INPUTS[path] && !SKIPPED[path])
      .map(([path]) => path);
    expect(unknown).toEqual([]);
    const paths = new Set(procedures.map(([path]) => path));
    const stale = [...Object.keys(INPUTS), ...Object.keys(SKIPPED)].filter((path) => !paths.has(path));
    expect(stale).toEqual([]);
    // Guard against a walk that finds nothing.
    expect(callable.length).toBeGreaterThan(100);
  });

  it('scans every response of every callable procedure, for every outsider role', async () => {
    const secrets = deliberationSecrets();
    const leaks: string[] = [];
    /** Per procedure: did any call get past input validation (so the input was plausible)? */
    const reached = new Map<string, boolean>();
    let calls = 0;
    for (const email of OUTSIDERS) {
      const reader = callerAs(journeyDb, email);
      const actor = reader.ctx.session?.actor ?? null;
      for (const [path, p] of procedures) {
        if (SKIPPED[path] || !callableBy(actor, p._def.meta?.policy)) continue;
        const inputs = p._def.inputs.length === 0 ? [undefined] : INPUTS[path]!(ids);
        for (const input of inputs) {
          // A mutation acts on its own copy of the journey, so the calls do not change what the next one sees.
          const db = p._def.type === 'mutation' ? cloneTestDatabase(journeyDb) : journeyDb;
          const caller = p._def.type === 'mutation' ? callerAs(db, email) : reader;
          let outcome: unknown;
          let passedValidation = true;
          try {
            outcome = await procedureAt(caller, path)(input);
          } catch (error) {
            const described = describeError(toTrpcError(error), 'zh-CN', 'scan');
            passedValidation = described.code !== 'VALIDATION';
            outcome = described;
          } finally {
            if (db !== journeyDb) db.sqlite.close();
          }
          calls++;
          reached.set(path, (reached.get(path) ?? false) || passedValidation);
          const text = await textOf(outcome);
          for (const secret of secrets)
            if (text.includes(secret)) leaks.push(`${email} ${path} ${JSON.stringify(input)} → ${secret}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // Every input above is plausible: each procedure got past validation for at least one role.
    expect([...reached].filter(([, ok]) => !ok).map(([path]) => path)).toEqual([]);
    expect(calls).toBeGreaterThan(300);
  }, 300_000);

  it('would catch a leak: the journey holds every secret, and the committee reads them', async () => {
    const ec = callerAs(journeyDb, 'ec@demo.ctp');
    const inside = await textOf([
      await ec.submissions.get({ id: ids.convenedId }),
      await ec.submissions.get({ id: ids.expeditedId }),
      await ec.meetings.minutes({ meetingId: ids.meetingId }),
      await ec.reviews.forSubmission({ submissionId: ids.convenedId }),
      await ec.submissions.get({ id: ids.referredId }),
    ]);
    const missing = deliberationSecrets().filter((s) => !inside.includes(s));
    // The triage and acceptance notes, member names, worksheet texts, conflict reason, minutes and vote values.
    expect(missing).toEqual([]);
  });
});
