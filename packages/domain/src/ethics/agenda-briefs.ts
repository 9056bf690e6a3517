import type { RISK_LEVELS } from '@ctp/contracts';
import {
  committeeMembers,
  investigators,
  organisations,
  reviewWorksheets,
  submissionReviewers,
  submissions,
  trialSites,
  trials,
} from '@ctp/db';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Reader } from './committee-access.ts';

export type PrimaryReview = {
  memberId: string;
  name: string;
  /** Null while the worksheet is a draft or not begun: the chair sees who still owes one. */
  recommendedOutcome: string | null;
  opinion: string | null;
  submitted: boolean;
};
export type AgendaBrief = {
  trialTitle: string;
  trialTitleEn: string | null;
  riskLevel: (typeof RISK_LEVELS)[number];
  piName: string | null;
  sponsorName: string;
  sponsorNameEn: string | null;
  primaryReviews: PrimaryReview[];
};

/**
 * What the chair needs on each agenda item (issue 14): the trial, its PI and sponsor, its risk, and each primary
 * reviewer's (主审) recommendation and opinion from a submitted worksheet. Read for `meetings.get`, which only the
 * committee's own EC roles call; an item the viewer is recused from (`hideReviewsOf`) carries no worksheet text.
 */
export function agendaBriefsOf(
  db: Reader,
  submissionIds: readonly string[],
  hideReviewsOf: ReadonlySet<string>,
): Map<string, AgendaBrief> {
  const out = new Map<string, AgendaBrief>();
  if (submissionIds.length === 0) return out;
  const rows = db
    .select({
      id: submissions.id,
      trialTitle: trials.titleZh,
      trialTitleEn: trials.titleEn,
      riskLevel: trials.riskLevel,
      piName: investigators.name,
      sponsorName: organisations.nameZh,
      sponsorNameEn: organisations.nameEn,
    })
    .from(submissions)
    .innerJoin(trials, eq(trials.id, submissions.trialId))
    .innerJoin(trialSites, eq(trialSites.id, submissions.trialSiteId))
    .innerJoin(organisations, eq(organisations.id, trials.sponsorOrgId))
    .leftJoin(investigators, eq(investigators.id, trialSites.investigatorId))
    .where(inArray(submissions.id, [...submissionIds]))
    .all();
  const reviewers = db
    .select({
      submissionId: submissionReviewers.submissionId,
      memberId: submissionReviewers.memberId,
      name: committeeMembers.name,
      recommendedOutcome: reviewWorksheets.recommendedOutcome,
      opinion: reviewWorksheets.opinion,
      status: reviewWorksheets.status,
    })
    .from(submissionReviewers)
    .innerJoin(committeeMembers, eq(committeeMembers.id, submissionReviewers.memberId))
    .leftJoin(
      reviewWorksheets,
      and(
        eq(reviewWorksheets.submissionId, submissionReviewers.submissionId),
        eq(reviewWorksheets.memberId, submissionReviewers.memberId),
      ),
    )
    .where(and(inArray(submissionReviewers.submissionId, [...submissionIds]), isNull(submissionReviewers.removedAt)))
    .orderBy(asc(submissionReviewers.assignedAt))
    .all();
  for (const r of rows)
    out.set(r.id, {
      ...r,
      primaryReviews: reviewers
        .filter((v) => v.submissionId === r.id)
        .map((v) => {
          // Only a submitted worksheet speaks for its reviewer; a draft is still the reviewer's own.
          const shown = v.status === 'submitted' && !hideReviewsOf.has(r.id);
          return {
            memberId: v.memberId,
            name: v.name,
            recommendedOutcome: shown ? v.recommendedOutcome : null,
            opinion: shown ? v.opinion : null,
            submitted: v.status === 'submitted',
          };
        }),
    });
  return out;
}
