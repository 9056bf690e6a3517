import { createHash, randomBytes } from 'node:crypto';
import {
  type ApiTokenView,
  TOKEN_MAX_DAYS,
  type TokenRole,
  type TokenScope,
  type TokensCreateInput,
  tokensCreateInput,
} from '@ctp/contracts';
import { apiTokens, users } from '@ctp/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { addDays, shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { integrationsManager } from './policy.ts';

/** Tokens read `ctp_` + 43 base64url characters (256 random bits); the prefix tells a secret scanner what it found. */
export const TOKEN_PREFIX = 'ctp_';

export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createApiToken({ ctx, input }: { ctx: Ctx; input: TokensCreateInput }): { token: string; id: string } {
  const actor = integrationsManager(ctx);
  const parsed = tokensCreateInput.parse(input);
  // A token acts in the role its maker holds in this organisation, never in another (nor in an EC role).
  if (parsed.role !== actor.role) {
    throw new DomainError('FORBIDDEN', 'TOKEN_ROLE_NOT_HELD', {
      fieldErrors: [{ path: 'role', message: 'TOKEN_ROLE_NOT_HELD' }],
    });
  }
  const today = shanghaiDate(ctx.now());
  if (parsed.expiresAt < today || parsed.expiresAt > addDays(today, TOKEN_MAX_DAYS)) {
    throw new DomainError('VALIDATION', 'TOKEN_EXPIRY_OUT_OF_RANGE', {
      params: { days: TOKEN_MAX_DAYS },
      fieldErrors: [{ path: 'expiresAt', message: 'TOKEN_EXPIRY_OUT_OF_RANGE' }],
    });
  }
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = newId();
  const scopes = [...parsed.scopes].sort();
  inTransaction(ctx.db, (tx) => {
    tx.insert(apiTokens)
      .values({
        id,
        orgId: actor.orgId,
        role: parsed.role,
        membershipId: actor.membershipId,
        name: parsed.name,
        scopesJson: JSON.stringify(scopes),
        tokenHash: tokenHashOf(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        expiresOn: parsed.expiresAt,
        createdBy: actor.userId,
        createdAt: ctx.now(),
      })
      .run();
    writeAuditEvent(tx, ctx, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: id,
      after: { name: parsed.name, role: parsed.role, scopes, expiresAt: parsed.expiresAt },
    });
  });
  return { token, id };
}

export function listApiTokens({ ctx }: { ctx: Ctx }): ApiTokenView[] {
  const actor = integrationsManager(ctx);
  const today = shanghaiDate(ctx.now());
  return ctx.db
    .select({ token: apiTokens, createdByName: users.name })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.orgId, actor.orgId))
    .orderBy(desc(apiTokens.createdAt))
    .all()
    .map(({ token, createdByName }) => ({
      id: token.id,
      name: token.name,
      role: token.role as TokenRole,
      scopes: JSON.parse(token.scopesJson) as TokenScope[],
      prefix: token.prefix,
      expiresAt: token.expiresOn,
      createdAt: token.createdAt,
      createdByName,
      lastUsedAt: token.lastUsedAt,
      lastUsedIp: token.lastUsedIp,
      revokedAt: token.revokedAt,
      status: token.revokedAt !== null ? 'revoked' : token.expiresOn < today ? 'expired' : 'active',
    }));
}

export function revokeApiToken({ ctx, input }: { ctx: Ctx; input: { id: string } }): void {
  const actor = integrationsManager(ctx);
  const token = ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, input.id), eq(apiTokens.orgId, actor.orgId)))
    .get();
  if (!token) throw notFound('TOKEN_NOT_FOUND');
  if (token.revokedAt !== null) throw new DomainError('CONFLICT', 'TOKEN_ALREADY_REVOKED');
  inTransaction(ctx.db, (tx) => {
    const changed = tx
      .update(apiTokens)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(apiTokens.id, token.id), isNull(apiTokens.revokedAt)))
      .run();
    if (changed.changes !== 1) throw new DomainError('CONFLICT', 'TOKEN_ALREADY_REVOKED');
    writeAuditEvent(tx, ctx, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: token.id,
      before: { name: token.name },
    });
  });
}
