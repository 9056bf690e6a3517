import { APPROVAL_OUTCOMES, DOCUMENT_KINDS, type DocumentKind } from '@ctp/contracts';
import { recognitionDocumentBindings, recognitionRequests, submissionDecisionDocuments, submissions } from '@ctp/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Reader } from '../transaction.ts';

/** How a version became effective at a site: its own EC's approving decision, or the lead's under recognition. */
export type EffectiveVersionSource = 'decision' | 'recognition' | 'acknowledgement';

export type EffectiveVersion = {
  kind: DocumentKind;
  documentId: string;
  versionLabel: string;
  versionDate: string;
  sha256: string;
  /** The approving submission: the site's own, or (recognition) the lead's submission that approved this version. */
  submissionId: string;
  submissionType: (typeof submissions.$inferSelect)['type'];
  acceptanceNo: string | null;
  /** The date the version took effect at this site: the decision's, the recognition's or the acknowledgement's. */
  decidedDate: string | null;
  boundAt: number;
  source: EffectiveVersionSource;
  recognitionRequestId: string | null;
  recognitionLetterNo: string | null;
  ackId: string | null;
  /** The approving decision at the version's origin (the lead's, under recognition): its date and binding time. */
  originDecidedDate: string | null;
  originBoundAt: number;
};

/** Pure: whether `a` is a later approved version than `b` where they were approved (the order the lead's effective
 * versions follow: the approving decision's date, then the binding time). */
export function isLaterAtOrigin(
  a: Pick<EffectiveVersion, 'originDecidedDate' | 'originBoundAt'>,
  b: Pick<EffectiveVersion, 'originDecidedDate' | 'originBoundAt'>,
): boolean {
  const byDate = (a.originDecidedDate ?? '').localeCompare(b.originDecidedDate ?? '');
  return byDate > 0 || (byDate === 0 && a.originBoundAt > b.originBoundAt);
}

const kindOrder = (k: DocumentKind) => DOCUMENT_KINDS.indexOf(k);

/** Every version ever bound to the site, by its own approving decisions and by recognition, oldest first. */
export function siteBindingsOf(db: Reader, trialSiteId: string): EffectiveVersion[] {
  const own = db
    .select({
      kind: submissionDecisionDocuments.kind,
      documentId: submissionDecisionDocuments.documentId,
      versionLabel: submissionDecisionDocuments.versionLabel,
      versionDate: submissionDecisionDocuments.versionDate,
      sha256: submissionDecisionDocuments.sha256,
      submissionId: submissions.id,
      submissionType: submissions.type,
      acceptanceNo: submissions.acceptanceNo,
      decidedDate: submissions.decidedDate,
      boundAt: submissionDecisionDocuments.boundAt,
    })
    .from(submissionDecisionDocuments)
    .innerJoin(submissions, eq(submissions.id, submissionDecisionDocuments.submissionId))
    .where(and(eq(submissions.trialSiteId, trialSiteId), inArray(submissions.outcome, [...APPROVAL_OUTCOMES])))
    .all()
    .map(
      (r): EffectiveVersion => ({
        ...r,
        source: 'decision',
        recognitionRequestId: null,
        recognitionLetterNo: null,
        ackId: null,
        originDecidedDate: r.decidedDate,
        originBoundAt: r.boundAt,
      }),
    );
  const recognised = db
    .select({
      b: recognitionDocumentBindings,
      submissionType: submissions.type,
      acceptanceNo: submissions.acceptanceNo,
      originDecidedDate: submissions.decidedDate,
      letterNo: recognitionRequests.letterNo,
    })
    .from(recognitionDocumentBindings)
    .innerJoin(submissions, eq(submissions.id, recognitionDocumentBindings.sourceSubmissionId))
    .innerJoin(recognitionRequests, eq(recognitionRequests.id, recognitionDocumentBindings.requestId))
    .where(eq(recognitionDocumentBindings.trialSiteId, trialSiteId))
    .all()
    .map(
      ({ b, submissionType, acceptanceNo, originDecidedDate, letterNo }): EffectiveVersion => ({
        kind: b.kind,
        documentId: b.documentId,
        versionLabel: b.versionLabel,
        versionDate: b.versionDate,
        sha256: b.sha256,
        submissionId: b.sourceSubmissionId,
        submissionType,
        acceptanceNo,
        decidedDate: b.effectiveDate,
        boundAt: b.boundAt,
        source: b.ackId ? 'acknowledgement' : 'recognition',
        recognitionRequestId: b.requestId,
        recognitionLetterNo: letterNo,
        ackId: b.ackId,
        originDecidedDate,
        originBoundAt: b.leadBoundAt,
      }),
    );
  return [...own, ...recognised].sort(
    (a, b) => (a.decidedDate ?? '').localeCompare(b.decidedDate ?? '') || a.boundAt - b.boundAt,
  );
}

/**
 * A trial site's effective versions (DESIGN §4.2): per kind, the latest version bound to the site — by its own EC's
 * approving decision (`submission_decision_documents`) or, for a recognised site, by the recognition and each
 * acknowledged amendment (`recognition_document_bindings`). Works on the database or inside a transaction.
 */
export function effectiveVersionsOf(db: Reader, trialSiteId: string): EffectiveVersion[] {
  const latest = new Map<DocumentKind, EffectiveVersion>();
  for (const r of siteBindingsOf(db, trialSiteId)) latest.set(r.kind, r);
  return [...latest.values()].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind));
}

/** Pure: whether a site's ICF differs from the lead's current approved one (by content); false if the lead has none. */
export function isIcfSuperseded(
  site: Pick<EffectiveVersion, 'kind' | 'sha256'>[],
  lead: Pick<EffectiveVersion, 'kind' | 'sha256'>[],
): boolean {
  const leadIcf = lead.find((v) => v.kind === 'icf');
  if (!leadIcf) return false;
  return site.find((v) => v.kind === 'icf')?.sha256 !== leadIcf.sha256;
}
