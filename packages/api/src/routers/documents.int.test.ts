import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DbHandle } from '@ctp/db';
import type { Ctx } from '@ctp/domain';
import {
  formatLetterNo,
  openSubmissionDocument,
  openSubmissionLetter,
  sha256Hex,
  uploadSubmissionDocument,
} from '@ctp/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditCount, countOf } from '../../../../test/helpers/db-counts.ts';
import { giveExpeditedViews, pdfText, selectPiSite, tinyPdf } from '../../../../test/helpers/fixtures.ts';
import { seedRoster } from '../../../../test/helpers/roster.ts';
import {
  actorCtxOf,
  apiErrorOf,
  callerAs,
  createSeededDatabase,
  testFilesDir,
} from '../../../../test/helpers/test-app.ts';

const _EC = 'ec-jsph';

/** The use-case context of a test caller (as the API builds it from a request). */
function useCaseCtx(api: ReturnType<typeof callerAs>['ctx']): Ctx {
  return {
    actor: api.session?.actor ?? null,
    db: api.db,
    now: api.now,
    requestId: api.requestId,
    locale: api.locale,
    ip: api.ip,
    userAgent: api.userAgent,
    services: api.services,
  };
}

/** A Windows executable's header: what a ".pdf" that is really an .exe starts with. */
const exeBytes = () => {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
};

/** A new medium-risk trial with a site at 江苏省人民医院 (PI pi@demo.ctp) and an initial submission in draft. */
async function draftInitial(db: DbHandle, ctrNo = 'CTR20260777') {
  const sponsor = callerAs(db, 'sponsor@demo.ctp');
  const { id: trialId } = await sponsor.trials.create({
    titleZh: '一项评估 ABC-123 治疗晚期肺癌的随机对照 III 期研究',
    titleEn: 'A randomised phase III study of ABC-123 in advanced lung cancer',
    type: 'drug',
    phase: 'III',
    ctrNo,
    conditions: ['肺癌'],
    targetEnrolment: 120,
    // Low risk: an initial review may then take the expedited path (platform default, 办法 第三十一条).
    riskLevel: 'low',
  });
  const trialSiteId = await selectPiSite(db, sponsor, trialId);
  const { id } = await callerAs(db, 'site@demo.ctp').submissions.create({ trialSiteId, type: 'initial' });
  return { trialId, trialSiteId, id };
}

function upload(
  db: DbHandle,
  email: string,
  submissionId: string,
  fields: { kind: string; versionLabel: string; versionDate: string },
  bytes: Buffer,
  filename = 'file.pdf',
) {
  const ctx = actorCtxOf(callerAs(db, email).ctx);
  return uploadSubmissionDocument({
    ctx,
    input: { submissionId, fields: fields as Parameters<typeof uploadSubmissionDocument>[0]['input']['fields'] },
    file: { bytes, filename },
  });
}

/** Submit, accept, expedited review by two primary reviewers (the member and the chair), the chair signs `approved`. */
async function approveExpedited(db: DbHandle, id: string) {
  const secretary = callerAs(db, 'ec@demo.ctp');
  const sub = await callerAs(db, 'site@demo.ctp').submissions.get({ id });
  if (sub.state === 'draft') await callerAs(db, 'site@demo.ctp').submissions.submit({ id });
  await secretary.submissions.screen({ id, accept: true });
  await secretary.submissions.triage({ id, path: 'expedited' });
  await giveExpeditedViews(db, (email) => callerAs(db, email), id);
  return callerAs(db, 'chair@demo.ctp').submissions.decide({
    id,
    outcome: 'approved',
    conditions: '按期提交跟踪审查报告',
  });
}

