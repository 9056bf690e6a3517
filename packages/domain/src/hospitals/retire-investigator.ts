import type { retireInvestigatorInput } from '@ctp/contracts';
import { investigators } from '@ctp/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { loadActiveLoad } from '../capacity/active-load.ts';
import type { Ctx } from '../context.ts';
import { conflict, DomainError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { loadEditableInvestigator } from './investigator-snapshot.ts';
import { auditProfileChange } from './profile-guard.ts';

type Input = z.output<typeof retireInvestigatorInput>;

/** A PI who left or stopped trial work: soft-retired (past trials still name them), refused while leading active trials. */
export function retireInvestigator({ ctx, input }: { ctx: Ctx; input: Input }): { version: number } {
  const row = loadEditableInvestigator(ctx, input.id, input.version);
  const active = loadActiveLoad(ctx.db).byInvestigator.get(row.id) ?? 0;
  if (active > 0) throw new DomainError('PRECONDITION_FAILED', 'HAS_ACTIVE_TRIALS', { params: { count: active } });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const updated = tx
      .update(investigators)
      .set({ retiredAt: now, updatedAt: now, version: sql`${investigators.version} + 1` })
      .where(
        and(eq(investigators.id, row.id), eq(investigators.version, input.version), isNull(investigators.retiredAt)),
      )
      .returning()
      .get();
    if (!updated) throw conflict();
    auditProfileChange(tx, ctx, row.hospitalOrgId, {
      action: 'investigator.retire',
      entityType: 'investigator',
      entityId: row.id,
      before: { name: row.name, retiredAt: null, version: row.version },
      after: { name: row.name, retiredAt: now, reason: input.reason, version: updated.version },
    });
    return { version: updated.version };
  });
}
