import {
  APPROVAL_OUTCOMES,
  canActForCommittee,
  canUploadSubmissionDocuments,
  compareDocumentsInput,
  DEFAULT_MAX_UPLOAD_MB,
  DOCUMENT_KINDS,
  type DocumentChange,
  type DocumentKind,
  effectiveDocumentsInput,
  isEcRole,
  submissionIdInput,
} from '@ctp/contracts';
import {
  type Db,
  recognitionDocumentBindings,
  recognitionRequests,
  submissionDocuments,
  submissions,
  type Tx,
} from '@ctp/db';
import { and, desc, eq, inArray, isNotNull, lte, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { boundDocumentsOf, currentDocuments, documentsOf } from '../documents/decision-documents.ts';
import { effectiveVersionsOf } from '../documents/effective-versions.ts';
import { DomainError, notFound } from '../errors.ts';
import { fileStoreOf, storedPath } from '../files/file-store.ts';
import { loadSiteWithTrial } from '../trials/trial-access.ts';
import { assertMayReadSubmissionFiles } from './document-access.ts';
import { modificationsStatus } from './modification-rounds.ts';
import { loadSubmission } from './submission-access.ts';
import { canReadSiteDocuments, canReadSubmission, submissionSideOf } from './submission-policy.ts';

const kindOrder = (k: DocumentKind) => DOCUMENT_KINDS.indexOf(k);

/**
 * `submissions.documents` {id}: every document version of a submission, grouped by kind in the web, each flagged
 * current (the latest of its kind) and bound (a decision was taken on it), plus whether the actor may upload now.
 */
export function listSubmissionDocuments({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof submissionIdInput> }) {
  const input = submissionIdInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  assertMayReadSubmissionFiles(ctx.db, ctx.actor, loaded);
  const { sub, trial, site, piUserId } = loaded;
  const rows = documentsOf(ctx.db, sub.id);
  const current = new Set(currentDocuments(rows.map((r) => r.doc)).map((d) => d.id));
  const bound = boundDocumentsOf(ctx.db, sub.id);
  const boundIds = new Set(bound.map((b) => b.documentId));
  const side = submissionSideOf(ctx.actor, sub, trial, site, piUserId);
  const documents = rows
    .map(({ doc, uploaderName }) => ({
      id: doc.id,
      kind: doc.kind,
      versionLabel: doc.versionLabel,
      versionDate: doc.versionDate,
      originalName: doc.originalName,
      mimeType: doc.mimeType,
      sizeBytes: doc.sizeBytes,
      sha256: doc.sha256,
      uploadedAt: doc.uploadedAt,
      uploaderName,
      isCurrent: current.has(doc.id),
      isBound: boundIds.has(doc.id),
    }))
    .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || b.uploadedAt - a.uploadedAt);
  const maxUploadBytes = ctx.services.files?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_MB * 1024 * 1024;
  return {
    submissionId: sub.id,
    documents,
    bound: bound.map((b) => ({
      documentId: b.documentId,
      kind: b.kind,
      versionLabel: b.versionLabel,
      versionDate: b.versionDate,
      sha256: b.sha256,
      boundAt: b.boundAt,
    })),
    mayUpload: canUploadSubmissionDocuments(
      side,
      sub.state,
      modificationsStatus(ctx.db, sub) === 'awaiting_submission',
    ),
    maxUploadMb: Math.round(maxUploadBytes / (1024 * 1024)),
  };
}

type VersionRef = { documentId: string; versionLabel: string; versionDate: string; sha256: string };

/** The versions a submission stands for: what its decision bound, else (undecided) its current documents. */
function versionsOf(db: Db | Tx, submissionId: string): Map<DocumentKind, VersionRef> {
  const out = new Map<DocumentKind, VersionRef>();
  const bound = boundDocumentsOf(db, submissionId);
  if (bound.length > 0) {
    for (const b of bound)
      out.set(b.kind, {
        documentId: b.documentId,
        versionLabel: b.versionLabel,
        versionDate: b.versionDate,
        sha256: b.sha256,
      });
    return out;
  }
  for (const d of currentDocuments(documentsOf(db, submissionId).map((r) => r.doc)))
    out.set(d.kind, { documentId: d.id, versionLabel: d.versionLabel, versionDate: d.versionDate, sha256: d.sha256 });
  return out;
}

/** Pure: how one kind compares — by content (sha256); the labels are shown beside it. */
export function compareVersion(current: VersionRef | undefined, previous: VersionRef | undefined): DocumentChange {
  if (current && !previous) return 'new';
  if (!current) return 'not_resubmitted';
  return current.sha256 === previous!.sha256 ? 'unchanged' : 'changed';
}

/**
 * `submissions.compareDocuments` {id, againstSubmissionId?}: per kind, which versions are new, changed or unchanged
 * against the previous approved submission of the same trial site (or the one named, which must be of the same site).
 */
