import { RECOGNISING_OUTCOMES } from '@ctp/contracts';
import { recognitionAcks, recognitionDocumentBindings, recognitionRequests, submissions, type Tx } from '@ctp/db';
import { and, eq, inArray } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { AuditCtx } from '../context.ts';
import { boundDocumentsOf } from './decision-documents.ts';
import { effectiveVersionsOf, isLaterAtOrigin } from './effective-versions.ts';

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
 * The versions an approving lead submission bound (per kind its latest binding, so verified modifications count)
 * that are later where they were approved than what the site holds of that kind — so an amendment acknowledged out of
 * order, or a late verification of an earlier approval, never takes a site back to an older version.
 */
function laterVersionsOf(tx: Tx, sourceSubmissionId: string, trialSiteId: string): Candidate[] {
  const source = tx
    .select({ decidedDate: submissions.decidedDate })
    .from(submissions)
    .where(eq(submissions.id, sourceSubmissionId))
    .get();
  const held = new Map(effectiveVersionsOf(tx, trialSiteId).map((v) => [v.kind, v]));
  return boundDocumentsOf(tx, sourceSubmissionId)
    .filter((v) => {
      const h = held.get(v.kind);
      if (!h) return true;
      const candidate = { originDecidedDate: source?.decidedDate ?? null, originBoundAt: v.boundAt };
      return h.documentId !== v.documentId && isLaterAtOrigin(candidate, h);
    })
    .map((v) => ({ ...v, leadBoundAt: v.boundAt }));
}

/**
 * Inside the recognising EC's acknowledgement of an amendment (ack_pending → acknowledged): the site moves to the
 * versions the lead's amendment approved. A kind the site already holds in that version, or in a later one, stays.
 */
export function bindAcknowledgedVersions(
  tx: Tx,
  ctx: AuditCtx,
  ack: { id: string; requestId: string; trialSiteId: string; sourceSubmissionId: string },
  effectiveDate: string,
  now: number,
): BoundVersion[] {
  return insertBindings(
    tx,
    ctx,
    { requestId: ack.requestId, trialSiteId: ack.trialSiteId, ackId: ack.id, effectiveDate, now },
    laterVersionsOf(tx, ack.sourceSubmissionId, ack.trialSiteId),
  );
}

/**
 * Inside the lead EC's verification of modifications (必要的修改后同意): the modified versions now stand for that
 * approval, so every site that took its versions from it — by recognising it, or by acknowledging it as an amendment —
 * moves to them in the same transaction, under the same act (one audit row per request). Returns the requests moved.
 */
export function followVerifiedModifications(
  tx: Tx,
  ctx: AuditCtx,
  submissionId: string,
  effectiveDate: string,
  now: number,
): string[] {
  const recognised = tx
    .select({ requestId: recognitionRequests.id, trialSiteId: recognitionRequests.trialSiteId })
    .from(recognitionRequests)
    .where(
      and(
        eq(recognitionRequests.leadSubmissionId, submissionId),
        inArray(recognitionRequests.outcome, [...RECOGNISING_OUTCOMES]),
      ),
    )
    .all()
    .map((r) => ({ ...r, ackId: null as string | null }));
  const acknowledged = tx
    .select({
      requestId: recognitionAcks.requestId,
      trialSiteId: recognitionAcks.trialSiteId,
      ackId: recognitionAcks.id,
    })
    .from(recognitionAcks)
    .where(and(eq(recognitionAcks.sourceSubmissionId, submissionId), eq(recognitionAcks.state, 'acknowledged')))
    .all();
  const moved: string[] = [];
  for (const f of [...recognised, ...acknowledged]) {
    const boundVersions = insertBindings(
      tx,
      ctx,
      { ...f, effectiveDate, now },
      laterVersionsOf(tx, submissionId, f.trialSiteId),
    );
    if (boundVersions.length === 0) continue;
    writeAuditEvent(tx, ctx, {
      action: 'recognition.versions_follow',
      entityType: 'recognition_request',
      entityId: f.requestId,
      after: { sourceSubmissionId: submissionId, ackId: f.ackId, boundVersions },
    });
    moved.push(f.requestId);
  }
  return moved;
}
