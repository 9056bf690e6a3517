import type { TokenScope } from '@ctp/contracts';
import { apiTokenCalls, apiTokens, type Db, memberships, users } from '@ctp/db';
import { eq } from 'drizzle-orm';
import { shanghaiDate } from '../clock/dates.ts';
import type { Actor } from '../context.ts';
import { tokenHashOf } from './api-tokens.ts';

export type ResolvedApiToken = { tokenId: string; name: string; scopes: TokenScope[]; actor: Actor };

/**
 * The actor a bearer token acts as, or null when it is unknown, revoked, past its last day, or its maker no longer
 * holds the membership (or the account is disabled). Touches last-used time and address: bookkeeping, not audited.
 */
export function resolveApiToken(
  db: Db,
  bearer: string | undefined,
  now: number,
  ip: string | null,
): ResolvedApiToken | null {
  if (!bearer || bearer.length > 200) return null;
  const row = db
    .select({ token: apiTokens, membership: memberships, user: users })
    .from(apiTokens)
    .innerJoin(memberships, eq(memberships.id, apiTokens.membershipId))
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.tokenHash, tokenHashOf(bearer)))
    .get();
  if (!row) return null;
  const { token, membership, user } = row;
  if (token.revokedAt !== null || token.expiresOn < shanghaiDate(now)) return null;
  if (membership.revokedAt !== null || user.disabledAt !== null || membership.role !== token.role) return null;
  db.update(apiTokens).set({ lastUsedAt: now, lastUsedIp: ip }).where(eq(apiTokens.id, token.id)).run();
  return {
    tokenId: token.id,
    name: token.name,
    scopes: JSON.parse(token.scopesJson) as TokenScope[],
    actor: {
      userId: user.id,
      email: user.email,
      name: `${token.name} (API)`,
      sessionId: `token:${token.id}`,
      membershipId: membership.id,
      role: membership.role,
      orgId: membership.orgId,
      committeeId: null,
      apiTokenId: token.id,
    },
  };
}

/** The token's access log: every call, reads included, with its outcome. */
export function recordApiTokenCall(
  db: Db,
  call: {
    tokenId: string;
    at: number;
    method: string;
    path: string;
    status: number;
    ip: string | null;
    requestId: string;
  },
): void {
  db.insert(apiTokenCalls).values(call).run();
}
