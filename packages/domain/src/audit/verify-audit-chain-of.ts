import { POLICIES } from '@ctp/contracts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { type ChainVerdict, verifyAuditChain } from './verify-audit-chain.ts';

/** The admin's "verify the audit chain now" button; the CLI calls verifyAuditChain directly. */
export function verifyAuditChainOf({ ctx }: { ctx: Ctx }): ChainVerdict {
  if (!POLICIES.readAuditLog.allows(ctx.actor)) throw forbidden();
  return verifyAuditChain(ctx.db);
}
