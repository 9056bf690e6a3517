import { type ActorRef, canActForCommittee, isEcRole, type SubmissionSide } from '@ctp/contracts';
import { type Db, submissionDecisionDocuments, submissionDocuments, users } from '@ctp/db';
import { asc, eq, sql } from 'drizzle-orm';
import { forbidden, notFound } from '../errors.ts';
import type { Reader } from './committee-access.ts';
import { assertMayOpenSubmissionFiles } from './reviewer-access.ts';
import { canReadSubmission, type LoadedSubmission, submissionSideOf } from './submission-access.ts';

export type SubmissionDocumentRow = typeof submissionDocuments.$inferSelect;

/**
 * Authorise reading a submission's files (documents, letter). The applicant side (trial office, PI), the trial's
 * sponsor or CRO, and the committee's secretary and chair read them; any other member of that committee only through
 * `assertMayOpenSubmissionFiles` (a primary reviewer declares conflicts first). Everyone else, the commission
 * included, gets NOT_FOUND: they cannot tell the file exists.
 */
export function assertMayReadSubmissionFiles(
  db: Db,
  actor: ActorRef | null,
  loaded: LoadedSubmission,
): SubmissionSide | 'member' {
  const { sub, trial, site, piUserId } = loaded;
  if (!canReadSubmission(actor, sub, trial, site, piUserId)) throw notFound();
  const side = submissionSideOf(actor, sub, trial, site, piUserId);
  if (side) return side;
  if (actor && actor.role === 'ec_member' && canActForCommittee(actor, sub.committeeId)) {
    assertMayOpenSubmissionFiles(db, sub.id, actor);
    return 'member';
  }
  if (actor && isEcRole(actor.role)) throw forbidden('NOT_OWN_COMMITTEE');
  throw notFound();
}

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
