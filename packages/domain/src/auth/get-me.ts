import type { MeOutput } from '@ctp/contracts';
import { users } from '@ctp/db';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { loadMemberships } from './load-memberships.ts';

export function getMe({ ctx, userId }: { ctx: Ctx; userId: string }): MeOutput {
  const user = ctx.db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new DomainError('UNAUTHENTICATED', 'NOT_SIGNED_IN');
  const a = ctx.actor;
  return {
    user: { id: user.id, email: user.email, name: user.name },
    memberships: loadMemberships(ctx.db, user.id),
    active: a ? { role: a.role, orgId: a.orgId, membershipId: a.membershipId } : null,
  };
}
