import type { retireSpecialtyInput } from '@ctp/contracts';
import { hospitalSpecialties } from '@ctp/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { loadActiveLoad } from '../capacity/active-load.ts';
import type { Ctx } from '../context.ts';
import { conflict, DomainError } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { auditProfileChange } from './profile-guard.ts';
import { loadEditableSpecialty } from './specialty-snapshot.ts';

type Input = z.output<typeof retireSpecialtyInput>;

/**
 * Withdraws a filed specialty. Soft: the row stays (past trials and the audit point at it) and leaves search.
 * Refused while trials are active in it. Investigators keep their other specialties.
 */
export function retireSpecialty({ ctx, input }: { ctx: Ctx; input: Input }): { version: number } {
  const row = loadEditableSpecialty(ctx, input.id, input.version);
  const active = loadActiveLoad(ctx.db).bySpecialty.get(row.id) ?? 0;
  if (active > 0) throw new DomainError('PRECONDITION_FAILED', 'HAS_ACTIVE_TRIALS', { params: { count: active } });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const updated = tx
      .update(hospitalSpecialties)
      .set({ retiredAt: now, updatedAt: now, version: sql`${hospitalSpecialties.version} + 1` })
      .where(
        and(
          eq(hospitalSpecialties.id, row.id),
          eq(hospitalSpecialties.version, input.version),
          isNull(hospitalSpecialties.retiredAt),
        ),
      )
      .returning()
      .get();
    if (!updated) throw conflict();
    auditProfileChange(tx, ctx, row.hospitalOrgId, {
      action: 'specialty.retire',
      entityType: 'specialty',
      entityId: row.id,
      before: { specialtyCode: row.specialtyCode, retiredAt: null, version: row.version },
      after: { specialtyCode: row.specialtyCode, retiredAt: now, reason: input.reason, version: updated.version },
    });
    return { version: updated.version };
  });
}
