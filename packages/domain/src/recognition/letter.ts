import { readFileSync } from 'node:fs';
import { DOCUMENT_KINDS, RECOGNISING_OUTCOMES, recognitionIdInput } from '@ctp/contracts';
import {
  ethicsCommittees,
  investigators,
  organisations,
  recognitionDocumentBindings,
  recognitionEvents,
  recognitionRequests,
  submissionLetters,
  users,
} from '@ctp/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { Ctx } from '../context.ts';
import { effectiveVersionsOf } from '../documents/effective-versions.ts';
import { DomainError, notFound } from '../errors.ts';
import { servingMembers } from '../ethics/committee-access.ts';
import { type LetterContent, renderLetterPdf } from '../ethics/letter-pdf.ts';
import { loadSubmission } from '../ethics/submission-access.ts';
import { commitStaged, discardStaged, fileStoreOf, sha256Hex, stageFile, storedPath } from '../files/file-store.ts';
import { readsEnglish } from '../presentation/in-locale.ts';
import { inTransaction } from '../transaction.ts';
import { canReadRequest } from './policy.ts';
import { loadRequest, type RecognitionRequestRow } from './request-access.ts';

/**
 * The recognition letter (互认确认批件) of a recognised request: the participating EC's approval of the site by
 * recognition, numbered at the decision, listing the versions the lead EC approved. Rendered on demand with the
 * ethics letter renderer from the records (so it always matches them).
 */
export function recognitionLetterContent(ctx: Ctx, requestId: string): LetterContent {
  const { req, trial, site, piUserId } = loadRequest(ctx.db, requestId);
  if (!canReadRequest(ctx.actor, req, trial, site, piUserId)) throw notFound();
  return letterContentOf(ctx, loadRequest(ctx.db, requestId));
}

function letterContentOf(ctx: Pick<Ctx, 'db' | 'locale'>, loaded: ReturnType<typeof loadRequest>): LetterContent {
  const { req, trial, site } = loaded;
  if (!req.letterNo || !(RECOGNISING_OUTCOMES as readonly string[]).includes(req.outcome ?? ''))
    throw new DomainError('PRECONDITION_FAILED', 'LETTER_NOT_ISSUED');
  const committee = ctx.db.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, req.committeeId)).get()!;
  const lead = ctx.db.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, req.leadCommitteeId)).get()!;
  const hospital = ctx.db.select().from(organisations).where(eq(organisations.id, site.hospitalOrgId)).get()!;
  const pi = site.investigatorId
    ? ctx.db
        .select({ name: investigators.name })
        .from(investigators)
        .where(eq(investigators.id, site.investigatorId))
        .get()
    : undefined;
  const leadSub = loadSubmission(ctx.db, req.leadSubmissionId);
  const leadLetterNo =
    ctx.db
      .select({ no: submissionLetters.letterNo })
      .from(submissionLetters)
      .where(eq(submissionLetters.submissionId, req.leadSubmissionId))
      .get()?.no ?? null;
  const leadNameEn = lead.nameEn ?? lead.nameZh;
  return {
    kind: 'approval',
    letterNo: req.letterNo,
    bilingual: readsEnglish(ctx.locale),
    committeeName: committee.nameZh,
    committeeNameEn: committee.nameEn,
    hospitalName: hospital.nameZh,
    hospitalNameEn: hospital.nameEn,
    trialTitle: trial.titleZh,
    trialTitleEn: trial.titleEn,
    registryIds: [
      { label: 'CTR', value: trial.ctrNo },
      { label: 'NCT', value: trial.nctNo },
      { label: 'ChiCTR', value: trial.chictrNo },
    ].filter((r): r is { label: string; value: string } => Boolean(r.value)),
    piName: pi?.name ?? null,
    submissionType: 'initial',
    // The request has no 受理号 of its own: the letter cites the lead review it recognises.
    acceptanceNo: leadSub.sub.acceptanceNo,
    acceptanceLabel: { zh: '组长单位受理号', en: 'Lead site acceptance No.' },
    basis: {
      zh: leadLetterNo ? `互认${lead.nameZh}的审查决定（批件号 ${leadLetterNo}）` : `互认${lead.nameZh}的审查决定`,
      en: leadLetterNo
        ? `Recognition of the decision of ${leadNameEn} (letter No. ${leadLetterNo})`
        : `Recognition of the decision of ${leadNameEn}`,
    },
    reviewPath: 'recognition',
    reviewDate: req.decidedDate,
    outcome: 'approved',
    conditions: req.conditions,
    documents: recognisedVersionsOf(ctx.db, req.id, leadSub.site.id),
    followUpDate: leadSub.sub.followUpDate,
    signerName: signerOf(ctx.db, req, committee.nameZh),
    issueDate: req.decidedDate!,
    issuedAt: req.updatedAt,
  };
}

/**
 * The signer: the committee's chair (主任委员) serving on the decision day, else the person who recorded the decision
 * — a person, never the committee's name (the committee is named under the signature).
 */
