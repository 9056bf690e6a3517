import { isEcRole, ROLE_ORG_KINDS, type Role } from '@ctp/contracts';
import { type Db, ethicsCommittees, organisations } from '@ctp/db';
import { asc, eq } from 'drizzle-orm';
import { DomainError } from '../errors.ts';

export type PlannedMembership = { orgId: string; role: Role; committeeId: string | null };

/**
 * Checks each requested organisation × role (the organisation exists, its kind may hold the role, an EC role has a
 * committee to sit on, no pair twice) and binds EC roles to the hospital's ethics committee. Errors name the field.
 */
export function planMemberships(db: Db, requested: { orgId: string; role: Role }[]): PlannedMembership[] {
  const seen = new Set<string>();
  return requested.map((m, i) => {
    const org = db.select().from(organisations).where(eq(organisations.id, m.orgId)).get();
    if (!org)
      throw new DomainError('NOT_FOUND', 'ORG_NOT_FOUND', {
        fieldErrors: [{ path: `memberships.${i}.orgId`, message: 'ORG_NOT_FOUND' }],
      });
    if (!ROLE_ORG_KINDS[m.role].includes(org.kind)) {
      throw new DomainError('VALIDATION', 'ROLE_NOT_ALLOWED_FOR_ORG', {
        fieldErrors: [{ path: `memberships.${i}.role`, message: 'ROLE_NOT_ALLOWED_FOR_ORG' }],
      });
    }
    const key = `${org.id}\u0000${m.role}`;
    if (seen.has(key)) {
      throw new DomainError('VALIDATION', 'DUPLICATE_MEMBERSHIP', {
        fieldErrors: [{ path: `memberships.${i}.role`, message: 'DUPLICATE_MEMBERSHIP' }],
      });
    }
    seen.add(key);
    const committee = isEcRole(m.role)
      ? db
          .select()
          .from(ethicsCommittees)
          .where(eq(ethicsCommittees.hospitalOrgId, org.id))
          .orderBy(asc(ethicsCommittees.createdAt))
          .get()
      : undefined;
    if (isEcRole(m.role) && !committee) {
      throw new DomainError('PRECONDITION_FAILED', 'ORG_NOT_FOUND', {
        fieldErrors: [{ path: `memberships.${i}.orgId`, message: 'ORG_NOT_FOUND' }],
      });
    }
    return { orgId: org.id, role: m.role, committeeId: committee?.id ?? null };
  });
}
