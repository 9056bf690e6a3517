import { submissionDecisionDocuments, submissionDocuments, type Tx, users } from '@ctp/db';
import { asc, eq, sql } from 'drizzle-orm';
import type { Reader } from '../transaction.ts';

/**
 * Decision documents (DESIGN §4.1: every decision binds the exact document versions reviewed): the versions of a
 * submission, the current one per kind, and what a decision bound. Shared by the ethics workflow (which binds),
 * the letters, and the recognition side (which follows what the lead EC approved).
 */
export type SubmissionDocumentRow = typeof submissionDocuments.$inferSelect;

/** Every document version of a submission, oldest first, with the uploader's name. */
export function documentsOf(db: Reader, submissionId: string) {
  return db
    .select({ doc: submissionDocuments, uploaderName: users.name })
    .from(submissionDocuments)
    .leftJoin(users, eq(users.id, submissionDocuments.uploadedBy))
    .where(eq(submissionDocuments.submissionId, submissionId))
    .orderBy(asc(submissionDocuments.uploadedAt), asc(sql`"submission_documents"."rowid"`))
    .all();
}

/**
 * Pure: the current version of each kind — the latest upload of that kind in the submission (a later upload
 * supersedes an earlier one; both stay on record). `docs` in upload order, as `documentsOf` returns them.
 */
export function currentDocuments<T extends Pick<SubmissionDocumentRow, 'kind'>>(docs: T[]): T[] {
  const latest = new Map<string, T>();
  for (const d of docs) latest.set(d.kind, d);
  return [...latest.values()];
}

/** The versions a decision on this submission bound (empty before the decision). */
/** The versions a decision approved: per kind the latest binding (verified modifications bind on top). */
export function boundDocumentsOf(db: Reader, submissionId: string) {
  const rows = db
    .select()
    .from(submissionDecisionDocuments)
    .where(eq(submissionDecisionDocuments.submissionId, submissionId))
    .orderBy(asc(submissionDecisionDocuments.boundAt))
    .all();
  const latest = new Map(rows.map((r) => [r.kind, r]));
  return [...latest.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

/**
 * Inside the decision's transaction: bind the current version of every kind to the decision (DESIGN §4.1); again when
 * modifications are verified, so the modified versions become the approved ones (latest binding per kind wins).
 */
export function bindDecisionDocuments(tx: Tx, submissionId: string, now: number): number {
  const current = currentDocuments(documentsOf(tx, submissionId).map((r) => r.doc));
  let bound = 0;
  for (const d of current)
    bound += tx
      .insert(submissionDecisionDocuments)
      .values({
        submissionId,
        documentId: d.id,
        kind: d.kind,
        versionLabel: d.versionLabel,
        versionDate: d.versionDate,
        sha256: d.sha256,
        boundAt: now,
      })
      // Verified modifications bind the modified versions on top; versions already bound stay as they were.
      .onConflictDoNothing()
      .run().changes;
  return bound;
}
