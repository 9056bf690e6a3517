import { type Db, submissions } from '@ctp/db';
import { and, eq, inArray, isNotNull, max } from 'drizzle-orm';

/**
 * The date until which a trial site's ethics approval runs: the latest follow-up (continuing-review) date set by an
 * approval of any of its submissions. Null when the site has no approval on the platform (e.g. approved elsewhere).
 */
export function approvalValidUntil(db: Db, trialSiteId: string): string | null {
  return (
    db
      .select({ until: max(submissions.followUpDate) })
      .from(submissions)
      .where(
        and(
          eq(submissions.trialSiteId, trialSiteId),
          inArray(submissions.outcome, ['approved', 'approved_with_modifications']),
          isNotNull(submissions.followUpDate),
        ),
      )
      .get()?.until ?? null
  );
}
