import { POLICIES } from '@ctp/contracts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { type AuditVerdict, verifyAudit } from './verify-audit.ts';

/**
 * The admin's "verify the audit chain now" button: the same checks as `pnpm ctp audit verify` — the chain, the
 * autoincrement counter, the signed head file the server keeps (when it keeps one) and the vote checksums.
 */
export function verifyAuditChainOf({ ctx }: { ctx: Ctx }): AuditVerdict {
  if (!POLICIES.readAuditLog.allows(ctx.actor)) throw forbidden();
  return verifyAudit(ctx.db, { head: ctx.services.auditHead ?? null });
}
