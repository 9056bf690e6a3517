import { TITLE_LEVEL, type updateInvestigatorInput } from '@ctp/contracts';
import { investigators } from '@ctp/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { conflict } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import {
  checkSpecialtiesOfHospital,
  investigatorSnapshot,
  loadEditableInvestigator,
  refuseDuplicateName,
  replaceInvestigatorSpecialties,
} from './investigator-snapshot.ts';
import { auditProfileChange, diff, refuseFutureDates } from './profile-guard.ts';

type Input = z.output<typeof updateInvestigatorInput>;

export function updateInvestigator({ ctx, input }: { ctx: Ctx; input: Input }): { version: number } {
  const row = loadEditableInvestigator(ctx, input.id, input.version);
  refuseFutureDates(ctx.now(), { gcpTrainingDate: input.gcpTrainingDate });
  if (input.specialtyIds) checkSpecialtiesOfHospital(ctx.db, row.hospitalOrgId, input.specialtyIds);
  const before = investigatorSnapshot(ctx.db, row);
  const patch = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.title !== undefined && { title: input.title, level: TITLE_LEVEL[input.title] }),
    ...(input.gcpTrainingDate !== undefined && { gcpTrainingDate: input.gcpTrainingDate }),
    ...(input.maxConcurrentTrials !== undefined && { maxConcurrentTrials: input.maxConcurrentTrials }),
  };
  const specialtyIds = input.specialtyIds ? [...input.specialtyIds].sort() : undefined;
  const change = diff(before, { ...before, ...patch, ...(specialtyIds && { specialtyIds }) });
  if (!change.keys.length) return { version: row.version };

  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    if (patch.name) refuseDuplicateName(tx, row.hospitalOrgId, patch.name, row.id);
    const updated = tx
      .update(investigators)
      .set({ ...patch, updatedAt: now, version: sql`${investigators.version} + 1` })
      .where(
        and(eq(investigators.id, row.id), eq(investigators.version, input.version), isNull(investigators.retiredAt)),
      )
      .returning()
      .get();
    if (!updated) throw conflict();
    if (specialtyIds && change.keys.includes('specialtyIds')) replaceInvestigatorSpecialties(tx, row.id, specialtyIds);
    auditProfileChange(tx, ctx, row.hospitalOrgId, {
      action: 'investigator.update',
      entityType: 'investigator',
      entityId: row.id,
      before: { name: row.name, ...change.before },
      after: { name: updated.name, ...change.after, version: updated.version },
    });
    return { version: updated.version };
  });
}
