import { organisations } from '@ctp/db';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { notFound } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { auditProfileChange, authoriseHospital } from './profile-guard.ts';

/**
 * "确认资源信息": the site admin states that the capacity on file is current. Search shows a profile as stale when
 * this is older than STALE_AFTER_DAYS. It does not bump the profile version: confirming must not invalidate an
 * edit form someone has open.
 */
export function confirmCapacity({ ctx, input }: { ctx: Ctx; input: { hospitalId: string } }): { confirmedAt: number } {
  authoriseHospital(ctx, input.hospitalId);
  const row = ctx.db.select().from(organisations).where(eq(organisations.id, input.hospitalId)).get();
  if (row?.kind !== 'hospital') throw notFound('ORG_NOT_FOUND');
  const now = ctx.now();
  inTransaction(ctx.db, (tx) => {
    tx.update(organisations)
      .set({ capacityConfirmedAt: now, updatedAt: now })
      .where(eq(organisations.id, row.id))
      .run();
    auditProfileChange(tx, ctx, row.id, {
      action: 'hospital.confirm_capacity',
      entityType: 'organisation',
      entityId: row.id,
      before: { capacityConfirmedAt: row.capacityConfirmedAt },
      after: { capacityConfirmedAt: now },
    });
  });
  return { confirmedAt: now };
}
