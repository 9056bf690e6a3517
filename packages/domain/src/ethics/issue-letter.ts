import { APPROVAL_OUTCOMES, issueLetterInput, type LetterKind } from '@ctp/contracts';
import {
  type Db,
  ethicsCommittees,
  investigators,
  meetings,
  organisations,
  recognitionRequests,
  submissionLetters,
  type Tx,
} from '@ctp/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { shanghaiDate } from '../clock/dates.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { boundDocumentsOf } from '../documents/decision-documents.ts';
import { DomainError, notFound } from '../errors.ts';
import { commitStaged, discardStaged, fileStoreOf, sha256Hex, stageFile, storedPath } from '../files/file-store.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { servingMembers } from './committee-access.ts';
import { assertMayReadSubmissionFiles } from './document-access.ts';
import { type LetterContent, renderLetterPdf } from './letter-pdf.ts';
import { modificationsStatus, modificationsVerifiedDateOf } from './modification-rounds.ts';
import { type LoadedSubmission, loadSubmission } from './submission-access.ts';
import { authoriseSubmissionStep, canReadLetterAsCommittee } from './submission-policy.ts';
import { applySubmissionStep } from './submission-steps.ts';

/**
 * Pure: the letter number after `last` in a committee's year, e.g. `JSPH-EC-2026-0007` — ASCII, so it reads the
 * same in a Chinese and an English letter or page (like the recognition letters' `NJGLYY-HR-2026-0001`).
 */
export function formatLetterNo(prefix: string, year: string, last: string | null): string {
  const n = last ? Number(last.slice(last.lastIndexOf('-') + 1)) + 1 : 1;
  return `${prefix}-EC-${year}-${String(n).padStart(4, '0')}`;
}

/** The next number of the committee's year, after the highest sequence (numbers issued as `…-伦审-…` count too). */
function nextLetterNo(db: Db | Tx, committeeId: string, prefix: string, year: string): string {
  const last = db
    .select({ no: submissionLetters.letterNo })
    .from(submissionLetters)
    .where(and(eq(submissionLetters.committeeId, committeeId), eq(submissionLetters.year, year)))
    .all()
    .map((r) => r.no)
    .sort((a, b) => Number(a.slice(a.lastIndexOf('-') + 1)) - Number(b.slice(b.lastIndexOf('-') + 1)))
    .at(-1);
  return formatLetterNo(prefix, year, last ?? null);
}

/** The signer: the committee's serving chair (主任委员) from the roster, else the secretary issuing it. */
function signerOf(db: Db, committeeId: string, today: string, fallback: string): string {
  return servingMembers(db, committeeId, today).find((m) => m.role === 'chair')?.name ?? fallback;
}

function letterContentOf(
  db: Db,
  loaded: LoadedSubmission,
  opts: { letterNo: string; bilingual: boolean; signerName: string; issueDate: string; issuedAt: number },
): LetterContent {
  const { sub, trial, site } = loaded;
  const committee = db.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, sub.committeeId)).get()!;
  const hospital = db.select().from(organisations).where(eq(organisations.id, site.hospitalOrgId)).get()!;
  const pi = site.investigatorId
    ? db.select({ name: investigators.name }).from(investigators).where(eq(investigators.id, site.investigatorId)).get()
    : undefined;
  const meetingDate = sub.meetingId
    ? db.select({ d: meetings.meetingDate }).from(meetings).where(eq(meetings.id, sub.meetingId)).get()?.d
    : undefined;
  const kind: LetterKind = (APPROVAL_OUTCOMES as readonly string[]).includes(sub.outcome ?? '')
    ? 'approval'
    : 'opinion';
  const registryIds = [
    { label: 'CTR', value: trial.ctrNo },
    { label: 'NCT', value: trial.nctNo },
    { label: 'ChiCTR', value: trial.chictrNo },
  ].filter((r): r is { label: string; value: string } => Boolean(r.value));
  return {
    kind,
    letterNo: opts.letterNo,
    bilingual: opts.bilingual,
    committeeName: committee.nameZh,
    committeeNameEn: committee.nameEn,
    hospitalName: hospital.nameZh,
    hospitalNameEn: hospital.nameEn,
    trialTitle: trial.titleZh,
    trialTitleEn: trial.titleEn,
    registryIds,
    piName: pi?.name ?? null,
    modificationsVerifiedDate: modificationsVerifiedDateOf(db, sub),
    submissionType: sub.type,
    acceptanceNo: sub.acceptanceNo,
    reviewPath: sub.reviewPath,
    reviewDate: sub.reviewPath === 'convened' && meetingDate ? meetingDate : sub.decidedDate,
    outcome: sub.outcome!,
    conditions: sub.conditions,
    documents: boundDocumentsOf(db, sub.id).map((b) => ({
      kind: b.kind,
      versionLabel: b.versionLabel,
      versionDate: b.versionDate,
      sha256: b.sha256,
    })),
    followUpDate: kind === 'approval' ? sub.followUpDate : null,
    signerName: opts.signerName,
    issueDate: opts.issueDate,
    issuedAt: opts.issuedAt,
  };
}

class LetterNumberTaken extends Error {}

