import { APPROVAL_OUTCOMES } from '@ctp/contracts';
import { recognitionRequests, submissions } from '@ctp/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Reader } from '../ethics/committee-access.ts';
import { isLeadSite } from '../fan-out/fan-out.ts';
import type { TrialRow, TrialSiteRow } from '../trials/trial-access.ts';

/**
 * The lead of a trial as the recognition board shows it. Every site the trial designates as lead (its role, or at
 * the lead hospital — the trial page tags them 组长 by the same rule) is a lead site, however its own review went.
 * The lead decision is the one the recognition requests were opened from; before any request, the latest approved
 * initial review of a lead site, else the latest one under way — so a declined specialty at the lead hospital never
 * hides the approval that its other specialty obtained.
 */
export function trialLeadOf<S extends { site: Pick<TrialSiteRow, 'id' | 'role' | 'hospitalOrgId'> }>(
  db: Reader,
  trial: Pick<TrialRow, 'id' | 'leadHospitalId'>,
  sites: S[],
) {
  const leadSites = sites.filter((s) => isLeadSite(trial, s.site));
  const leadSiteIds = new Set(leadSites.map((s) => s.site.id));
  const reviews = leadSites.length
    ? db
        .select({
          id: submissions.id,
          trialSiteId: submissions.trialSiteId,
          state: submissions.state,
          outcome: submissions.outcome,
          decidedDate: submissions.decidedDate,
          acceptedDate: submissions.acceptedDate,
        })
        .from(submissions)
        .where(
          and(
            inArray(submissions.trialSiteId, [...leadSiteIds]),
            inArray(submissions.type, ['initial', 'resubmission']),
          ),
        )
        .orderBy(asc(submissions.createdAt))
        .all()
    : [];
  const requestedFrom = db
    .select({ id: recognitionRequests.leadSubmissionId })
    .from(recognitionRequests)
    .where(eq(recognitionRequests.trialId, trial.id))
    .orderBy(asc(recognitionRequests.createdAt))
    .all()
    .at(-1)?.id;
  const approved = (r: (typeof reviews)[number]) => (APPROVAL_OUTCOMES as readonly string[]).includes(r.outcome ?? '');
  const found =
    reviews.find((r) => r.id === requestedFrom) ?? reviews.filter(approved).at(-1) ?? reviews.at(-1) ?? null;
  const leadSubmission = found
    ? {
        id: found.id,
        state: found.state,
        outcome: found.outcome,
        decidedDate: found.decidedDate,
        acceptedDate: found.acceptedDate,
      }
    : null;
  const leadSite = (found && leadSites.find((s) => s.site.id === found.trialSiteId)) ?? leadSites[0];
  return { leadSite, leadSiteIds, leadSubmission };
}