export function compareSubmissionDocuments({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof compareDocumentsInput>;
}) {
  const input = compareDocumentsInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  assertMayReadSubmissionFiles(ctx.db, ctx.actor, loaded);
  const { sub } = loaded;
  let baseline: typeof submissions.$inferSelect | undefined;
  if (input.againstSubmissionId) {
    const other = loadSubmission(ctx.db, input.againstSubmissionId);
    if (!canReadSubmission(ctx.actor, other.sub, other.trial, other.site, other.piUserId)) throw notFound();
    if (other.sub.trialSiteId !== sub.trialSiteId || other.sub.id === sub.id)
      throw new DomainError('VALIDATION', 'COMPARE_OTHER_SITE', {
        fieldErrors: [{ path: 'againstSubmissionId', message: 'COMPARE_OTHER_SITE' }],
      });
    baseline = other.sub;
  } else {
    baseline = ctx.db
      .select()
      .from(submissions)
      .where(
        and(
          eq(submissions.trialSiteId, sub.trialSiteId),
          ne(submissions.id, sub.id),
          inArray(submissions.outcome, [...APPROVAL_OUTCOMES]),
          isNotNull(submissions.decidedDate),
          ...(sub.decidedDate ? [lte(submissions.decidedDate, sub.decidedDate)] : []),
        ),
      )
      .orderBy(desc(submissions.decidedDate), desc(submissions.updatedAt))
      .limit(1)
      .get();
  }
  const mine = versionsOf(ctx.db, sub.id);
  const theirs = baseline ? versionsOf(ctx.db, baseline.id) : new Map<DocumentKind, VersionRef>();
  const kinds = DOCUMENT_KINDS.filter((k) => mine.has(k) || theirs.has(k));
  return {
    baseline: baseline
      ? {
          id: baseline.id,
          type: baseline.type,
          acceptanceNo: baseline.acceptanceNo,
          decidedDate: baseline.decidedDate,
          outcome: baseline.outcome,
        }
      : null,
    kinds: kinds.map((kind) => ({
      kind,
      change: compareVersion(mine.get(kind), theirs.get(kind)),
      current: mine.get(kind) ?? null,
      previous: theirs.get(kind) ?? null,
    })),
  };
}

/**
 * `submissions.effectiveDocuments` {trialSiteId}: the site's effective protocol, ICF and other versions — bound by its
 * own approving decisions or, for a recognised site, by the recognition and each acknowledged amendment (`source`).
 * Readable by the site, the trial's sponsor or CRO, and the EC roles of the site's hospital. Built field by field:
 * versions and the act that bound them, nothing of any committee's deliberation.
 */
export function effectiveSiteDocuments({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof effectiveDocumentsInput>;
}) {
  const input = effectiveDocumentsInput.parse(raw);
  const loaded = loadSiteWithTrial(ctx.db, input.trialSiteId);
  if (!canReadSiteDocuments(ctx.actor, loaded.trial, loaded.site, loaded.piUserId)) throw notFound();
  return effectiveVersionsOf(ctx.db, loaded.site.id).map((v) => ({
    kind: v.kind,
    documentId: v.documentId,
    versionLabel: v.versionLabel,
    versionDate: v.versionDate,
    sha256: v.sha256,
    submissionId: v.submissionId,
    submissionType: v.submissionType,
    acceptanceNo: v.acceptanceNo,
    decidedDate: v.decidedDate,
    boundAt: v.boundAt,
    source: v.source,
    recognitionRequestId: v.recognitionRequestId,
    recognitionLetterNo: v.recognitionLetterNo,
  }));
}

/** For the download route: the stored file of a document version, once the actor may read it. */
export function openSubmissionDocument({ ctx, documentId }: { ctx: Ctx; documentId: string }) {
  const doc = ctx.db.select().from(submissionDocuments).where(eq(submissionDocuments.id, documentId)).get();
  if (!doc) throw notFound();
  const loaded = loadSubmission(ctx.db, doc.submissionId);
  // A recognising EC reads the versions the lead approved (DESIGN §4.2), and a recognised site the versions bound to
  // it — never the rest of the lead's file.
  if (
    !isApprovedVersionForRecognisingEc(ctx, loaded.sub.trialSiteId, doc.id) &&
    !isBoundToReadableRecognisedSite(ctx, doc.id)
  )
    assertMayReadSubmissionFiles(ctx.db, ctx.actor, loaded);
  return {
    path: storedPath(fileStoreOf(ctx), doc.storageKey),
    mimeType: doc.mimeType,
    fileName: doc.originalName,
    sizeBytes: doc.sizeBytes,
    sha256: doc.sha256,
  };
}

/**
 * True when the actor is an EC role of a committee holding a recognition request whose lead site is `leadSiteId`, and
 * the document is one of that site's effective (approved) versions.
 */
function isApprovedVersionForRecognisingEc(ctx: Ctx, leadSiteId: string, documentId: string): boolean {
  const actor = ctx.actor;
  if (!actor || !isEcRole(actor.role)) return false;
  if (!effectiveVersionsOf(ctx.db, leadSiteId).some((v) => v.documentId === documentId)) return false;
  return ctx.db
    .select({ committeeId: recognitionRequests.committeeId })
    .from(recognitionRequests)
    .innerJoin(submissions, eq(submissions.id, recognitionRequests.leadSubmissionId))
    .where(eq(submissions.trialSiteId, leadSiteId))
    .all()
    .some((r) => canActForCommittee(actor, r.committeeId));
}

/** True when the document was bound by recognition to a trial site whose effective versions the actor may read. */
function isBoundToReadableRecognisedSite(ctx: Ctx, documentId: string): boolean {
  const siteIds = ctx.db
    .selectDistinct({ trialSiteId: recognitionDocumentBindings.trialSiteId })
    .from(recognitionDocumentBindings)
    .where(eq(recognitionDocumentBindings.documentId, documentId))
    .all();
  return siteIds.some((s) => {
    const { trial, site, piUserId } = loadSiteWithTrial(ctx.db, s.trialSiteId);
    return canReadSiteDocuments(ctx.actor, trial, site, piUserId);
  });
}
