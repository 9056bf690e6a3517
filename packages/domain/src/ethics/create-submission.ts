import {
  canActForSite,
  canManageTrial,
  createSubmissionInput,
  isEcOnlyEvent,
  POLICIES,
  type SiteState,
  type SubmissionState,
} from '@ctp/contracts';
import { ethicsCommittees, submissionEvents, submissions, type Tx } from '@ctp/db';
import { and, eq, notInArray } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ActorCtx, AuditCtx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { stateLabel } from '../trials/site-lifecycle.ts';
import { loadSiteWithTrial, type TrialSiteRow } from '../trials/trial-access.ts';
import { loadSubmission } from './submission-access.ts';

/** Site states in which an amendment, continuing review, SAE… makes sense: the site holds an ethics approval. */
const APPROVED_SITE_STATES: readonly SiteState[] = [
  'ethics_approved',
  'contract_signed',
  'initiated',
  'enrolling',
  'enrolment_closed',
  'suspended',
];
/** An initial submission is "open" until it is decided or withdrawn. */
const CLOSED_SUBMISSION_STATES: SubmissionState[] = ['decided', 'letter_issued', 'withdrawn'];

/** Pure: can this kind of submission be made for a site in this state? */
export function siteAcceptsSubmission(type: string, site: Pick<TrialSiteRow, 'state'>): boolean {
  // After a withdrawn or disapproved initial review the site stays ethics_submitted; a new one continues from there.
  if (type === 'initial' || type === 'resubmission')
    return site.state === 'selected' || site.state === 'ethics_submitted';
  return APPROVED_SITE_STATES.includes(site.state);
}

/**
 * Public contract `submissions.create`: a draft submission (送审草稿) for a trial site, addressed to the ethics
 * committee of the site's hospital. Made by the site's trial office or PI; the trial's sponsor may prepare one.
 */
export function createSubmission({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof createSubmissionInput> }) {
  if (!POLICIES.prepareSubmissions.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = createSubmissionInput.parse(raw);
  const { site, trial, piUserId } = loadSiteWithTrial(ctx.db, input.trialSiteId);
  if (!canActForSite(ctx.actor, site, piUserId) && !canManageTrial(ctx.actor, trial)) throw forbidden();

  const committee = ctx.db
    .select({ id: ethicsCommittees.id })
    .from(ethicsCommittees)
    .where(eq(ethicsCommittees.hospitalOrgId, site.hospitalOrgId))
    .get();
  if (!committee) throw new DomainError('PRECONDITION_FAILED', 'NO_COMMITTEE_FOR_SITE');
  if (!siteAcceptsSubmission(input.type, site))
    throw new DomainError('PRECONDITION_FAILED', 'SITE_NOT_READY_FOR_ETHICS', {
      params: { state: stateLabel(site.state) },
    });
  if (input.previousSubmissionId) {
    const previous = loadSubmission(ctx.db, input.previousSubmissionId).sub;
    if (previous.trialSiteId !== site.id)
      throw new DomainError('VALIDATION', 'PREVIOUS_SUBMISSION_MISMATCH', {
        fieldErrors: [{ path: 'previousSubmissionId', message: 'PREVIOUS_SUBMISSION_MISMATCH' }],
      });
  }
  if (input.type === 'initial') {
    const open = ctx.db
      .select({ id: submissions.id })
      .from(submissions)
      .where(
        and(
          eq(submissions.trialSiteId, site.id),
          eq(submissions.type, 'initial'),
          notInArray(submissions.state, CLOSED_SUBMISSION_STATES),
        ),
      )
      .get();
    if (open) throw new DomainError('PRECONDITION_FAILED', 'OPEN_SUBMISSION_EXISTS', { params: { id: open.id } });
  }

  const now = ctx.now();
  const row = {
    id: newId(),
    committeeId: committee.id,
    trialId: trial.id,
    trialSiteId: site.id,
    type: input.type,
    title: input.title ?? null,
    previousSubmissionId: input.previousSubmissionId ?? null,
    state: 'draft' as const,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  inTransaction(ctx.db, (tx) => insertDraftSubmission(tx, ctx, row));
  return { id: row.id };
}

/**
 * The write of `createSubmission`, inside the caller's transaction: the draft, its first timeline event and the
 * audit row. Also used by recognition (a declined recognition opens a full submission at that EC, linked).
 */
export function insertDraftSubmission(
  tx: Tx,
  ctx: AuditCtx,
  row: typeof submissions.$inferInsert & { id: string; state: 'draft'; createdAt: number },
  comment?: string,
): void {
  tx.insert(submissions).values(row).run();
  tx.insert(submissionEvents)
    .values({
      submissionId: row.id,
      step: 'create',
      fromState: null,
      toState: 'draft',
      actorUserId: ctx.actor?.userId ?? null,
      actorRole: ctx.actor?.role ?? null,
      comment: comment ?? null,
      isEcOnly: isEcOnlyEvent('create'),
      at: row.createdAt,
    })
    .run();
  writeAuditEvent(tx, ctx, {
    action: 'submission.create',
    entityType: 'submission',
    entityId: row.id,
    after: { ...row, createdAt: undefined, updatedAt: undefined },
  });
}
