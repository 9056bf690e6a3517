import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DbHandle } from '@ctp/db';
import {
  inTransaction,
  loadSubmission,
  medianOf,
  openRecognitionLetter,
  openRecognitionRequests,
  openSubmissionDocument,
  openSubmissionLetter,
  recognitionFigures,
  recognitionLetterContent,
  uploadSubmissionDocument,
} from '@ctp/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditCount, countOf } from '../../../../test/helpers/db-counts.ts';
import { pdfText, selectPiSite, tinyPdf } from '../../../../test/helpers/fixtures.ts';
import {
  approveAtLead,
  multiCentreTrial,
  OK_CHECKLIST,
  PACKET,
  requestOf,
  specialtyOf,
  uploadVersion,
  useCaseCtx,
  userId,
} from '../../../../test/helpers/recognition-journey.ts';
import { seedRoster } from '../../../../test/helpers/roster.ts';
import { actorCtxOf, apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';
import { renderLetterPdf } from '../../../domain/src/ethics/letter-pdf.ts';

const notified = (db: DbHandle, email: string, kind: string) =>
  countOf(db, 'select count(*) from notifications where user_id = ? and kind = ?', userId(db, email), kind);

const siteState = (db: DbHandle, id: string) =>
  db.sqlite.prepare('select state from trial_sites where id = ?').pluck().get(id) as string;

describe('mutual recognition across ethics committees (issue 6)', () => {
  let db: DbHandle;
  beforeEach(async () => {
    db = await createSeededDatabase();
    await seedRoster(db);
  });

  it('keeps agreements: created by the commission, joined by invited ECs, every change a version, audited', async () => {
    const seeded = await callerAs(db, 'admin@demo.ctp').recognition.agreements.list();
    expect(seeded).toHaveLength(1);
    expect(
      seeded[0]!.members
        .filter((m) => m.state === 'joined')
        .map((m) => m.committeeId)
        .sort(),
    ).toEqual(['ec-jsch', 'ec-jsph', 'ec-njglyy'].sort());
    expect(seeded[0]!.members.some((m) => m.committeeId === 'ec-zdyy')).toBe(false);

    const commission = callerAs(db, 'commission@demo.ctp');
    const before = auditCount(db, 'recognition.agreement_create');
    const { id } = await commission.recognition.agreements.create({
      nameZh: '（测试）器械互认协议',
      scope: { trialTypes: ['device'], phases: [] },
      committeeIds: ['ec-jsph', 'ec-njglyy'],
    });
    expect(auditCount(db, 'recognition.agreement_create')).toBe(before + 1);
    // Defaults: exclusions on, 15 + 5 and 7 working days.
    const created = await commission.recognition.agreements.get({ id });
    expect(created.exclusions).toEqual({ highRisk: true, phaseIOrBe: true, ownLead: true });
    expect(created.timelines).toEqual({ leadDecisionDays: 15, leadLetterDays: 5, participatingDays: 7 });
    expect(notified(db, 'ec-gulou@demo.ctp', 'recognition_invited')).toBeGreaterThan(0);

    // Only invited ECs join, once; the sponsor cannot create one; a bad committee is a clear validation error.
    const gulou = callerAs(db, 'ec-gulou@demo.ctp');
    const joined = await gulou.recognition.agreements.join({ id });
    expect(joined.version).toBe(2);
    expect((await apiErrorOf(gulou.recognition.agreements.join({ id }))).detail).toBe('ALREADY_JOINED');
    expect((await apiErrorOf(callerAs(db, 'ec-zhongliu@demo.ctp').recognition.agreements.join({ id }))).detail).toBe(
      'NOT_INVITED',
    );
    expect(
      (
        await apiErrorOf(
          callerAs(db, 'sponsor@demo.ctp').recognition.agreements.create({
            nameZh: '越权',
            committeeIds: ['ec-jsph', 'ec-jsch'],
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const bad = await apiErrorOf(
      commission.recognition.agreements.create({ nameZh: '坏的协议', committeeIds: ['ec-jsph', 'ec-nope'] }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fieldErrors?.[0]?.path).toBe('committeeIds');

    await commission.recognition.agreements.update({
      id,
      version: 2,
      timelines: { leadDecisionDays: 15, leadLetterDays: 5, participatingDays: 5 },
      inviteCommitteeIds: ['ec-jsch'],
      reason: '缩短参与单位时限',
    });
    const stale = await apiErrorOf(commission.recognition.agreements.update({ id, version: 2, reason: '再改一次' }));
    expect(stale.code).toBe('CONFLICT');
    const history = (await gulou.recognition.agreements.get({ id })).history;
    expect(history.map((h) => h.version)).toEqual([1, 2, 3]);
    expect(history[2]!.reason).toBe('缩短参与单位时限');
    expect(history[2]!.snapshot.timelines.participatingDays).toBe(5);
    expect(history[0]!.snapshot.timelines.participatingDays).toBe(7);
  });

  it('lets an EC leave an agreement with a reason: its sites get no new requests, requests under way go on', async () => {
    const gulou = callerAs(db, 'ec-gulou@demo.ctp');
    const agreementId = db.sqlite
      .prepare(
        "select agreement_id from recognition_agreement_members where committee_id = 'ec-njglyy' and state = 'joined'",
      )
      .pluck()
      .get() as string;
    // A request already under way at 鼓楼.
    const before = await multiCentreTrial(db, { ctrNo: 'CTR20266021' });
    await approveAtLead(db, before.leadSubmissionId);
    expect(requestOf(db, before.sites.njglyy!)).toMatchObject({
      trial_site_id: before.sites.njglyy,
      state: 'pending_packet',
    });

    // No reason: refused, nothing changes.
    const noReason = await apiErrorOf(gulou.recognition.agreements.leave({ id: agreementId, reason: '' }));
    expect(noReason.code).toBe('VALIDATION');
    expect(auditCount(db, 'recognition.agreement_leave')).toBe(0);
    // Only the committee's own secretary leaves, and only its own committee.
    expect(
      (
        await apiErrorOf(
          callerAs(db, 'sponsor@demo.ctp').recognition.agreements.leave({ id: agreementId, reason: '不适用' }),
        )
      ).code,
    ).toBe('FORBIDDEN');

    await gulou.recognition.agreements.leave({ id: agreementId, reason: '本院伦理委员会换届，暂停互认' });
    expect(auditCount(db, 'recognition.agreement_leave')).toBe(1);
    const view = await gulou.recognition.agreements.get({ id: agreementId });
    expect(view.ownState).toBe('left');
    expect(view.canJoin).toBe(true);
    expect(view.history.at(-1)!.reason).toContain('本院伦理委员会换届');
    expect((await apiErrorOf(gulou.recognition.agreements.leave({ id: agreementId, reason: '再次退出' }))).detail).toBe(
      'NOT_JOINED',
    );

    // A new trial: 鼓楼 gets no request and the reason; the earlier request is untouched.
    const after = await multiCentreTrial(db, { ctrNo: 'CTR20266022' });
    await approveAtLead(db, after.leadSubmissionId);
    expect(requestOf(db, after.sites.njglyy!)).toBeUndefined();
    expect(requestOf(db, after.sites.jsch!)).toMatchObject({
      trial_site_id: after.sites.jsch,
      state: 'pending_packet',
    });
    const board = await callerAs(db, 'sponsor@demo.ctp').recognition.board({ trialId: after.trialId });
    expect(board.rows.find((r) => r.trialSiteId === after.sites.njglyy)!.skipReason).toBe('not_in_agreement');
    expect(requestOf(db, before.sites.njglyy!)!.state).toBe('pending_packet');

    // Rejoining is a new version too.
    await gulou.recognition.agreements.join({ id: agreementId });
    expect((await gulou.recognition.agreements.get({ id: agreementId })).ownState).toBe('joined');
  });

  it('pre-fills the packet’s PI qualification, PI load and site capacity from the profiles', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsor.trials.create({
      titleZh: '（测试）互认预填 HR-707 治疗 2 型糖尿病的多中心 III 期研究',
      type: 'drug',
      phase: 'III',
      conditions: ['2 型糖尿病'],
      targetEnrolment: 200,
      riskLevel: 'low',
      leadHospitalId: 'hosp-jsph',
    });
    const lead = await selectPiSite(db, sponsor, trialId);
    const spec = specialtyOf(db, 'njglyy');
    const pi = db.sqlite
      .prepare(
        `select i.id, i.name, i.title, i.level, i.gcp_training_date as gcp, i.max_concurrent_trials as max
           from investigators i join investigator_specialties s on s.investigator_id = i.id
          where s.hospital_specialty_id = ? limit 1`,
      )
      .get(spec) as { id: string; name: string; title: string; level: string; gcp: string; max: number };
    const beds = db.sqlite.prepare('select trial_beds from hospital_specialties where id = ?').pluck().get(spec);
    const gulouSite = (await sponsor.trialSites.select({ trialId, hospitalSpecialtyId: spec, investigatorId: pi.id }))
      .trialSiteId;
    const { id } = await callerAs(db, 'site@demo.ctp').submissions.create({ trialSiteId: lead, type: 'initial' });
    await approveAtLead(db, id);
    const load = db.sqlite
      .prepare(
        `select count(*) from trial_sites where investigator_id = ? and state in
         ('selected','ethics_submitted','ethics_approved','contract_signed','initiated','enrolling','enrolment_closed')`,
      )
      .pluck()
      .get(pi.id) as number;
    const stored = JSON.parse(requestOf(db, gulouSite)!.packet_json);
    expect(stored.piQualification).toContain(`${pi.name}，${pi.title}（${pi.level}）`);
    expect(stored.piQualification).toContain(`GCP 培训 ${pi.gcp}`);
    expect(stored.piCurrentLoad).toBe(load);
    expect(load).toBeGreaterThanOrEqual(1);
    expect(stored.capacityAndEquipment).toContain(`试验床位 ${beds} 张`);
    expect(stored.capacityAndEquipment).toContain('设备与条件：');
    // The trial office opens it pre-filled, and blanks left in an older packet are filled from the profile.
    db.sqlite
      .prepare(
        "update recognition_requests set packet_json = json_set(packet_json, '$.capacityAndEquipment', '') where trial_site_id = ?",
      )
      .run(gulouSite);
    const opened = await callerAs(db, 'site-gulou@demo.ctp').recognition.requests.get({
      id: requestOf(db, gulouSite)!.id,
    });
    expect(opened.packet).toMatchObject({ piQualification: stored.piQualification, piCurrentLoad: load });
    expect(opened.packet.capacityAndEquipment).toBe(stored.capacityAndEquipment);
  });

  it('runs the whole flow over three hospitals: two requests, one reason, recognised and declined', async () => {
    const { trialId, sites, leadSubmissionId } = await multiCentreTrial(db);
    await approveAtLead(db, leadSubmissionId);

    // Exactly the two sites whose ECs are in the agreement with the lead EC get a request.
    const gulouReq = requestOf(db, sites.njglyy!)!;
    const zhongliuReq = requestOf(db, sites.jsch!)!;
    expect(gulouReq.state).toBe('pending_packet');
    expect(zhongliuReq.committee_id).toBe('ec-jsch');
    expect(requestOf(db, sites.zdyy!)).toBeUndefined();
    expect(auditCount(db, 'recognition.request_open')).toBe(2);
    expect(notified(db, 'site-gulou@demo.ctp', 'recognition_requested')).toBe(1);
    // Pre-filled from 鼓楼's local-context profile (seeded).
    expect(JSON.parse(gulouReq.packet_json).feesAndInsurance).toContain('3000');

    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    let board = await sponsor.recognition.board({ trialId });
    expect(board.rows.find((r) => r.trialSiteId === sites.zdyy)!.skipReason).toBe('not_in_agreement');
    expect(board.rows.find((r) => r.trialSiteId === sites.jsph)!.role).toBe('lead');

    // 鼓楼: packet → accepted (clock 7 working days) → checklist → recognised → ethics_approved with a letter.
    const siteGulou = callerAs(db, 'site-gulou@demo.ctp');
    const ecGulou = callerAs(db, 'ec-gulou@demo.ctp');
    // Not before the packet; not by another committee; not by the sponsor.
    expect((await apiErrorOf(ecGulou.recognition.requests.accept({ id: gulouReq.id }))).code).toBe(
      'INVALID_TRANSITION',
    );
    await siteGulou.recognition.requests.submitPacket({ id: gulouReq.id, ...PACKET });
    expect(
      (await apiErrorOf(callerAs(db, 'ec-zhongliu@demo.ctp').recognition.requests.accept({ id: gulouReq.id }))).code,
    ).toBe('NOT_FOUND');
    expect((await apiErrorOf(sponsor.recognition.requests.accept({ id: gulouReq.id }))).code).toBe('FORBIDDEN');
    await ecGulou.recognition.requests.accept({ id: gulouReq.id });
    expect(siteState(db, sites.njglyy!)).toBe('ethics_submitted');
    const accepted = await ecGulou.recognition.requests.get({ id: gulouReq.id });
    expect(accepted.clock).toMatchObject({ limitDays: 7, usedDays: 0, isOverdue: false });
    expect(
      (await apiErrorOf(ecGulou.recognition.requests.decide({ id: gulouReq.id, outcome: 'recognised' }))).detail,
    ).toBe('CHECKLIST_INCOMPLETE');
    await ecGulou.recognition.requests.saveChecklist({ id: gulouReq.id, items: [...OK_CHECKLIST] });
    const decided = await ecGulou.recognition.requests.decide({ id: gulouReq.id, outcome: 'recognised' });
    expect(decided.letterNo).toMatch(/^NJGLYY-HR-\d{4}-0001$/);
    expect(siteState(db, sites.njglyy!)).toBe('ethics_approved');
    expect(auditCount(db, 'recognition.decide')).toBe(1);
    const letter = await siteGulou.recognition.requests.letter({ id: gulouReq.id });
    expect(Buffer.from(letter.base64, 'base64').subarray(0, 4).toString()).toBe('%PDF');

    // 省肿瘤: an issue on fees → an unconditional recognition is refused; declined → a linked full submission.
    const ecZhongliu = callerAs(db, 'ec-zhongliu@demo.ctp');
    await callerAs(db, 'site-zhongliu@demo.ctp').recognition.requests.submitPacket({ id: zhongliuReq.id, ...PACKET });
    await ecZhongliu.recognition.requests.accept({ id: zhongliuReq.id });
    await ecZhongliu.recognition.requests.requestAction({ id: zhongliuReq.id, questions: '请补充本中心保险凭证' });
    expect((await ecZhongliu.recognition.requests.get({ id: zhongliuReq.id })).clock!.isStopped).toBe(true);
    await callerAs(db, 'site-zhongliu@demo.ctp').recognition.requests.respond({
      id: zhongliuReq.id,
      answer: '已上传保险凭证',
    });
    await ecZhongliu.recognition.requests.saveChecklist({
      id: zhongliuReq.id,
      items: [...OK_CHECKLIST.slice(0, 4), { item: 'fees_insurance', answer: 'issue', note: '保险额度不足' }],
    });
    const refused = await apiErrorOf(
      ecZhongliu.recognition.requests.decide({ id: zhongliuReq.id, outcome: 'recognised' }),
    );
    expect(refused.detail).toBe('CHECKLIST_HAS_ISSUES');
    const noReason = await apiErrorOf(
      ecZhongliu.recognition.requests.decide({ id: zhongliuReq.id, outcome: 'declined' }),
    );
    expect(noReason.code).toBe('VALIDATION');
    const declined = await ecZhongliu.recognition.requests.decide({
      id: zhongliuReq.id,
      outcome: 'declined',
      reasons: '本中心保险要求未满足，需完整审查',
    });
    const fallback = db.sqlite.prepare('select * from submissions where id = ?').get(declined.fallbackSubmissionId) as {
      committee_id: string;
      trial_site_id: string;
      type: string;
      state: string;
    };
    expect(fallback).toMatchObject({
      committee_id: 'ec-jsch',
      trial_site_id: sites.jsch,
      type: 'initial',
      state: 'draft',
    });
    expect(siteState(db, sites.jsch!)).toBe('ethics_submitted');
    // The site can carry the full submission on.
    await callerAs(db, 'site-zhongliu@demo.ctp').submissions.submit({ id: declined.fallbackSubmissionId! });

    board = await sponsor.recognition.board({ trialId });
    expect(board.summary).toMatchObject({ requests: 2, recognised: 1, declined: 1, open: 0, skipped: 1 });
    const gulouRow = board.rows.find((r) => r.trialSiteId === sites.njglyy)!;
    expect(gulouRow.request).toMatchObject({ outcome: 'recognised', clock: { usedDays: 0, isOverdue: false } });
    expect(gulouRow.siteState).toBe('ethics_approved');
    expect(board.rows.find((r) => r.trialSiteId === sites.jsch)!.request!.fallbackSubmissionId).toBe(
      declined.fallbackSubmissionId,
    );
    // The lead EC sees the board; a participating EC and another sponsor do not.
    expect((await callerAs(db, 'ec@demo.ctp').recognition.board({ trialId })).rows).toHaveLength(4);
    expect((await apiErrorOf(ecGulou.recognition.board({ trialId }))).code).toBe('NOT_FOUND');

    // Figures: recognition working days and (no full reviews at 鼓楼 yet) no median to compare.
    const figures = recognitionFigures(db.db);
    expect(figures.find((f) => f.requestId === gulouReq.id)).toMatchObject({
      recognitionDays: 0,
      medianFullReviewDays: null,
    });
    expect(medianOf([5, 1, 9, 3])).toBe(4);

    // Objections: the participating EC raises one; the lead EC and the sponsor are told; only the lead resolves it.
    const { id: objectionId } = await ecGulou.recognition.objections.raise({
      requestId: gulouReq.id,
      category: 'informed_consent',
      text: '知情同意书未说明生物样本的二次使用',
    });
    expect(notified(db, 'ec@demo.ctp', 'recognition_objection')).toBe(1);
    expect(notified(db, 'sponsor@demo.ctp', 'recognition_objection')).toBe(1);
    expect(
      (await apiErrorOf(ecGulou.recognition.objections.resolve({ id: objectionId, resolution: '自行关闭' }))).detail,
    ).toBe('NOT_LEAD_COMMITTEE');
    await callerAs(db, 'ec@demo.ctp').recognition.objections.resolve({
      id: objectionId,
      resolution: '申办方将在修正案中补充',
    });
    const objections = (await ecGulou.recognition.requests.get({ id: gulouReq.id })).objections;
    expect(objections[0]).toMatchObject({ state: 'resolved', resolution: '申办方将在修正案中补充' });
    expect(auditCount(db, 'recognition.objection_resolve')).toBe(1);
  });

  it('creates requests exactly once even if the approval is retried', async () => {
    const { sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266002' });
    await approveAtLead(db, leadSubmissionId);
    const requests = () => countOf(db, 'select count(*) from recognition_requests');
    expect(requests()).toBe(2);
    // A retried decision is refused by the state machine and opens nothing.
    const retry = await apiErrorOf(
      callerAs(db, 'chair@demo.ctp').submissions.decide({ id: leadSubmissionId, outcome: 'approved' }),
    );
    expect(retry.code).toBe('INVALID_TRANSITION');
    // The fan-out itself, run again on the same approval, opens nothing either…
    const loaded = loadSubmission(db.db, leadSubmissionId);
    const again = inTransaction(db.db, (tx) =>
      openRecognitionRequests(
        tx,
        { actor: null, now: Date.now, requestId: 'retry' },
        { ...loaded, isApproval: true, now: Date.now() },
      ),
    );
    expect(again.opened).toEqual([]);
    expect(requests()).toBe(2);
    expect(auditCount(db, 'recognition.request_open')).toBe(2);
    // …and the database refuses a second request for a site outright.
    expect(() =>
      db.sqlite
        .prepare(
          `insert into recognition_requests (id, agreement_id, trial_id, trial_site_id, committee_id, lead_committee_id,
           lead_submission_id, state, packet_json, limit_days, created_at, updated_at)
           select 'dup', agreement_id, trial_id, trial_site_id, committee_id, lead_committee_id, lead_submission_id,
           state, packet_json, limit_days, created_at, updated_at from recognition_requests where trial_site_id = ?`,
        )
        .run(sites.njglyy),
    ).toThrow(/UNIQUE/);
  });

  it('gives no request for a Phase I trial, with the reason', async () => {
    const { trialId, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266003', phase: 'I' });
    await approveAtLead(db, leadSubmissionId);
    expect(countOf(db, 'select count(*) from recognition_requests')).toBe(0);
    const board = await callerAs(db, 'sponsor@demo.ctp').recognition.board({ trialId });
    const reasons = board.rows.filter((r) => r.role === 'participating').map((r) => r.skipReason);
    expect(reasons.sort()).toEqual(['excluded_phase_i_be', 'excluded_phase_i_be', 'not_in_agreement']);
  });

  it('fans an approved amendment out to the recognising EC, flags the superseded ICF, and delivers SAE reports', async () => {
    const { trialId, sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266004' });
    await uploadVersion(db, leadSubmissionId, 'icf', 'V1.0');
    await approveAtLead(db, leadSubmissionId);
    const gulouReq = requestOf(db, sites.njglyy!)!;
    const ecGulou = callerAs(db, 'ec-gulou@demo.ctp');
    await callerAs(db, 'site-gulou@demo.ctp').recognition.requests.submitPacket({ id: gulouReq.id, ...PACKET });
    await ecGulou.recognition.requests.accept({ id: gulouReq.id });
    await ecGulou.recognition.requests.saveChecklist({ id: gulouReq.id, items: [...OK_CHECKLIST] });
    await ecGulou.recognition.requests.decide({
      id: gulouReq.id,
      outcome: 'recognised_with_conditions',
      conditions: '本中心使用本地版知情同意书附页',
    });

    // The lead EC approves an amendment: one ack task at 鼓楼 (recognised), none at 省肿瘤 (still pending).
    const site = callerAs(db, 'site@demo.ctp');
    const { id: amendmentId } = await site.submissions.create({ trialSiteId: sites.jsph!, type: 'amendment' });
    await uploadVersion(db, amendmentId, 'icf', 'V2.0'); // the amendment brings a new ICF
    await approveAtLead(db, amendmentId);
    expect(countOf(db, 'select count(*) from recognition_acks')).toBe(1);
    expect(notified(db, 'ec-gulou@demo.ctp', 'recognition_ack_requested')).toBe(1);
    expect(notified(db, 'site-gulou@demo.ctp', 'icf_superseded')).toBe(1);
    expect(notified(db, 'sponsor@demo.ctp', 'icf_superseded')).toBe(1);
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    expect(
      (await sponsor.recognition.board({ trialId })).rows.find((r) => r.trialSiteId === sites.njglyy)!.icfSuperseded,
    ).toBe(true);
    const [ack] = await ecGulou.recognition.acks.list();
    expect(ack).toMatchObject({ state: 'ack_pending', sourceSubmissionId: amendmentId });
    expect(
      (await apiErrorOf(callerAs(db, 'ec-zhongliu@demo.ctp').recognition.acks.act({ id: ack!.id, acknowledge: true })))
        .detail,
    ).toBe('NOT_OWN_COMMITTEE');
    await ecGulou.recognition.acks.act({ id: ack!.id, acknowledge: true });
    expect((await apiErrorOf(ecGulou.recognition.acks.act({ id: ack!.id, acknowledge: true }))).detail).toBe(
      'ACK_DONE',
    );
    expect(
      (await sponsor.recognition.board({ trialId })).rows.find((r) => r.trialSiteId === sites.njglyy)!.icfSuperseded,
    ).toBe(false);

    // An SAE report filed once at the lead reaches the recognising EC, with a read receipt the lead EC sees.
    const { id: saeId } = await site.submissions.create({
      trialSiteId: sites.jsph!,
      type: 'sae',
      title: 'SUSAR 报告 #1',
    });
    expect(notified(db, 'ec-gulou@demo.ctp', 'safety_report_received')).toBe(0);
    await site.submissions.submit({ id: saeId });
    // Notified in the submission's transaction: the recognising EC (鼓楼) only — not 省肿瘤, which has not recognised.
    expect(notified(db, 'ec-gulou@demo.ctp', 'safety_report_received')).toBe(1);
    expect(notified(db, 'ec-zhongliu@demo.ctp', 'safety_report_received')).toBe(0);
    expect(notified(db, 'ec@demo.ctp', 'safety_report_received')).toBe(0);
    const delivered = await ecGulou.recognition.safetyReports.list();
    expect(delivered.map((r) => r.id)).toEqual([saeId]);
    expect(delivered[0]!.ownReadAt).toBeNull();
    await ecGulou.recognition.safetyReports.markRead({ submissionId: saeId });
    const leadView = await callerAs(db, 'ec@demo.ctp').recognition.safetyReports.list();
    expect(leadView[0]!.receipts.map((r) => r.committeeName)).toHaveLength(1);
    expect(await callerAs(db, 'ec-zhongliu@demo.ctp').recognition.safetyReports.list()).toEqual([]);
  });

  it('opens the request (or records the reason) of a site selected after the lead approval, once', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { trialId, sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266009' });
    // Sites at 鼓楼 and 中大 pulled out before the approval are re-selected afterwards: drop them to candidates.
    db.sqlite.prepare(`delete from trial_sites where id in (?, ?)`).run(sites.njglyy!, sites.zdyy!);
    await approveAtLead(db, leadSubmissionId);
    expect(auditCount(db, 'recognition.request_open')).toBe(1); // 省肿瘤 only
    const late = (await sponsor.trialSites.select({ trialId, hospitalSpecialtyId: specialtyOf(db, 'njglyy') }))
      .trialSiteId;
    const req = requestOf(db, late)!;
    expect(req.state).toBe('pending_packet');
    expect(req.committee_id).toBe('ec-njglyy');
    expect(
      countOf(db, 'select count(*) from recognition_requests where lead_submission_id = ?', leadSubmissionId),
    ).toBe(2);
    expect(notified(db, 'ec-gulou@demo.ctp', 'recognition_requested')).toBe(1);
    const outside = (await sponsor.trialSites.select({ trialId, hospitalSpecialtyId: specialtyOf(db, 'zdyy') }))
      .trialSiteId;
    expect(requestOf(db, outside)).toBeUndefined();
    const board = await sponsor.recognition.board({ trialId });
    expect(board.rows.find((r) => r.trialSiteId === outside)!.skipReason).toBe('not_in_agreement');
    // Before any lead approval a selection opens nothing.
    const other = await multiCentreTrial(db, { ctrNo: 'CTR20266010' });
    expect(requestOf(db, other.sites.njglyy!)).toBeUndefined();
    expect(countOf(db, 'select count(*) from recognition_skips where trial_id = ?', other.trialId)).toBe(0);
  });

  it('lets an EC holding a request download the lead letter file; the commission and other ECs get NOT_FOUND', async () => {
    const { sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266011' });
    await approveAtLead(db, leadSubmissionId);
    const issued = await callerAs(db, 'ec@demo.ctp').submissions.issueLetter({ id: leadSubmissionId });
    const open = (email: string) =>
      openSubmissionLetter({ ctx: useCaseCtx(callerAs(db, email).ctx), submissionId: leadSubmissionId });
    // 鼓楼 and 省肿瘤 hold requests whose lead submission this is.
    for (const email of ['ec-gulou@demo.ctp', 'ec-zhongliu@demo.ctp']) expect(open(email).sha256).toBe(issued.sha256);
    const view = await callerAs(db, 'ec-gulou@demo.ctp').recognition.requests.get({
      id: requestOf(db, sites.njglyy!)!.id,
    });
    expect(view.leadLetterReadable).toBe(true);
    expect(view.leadDecision.letter?.letterNo).toBe(issued.letterNo);
    // The commission reads the request, not the file; an EC without a request (中大) gets nothing either.
    expect(() => open('commission@demo.ctp')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    const commissionView = await callerAs(db, 'commission@demo.ctp').recognition.requests.get({
      id: requestOf(db, sites.njglyy!)!.id,
    });
    expect(commissionView.leadLetterReadable).toBe(false);
    // A Phase I trial opens no request: its lead letter stays closed to 省肿瘤's EC.
    const phaseI = await multiCentreTrial(db, { phase: 'I', ctrNo: 'CTR20266012' });
    await approveAtLead(db, phaseI.leadSubmissionId);
    await callerAs(db, 'ec@demo.ctp').submissions.issueLetter({ id: phaseI.leadSubmissionId });
    expect(() =>
      openSubmissionLetter({
        ctx: useCaseCtx(callerAs(db, 'ec-zhongliu@demo.ctp').ctx),
        submissionId: phaseI.leadSubmissionId,
      }),
    ).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    // The participating EC still cannot list the lead's documents (the confidential file).
    expect(
      (await apiErrorOf(callerAs(db, 'ec-gulou@demo.ctp').submissions.documents({ id: leadSubmissionId }))).code,
    ).toBe('NOT_FOUND');
  });

  it("lets a recognising EC open the lead's approved versions, and nothing else of the lead's file", async () => {
    const { sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266013' });
    const upload = (versionLabel: string) =>
      uploadSubmissionDocument({
        ctx: actorCtxOf(callerAs(db, 'site@demo.ctp').ctx),
        input: { submissionId: leadSubmissionId, fields: { kind: 'icf', versionLabel, versionDate: '2026-01-05' } },
        file: { bytes: tinyPdf(versionLabel), filename: `icf-${versionLabel}.pdf` },
      });
    const old = await upload('V1.0');
    const approved = await upload('V1.1');
    await approveAtLead(db, leadSubmissionId);
    const open = (email: string, documentId: string) =>
      openSubmissionDocument({ ctx: useCaseCtx(callerAs(db, email).ctx), documentId });
    const view = await callerAs(db, 'ec-gulou@demo.ctp').recognition.requests.get({
      id: requestOf(db, sites.njglyy!)!.id,
    });
    expect(view.leadDecision.approvedVersions.map((v) => [v.kind, v.versionLabel, v.documentId])).toEqual([
      ['icf', 'V1.1', approved.id],
    ]);
    expect(open('ec-gulou@demo.ctp', approved.id).sha256).toBe(approved.sha256);
    // The superseded version was never approved: closed to the participating EC, open to the lead's own committee.
    expect(() => open('ec-gulou@demo.ctp', old.id)).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(open('ec@demo.ctp', old.id).sha256).toBe(old.sha256);
    // No request, no file: the commission.
    expect(() => open('commission@demo.ctp', approved.id)).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('renders the recognition letter once at recognition and keeps it in the file store, numbered per committee and year', async () => {
    const ecGulou = callerAs(db, 'ec-gulou@demo.ctp');
    const recognise = async (ctrNo: string) => {
      const { sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo });
      await approveAtLead(db, leadSubmissionId);
      const req = requestOf(db, sites.njglyy!)!;
      await callerAs(db, 'site-gulou@demo.ctp').recognition.requests.submitPacket({ id: req.id, ...PACKET });
      await ecGulou.recognition.requests.accept({ id: req.id });
      await ecGulou.recognition.requests.saveChecklist({ id: req.id, items: [...OK_CHECKLIST] });
      return { id: req.id, decided: await ecGulou.recognition.requests.decide({ id: req.id, outcome: 'recognised' }) };
    };
    const first = await recognise('CTR20266013');
    const row = () =>
      db.sqlite
        .prepare(
          'select letter_no, letter_sha256, letter_storage_key, letter_stored_at from recognition_requests where id = ?',
        )
        .get(first.id) as {
        letter_no: string;
        letter_sha256: string;
        letter_storage_key: string;
        letter_stored_at: number;
      };
    const stored = row();
    expect(stored.letter_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.decided.letterSha256).toBe(stored.letter_sha256);
    expect(auditCount(db, 'recognition.letter_store')).toBe(1);
    // The file on disk is the recorded bytes; opening it again renders nothing new.
    const open = (email: string) =>
      openRecognitionLetter({ ctx: useCaseCtx(callerAs(db, email).ctx), requestId: first.id });
    const file = await open('site-gulou@demo.ctp');
    expect(createHash('sha256').update(readFileSync(file.path)).digest('hex')).toBe(stored.letter_sha256);
    expect(readFileSync(file.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.fileName).toBe(`${stored.letter_no}.pdf`);
    expect((await open('ec@demo.ctp')).sha256).toBe(stored.letter_sha256);
    const pdf = await ecGulou.recognition.requests.letter({ id: first.id });
    expect(createHash('sha256').update(Buffer.from(pdf.base64, 'base64')).digest('hex')).toBe(stored.letter_sha256);
    expect(row().letter_stored_at).toBe(stored.letter_stored_at);
    expect(auditCount(db, 'recognition.letter_store')).toBe(1);
    // Not for an EC that is neither the deciding nor the lead committee of this request.
    await expect(open('ec-zhongliu@demo.ctp')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The committee's next recognition that year takes the next number; a number cannot be reused.
    const second = await recognise('CTR20266014');
    const year = stored.letter_no.split('-')[2];
    expect(stored.letter_no).toBe(`NJGLYY-HR-${year}-0001`);
    expect(second.decided.letterNo).toBe(`NJGLYY-HR-${year}-0002`);
    expect(() =>
      db.sqlite.prepare('update recognition_requests set letter_no = ? where id = ?').run(stored.letter_no, second.id),
    ).toThrow(/UNIQUE/);
  });

  it('writes a true recognition letter: the PI, the lead acceptance No., a person as signer, the basis once', async () => {
    const { sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266031' });
    db.sqlite.prepare("update trials set nct_no = 'NCT07654321' where ctr_no = 'CTR20266031'").run();
    const pi = db.sqlite
      .prepare(
        `select i.id, i.name from investigators i join investigator_specialties s on s.investigator_id = i.id
         join hospital_specialties h on h.id = s.hospital_specialty_id where h.hospital_org_id = 'hosp-njglyy' limit 1`,
      )
      .get() as { id: string; name: string };
    db.sqlite.prepare('update trial_sites set investigator_id = ? where id = ?').run(pi.id, sites.njglyy);
    await approveAtLead(db, leadSubmissionId);
    const leadLetter = await callerAs(db, 'ec@demo.ctp').submissions.issueLetter({ id: leadSubmissionId });
    const leadAcceptanceNo = db.sqlite
      .prepare('select acceptance_no from submissions where id = ?')
      .pluck()
      .get(leadSubmissionId) as string;
    const req = requestOf(db, sites.njglyy!)!;
    const ecGulou = callerAs(db, 'ec-gulou@demo.ctp');
    await callerAs(db, 'site-gulou@demo.ctp').recognition.requests.submitPacket({ id: req.id, ...PACKET });
    await ecGulou.recognition.requests.accept({ id: req.id });
    await ecGulou.recognition.requests.saveChecklist({ id: req.id, items: [...OK_CHECKLIST] });
    await ecGulou.recognition.requests.decide({ id: req.id, outcome: 'recognised' });

    const file = await openRecognitionLetter({ ctx: useCaseCtx(ecGulou.ctx), requestId: req.id });
    const pdf = readFileSync(file.path);
    if (process.env.LETTER_OUT) writeFileSync(join(process.env.LETTER_OUT, 'recognition-letter.pdf'), pdf);
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    const committee = db.sqlite.prepare("select name_zh from ethics_committees where id = 'ec-njglyy'").pluck().get();
    const decider = db.sqlite.prepare("select name from users where email = 'ec-gulou@demo.ctp'").pluck().get();
    expect(text).toContain(`主要研究者：${pi.name}`);
    expect(text).toContain(`组长单位受理号：${leadAcceptanceNo}`);
    expect(text).not.toContain('受理号：—');
    // No chair on 鼓楼's roster in this set-up: the person who recorded the decision signs, above the committee.
    expect(text).toContain(`签发人：${decider}${committee}`);
    expect(text).toContain(`审查依据：互认江苏省人民医院医学伦理委员会的审查决定（批件号${leadLetter.letterNo}）`);
    // The basis is not repeated as a condition of an unconditional recognition.
    expect(text).not.toContain('审查意见/修改要求');
    expect(text).toContain('注册号：CTR20266031；NCT07654321');
    // One embedded font for every line, Chinese and English (digits included).
    const fonts = new Set(
      [...pdf.toString('latin1').matchAll(/\/BaseFont\s*\/(\S+)/g)].map((m) => m[1]!.split('+')[1]),
    );
    expect([...fonts].sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);

    // The English reading: the number and the basis in English.
    const en = await renderLetterPdf(recognitionLetterContent({ ...useCaseCtx(ecGulou.ctx), locale: 'en' }, req.id));
    if (process.env.LETTER_OUT) writeFileSync(join(process.env.LETTER_OUT, 'recognition-letter-en.pdf'), en);
    const enText = (await pdfText(en)).replace(/\s+/g, '');
    expect(enText).toMatch(/LetterNo\.:NJGLYY-HR-\d{4}-0001/);
    expect(enText).toContain(`Basis:Recognitionofthedecisionof`);
    expect(enText).toContain(`(letterNo.${leadLetter.letterNo})`);
    expect(enText).toContain('Leadsiteacceptance');
  });

  it('labels every site at the lead hospital 组长单位 on the board and shows the lead decision that was recognised', async () => {
    const { trialId, sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266041' });
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    // A second specialty of the lead hospital joins (first on the list), and its own review is declined.
    const otherSpecialty = db.sqlite
      .prepare(
        "select id from hospital_specialties where hospital_org_id = 'hosp-jsph' and id <> (select hospital_specialty_id from trial_sites where id = ?) order by id limit 1",
      )
      .pluck()
      .get(sites.jsph) as string;
    const { trialSiteId: declinedSite } = await sponsor.trialSites.select({
      trialId,
      hospitalSpecialtyId: otherSpecialty,
    });
    db.sqlite.prepare('update trial_sites set created_at = 0 where id = ?').run(declinedSite);
    const { id: declinedSub } = await callerAs(db, 'site@demo.ctp').submissions.create({
      trialSiteId: declinedSite,
      type: 'initial',
    });
    db.sqlite
      .prepare("update submissions set state = 'decided', outcome = 'disapproved', decided_date = ? where id = ?")
      .run('2026-01-05', declinedSub);
    await approveAtLead(db, leadSubmissionId);
    await callerAs(db, 'ec@demo.ctp').submissions.issueLetter({ id: leadSubmissionId });

    const board = await sponsor.recognition.board({ trialId });
    const roleOf = (id: string) => board.rows.find((r) => r.trialSiteId === id)!.role;
    // Both sites at the lead hospital are the lead (the trial page tags both 组长); the others participate.
    expect([roleOf(declinedSite), roleOf(sites.jsph!)]).toEqual(['lead', 'lead']);
    expect(roleOf(sites.njglyy!)).toBe('participating');
    // The lead decision is the approval the requests were opened from, not the declined specialty's.
    expect(board.leadSubmission).toMatchObject({ id: leadSubmissionId, outcome: 'approved' });
    expect(board.leadCommitteeName).toBe('江苏省人民医院医学伦理委员会');
    // Only the participating site left out (中大) counts as not included.
    expect(board.summary.skipped).toBe(1);
  });

  it('shows a participating EC the lead decision, never its votes, conflicts or EC notes', async () => {
    const { sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266005' });
    await callerAs(db, 'member@demo.ctp')
      .meetings.declareConflict({ submissionId: leadSubmissionId, reason: '测试声明' })
      .catch(() => undefined);
    await approveAtLead(db, leadSubmissionId);
    const gulouReq = requestOf(db, sites.njglyy!)!;
    const ecGulou = callerAs(db, 'ec-gulou@demo.ctp');
    const view = await ecGulou.recognition.requests.get({ id: gulouReq.id });
    expect(view.leadDecision).toMatchObject({
      outcome: 'approved',
      conditions: '按期提交跟踪审查报告',
      committeeId: 'ec-jsph',
    });
    const json = JSON.stringify(view);
    for (const secret of [
      'expeditedViews',
      'meetingVotes',
      'votes',
      'conflicts',
      'ecNotes',
      'attendance',
      'worksheet',
      'minutes',
      'meetingId',
    ])
      expect(json).not.toContain(`"${secret}"`);
    // The lead's own submission (with its EC-only review block) stays closed to the participating EC.
    expect((await apiErrorOf(ecGulou.submissions.get({ id: leadSubmissionId }))).code).toBe('NOT_FOUND');
    // The lead EC itself does see the votes there.
    const own = await callerAs(db, 'ec@demo.ctp').submissions.get({ id: leadSubmissionId });
    expect(own).toHaveProperty('review');
  });

  it('shows a hospital that was only sent an inquiry its own site on the board, as trials.get does (issue 12)', async () => {
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const { trialId, sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20266006' });
    // 省肿瘤 (jsch) is selected on that trial; on a second trial it is only sent an inquiry.
    const { id: other } = await sponsor.trials.create({
      titleZh: '（测试）仅发调研的多中心研究',
      type: 'drug',
      phase: 'III',
      ctrNo: 'CTR20266007',
      conditions: ['2 型糖尿病'],
      targetEnrolment: 100,
      riskLevel: 'low',
      leadHospitalId: 'hosp-jsph',
    });
    const lead = await sponsor.trialSites.select({ trialId: other, hospitalSpecialtyId: specialtyOf(db, 'jsph') });
    await sponsor.trialSites.select({ trialId: other, hospitalSpecialtyId: specialtyOf(db, 'njglyy') });
    await sponsor.inquiries.send({
      trialId: other,
      hospitalSpecialtyIds: [specialtyOf(db, 'jsch')],
      synopsis: '一项多中心 III 期研究的可行性调研，请评估入组能力。',
      replyBy: '2030-01-01',
    });
    const zhongliu = callerAs(db, 'site-zhongliu@demo.ctp');
    const board = await zhongliu.recognition.board({ trialId: other });
    expect(board.rows.map((r) => r.hospitalOrgId)).toEqual(['hosp-jsch']);
    expect(board.rows[0]).toMatchObject({ siteState: 'inquiry_sent', request: null });
    expect(board.leadSubmission).toBeNull();
    const json = JSON.stringify(board);
    expect(json).not.toContain(lead.trialSiteId);
    expect(json).not.toContain('hosp-njglyy');
    // Same as trials.get for that hospital; the sponsor still sees every site.
    expect((await zhongliu.trials.get({ id: other })).sites.map((s) => s.hospitalId)).toEqual(['hosp-jsch']);
    expect((await sponsor.recognition.board({ trialId: other })).rows).toHaveLength(3);
    // A participating site under recognition sees its own row and the lead decision it recognises.
    await approveAtLead(db, leadSubmissionId);
    const own = await callerAs(db, 'site-gulou@demo.ctp').recognition.board({ trialId });
    expect(own.rows.map((r) => r.trialSiteId)).toEqual([sites.njglyy]);
    expect(own.leadSubmission?.outcome).toBe('approved');
    expect(own.summary.requests).toBe(1);
  });
});
