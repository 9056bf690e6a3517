import { type ListUsersInput, POLICIES } from '@ctp/contracts';
import { users } from '@ctp/db';
import { and, asc, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { loadMemberships } from '../auth/load-memberships.ts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';

/** `%`, `_` and the escape itself are literal in a user's search text. */
const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Users with their live memberships, for platform administration (and the audit log's actor filter), optionally
 * narrowed by part of the name or e-mail and by status.
 */
export function listUsers({ ctx, input }: { ctx: Ctx; input?: ListUsersInput }) {
  if (!POLICIES.administer.allows(ctx.actor)) throw forbidden();
  const where: SQL[] = [];
  const q = input?.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    where.push(
      sql`(lower(${users.name}) like ${pattern} escape '\\' or lower(${users.email}) like ${pattern} escape '\\')`,
    );
  }
  if (input?.status === 'active') where.push(isNull(users.disabledAt));
  if (input?.status === 'disabled') where.push(isNotNull(users.disabledAt));
  return ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(users.email))
    .all()
    .map((u) => ({ ...u, memberships: loadMemberships(ctx.db, u.id) }));
}
