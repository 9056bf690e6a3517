import { users } from '@ctp/db';
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { DEMO_ACCOUNTS } from '../seed/demo-accounts.ts';

/**
 * What the sign-in page may show before anyone signs in: the demo accounts that really exist in this database
 * (none in production, where they are never created).
 */
export function getSystemInfo({ ctx }: { ctx: Ctx }) {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const present = new Set(
    ctx.db
      .select({ email: users.email })
      .from(users)
      .where(inArray(users.email, emails))
      .all()
      .map((u) => u.email),
  );
  return {
    demoAccounts: DEMO_ACCOUNTS.filter((a) => present.has(a.email)).map((a) => ({
      email: a.email,
      role: a.memberships[0]!.role,
    })),
  };
}
