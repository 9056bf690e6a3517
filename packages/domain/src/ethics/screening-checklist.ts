import { type ChecklistItem, type DocumentKind, missingRequiredKinds, type SubmissionType } from '@ctp/contracts';
import { submissionDocuments } from '@ctp/db';
import { eq } from 'drizzle-orm';
import type { Reader } from './committee-access.ts';
import { committeeProcedures } from './committee-procedures.ts';

/** The document kinds uploaded to a submission (any version: the latest of a kind is its current one). */
export function documentedKindsOf(db: Reader, submissionId: string): Set<DocumentKind> {
  const rows = db
    .select({ kind: submissionDocuments.kind })
    .from(submissionDocuments)
    .where(eq(submissionDocuments.submissionId, submissionId))
    .all();
  return new Set(rows.map((r) => r.kind));
}

/**
 * The committee's checklist for a submission, each item with whether an upload of its kind is there; and the
 * required document kinds still missing. Not deliberation: the SOP's 送审文件清单 is what the applicant prepares.
 */
export function screeningStateOf(
  db: Reader,
  sub: { id: string; committeeId: string; type: SubmissionType },
): {
  items: (ChecklistItem & { documented: boolean })[];
  missingKinds: DocumentKind[];
} {
  const items = committeeProcedures(db, sub.committeeId).checklists[sub.type] ?? [];
  const documented = documentedKindsOf(db, sub.id);
  return {
    items: items.map((i) => ({ ...i, documented: i.kind !== null && documented.has(i.kind) })),
    missingKinds: missingRequiredKinds(items, documented),
  };
}