function signerOf(db: Ctx['db'], req: RecognitionRequestRow, fallback: string): string {
  const chair = servingMembers(db, req.committeeId, req.decidedDate!).find((m) => m.role === 'chair')?.name;
  if (chair) return chair;
  const decider = db
    .select({ name: users.name })
    .from(recognitionEvents)
    .innerJoin(users, eq(users.id, recognitionEvents.actorUserId))
    .where(and(eq(recognitionEvents.requestId, req.id), eq(recognitionEvents.step, 'decide')))
    .orderBy(desc(recognitionEvents.at))
    .get()?.name;
  return decider ?? fallback;
}

/**
 * The versions the recognition bound (the lead's approved versions on the day of recognition), so a letter rendered
 * later never lists an amendment approved since; the lead's current versions for a request recognised before bindings
 * were recorded.
 */
function recognisedVersionsOf(db: Ctx['db'], requestId: string, leadSiteId: string) {
  const bound = db
    .select({
      kind: recognitionDocumentBindings.kind,
      versionLabel: recognitionDocumentBindings.versionLabel,
      versionDate: recognitionDocumentBindings.versionDate,
      sha256: recognitionDocumentBindings.sha256,
    })
    .from(recognitionDocumentBindings)
    .where(and(eq(recognitionDocumentBindings.requestId, requestId), isNull(recognitionDocumentBindings.ackId)))
    .all();
  const versions = bound.length > 0 ? bound : effectiveVersionsOf(db, leadSiteId);
  return versions
    .map((v) => ({ kind: v.kind, versionLabel: v.versionLabel, versionDate: v.versionDate, sha256: v.sha256 }))
    .sort((a, b) => DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind));
}

/**
 * Renders the recognition letter of a recognised request once and keeps it like the ethics letters: the PDF goes
 * into the content-addressed file store (sha256) and the request row records it, audited. Called right after the
 * decision (`recognition.requests.decide`); idempotent — a letter already stored is returned as it is, and of two
 * concurrent calls only the first row update wins (the same bytes, the same key).
 */
export async function storeRecognitionLetter(ctx: Ctx, requestId: string) {
  const loaded = loadRequest(ctx.db, requestId);
  const { req } = loaded;
  if (req.letterSha256 && req.letterStorageKey)
    return { sha256: req.letterSha256, storageKey: req.letterStorageKey, sizeBytes: req.letterSizeBytes ?? 0 };
  // Always the Chinese letter (the archived original), whatever the caller's language.
  const content = letterContentOf({ db: ctx.db, locale: 'zh-CN' }, loaded);
  const pdf = await renderLetterPdf(content);
  const sha256 = sha256Hex(pdf);
  const store = fileStoreOf(ctx);
  const staged = stageFile(store, pdf, sha256);
  try {
    const stored = inTransaction(ctx.db, (tx) => {
      const now = ctx.now();
      const changed = tx
        .update(recognitionRequests)
        .set({
          letterSha256: sha256,
          letterStorageKey: staged.key,
          letterSizeBytes: pdf.byteLength,
          letterStoredAt: now,
        })
        .where(and(eq(recognitionRequests.id, req.id), isNull(recognitionRequests.letterSha256)))
        .run().changes;
      if (!changed) return false;
      writeAuditEvent(tx, ctx, {
        action: 'recognition.letter_store',
        entityType: 'recognition_request',
        entityId: req.id,
        after: { letterNo: content.letterNo, sha256, sizeBytes: pdf.byteLength },
      });
      return true;
    });
    if (!stored) {
      discardStaged(staged);
      const again = loadRequest(ctx.db, requestId).req;
      return {
        sha256: again.letterSha256!,
        storageKey: again.letterStorageKey!,
        sizeBytes: again.letterSizeBytes ?? 0,
      };
    }
    commitStaged(staged);
  } catch (e) {
    discardStaged(staged);
    throw e;
  }
  return { sha256, storageKey: staged.key, sizeBytes: pdf.byteLength };
}

/**
 * For the download route `/api/files/recognition-letters/:id`: the stored recognition letter, to whoever may read the
 * request (NOT_FOUND otherwise). A recognised request whose letter was never stored (a decision recorded before the
 * letter could be rendered) gets it rendered and stored now — once.
 */
export async function openRecognitionLetter({ ctx, requestId }: { ctx: Ctx; requestId: string }) {
  const { req, trial, site, piUserId } = loadRequest(ctx.db, requestId);
  if (!canReadRequest(ctx.actor, req, trial, site, piUserId)) throw notFound();
  if (!req.letterNo || !(RECOGNISING_OUTCOMES as readonly string[]).includes(req.outcome ?? ''))
    throw notFound('LETTER_NOT_ISSUED');
  const stored = await storeRecognitionLetter(ctx, requestId);
  return {
    path: storedPath(fileStoreOf(ctx), stored.storageKey),
    mimeType: 'application/pdf',
    fileName: `${req.letterNo}.pdf`,
    sizeBytes: stored.sizeBytes,
    sha256: stored.sha256,
  };
}

/** `recognition.requests.letter`: the stored recognition letter as a PDF, base64 (like the exports). */
export async function recognitionLetterPdf({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof recognitionIdInput>;
}) {
  const input = recognitionIdInput.parse(raw);
  const file = await openRecognitionLetter({ ctx, requestId: input.id });
  return { fileName: file.fileName, sha256: file.sha256, base64: readFileSync(file.path).toString('base64') };
}
