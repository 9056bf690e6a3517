import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DbHandle } from '@ctp/db';
import { openSubmissionDocument, recognitionLetterContent } from '@ctp/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { lastAudit } from '../../../../test/helpers/db-counts.ts';
import { giveExpeditedViews } from '../../../../test/helpers/fixtures.ts';
import {
  approveAtLead,
  multiCentreTrial,
  recogniseAtGulou,
  requestOf,
  uploadVersion,
  useCaseCtx,
} from '../../../../test/helpers/recognition-journey.ts';
import { seedRoster } from '../../../../test/helpers/roster.ts';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

/** Issue 11: a recognised site's effective versions are the lead's, bound with the recognition and each acknowledgement. */

const versionsAt = async (db: DbHandle, email: string, trialSiteId: string) =>
  (await callerAs(db, email).submissions.effectiveDocuments({ trialSiteId })).map((v) => [v.kind, v.versionLabel]);

describe("a recognised site's effective documents (issue 11)", () => {
  let db: DbHandle;
  beforeEach(async () => {
    db = await createSeededDatabase();
    await seedRoster(db);
  });

  it("binds the lead's approved versions with the recognition, audited, readable by the site and its sponsor only", async () => {
    const { sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20261101' });
    const protocol = await uploadVersion(db, leadSubmissionId, 'protocol', 'V1.0');
    await uploadVersion(db, leadSubmissionId, 'icf', 'V0.9'); // superseded before the decision: never effective
    const icf = await uploadVersion(db, leadSubmissionId, 'icf', 'V1.0');
    await approveAtLead(db, leadSubmissionId);
    const gulou = sites.njglyy!;
    expect(await versionsAt(db, 'site-gulou@demo.ctp', gulou)).toEqual([]);

    const req = requestOf(db, gulou)!;
    const decided = await recogniseAtGulou(db, req.id, 'recognised_with_conditions');

    const lead = await callerAs(db, 'site@demo.ctp').submissions.effectiveDocuments({ trialSiteId: sites.jsph! });
    const own = await callerAs(db, 'site-gulou@demo.ctp').submissions.effectiveDocuments({ trialSiteId: gulou });
    const pick = (v: (typeof own)[number]) => [v.kind, v.documentId, v.versionLabel, v.sha256];
    expect(own.map(pick)).toEqual(lead.map(pick));
    expect(own.map(pick)).toEqual([
      ['protocol', protocol.id, 'V1.0', protocol.sha256],
      ['icf', icf.id, 'V1.0', icf.sha256],
    ]);
    const today = db.sqlite.prepare('select decided_date from recognition_requests where id = ?').pluck().get(req.id);
    expect(own[0]).toMatchObject({
      source: 'recognition',
      recognitionRequestId: req.id,
      recognitionLetterNo: decided.letterNo,
      submissionId: leadSubmissionId,
      decidedDate: today,
    });
    expect(lead[0]!.source).toBe('decision');
    // Bound in the recognition's transaction, and listed in its audit row.
    expect(
      db.sqlite
        .prepare('select count(*) from recognition_document_bindings where request_id = ? and ack_id is null')
        .pluck()
        .get(req.id),
    ).toBe(2);
    expect(lastAudit(db, 'recognition.decide').after?.boundVersions).toEqual([
      { kind: 'protocol', documentId: protocol.id, versionLabel: 'V1.0', sha256: protocol.sha256 },
      { kind: 'icf', documentId: icf.id, versionLabel: 'V1.0', sha256: icf.sha256 },
    ]);
    // The recognition letter lists the versions recognised.
    const letter = recognitionLetterContent(useCaseCtx(callerAs(db, 'site-gulou@demo.ctp').ctx), req.id);
    expect(letter.documents.map((d) => [d.kind, d.versionLabel])).toEqual([
      ['protocol', 'V1.0'],
      ['icf', 'V1.0'],
    ]);

    // Readers: the site's EC and the sponsor; not the commission (no document procedure admits it), another
    // hospital's EC or trial office.
    expect(await versionsAt(db, 'ec-gulou@demo.ctp', gulou)).toHaveLength(2);
    expect(await versionsAt(db, 'sponsor@demo.ctp', gulou)).toHaveLength(2);
    expect(
      (await apiErrorOf(callerAs(db, 'commission@demo.ctp').submissions.effectiveDocuments({ trialSiteId: gulou })))
        .code,
    ).toBe('FORBIDDEN');
    for (const email of ['ec-zhongliu@demo.ctp', 'site-zhongliu@demo.ctp'])
      expect((await apiErrorOf(callerAs(db, email).submissions.effectiveDocuments({ trialSiteId: gulou }))).code).toBe(
        'NOT_FOUND',
      );
    // Versions and the act that bound them — nothing of the lead EC's deliberation.
    expect(Object.keys(own[0]!).sort()).toEqual(
      [
        'acceptanceNo',
        'boundAt',
        'decidedDate',
        'documentId',
        'kind',
        'recognitionLetterNo',
        'recognitionRequestId',
        'sha256',
        'source',
        'submissionId',
        'submissionType',
        'versionDate',
        'versionLabel',
      ].sort(),
    );
    const json = JSON.stringify(own);
    for (const secret of ['vote', 'conflict', 'worksheet', 'minutes', 'attendance', 'ecNotes'])
      expect(json).not.toContain(secret);

    // The recognised site opens its effective ICF; the superseded V0.9 and a site without the binding do not.
    const open = (email: string, documentId: string) =>
      openSubmissionDocument({ ctx: useCaseCtx(callerAs(db, email).ctx), documentId });
    expect(open('site-gulou@demo.ctp', icf.id).sha256).toBe(icf.sha256);
    const v09 = db.sqlite
      .prepare("select id from submission_documents where submission_id = ? and version_label = 'V0.9'")
      .pluck()
      .get(leadSubmissionId) as string;
    expect(() => open('site-gulou@demo.ctp', v09)).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => open('site-zhongliu@demo.ctp', icf.id)).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('moves the site to each acknowledged amendment; the ICF flag follows versions, not the acknowledgement task', async () => {
    const { trialId, sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20261102' });
    await uploadVersion(db, leadSubmissionId, 'protocol', 'V1.0');
    await uploadVersion(db, leadSubmissionId, 'icf', 'V1.0');
    await approveAtLead(db, leadSubmissionId);
    const gulou = sites.njglyy!;
    const req = requestOf(db, gulou)!;
    await recogniseAtGulou(db, req.id);
    const sponsor = callerAs(db, 'sponsor@demo.ctp');
    const ec = callerAs(db, 'ec-gulou@demo.ctp');
    const row = async () => (await sponsor.recognition.board({ trialId })).rows.find((r) => r.trialSiteId === gulou)!;
    const amend = async (kind: 'protocol' | 'icf', label: string) => {
      const { id } = await callerAs(db, 'site@demo.ctp').submissions.create({
        trialSiteId: sites.jsph!,
        type: 'amendment',
      });
      await uploadVersion(db, id, kind, label);
      await approveAtLead(db, id);
      return (await ec.recognition.acks.list()).find((a) => a.sourceSubmissionId === id)!;
    };
    const icfNotices = () =>
      db.sqlite
        .prepare(
          "select count(*) from notifications n join users u on u.id = n.user_id where u.email = 'site-gulou@demo.ctp' and n.kind = 'icf_superseded'",
        )
        .pluck()
        .get();
    expect((await row()).icfSuperseded).toBe(false);

    // An amendment of the protocol only: a task to acknowledge, but the ICF in use is still the lead's.
    const ack1 = await amend('protocol', 'V2.0');
    expect(ack1.state).toBe('ack_pending');
    expect((await row()).icfSuperseded).toBe(false);
    expect(icfNotices()).toBe(0);

    // Two amendments of the ICF: the site is behind until its EC acknowledges.
    const ack2 = await amend('icf', 'V2.0');
    const ack3 = await amend('icf', 'V3.0');
    expect(icfNotices()).toBe(2);
    const behind = await row();
    expect(behind.icfSuperseded).toBe(true);
    expect(behind.effectiveIcf?.versionLabel).toBe('V1.0');
    expect((await sponsor.recognition.board({ trialId })).leadIcf?.versionLabel).toBe('V3.0');
    expect(await versionsAt(db, 'site-gulou@demo.ctp', gulou)).toEqual([
      ['protocol', 'V1.0'],
      ['icf', 'V1.0'],
    ]);

    // The newest first: the site moves to ICF V3.0 and the flag clears, though two tasks are still pending.
    await ec.recognition.acks.act({ id: ack3.id, acknowledge: true });
    expect(await versionsAt(db, 'site-gulou@demo.ctp', gulou)).toEqual([
      ['protocol', 'V1.0'],
      ['icf', 'V3.0'],
    ]);
    const icf = (await sponsor.submissions.effectiveDocuments({ trialSiteId: gulou })).find((v) => v.kind === 'icf')!;
    expect(icf).toMatchObject({ source: 'acknowledgement', recognitionRequestId: req.id });
    expect(lastAudit(db, 'recognition.ack').after?.boundVersions).toEqual([
      expect.objectContaining({ kind: 'icf', versionLabel: 'V3.0' }),
    ]);
    expect((await row()).icfSuperseded).toBe(false);
    expect((await ec.recognition.acks.list()).filter((a) => a.state === 'ack_pending')).toHaveLength(2);

    // The older ICF amendment acknowledged afterwards binds nothing older over it.
    await ec.recognition.acks.act({ id: ack2.id, acknowledge: true });
    expect(lastAudit(db, 'recognition.ack').after?.boundVersions).toEqual([]);
    expect(await versionsAt(db, 'site-gulou@demo.ctp', gulou)).toEqual([
      ['protocol', 'V1.0'],
      ['icf', 'V3.0'],
    ]);

    // An objected amendment leaves the site's versions as they were.
    await ec.recognition.acks.act({ id: ack1.id, acknowledge: false, note: '方案修改需本中心评估' });
    expect(await versionsAt(db, 'site-gulou@demo.ctp', gulou)).toEqual([
      ['protocol', 'V1.0'],
      ['icf', 'V3.0'],
    ]);

    // A fourth ICF objected: no task left pending, yet the site is behind the lead — flagged.
    const ack4 = await amend('icf', 'V4.0');
    await ec.recognition.acks.act({ id: ack4.id, acknowledge: false, note: '本中心暂不采用' });
    expect((await ec.recognition.acks.list()).some((a) => a.state === 'ack_pending')).toBe(false);
    expect((await row()).icfSuperseded).toBe(true);
  });

  it("gives a site recognised after an amendment the lead's versions as they are then, with no task to acknowledge", async () => {
    const { trialId, sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20261103' });
    await uploadVersion(db, leadSubmissionId, 'icf', 'V1.0');
    await approveAtLead(db, leadSubmissionId);
    const { id: amendmentId } = await callerAs(db, 'site@demo.ctp').submissions.create({
      trialSiteId: sites.jsph!,
      type: 'amendment',
    });
    await uploadVersion(db, amendmentId, 'icf', 'V2.0');
    await approveAtLead(db, amendmentId);
    await recogniseAtGulou(db, requestOf(db, sites.njglyy!)!.id);
    expect(await versionsAt(db, 'site-gulou@demo.ctp', sites.njglyy!)).toEqual([['icf', 'V2.0']]);
    expect(await callerAs(db, 'ec-gulou@demo.ctp').recognition.acks.list()).toEqual([]);
    const board = await callerAs(db, 'sponsor@demo.ctp').recognition.board({ trialId });
    expect(board.rows.find((r) => r.trialSiteId === sites.njglyy)!.icfSuperseded).toBe(false);
    // 省肿瘤 has not recognised yet: no versions, and not flagged (it is not on the lead's versions at all).
    expect(board.rows.find((r) => r.trialSiteId === sites.jsch)).toMatchObject({
      effectiveIcf: null,
      icfSuperseded: false,
    });
  });

  it("moves recognised sites to the lead's verified modifications, under the recognition, audited", async () => {
    const { trialId, sites, leadSubmissionId: id } = await multiCentreTrial(db, { ctrNo: 'CTR20261104' });
    await uploadVersion(db, id, 'icf', 'V1.0');
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
    const req = requestOf(db, sites.njglyy!)!;
    await recogniseAtGulou(db, req.id);
    expect(await versionsAt(db, 'site-gulou@demo.ctp', sites.njglyy!)).toEqual([['icf', 'V1.0']]);

    await uploadVersion(db, id, 'icf', 'V1.1');
    await site.modifications.submit({ id, response: '已补充联系方式，见知情同意书 V1.1' });
    await secretary.modifications.verify({ id, verdict: 'verified', comment: '修改符合要求' });
    const moved = await callerAs(db, 'site-gulou@demo.ctp').submissions.effectiveDocuments({
      trialSiteId: sites.njglyy!,
    });
    expect(moved.map((v) => [v.kind, v.versionLabel, v.source, v.recognitionRequestId])).toEqual([
      ['icf', 'V1.1', 'recognition', req.id],
    ]);
    expect(lastAudit(db, 'recognition.versions_follow').after).toMatchObject({
      sourceSubmissionId: id,
      ackId: null,
      boundVersions: [expect.objectContaining({ kind: 'icf', versionLabel: 'V1.1' })],
    });
    const board = await callerAs(db, 'sponsor@demo.ctp').recognition.board({ trialId });
    expect(board.rows.find((r) => r.trialSiteId === sites.njglyy)!.icfSuperseded).toBe(false);
  });

  it('backfills, at migration, the bindings the use-cases make for requests recognised and amendments acknowledged before', async () => {
    const { sites, leadSubmissionId } = await multiCentreTrial(db, { ctrNo: 'CTR20261105' });
    await uploadVersion(db, leadSubmissionId, 'protocol', 'V1.0');
    await uploadVersion(db, leadSubmissionId, 'icf', 'V1.0');
    await approveAtLead(db, leadSubmissionId);
    await recogniseAtGulou(db, requestOf(db, sites.njglyy!)!.id);
    const { id: amendmentId } = await callerAs(db, 'site@demo.ctp').submissions.create({
      trialSiteId: sites.jsph!,
      type: 'amendment',
    });
    await uploadVersion(db, amendmentId, 'icf', 'V2.0');
    await approveAtLead(db, amendmentId);
    const ec = callerAs(db, 'ec-gulou@demo.ctp');
    await ec.recognition.acks.act({ id: (await ec.recognition.acks.list())[0]!.id, acknowledge: true });
    const rows = () =>
      db.sqlite
        .prepare(
          `select request_id, trial_site_id, ack_id, source_submission_id, document_id, kind, version_label, version_date,
           sha256, lead_bound_at, effective_date, bound_at, bound_by from recognition_document_bindings
           order by bound_at, kind, document_id`,
        )
        .all();
    const bound = rows();
    expect(bound).toHaveLength(3);

    const dir = fileURLToPath(new URL('../../../../drizzle/', import.meta.url));
    const file = readdirSync(dir).find((f) => f.endsWith('_recognition_document_bindings.sql'))!;
    const backfill = readFileSync(`${dir}${file}`, 'utf8')
      .split('--> statement-breakpoint')
      .filter((sql) => sql.includes('INSERT INTO'));
    expect(backfill).toHaveLength(2);
    db.sqlite.prepare('delete from recognition_document_bindings').run();
    for (const sql of backfill) db.sqlite.exec(sql);
    expect(rows()).toEqual(bound);
  });
});
