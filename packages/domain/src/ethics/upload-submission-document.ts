import {
  canActForCommittee,
  canUploadSubmissionDocuments,
  isEcRole,
  term,
  type UploadDocumentFields,
  uploadDocumentFields,
} from '@ctp/contracts';
import { submissionDocuments, submissions } from '@ctp/db';
import { eq } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ActorCtx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import {
  commitStaged,
  discardStaged,
  fileStoreOf,
  type StagedFile,
  sha256Hex,
  sniffAllowedType,
  stageFile,
} from '../files/file-store.ts';
import { cleanFileName, type UploadedFile } from '../files/uploaded-file.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { modificationsStatus } from './modification-rounds.ts';
import { loadSubmission } from './submission-access.ts';
import { canReadSubmission, submissionSideOf } from './submission-policy.ts';

/**
 * Attach one document version to a submission (送审文件), from the upload route. Authorised first (the applicant
 * side or the sponsor while the file is theirs to change, the committee's secretary during the review), then the
 * content is checked: size, type by its bytes (a .pdf that is an .exe is refused), sha256. The file is written under a
 * temporary name, the row and the audit event in one transaction, and the file renamed to its content-addressed
 * name after the commit; on any failure nothing is stored.
 */
export async function uploadSubmissionDocument({
  ctx,
  input,
  file,
}: {
  ctx: ActorCtx;
  input: { submissionId: string; fields: UploadDocumentFields };
  file: UploadedFile;
}) {
  const store = fileStoreOf(ctx);
  const loaded = loadSubmission(ctx.db, input.submissionId);
  const { sub, trial, site, piUserId } = loaded;
  const actor = ctx.actor;
  if (isEcRole(actor.role) && !canActForCommittee(actor, sub.committeeId)) throw forbidden('NOT_OWN_COMMITTEE');
  if (!canReadSubmission(actor, sub, trial, site, piUserId)) throw notFound();
  const side = submissionSideOf(actor, sub, trial, site, piUserId);
  if (side !== 'applicant' && side !== 'sponsor' && side !== 'secretary') throw forbidden('ROLE_REQUIRED');
  const locked = (state: typeof sub.state) =>
    new DomainError('INVALID_TRANSITION', 'DOCUMENTS_LOCKED', {
      params: { state: term('submissionStates', state) },
    });
  const modificationsAwaited = modificationsStatus(ctx.db, sub) === 'awaiting_submission';
  if (!canUploadSubmissionDocuments(side, sub.state, modificationsAwaited)) throw locked(sub.state);

  const fields = uploadDocumentFields.parse(input.fields);
  const maxMb = Math.round(store.maxUploadBytes / (1024 * 1024));
  if (file.truncated || file.bytes.byteLength > store.maxUploadBytes)
    throw new DomainError('VALIDATION', 'FILE_TOO_LARGE', {
      params: { maxMb },
      fieldErrors: [{ path: 'file', message: 'FILE_TOO_LARGE' }],
    });
  if (file.bytes.byteLength === 0)
    throw new DomainError('VALIDATION', 'FILE_EMPTY', { fieldErrors: [{ path: 'file', message: 'FILE_EMPTY' }] });
  const mimeType = await sniffAllowedType(file.bytes);
  if (!mimeType)
    throw new DomainError('VALIDATION', 'FILE_TYPE_NOT_ALLOWED', {
      fieldErrors: [{ path: 'file', message: 'FILE_TYPE_NOT_ALLOWED' }],
    });

  const sha256 = sha256Hex(file.bytes);
  const now = ctx.now();
  const id = newId();
  const originalName = cleanFileName(file.filename);
  let staged: StagedFile | undefined;
  try {
    staged = stageFile(store, file.bytes, sha256);
    const key = staged.key;
    const row = inTransaction(ctx.db, (tx) => {
      // The state may have moved on while the bytes were read and checked.
      const current = tx.select({ state: submissions.state }).from(submissions).where(eq(submissions.id, sub.id)).get();
      if (!current || !canUploadSubmissionDocuments(side, current.state, modificationsAwaited))
        throw locked(current?.state ?? sub.state);
      const inserted = tx
        .insert(submissionDocuments)
        .values({
          id,
          submissionId: sub.id,
          kind: fields.kind,
          versionLabel: fields.versionLabel,
          versionDate: fields.versionDate,
          originalName,
          mimeType,
          sizeBytes: file.bytes.byteLength,
          sha256,
          storageKey: key,
          uploadedBy: actor.userId,
          uploadedAt: now,
        })
        .returning()
        .get();
      writeAuditEvent(tx, ctx, {
        action: 'submission.upload_document',
        entityType: 'submission',
        entityId: sub.id,
        after: {
          documentId: id,
          kind: fields.kind,
          versionLabel: fields.versionLabel,
          versionDate: fields.versionDate,
          originalName,
          mimeType,
          sizeBytes: file.bytes.byteLength,
          sha256,
        },
      });
      return inserted;
    });
    commitStaged(staged);
    return {
      id: row.id,
      submissionId: row.submissionId,
      kind: row.kind,
      versionLabel: row.versionLabel,
      versionDate: row.versionDate,
      originalName: row.originalName,
      mimeType: row.mimeType,
      sizeBytes: row.sizeBytes,
      sha256: row.sha256,
      uploadedAt: row.uploadedAt,
    };
  } catch (e) {
    if (staged) discardStaged(staged);
    throw e;
  }
}
