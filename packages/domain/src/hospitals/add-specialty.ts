import type { addSpecialtyInput } from '@ctp/contracts';
import { hospitalSpecialties, organisations, specialtyCatalogue } from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { auditProfileChange, authoriseHospital, refuseFutureDates } from './profile-guard.ts';
import { replaceDiseaseAreas, specialtySnapshot } from './specialty-snapshot.ts';

type Input = z.output<typeof addSpecialtyInput>;

/** Files a specialty (备案专业) from the catalogue; one live record per catalogue code per hospital. */
export function addSpecialty({ ctx, input }: { ctx: Ctx; input: Input }): { id: string } {
  authoriseHospital(ctx, input.hospitalId);
  const org = ctx.db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, input.hospitalId))
    .get();
  if (org?.kind !== 'hospital') throw notFound('ORG_NOT_FOUND');
  const cat = ctx.db.select().from(specialtyCatalogue).where(eq(specialtyCatalogue.code, input.specialtyCode)).get();
  if (!cat) {
    throw new DomainError('VALIDATION', 'UNKNOWN_SPECIALTY', {
      fieldErrors: [{ path: 'specialtyCode', message: 'UNKNOWN_SPECIALTY' }],
    });
  }
  refuseFutureDates(ctx.now(), { filingDate: input.filingDate });

  const now = ctx.now();
  const id = newId();
  inTransaction(ctx.db, (tx) => {
    // Checked inside the (IMMEDIATE) transaction, so two concurrent adds cannot both pass.
    const live = tx
      .select({ id: hospitalSpecialties.id })
      .from(hospitalSpecialties)
      .where(
        and(
          eq(hospitalSpecialties.hospitalOrgId, input.hospitalId),
          eq(hospitalSpecialties.specialtyCode, input.specialtyCode),
          isNull(hospitalSpecialties.retiredAt),
        ),
      )
      .get();
    if (live) {
      throw new DomainError('CONFLICT', 'DUPLICATE_SPECIALTY', {
        fieldErrors: [{ path: 'specialtyCode', message: 'DUPLICATE_SPECIALTY' }],
      });
    }
    const row = tx
      .insert(hospitalSpecialties)
      .values({
        id,
        hospitalOrgId: input.hospitalId,
        specialtyCode: cat.code,
        nameAsFiled: input.nameAsFiled ?? null,
        filingDate: input.filingDate ?? null,
        scope: input.scope,
        trialBeds: input.trialBeds,
        maxConcurrentTrials: input.maxConcurrentTrials,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    replaceDiseaseAreas(tx, id, input.diseaseAreas);
    auditProfileChange(tx, ctx, input.hospitalId, {
      action: 'specialty.add',
      entityType: 'specialty',
      entityId: id,
      after: specialtySnapshot(tx, row),
    });
  });
  return { id };
}
