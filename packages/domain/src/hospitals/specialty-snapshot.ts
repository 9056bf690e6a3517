import { type Db, hospitalSpecialties, specialtyDiseaseAreas, type Tx } from '@ctp/db';
import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import { conflict, DomainError, notFound } from '../errors.ts';
import { authoriseHospital, authoriseProfileEdit } from './profile-guard.ts';

type SpecialtyRow = typeof hospitalSpecialties.$inferSelect;
export type DiseaseAreaInput = { diseaseArea: string; annualPatients?: number | null | undefined };

/** What the audit records of a specialty (before/after). */
export function specialtySnapshot(db: Db | Tx, row: SpecialtyRow) {
  const areas = db
    .select({ diseaseArea: specialtyDiseaseAreas.diseaseArea, annualPatients: specialtyDiseaseAreas.annualPatients })
    .from(specialtyDiseaseAreas)
    .where(eq(specialtyDiseaseAreas.hospitalSpecialtyId, row.id))
    .orderBy(asc(specialtyDiseaseAreas.id))
    .all();
  return {
    specialtyCode: row.specialtyCode,
    nameAsFiled: row.nameAsFiled,
    filingDate: row.filingDate,
    scope: row.scope,
    trialBeds: row.trialBeds,
    maxConcurrentTrials: row.maxConcurrentTrials,
    diseaseAreas: areas,
    version: row.version,
  };
}

export function replaceDiseaseAreas(tx: Tx, specialtyId: string, areas: DiseaseAreaInput[]): void {
  tx.delete(specialtyDiseaseAreas).where(eq(specialtyDiseaseAreas.hospitalSpecialtyId, specialtyId)).run();
  for (const a of areas) {
    tx.insert(specialtyDiseaseAreas)
      .values({
        hospitalSpecialtyId: specialtyId,
        diseaseArea: a.diseaseArea,
        annualPatients: a.annualPatients ?? null,
      })
      .run();
  }
}

/** Authorise (role, then own hospital), load a live specialty and check the version the form was loaded with. */
export function loadEditableSpecialty(ctx: Ctx, id: string, version: number): SpecialtyRow {
  authoriseProfileEdit(ctx);
  const row = ctx.db.select().from(hospitalSpecialties).where(eq(hospitalSpecialties.id, id)).get();
  if (!row) throw notFound('SPECIALTY_NOT_FOUND');
  authoriseHospital(ctx, row.hospitalOrgId);
  if (row.retiredAt !== null) throw new DomainError('CONFLICT', 'ALREADY_RETIRED');
  if (row.version !== version) throw conflict();
  return row;
}
