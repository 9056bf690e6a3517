import { type Db, hospitalSpecialties, investigatorSpecialties, investigators, type Tx } from '@ctp/db';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { conflict, DomainError, notFound } from '../errors.ts';
import { authoriseHospital, authoriseProfileEdit } from './profile-guard.ts';

type InvestigatorRow = typeof investigators.$inferSelect;

export function investigatorSnapshot(db: Db | Tx, row: InvestigatorRow) {
  const specialtyIds = db
    .select({ id: investigatorSpecialties.hospitalSpecialtyId })
    .from(investigatorSpecialties)
    .where(eq(investigatorSpecialties.investigatorId, row.id))
    .all()
    .map((l) => l.id)
    .sort();
  return {
    name: row.name,
    title: row.title,
    level: row.level,
    gcpTrainingDate: row.gcpTrainingDate,
    maxConcurrentTrials: row.maxConcurrentTrials,
    specialtyIds,
    version: row.version,
  };
}

/** An investigator works in specialties the hospital has on file (live ones). */
export function checkSpecialtiesOfHospital(db: Db, hospitalId: string, specialtyIds: string[]): void {
  const found = db
    .select({ id: hospitalSpecialties.id })
    .from(hospitalSpecialties)
    .where(
      and(
        inArray(hospitalSpecialties.id, specialtyIds),
        eq(hospitalSpecialties.hospitalOrgId, hospitalId),
        isNull(hospitalSpecialties.retiredAt),
      ),
    )
    .all();
  if (found.length !== specialtyIds.length) {
    throw new DomainError('VALIDATION', 'SPECIALTY_NOT_IN_HOSPITAL', {
      fieldErrors: [{ path: 'specialtyIds', message: 'SPECIALTY_NOT_IN_HOSPITAL' }],
    });
  }
}

/** Two live records with one name in one hospital are almost always a double entry. Call inside the transaction. */
export function refuseDuplicateName(tx: Tx, hospitalId: string, name: string, exceptId?: string): void {
  const same = tx
    .select({ id: investigators.id })
    .from(investigators)
    .where(
      and(
        eq(investigators.hospitalOrgId, hospitalId),
        eq(investigators.name, name),
        isNull(investigators.retiredAt),
        exceptId ? ne(investigators.id, exceptId) : undefined,
      ),
    )
    .get();
  if (same)
    throw new DomainError('CONFLICT', 'DUPLICATE_INVESTIGATOR', {
      fieldErrors: [{ path: 'name', message: 'DUPLICATE_INVESTIGATOR' }],
    });
}

export function replaceInvestigatorSpecialties(tx: Tx, investigatorId: string, specialtyIds: string[]): void {
  tx.delete(investigatorSpecialties).where(eq(investigatorSpecialties.investigatorId, investigatorId)).run();
  for (const hospitalSpecialtyId of specialtyIds)
    tx.insert(investigatorSpecialties).values({ investigatorId, hospitalSpecialtyId }).run();
}

export function loadEditableInvestigator(ctx: Ctx, id: string, version: number): InvestigatorRow {
  authoriseProfileEdit(ctx);
  const row = ctx.db.select().from(investigators).where(eq(investigators.id, id)).get();
  if (!row) throw notFound('INVESTIGATOR_NOT_FOUND');
  authoriseHospital(ctx, row.hospitalOrgId);
  if (row.retiredAt !== null) throw new DomainError('CONFLICT', 'ALREADY_RETIRED');
  if (row.version !== version) throw conflict();
  return row;
}
