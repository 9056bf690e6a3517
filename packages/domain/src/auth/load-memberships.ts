import type { MembershipView } from '@ctp/contracts';
import { type Db, ethicsCommittees, memberships, organisations } from '@ctp/db';
import { and, asc, eq, isNull } from 'drizzle-orm';

/** The user's live memberships with the names the UI shows, oldest first (the first is the default). */
export function loadMemberships(db: Db, userId: string): MembershipView[] {
  return db
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      orgId: memberships.orgId,
      orgName: organisations.nameZh,
      orgNameEn: organisations.nameEn,
      committeeId: memberships.committeeId,
      committeeName: ethicsCommittees.nameZh,
      committeeNameEn: ethicsCommittees.nameEn,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .leftJoin(ethicsCommittees, eq(ethicsCommittees.id, memberships.committeeId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.revokedAt)))
    .orderBy(asc(memberships.createdAt), asc(memberships.id))
    .all();
}
