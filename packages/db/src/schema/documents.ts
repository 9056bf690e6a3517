import { DOCUMENT_KINDS, LETTER_KINDS } from '@ctp/contracts';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { submissions } from './ethics.ts';
import { users } from './identity.ts';
import { ethicsCommittees } from './organisations.ts';

/**
 * A document of a submission (送审文件) in one version. The bytes live outside the database and the web root under a
 * content-addressed name (`storage_key`, from the sha256), never the uploader's file name; a later upload of the same
 * kind in the same submission supersedes the earlier one (both kept: regulated record, never deleted).
 */
export const submissionDocuments = sqliteTable(
  'submission_documents',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    versionLabel: text('version_label').notNull(),
    versionDate: text('version_date').notNull(),
    /** The uploader's file name, shown and offered on download only (never used as a path). */
    originalName: text('original_name').notNull(),
    /** The type the content was sniffed as. */
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: integer('uploaded_at').notNull(),
  },
  (t) => [index('submission_documents_submission_idx').on(t.submissionId, t.kind, t.uploadedAt)],
);

/** The exact document versions a decision was taken on (DESIGN §4.1), written in the decision's transaction. */
export const submissionDecisionDocuments = sqliteTable(
  'submission_decision_documents',
  {
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    documentId: text('document_id')
      .notNull()
      .references(() => submissionDocuments.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    versionLabel: text('version_label').notNull(),
    versionDate: text('version_date').notNull(),
    sha256: text('sha256').notNull(),
    boundAt: integer('bound_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.documentId] }),
    index('submission_decision_documents_doc_idx').on(t.documentId),
  ],
);

/** The letter (审查批件 / 审查意见通知书) of a decided submission: one per submission, numbered per committee and year. */
export const submissionLetters = sqliteTable(
  'submission_letters',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => submissions.id),
    committeeId: text('committee_id')
      .notNull()
      .references(() => ethicsCommittees.id),
    /** e.g. `JSPH-EC-2026-0007` (earlier letters: `JSPH-伦审-…`). */
    letterNo: text('letter_no').notNull(),
    year: text('year').notNull(),
    kind: text('kind', { enum: LETTER_KINDS }).notNull(),
    isBilingual: integer('is_bilingual', { mode: 'boolean' }).notNull().default(false),
    signerName: text('signer_name').notNull(),
    issueDate: text('issue_date').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    issuedBy: text('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: integer('issued_at').notNull(),
  },
  (t) => [
    uniqueIndex('submission_letters_no_uq').on(t.committeeId, t.letterNo),
    uniqueIndex('submission_letters_submission_uq').on(t.submissionId),
  ],
);