/**
 * Public contract `submissions.issueLetter` {id, version?, bilingual?}: the committee's secretary issues the letter
 * of a decided submission (审查批件 for an approval, 审查意见通知书 otherwise): `decided → letter_issued`. The number is
 * the next of the committee's year; the PDF is rendered before the transaction (it is asynchronous), stored like a
 * document (sha256, content-addressed) and recorded with the step's timeline event and audit row in one transaction.
 * If another letter took the number meanwhile, the letter is rendered again with the next one.
 */
export async function issueSubmissionLetter({
  ctx,
  input: raw,
}: {
  ctx: ActorCtx;
  input: z.input<typeof issueLetterInput>;
}) {
  const input = issueLetterInput.parse(raw);
  const store = fileStoreOf(ctx);
  for (let attempt = 0; attempt < 5; attempt++) {
    const loaded = loadSubmission(ctx.db, input.id);
    const { sub, site } = loaded;
    authoriseSubmissionStep(ctx.actor, loaded, 'issue_letter', { version: input.version });
    // After 必要的修改后同意 the 批件 names the modified versions, so it waits for the modifications to be verified.
    const modifications = modificationsStatus(ctx.db, sub);
    if (modifications && modifications !== 'verified')
      throw new DomainError('PRECONDITION_FAILED', 'MODIFICATIONS_NOT_VERIFIED');
    const now = ctx.now();
    const issueDate = shanghaiDate(now);
    const year = issueDate.slice(0, 4);
    const hospital = ctx.db
      .select({ code: organisations.code })
      .from(organisations)
      .where(eq(organisations.id, site.hospitalOrgId))
      .get();
    const prefix = (hospital?.code ?? 'EC').toUpperCase();
    const letterNo = nextLetterNo(ctx.db, sub.committeeId, prefix, year);
    const signerName = signerOf(ctx.db, sub.committeeId, issueDate, ctx.actor.name);
    const content = letterContentOf(ctx.db, loaded, {
      letterNo,
      bilingual: input.bilingual ?? false,
      signerName,
      issueDate,
      issuedAt: now,
    });
    const pdf = await renderLetterPdf(content);
    const sha256 = sha256Hex(pdf);
    const staged = stageFile(store, pdf, sha256);
    try {
      const result = inTransaction(ctx.db, (tx) => {
        if (nextLetterNo(tx, sub.committeeId, prefix, year) !== letterNo) throw new LetterNumberTaken();
        const updated = applySubmissionStep(tx, ctx, sub, 'issue_letter', {
          now,
          detail: { letterNo, letterKind: content.kind, sha256 },
        });
        const id = newId();
        tx.insert(submissionLetters)
          .values({
            id,
            submissionId: sub.id,
            committeeId: sub.committeeId,
            letterNo,
            year,
            kind: content.kind,
            isBilingual: content.bilingual,
            signerName,
            issueDate,
            sizeBytes: pdf.byteLength,
            sha256,
            storageKey: staged.key,
            issuedBy: ctx.actor.userId,
            issuedAt: now,
          })
          .run();
        return {
          id: updated.id,
          state: updated.state,
          version: updated.version,
          letterNo,
          letterKind: content.kind,
          sha256,
          sizeBytes: pdf.byteLength,
        };
      });
      commitStaged(staged);
      return result;
    } catch (e) {
      discardStaged(staged);
      if (e instanceof LetterNumberTaken) continue;
      throw e;
    }
  }
  throw new DomainError('CONFLICT', 'STALE_VERSION');
}

/**
 * Who may read a submission's letter: the committee's own EC roles (the letter is its output, not the confidential
 * file); an EC holding a recognition request whose lead submission this is (DESIGN §4.2: the participating EC sees
 * the lead's decision, conditions, letter and approved versions — never its votes or minutes); otherwise whoever may
 * read the submission's files. NOT_FOUND for everyone else.
 */
export function assertMayReadSubmissionLetter(ctx: Ctx, submissionId: string) {
  const loaded = loadSubmission(ctx.db, submissionId);
  const recognisingCommitteeIds = ctx.db
    .select({ committeeId: recognitionRequests.committeeId })
    .from(recognitionRequests)
    .where(eq(recognitionRequests.leadSubmissionId, loaded.sub.id))
    .all()
    .map((r) => r.committeeId);
  if (canReadLetterAsCommittee(ctx.actor, loaded, recognisingCommitteeIds)) return;
  assertMayReadSubmissionFiles(ctx.db, ctx.actor, loaded);
}

/** True when `assertMayReadSubmissionLetter` would let the actor read the letter (for links). */
export function canReadSubmissionLetter(ctx: Ctx, submissionId: string): boolean {
  try {
    assertMayReadSubmissionLetter(ctx, submissionId);
    return true;
  } catch {
    return false;
  }
}

/**
 * For the download route: the letter of a submission, to the applicant side, the sponsor or CRO and the committee
 * (its members subject to the same file access as documents); NOT_FOUND for everyone else, the commission included.
 */
export function openSubmissionLetter({ ctx, submissionId }: { ctx: Ctx; submissionId: string }) {
  assertMayReadSubmissionLetter(ctx, submissionId);
  const letter = ctx.db.select().from(submissionLetters).where(eq(submissionLetters.submissionId, submissionId)).get();
  if (!letter) throw notFound('LETTER_NOT_ISSUED');
  return {
    path: storedPath(fileStoreOf(ctx), letter.storageKey),
    mimeType: 'application/pdf',
    fileName: `${letter.letterNo}.pdf`,
    sizeBytes: letter.sizeBytes,
    sha256: letter.sha256,
  };
}
