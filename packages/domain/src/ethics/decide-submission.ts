import {
  APPROVAL_OUTCOMES,
  decideSubmissionInput,
  EXPEDITED_OUTCOMES,
  FOLLOW_UP_MONTHS_BY_RISK,
  term,
  VOTE_OUTCOME,
} from '@ctp/contracts';
import type { z } from 'zod';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { effectiveSop } from './committee-access.ts';
import { committeeProcedures } from './committee-procedures.ts';
import { applyDecisionEffects } from './decision-effects.ts';
import { loadMeeting, sittingFor, votesOn } from './meeting-access.ts';
import { addMonths, followUpMonthsFor, majorityOf } from './quorum.ts';
import { countableExpeditedReviewers } from './reviewer-access.ts';
import { loadSubmission } from './submission-access.ts';
import { authoriseSubmissionStep } from './submission-policy.ts';
import { applySubmissionStep } from './submission-steps.ts';

/**
 * Public contract `submissions.decide` {id, outcome, conditions?, followUpMonths?} (审查决定, GCP 2020 outcomes).
 * Convened: the secretary or chair records the outcome the meeting's majority of present, non-recused members voted
 * for — anything else is refused. Expedited: the chair signs after at least one reviewer's view; a "no" (any outcome
 * but an approval) sends it to a meeting instead. The decision stops the clock (decided date), an approval sets the
 * next follow-up review (by risk, ≤ 12 months), and its effects (trial site to `ethics_approved`, …) are
 * applied in the same transaction by `applyDecisionEffects`.
 */
export function decideSubmission({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof decideSubmissionInput> }) {
  const input = decideSubmissionInput.parse(raw);
  const loaded = loadSubmission(ctx.db, input.id);
  const { sub, trial, site } = loaded;
  const side = authoriseSubmissionStep(ctx.actor, loaded, 'decide', { version: input.version });
  const sop = effectiveSop(ctx.db, sub.committeeId);
  const now = ctx.now();
  const today = shanghaiDate(now);
  const isApproval = (APPROVAL_OUTCOMES as readonly string[]).includes(input.outcome);
  const followUpDate = isApproval
    ? addMonths(
        today,
        followUpMonthsFor(trial.riskLevel, sop.defaultFollowUpMonths, input.followUpMonths, FOLLOW_UP_MONTHS_BY_RISK),
      )
    : null;

  const decide = () =>
    inTransaction(ctx.db, (tx) => {
      if (sub.reviewPath === 'convened') {
        // Re-read inside the IMMEDIATE transaction: the majority as it stands when the decision is recorded.
        const meeting = loadMeeting(tx, sub.meetingId!);
        const sitting = sittingFor(tx, sop, meeting, sub.id);
        const counted = votesOn(tx, sub.id, meeting.id)
          .filter((v) => sitting.voterIds.includes(v.memberId))
          .map((v) => v.choice);
        const majority = majorityOf(counted, sitting.voterIds.length, 'abstain');
        if (!majority || majority === 'abstain') throw new DomainError('PRECONDITION_FAILED', 'NO_MAJORITY');
        const outcome = VOTE_OUTCOME[majority];
        if (outcome !== input.outcome)
          throw new DomainError('PRECONDITION_FAILED', 'DECISION_NOT_MAJORITY', {
            params: {
              majority: term('submissionOutcomes', outcome),
            },
            fieldErrors: [{ path: 'outcome', message: 'DECISION_NOT_MAJORITY' }],
          });
      }
      const updated = applySubmissionStep(tx, ctx, sub, 'decide', {
        now,
        patch: { outcome: input.outcome, conditions: input.conditions ?? null, decidedDate: today, followUpDate },
        detail: { outcome: input.outcome, followUpDate, ...(input.conditions ? { conditions: input.conditions } : {}) },
      });
      applyDecisionEffects(tx, ctx, { sub, trial, site, outcome: input.outcome, isApproval, today, now });
      return {
        id: updated.id,
        state: updated.state,
        version: updated.version,
        reviewPath: updated.reviewPath,
        outcome: updated.outcome,
        decidedDate: updated.decidedDate,
        followUpDate: updated.followUpDate,
        referredToMeeting: false,
      };
    });

  if (sub.reviewPath === 'convened') {
    if (sub.state !== 'scheduled' || !sub.meetingId) throw new DomainError('PRECONDITION_FAILED', 'NOT_ON_AGENDA');
    return decide();
  }
  if (sub.reviewPath === 'expedited') {
    if (side !== 'chair') throw forbidden('CHAIR_MUST_SIGN');
    // Only the views of assigned, declared, non-recused primary reviewers count; the committee's SOP says how many.
    const reviewers = countableExpeditedReviewers(ctx.db, sub.id);
    const views = votesOn(ctx.db, sub.id, null).filter((v) => reviewers.has(v.memberId) && v.choice !== 'abstain');
    const required = committeeProcedures(ctx.db, sub.committeeId).expedited.reviewers;
    if (views.length === 0)
      throw new DomainError('PRECONDITION_FAILED', 'NO_EXPEDITED_REVIEW', { params: { required, given: 0 } });
    if (!(EXPEDITED_OUTCOMES as readonly string[]).includes(input.outcome))
      // The chair's own "no" is an objection too: the expedited procedure cannot refuse, only a meeting can.
      return inTransaction(ctx.db, (tx) => {
        const updated = applySubmissionStep(tx, ctx, sub, 'refer_to_meeting', {
          now,
          patch: { reviewPath: 'convened' },
        });
        return {
          id: updated.id,
          state: updated.state,
          version: updated.version,
          reviewPath: updated.reviewPath,
          outcome: null,
          decidedDate: null,
          followUpDate: null,
          referredToMeeting: true,
        };
      });
    // An approval rests on the number of reviews the committee's rules require (2 by default).
    if (views.length < required)
      throw new DomainError('PRECONDITION_FAILED', 'NO_EXPEDITED_REVIEW', {
        params: { required, given: views.length },
      });
    return decide();
  }
  // Recognition (互认确认) decisions come with the mutual-recognition workflow (DESIGN §4.2).
  throw new DomainError('PRECONDITION_FAILED', 'NOT_EXPEDITED_PATH');
}