describe('submission documents, bound versions and letters', () => {
  let db: DbHandle;
  beforeEach(async () => {
    db = await createSeededDatabase();
    await seedRoster(db);
  });

  it('stores an upload under its sha256, outside the web root, with an audit row; lists it with versions', async () => {
    const { id } = await draftInitial(db);
    const bytes = tinyPdf('protocol v1.0');
    const before = auditCount(db, 'submission.upload_document');
    const doc = await upload(
      db,
      'site@demo.ctp',
      id,
      { kind: 'protocol', versionLabel: 'V1.0', versionDate: '2026-01-05' },
      bytes,
      '方案 V1.0.pdf',
    );
    expect(doc).toMatchObject({
      kind: 'protocol',
      mimeType: 'application/pdf',
      sha256: sha256Hex(bytes),
      originalName: '方案 V1.0.pdf',
    });
    expect(auditCount(db, 'submission.upload_document')).toBe(before + 1);
    const key = db.sqlite
      .prepare('select storage_key from submission_documents where id = ?')
      .pluck()
      .get(doc.id) as string;
    // Content-addressed, never the user's file name.
    expect(key).toBe(`${doc.sha256.slice(0, 2)}/${doc.sha256}`);
    expect(readFileSync(join(testFilesDir(), key)).equals(bytes)).toBe(true);

    // A second version of the same kind supersedes the first; both are kept.
    await upload(
      db,
      'pi@demo.ctp',
      id,
      { kind: 'protocol', versionLabel: 'V1.1', versionDate: '2026-02-01' },
      tinyPdf('protocol v1.1'),
    );
    const list = await callerAs(db, 'sponsor@demo.ctp').submissions.documents({ id });
    expect(list.documents.map((d) => [d.versionLabel, d.isCurrent])).toEqual([
      ['V1.1', true],
      ['V1.0', false],
    ]);
    expect(list.mayUpload).toBe(true);
  });

  it('refuses by content, size, role and state — and stores nothing', async () => {
    const { id } = await draftInitial(db);
    const docs = () => countOf(db, 'select count(*) from submission_documents');
    const tmpFiles = () =>
      existsSync(join(testFilesDir(), 'tmp')) ? readdirSync(join(testFilesDir(), 'tmp')).length : 0;
    const fields = { kind: 'icf', versionLabel: 'V1.0', versionDate: '2026-01-05' };
    const n = docs();
    const tmp = tmpFiles();

    const exe = await apiErrorOf(upload(db, 'site@demo.ctp', id, fields, exeBytes(), 'icf.pdf'));
    expect(exe).toMatchObject({ code: 'VALIDATION', detail: 'FILE_TYPE_NOT_ALLOWED' });
    expect(exe.message).toContain('PDF');
    const en = await apiErrorOf(
      upload(db, 'site@demo.ctp', id, fields, Buffer.from('just text, called .pdf'), 'x.pdf'),
      'en',
    );
    expect(en.message).toMatch(/not a PDF/);
    const big = Buffer.concat([tinyPdf('big'), Buffer.alloc(20 * 1024 * 1024)]);
    expect((await apiErrorOf(upload(db, 'site@demo.ctp', id, fields, big))).detail).toBe('FILE_TOO_LARGE');
    expect((await apiErrorOf(upload(db, 'site@demo.ctp', id, fields, Buffer.alloc(0)))).detail).toBe('FILE_EMPTY');
    expect(
      (await apiErrorOf(upload(db, 'site@demo.ctp', id, { ...fields, versionDate: '5 Jan' }, tinyPdf('x')))).code,
    ).toBe('VALIDATION');
    // The commission and another hospital's trial office cannot tell the submission exists.
    expect((await apiErrorOf(upload(db, 'commission@demo.ctp', id, fields, tinyPdf('x')))).code).toBe('NOT_FOUND');
    expect((await apiErrorOf(upload(db, 'site-gulou@demo.ctp', id, fields, tinyPdf('x')))).code).toBe('NOT_FOUND');
    expect(docs()).toBe(n);
    expect(tmpFiles()).toBe(tmp);

    // The sponsor may prepare the draft's documents; once submitted, only the secretary may still attach.
    await upload(db, 'sponsor@demo.ctp', id, fields, tinyPdf('icf by sponsor'));
    await callerAs(db, 'site@demo.ctp').submissions.submit({ id });
    const locked = await apiErrorOf(upload(db, 'site@demo.ctp', id, fields, tinyPdf('late')));
    expect(locked).toMatchObject({ code: 'INVALID_TRANSITION', detail: 'DOCUMENTS_LOCKED' });
    expect((await apiErrorOf(upload(db, 'chair@demo.ctp', id, fields, tinyPdf('x')))).code).toBe('FORBIDDEN');
    await upload(
      db,
      'ec@demo.ctp',
      id,
      { kind: 'other', versionLabel: '纸质版', versionDate: '2026-01-06' },
      tinyPdf('paper'),
    );
    // Returned for correction: the applicant may attach again.
    await callerAs(db, 'ec@demo.ctp').submissions.screen({ id, accept: false, reasons: ['缺少研究者简历'] });
    await upload(
      db,
      'site@demo.ctp',
      id,
      { kind: 'other', versionLabel: 'CV', versionDate: '2026-01-07' },
      tinyPdf('cv'),
    );
    expect(docs()).toBe(n + 3);
  });

  it('reads documents: applicant, sponsor, secretary and chair; a member only through the reviewer gate; commission 404', async () => {
    const { id } = await draftInitial(db);
    const doc = await upload(
      db,
      'site@demo.ctp',
      id,
      { kind: 'protocol', versionLabel: 'V1.0', versionDate: '2026-01-05' },
      tinyPdf('p'),
    );
    await callerAs(db, 'site@demo.ctp').submissions.submit({ id });
    const open = (email: string) =>
      openSubmissionDocument({ ctx: useCaseCtx(callerAs(db, email).ctx), documentId: doc.id });
    for (const email of ['site@demo.ctp', 'pi@demo.ctp', 'sponsor@demo.ctp', 'ec@demo.ctp', 'chair@demo.ctp'])
      expect(open(email).sha256).toBe(doc.sha256);
    expect(() => open('commission@demo.ctp')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => open('site-gulou@demo.ctp')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => open('ec-gulou@demo.ctp')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    // A member who is neither a declared reviewer nor present at the meeting is refused by the reviewer gate.
    expect(() => open('member@demo.ctp')).toThrowError(
      expect.objectContaining({ code: expect.stringMatching(/FORBIDDEN|PRECONDITION_FAILED/) }),
    );
    expect((await apiErrorOf(callerAs(db, 'commission@demo.ctp').submissions.documents({ id }))).code).toMatch(
      /NOT_FOUND|FORBIDDEN/,
    );
  });

  it('binds the reviewed versions at the decision; effective versions follow approvals; comparison by sha256', async () => {
    const { id, trialSiteId } = await draftInitial(db);
    const site = callerAs(db, 'site@demo.ctp');
    const protocol = tinyPdf('protocol v1');
    await upload(
      db,
      'site@demo.ctp',
      id,
      { kind: 'protocol', versionLabel: 'V1.0', versionDate: '2026-01-05' },
      protocol,
    );
    await upload(
      db,
      'site@demo.ctp',
      id,
      { kind: 'icf', versionLabel: 'V1.0', versionDate: '2026-01-05' },
      tinyPdf('icf v1'),
    );
    expect(await site.submissions.effectiveDocuments({ trialSiteId })).toEqual([]);
    await approveExpedited(db, id);
    const bound = countOf(db, 'select count(*) from submission_decision_documents where submission_id = ?', id);
    expect(bound).toBe(2);
    const effective = await site.submissions.effectiveDocuments({ trialSiteId });
    expect(effective.map((e) => [e.kind, e.versionLabel])).toEqual([
      ['protocol', 'V1.0'],
      ['icf', 'V1.0'],
    ]);

    // An amendment brings ICF V2.0 and the protocol unchanged (same bytes, new label is ignored for the change).
    const { id: amendment } = await site.submissions.create({ trialSiteId, type: 'amendment' });
    await upload(
      db,
      'site@demo.ctp',
      amendment,
      { kind: 'protocol', versionLabel: 'V1.0', versionDate: '2026-01-05' },
      protocol,
    );
    await upload(
      db,
      'site@demo.ctp',
      amendment,
      { kind: 'icf', versionLabel: 'V2.0', versionDate: '2026-03-01' },
      tinyPdf('icf v2'),
    );
    await upload(
      db,
      'site@demo.ctp',
      amendment,
      { kind: 'recruitment', versionLabel: 'V1.0', versionDate: '2026-03-01' },
      tinyPdf('poster'),
    );
    const cmp = await site.submissions.compareDocuments({ id: amendment });
    expect(cmp.baseline?.id).toBe(id);
    expect(Object.fromEntries(cmp.kinds.map((k) => [k.kind, k.change]))).toEqual({
      protocol: 'unchanged',
      icf: 'changed',
      recruitment: 'new',
    });
    // Until the amendment is approved the site's ICF is still V1.0; a disapproval would not change it either.
    expect(
      (await site.submissions.effectiveDocuments({ trialSiteId })).find((e) => e.kind === 'icf')?.versionLabel,
    ).toBe('V1.0');
    await approveExpedited(db, amendment);
    const after = await callerAs(db, 'sponsor@demo.ctp').submissions.effectiveDocuments({ trialSiteId });
    expect(Object.fromEntries(after.map((e) => [e.kind, e.versionLabel]))).toEqual({
      protocol: 'V1.0',
      icf: 'V2.0',
      recruitment: 'V1.0',
    });
    expect(
      (await apiErrorOf(callerAs(db, 'commission@demo.ctp').submissions.effectiveDocuments({ trialSiteId }))).code,
    ).toMatch(/NOT_FOUND|FORBIDDEN/);
    // Another site's submission is no baseline.
    const other = await draftInitial(db, 'CTR20260778');
    expect(
      (await apiErrorOf(site.submissions.compareDocuments({ id: amendment, againstSubmissionId: other.id }))).detail,
    ).toBe('COMPARE_OTHER_SITE');
  });

  it('issues the letter: number per committee and year, PDF with the versions, download rights, state letter_issued', async () => {
    const { id } = await draftInitial(db);
    await upload(
      db,
      'site@demo.ctp',
      id,
      { kind: 'protocol', versionLabel: 'V2.1', versionDate: '2026-01-05' },
      tinyPdf('p21'),
    );
    await upload(
      db,
      'site@demo.ctp',
      id,
      { kind: 'icf', versionLabel: 'V1.3', versionDate: '2026-01-06' },
      tinyPdf('icf13'),
    );
    const secretary = callerAs(db, 'ec@demo.ctp');
    // Not before the decision, and never by the applicant.
    expect((await apiErrorOf(secretary.submissions.issueLetter({ id }))).code).toMatch(/INVALID_TRANSITION|NOT_FOUND/);
    await approveExpedited(db, id);
    expect((await apiErrorOf(callerAs(db, 'site@demo.ctp').submissions.issueLetter({ id }))).code).toBe('FORBIDDEN');
    expect((await apiErrorOf(callerAs(db, 'chair@demo.ctp').submissions.issueLetter({ id }))).code).toBe('FORBIDDEN');

    // Registry ids are stored with their prefix; the letter writes each once.
    db.sqlite.prepare("update trials set nct_no = 'NCT01234567' where ctr_no = 'CTR20260777'").run();
    const year = new Date().getFullYear().toString();
    const issued = await secretary.submissions.issueLetter({ id, bilingual: true });
    expect(issued).toMatchObject({
      state: 'letter_issued',
      letterNo: `JSPH-EC-${year}-0001`,
      letterKind: 'approval',
    });
    expect(auditCount(db, 'submission.issue_letter')).toBe(1);
    expect((await apiErrorOf(secretary.submissions.issueLetter({ id }))).code).toBe('INVALID_TRANSITION');

    const view = await callerAs(db, 'sponsor@demo.ctp').submissions.get({ id });
    expect(view).toMatchObject({ hasLetter: true, letterNo: issued.letterNo, state: 'letter_issued' });
    const listed = (await callerAs(db, 'site@demo.ctp').submissions.list({})).find((s) => s.id === id);
    expect(listed?.hasLetter).toBe(true);

    const letter = openSubmissionLetter({ ctx: useCaseCtx(callerAs(db, 'sponsor@demo.ctp').ctx), submissionId: id });
    const pdf = readFileSync(letter.path);
    expect(sha256Hex(pdf)).toBe(issued.sha256);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(200_000);
    if (process.env.LETTER_OUT) writeFileSync(join(process.env.LETTER_OUT, 'lead-letter.pdf'), pdf);
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(text).not.toMatch(/CTR\s*CTR|NCT\s*NCT/);
    // The number reads the same in an English letter or page: ASCII only.
    expect(issued.letterNo).toMatch(/^[\x20-\x7e]+$/);
    expect(text).toContain(`LetterNo.:${issued.letterNo}`);
    for (const s of [
      'CTR20260777;NCT01234567',
      issued.letterNo,
      'V2.1',
      'V1.3',
      '伦理审查批件',
      '同意',
      'CTR20260777',
      '王主任委员',
      '江苏省人民医院',
      '方案',
      '知情同意书',
      'Ethicsapprovalletter',
    ])
      expect(text).toContain(s.replace(/\s+/g, ''));

    // Any member of the committee reads the letter (not the confidential file behind it).
    for (const email of ['site@demo.ctp', 'pi@demo.ctp', 'ec@demo.ctp', 'chair@demo.ctp', 'member@demo.ctp'])
      expect(openSubmissionLetter({ ctx: useCaseCtx(callerAs(db, email).ctx), submissionId: id }).sha256).toBe(
        issued.sha256,
      );
    for (const email of ['commission@demo.ctp', 'site-gulou@demo.ctp', 'ec-gulou@demo.ctp'])
      expect(() => openSubmissionLetter({ ctx: useCaseCtx(callerAs(db, email).ctx), submissionId: id })).toThrowError(
        expect.objectContaining({ code: 'NOT_FOUND' }),
      );

    // The next letter of the committee that year takes the next number; a refusal is a 审查意见通知书.
    const second = await draftInitial(db, 'CTR20260779');
    await callerAs(db, 'site@demo.ctp').submissions.submit({ id: second.id });
    await secretary.submissions.screen({ id: second.id, accept: true });
    await secretary.submissions.triage({ id: second.id, path: 'convened' });
    // A convened refusal needs a full meeting (meetings.int.test.ts); here only its letter matters.
    db.sqlite
      .prepare("update submissions set state = 'decided', outcome = 'disapproved', decided_date = ? where id = ?")
      .run(`${year}-03-01`, second.id);
    const notice = await secretary.submissions.issueLetter({ id: second.id });
    expect(notice).toMatchObject({ letterNo: `JSPH-EC-${year}-0002`, letterKind: 'opinion' });
    const noticeText = (
      await pdfText(
        readFileSync(openSubmissionLetter({ ctx: useCaseCtx(secretary.ctx), submissionId: second.id }).path),
      )
    ).replace(/\s+/g, '');
    expect(noticeText).toContain('伦理审查意见通知书');
    expect(noticeText).toContain('不同意');
    expect(countOf(db, 'select count(distinct letter_no) from submission_letters')).toBe(2);
  });

  it('after approval with modifications: modified documents are attached, verified, bound, and only then the letter', async () => {
    const { id } = await draftInitial(db);
    const icf = (label: string, text: string) =>
      upload(db, 'site@demo.ctp', id, { kind: 'icf', versionLabel: label, versionDate: '2026-01-06' }, tinyPdf(text));
    await icf('V1.0', 'icf10');
    const site = callerAs(db, 'site@demo.ctp');
    const secretary = callerAs(db, 'ec@demo.ctp');
    await site.submissions.submit({ id });
    await secretary.submissions.screen({ id, accept: true });
    await secretary.submissions.triage({ id, path: 'expedited' });
    await giveExpeditedViews(db, (email) => callerAs(db, email), id, { choice: 'approve_with_modifications' });
    await callerAs(db, 'chair@demo.ctp').submissions.decide({
      id,
      outcome: 'approved_with_modifications',
      conditions: '知情同意书补充联系方式',
    });
    // The letter waits for the modifications; the applicant may attach the modified ICF meanwhile.
    expect(await apiErrorOf(secretary.submissions.issueLetter({ id }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      detail: 'MODIFICATIONS_NOT_VERIFIED',
    });
    expect((await site.submissions.documents({ id })).mayUpload).toBe(true);
    await icf('V1.1', 'icf11');
    await site.modifications.submit({ id, response: '已补充联系方式，见知情同意书 V1.1' });
    // Submitted, not yet verified: no more uploads, still no letter.
    expect((await site.submissions.documents({ id })).mayUpload).toBe(false);
    await secretary.modifications.verify({ id, verdict: 'verified', comment: '修改符合要求' });
    const listed = await site.submissions.documents({ id });
    expect(listed.bound.map((b) => [b.kind, b.versionLabel])).toEqual([['icf', 'V1.1']]);
    const { trialSiteId } = await site.submissions.get({ id });
    const effective = await site.submissions.effectiveDocuments({ trialSiteId });
    expect(JSON.stringify(effective)).toContain('V1.1');

    const issued = await secretary.submissions.issueLetter({ id });
    const text = (
      await pdfText(readFileSync(openSubmissionLetter({ ctx: useCaseCtx(secretary.ctx), submissionId: id }).path))
    ).replace(/\s+/g, '');
    expect(text).toContain(issued.letterNo);
    expect(text).toContain('V1.1');
    expect(text).not.toContain('V1.0');
    // The letter states that the modifications were verified, and when (Beijing day of the verification).
    const verifiedOn = db.sqlite
      .prepare('select verified_at from submission_modifications where submission_id = ?')
      .pluck()
      .get(id) as number;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(verifiedOn);
    expect(text).toContain(`修改确认：申请人已按上述要求完成修改，经本委员会于${day}确认`);
  });

  it('numbers letters per committee and year', () => {
    expect(formatLetterNo('JSPH', '2026', null)).toBe('JSPH-EC-2026-0001');
    expect(formatLetterNo('JSPH', '2026', 'JSPH-EC-2026-0041')).toBe('JSPH-EC-2026-0042');
    // A number issued in the former Chinese form continues the sequence.
    expect(formatLetterNo('JSPH', '2026', 'JSPH-伦审-2026-0041')).toBe('JSPH-EC-2026-0042');
  });
});
