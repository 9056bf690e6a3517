import { recognitionDocumentBindings, submissions, type Tx } from '@ctp/db';
import { eq } from 'drizzle-orm';
import type { AuditCtx } from '../context.ts';
import { boundDocumentsOf } from '../ethics/document-access.ts';
import { effectiveVersionsOf } from '../ethics/effective-versions.ts';

/** What a binding records, in the audit row of the act that made it. */
export type BoundVersion = { kind: string; documentId: string; versionLabel: string; sha256: string };

type Candidate = {
  kind: (typeof recognitionDocumentBindings.$inferInsert)['kind'];
  documentId: string;
  versionLabel: string;
  versionDate: string;
  sha256: string;
  submissionId: string;
  /** When the lead's decision bound it. */
  leadBoundAt: number;
};

function insertBindings(
  tx: Tx,
  ctx: AuditCtx,
  at: { requestId: string; trialSiteId: string; ackId: string | null; effectiveDate: string; now: number },
  versions: Candidate[],
): BoundVersion[] {
  const bound: BoundVersion[] = [];
  for (const v of versions) {
    const inserted = tx
      .insert(recognitionDocumentBindings)
      .values({
        requestId: at.requestId,
        trialSiteId: at.trialSiteId,
        ackId: at.ackId,
        sourceSubmissionId: v.submissionId,
        documentId: v.documentId,
        kind: v.kind,
        versionLabel: v.versionLabel,
        versionDate: v.versionDate,
        sha256: v.sha256,
        leadBoundAt: v.leadBoundAt,
        effectiveDate: at.effectiveDate,
        boundAt: at.now,
        boundBy: ctx.actor?.userId ?? null,
      })
      .onConflictDoNothing()
      .run().changes;
    if (inserted)
      bound.push({ kind: v.kind, documentId: v.documentId, versionLabel: v.versionLabel, sha256: v.sha256 });
  }
  return bound;
}

/**
 * Inside the participating EC's recognition (`recognised` / `recognised_with_conditions`): the site's effective
 * versions become the lead's current approved versions, bound to the request as a full decision binds its own.
 */
export function bindRecognisedVersions(
  tx: Tx,
  ctx: AuditCtx,
  req: { id: string; trialSiteId: string; leadSubmissionId: string },
  effectiveDate: string,
  now: number,
): BoundVersion[] {
  const lead = tx
    .select({ trialSiteId: submissions.trialSiteId })
    .from(submissions)
    .where(eq(submissions.id, req.leadSubmissionId))
    .get();
  if (!lead) return [];
  const versions = effectiveVersionsOf(tx, lead.trialSiteId).map((v) => ({ ...v, leadBoundAt: v.originBoundAt }));
  return insertBindings(
    tx,
    ctx,
    { requestId: req.id, trialSiteId: req.trialSiteId, ackId: null, effectiveDate, now },
    versions,
  );
}

/**
 * Inside the recognising EC's acknowledgement of an amendment (ack_pending → acknowledged): the site moves to the
 * versions the lead's amendment approved (per kind its latest binding, so verified modifications count). A kind the
 * site already holds in that version — or in a newer one, when amendments are acknowledged out of order — stays.
 */
export function bindAcknowledgedVersions(
  tx: Tx,
  ctx: AuditCtx,
  ack: { id: string; requestId: string; trialSiteId: string; sourceSubmissionId: string },
  effectiveDate: string,
  now: number,
): BoundVersion[] {
  const current = new Map(effectiveVersionsOf(tx, ack.trialSiteId).map((v) => [v.kind, v]));
  const versions = boundDocumentsOf(tx, ack.sourceSubmissionId)
    .filter((v) => {
      const held = current.get(v.kind);
      return !held || (held.documentId !== v.documentId && held.originBoundAt <= v.boundAt);
    })
    .map((v) => ({ ...v, leadBoundAt: v.boundAt }));
  return insertBindings(
    tx,
    ctx,
    { requestId: ack.requestId, trialSiteId: ack.trialSiteId, ackId: ack.id, effectiveDate, now },
    versions,
  );
}
