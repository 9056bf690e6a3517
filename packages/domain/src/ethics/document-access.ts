import type { ActorRef, SubmissionSide } from '@ctp/contracts';
import type { Db } from '@ctp/db';
import { assertMayOpenSubmissionFiles } from './reviewer-access.ts';
import type { LoadedSubmission } from './submission-access.ts';
import { fileRefusalError, submissionFilesReaderOf } from './submission-policy.ts';

/**
 * Authorise reading a submission's files (documents, letter). The applicant side (trial office, PI), the trial's
 * sponsor or CRO, and the committee's secretary and chair read them; any other member of that committee only through
 * `assertMayOpenSubmissionFiles` (a primary reviewer declares conflicts first). Everyone else, the commission
 * included, gets NOT_FOUND: they cannot tell the file exists. The decision is `submissionFilesReaderOf`.
 */
export function assertMayReadSubmissionFiles(
  db: Db,
  actor: ActorRef | null,
  loaded: LoadedSubmission,
): SubmissionSide | 'member' {
  const reader = submissionFilesReaderOf(actor, loaded);
  if (typeof reader === 'object') throw fileRefusalError(reader.refused);
  if (reader === 'member') assertMayOpenSubmissionFiles(db, loaded.sub.id, actor);
  return reader;
}
