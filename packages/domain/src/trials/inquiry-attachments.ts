import { type InquiryAttachment, MAX_INQUIRY_ATTACHMENTS, POLICIES } from '@ctp/contracts';
import { type Db, inquiries, inquiryAttachments } from '@ctp/db';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import {
  commitStaged,
  discardStaged,
  fileStoreOf,
  type StagedFile,
  sha256Hex,
  sniffAllowedType,
  stageFile,
  storedPath,
} from '../files/file-store.ts';
import { cleanFileName, type UploadedFile } from '../files/uploaded-file.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { answersInquiry, canReadInquiryAttachments } from './policy.ts';
import { loadTrial, type TrialRow } from './trial-access.ts';

type InquiryRow = typeof inquiries.$inferSelect;

/** The inquiry as its hospital's trial office sees it; anyone else: not found. */
function loadOwnInquiry(ctx: ActorCtx, inquiryId: string): InquiryRow {
  if (!POLICIES.answerInquiries.allows(ctx.actor)) throw forbidden();
  const inquiry = ctx.db.select().from(inquiries).where(eq(inquiries.id, inquiryId)).get();
  if (!inquiry || !answersInquiry(ctx.actor, inquiry)) throw notFound();
  return inquiry;
}

const closed = () => new DomainError('CONFLICT', 'INQUIRY_ATTACHMENTS_CLOSED');

/**
 * Attach a file to the answer of an inquiry (issue 14), by the hospital's trial office while the inquiry awaits its
 * answer. Checked and stored as submission documents are (size, type by the bytes, sha256, staged then renamed to its
 * content-addressed name after the commit), audited; the sponsor reads it once the answer is sent.
 */
export async function uploadInquiryAttachment({
  ctx,
  input,
  file,
}: {
  ctx: ActorCtx;
  input: { inquiryId: string };
  file: UploadedFile;
}): Promise<InquiryAttachment> {
  const store = fileStoreOf(ctx);
  const inquiry = loadOwnInquiry(ctx, input.inquiryId);
  if (inquiry.status !== 'sent') throw closed();
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
  const id = newId();
  const now = ctx.now();
  const originalName = cleanFileName(file.filename);
  let staged: StagedFile | undefined;
  try {
    staged = stageFile(store, file.bytes, sha256);
    const key = staged.key;
    inTransaction(ctx.db, (tx) => {
      // The answer may have been sent, or other files attached, while the bytes were read.
      const current = tx.select({ status: inquiries.status }).from(inquiries).where(eq(inquiries.id, inquiry.id)).get();
      if (current?.status !== 'sent') throw closed();
      const n = tx
        .select({ n: count() })
        .from(inquiryAttachments)
        .where(eq(inquiryAttachments.inquiryId, inquiry.id))
        .get()!.n;
      if (n >= MAX_INQUIRY_ATTACHMENTS)
        throw new DomainError('VALIDATION', 'INQUIRY_TOO_MANY_ATTACHMENTS', {
          params: { max: MAX_INQUIRY_ATTACHMENTS },
          fieldErrors: [{ path: 'file', message: 'INQUIRY_TOO_MANY_ATTACHMENTS' }],
        });
      tx.insert(inquiryAttachments)
        .values({
          id,
          inquiryId: inquiry.id,
          originalName,
          mimeType,
          sizeBytes: file.bytes.byteLength,
          sha256,
          storageKey: key,
          uploadedBy: ctx.actor.userId,
          uploadedAt: now,
        })
        .run();
      writeAuditEvent(tx, ctx, {
        action: 'inquiry.attach',
        entityType: 'inquiry',
        entityId: inquiry.id,
        after: { attachmentId: id, originalName, mimeType, sizeBytes: file.bytes.byteLength, sha256 },
      });
    });
    commitStaged(staged);
  } catch (e) {
    if (staged) discardStaged(staged);
    throw e;
  }
  return { id, originalName, mimeType, sizeBytes: file.bytes.byteLength, uploadedAt: now };
}

/**
 * Takes an attachment off an answer not yet sent (a wrong file). The row goes; the audit row keeps what it was, and
 * the stored bytes stay (content-addressed, possibly shared).
 */
export function removeInquiryAttachment({ ctx, input }: { ctx: ActorCtx; input: { attachmentId: string } }): void {
  if (!POLICIES.answerInquiries.allows(ctx.actor)) throw forbidden();
  const row = ctx.db.select().from(inquiryAttachments).where(eq(inquiryAttachments.id, input.attachmentId)).get();
  if (!row) throw notFound();
  const inquiry = loadOwnInquiry(ctx, row.inquiryId);
  if (inquiry.status !== 'sent') throw closed();
  inTransaction(ctx.db, (tx) => {
    const changed = tx
      .delete(inquiryAttachments)
      .where(
        and(
          eq(inquiryAttachments.id, row.id),
          // Only while the answer is not sent: a concurrent answer makes this a CONFLICT, not a silent removal.
          inArray(
            inquiryAttachments.inquiryId,
            tx
              .select({ id: inquiries.id })
              .from(inquiries)
              .where(and(eq(inquiries.id, inquiry.id), eq(inquiries.status, 'sent'))),
          ),
        ),
      )
      .run().changes;
    if (!changed) throw closed();
    writeAuditEvent(tx, ctx, {
      action: 'inquiry.remove_attachment',
      entityType: 'inquiry',
      entityId: inquiry.id,
      before: { attachmentId: row.id, originalName: row.originalName, sha256: row.sha256 },
    });
  });
}

/** The attachments of these inquiries the actor may read, by inquiry, oldest first. */
export function attachmentsOf(ctx: Ctx, rows: InquiryRow[]): Map<string, InquiryAttachment[]> {
  const trialsById = new Map<string, TrialRow>();
  const trialOf = (id: string): TrialRow => {
    const known = trialsById.get(id);
    if (known) return known;
    const trial = loadTrial(ctx.db, id);
    trialsById.set(id, trial);
    return trial;
  };
  const readable = rows.filter((r) => canReadInquiryAttachments(ctx.actor, r, trialOf(r.trialId))).map((r) => r.id);
  const out = new Map<string, InquiryAttachment[]>();
  if (!readable.length) return out;
  for (const a of listAttachmentRows(ctx.db, readable)) {
    const list = out.get(a.inquiryId) ?? [];
    list.push({
      id: a.id,
      originalName: a.originalName,
      mimeType: a.mimeType,
      sizeBytes: a.sizeBytes,
      uploadedAt: a.uploadedAt,
    });
    out.set(a.inquiryId, list);
  }
  return out;
}

function listAttachmentRows(db: Db, inquiryIds: string[]) {
  return db
    .select()
    .from(inquiryAttachments)
    .where(inArray(inquiryAttachments.inquiryId, inquiryIds))
    .orderBy(asc(inquiryAttachments.uploadedAt))
    .all();
}

/** `GET /api/files/inquiry-attachments/:id`: the file, to its trial office or (once answered) its sponsor. */
export function openInquiryAttachment({ ctx, attachmentId }: { ctx: Ctx; attachmentId: string }) {
  const row = ctx.db.select().from(inquiryAttachments).where(eq(inquiryAttachments.id, attachmentId)).get();
  const inquiry = row && ctx.db.select().from(inquiries).where(eq(inquiries.id, row.inquiryId)).get();
  if (!row || !inquiry || !canReadInquiryAttachments(ctx.actor, inquiry, loadTrial(ctx.db, inquiry.trialId)))
    throw notFound();
  return {
    path: storedPath(fileStoreOf(ctx), row.storageKey),
    mimeType: row.mimeType,
    fileName: row.originalName,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
  };
}
