import type { updateSpecialtyInput } from '@ctp/contracts';
import { hospitalSpecialties } from '@ctp/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { conflict } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { auditProfileChange, diff, refuseFutureDates } from './profile-guard.ts';
import { loadEditableSpecialty, replaceDiseaseAreas, specialtySnapshot } from './specialty-snapshot.ts';

type Input = z.output<typeof updateSpecialtyInput>;

/** Edits a live specialty's filing details, beds, declared maximum and disease areas. The code stays: retire and add instead. */
export function updateSpecialty({ ctx, input }: { ctx: Ctx; input: Input }): { version: number } {
  const row = loadEditableSpecialty(ctx, input.id, input.version);
  refuseFutureDates(ctx.now(), { filingDate: input.filingDate });
  const before = specialtySnapshot(ctx.db, row);
  const patch = {
    ...(input.nameAsFiled !== undefined && { nameAsFiled: input.nameAsFiled }),
    ...(input.filingDate !== undefined && { filingDate: input.filingDate }),
    ...(input.scope !== undefined && { scope: input.scope }),
    ...(input.trialBeds !== undefined && { trialBeds: input.trialBeds }),
    ...(input.maxConcurrentTrials !== undefined && { maxConcurrentTrials: input.maxConcurrentTrials }),
  };
  const areas = input.diseaseAreas?.map((a) => ({
    diseaseArea: a.diseaseArea,
    annualPatients: a.annualPatients ?? null,
  }));
  const change = diff(before, { ...before, ...patch, ...(areas && { diseaseAreas: areas }) });
  if (!change.keys.length) return { version: row.version };

  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const updated = tx
      .update(hospitalSpecialties)
      .set({ ...patch, updatedAt: now, version: sql`${hospitalSpecialties.version} + 1` })
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
    if (areas) replaceDiseaseAreas(tx, row.id, areas);
    auditProfileChange(tx, ctx, row.hospitalOrgId, {
      action: 'specialty.update',
      entityType: 'specialty',
      entityId: row.id,
      before: { specialtyCode: row.specialtyCode, ...change.before },
      after: { specialtyCode: row.specialtyCode, ...change.after, version: updated.version },
    });
    return { version: updated.version };
  });
}
