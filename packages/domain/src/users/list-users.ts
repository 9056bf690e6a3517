import { POLICIES } from '@ctp/contracts';
import { users } from '@ctp/db';
import { asc } from 'drizzle-orm';
import { loadMemberships } from '../auth/load-memberships.ts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';

/** Every user with their memberships, for platform administration (and the audit log's actor filter). */
export function listUsers({ ctx }: { ctx: Ctx }) {
  if (!POLICIES.administer.allows(ctx.actor)) throw forbidden();
  return ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.email))
    .all()
    .map((u) => ({ ...u, memberships: loadMemberships(ctx.db, u.id) }));
}
