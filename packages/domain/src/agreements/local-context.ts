import { canEditHospital, localContextHospitalInput, localContextInput } from '@ctp/contracts';
import { hospitalLocalContexts, organisations } from '@ctp/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { inTransaction, type Reader } from '../transaction.ts';

export type LocalContext = {
  hospitalOrgId: string;
  reviewFeeYuan: number | null;
  feeSchedule: string | null;
  insuranceRequirements: string | null;
  localIcfClauses: string | null;
  hgrContactName: string | null;
  hgrContactPhone: string | null;
  languages: string[];
  vulnerablePopulationRules: string | null;
  version: number;
  updatedAt: number | null;
};

/** The hospital's local-context profile, or an empty one (version 0) when none is saved yet. */
export function localContextOf(db: Reader, hospitalOrgId: string): LocalContext {
  const row = db
    .select()
    .from(hospitalLocalContexts)
    .where(eq(hospitalLocalContexts.hospitalOrgId, hospitalOrgId))
    .get();
  if (!row)
    return {
      hospitalOrgId,
      reviewFeeYuan: null,
      feeSchedule: null,
      insuranceRequirements: null,
      localIcfClauses: null,
      hgrContactName: null,
      hgrContactPhone: null,
      languages: [],
      vulnerablePopulationRules: null,
      version: 0,
      updatedAt: null,
    };
  return {
    hospitalOrgId,
    reviewFeeYuan: row.reviewFeeYuan,
    feeSchedule: row.feeSchedule,
    insuranceRequirements: row.insuranceRequirements,
    localIcfClauses: row.localIcfClauses,
    hgrContactName: row.hgrContactName,
    hgrContactPhone: row.hgrContactPhone,
    languages: JSON.parse(row.languagesJson) as string[],
    vulnerablePopulationRules: row.vulnerablePopulationRules,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** `recognition.localContext.get` {hospitalOrgId}: readable by every signed-in role (it is what a site offers). */
export function getLocalContext({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof localContextHospitalInput> }) {
  if (!ctx.actor) throw forbidden();
  const input = localContextHospitalInput.parse(raw);
  const org = ctx.db.select().from(organisations).where(eq(organisations.id, input.hospitalOrgId)).get();
  if (org?.kind !== 'hospital') throw notFound();
  return { ...localContextOf(ctx.db, org.id), hospitalName: org.nameZh, hospitalNameEn: org.nameEn };
}

/**
 * `recognition.localContext.save`: the hospital's trial office keeps its local-context profile (fees and their
 * schedule, insurance, local ICF clauses, human-genetic-resources contact, languages, vulnerable-population rules).
 * Each new recognition packet is pre-filled from it. Versioned; audited with before/after.
 */
export function saveLocalContext({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof localContextInput> }) {
  const input = localContextInput.parse(raw);
  if (!canEditHospital(ctx.actor, input.hospitalOrgId)) throw forbidden('NOT_OWN_HOSPITAL');
  const current = localContextOf(ctx.db, input.hospitalOrgId);
  if (input.version !== undefined && input.version !== current.version)
    throw new DomainError('CONFLICT', 'STALE_VERSION');
  const now = ctx.now();
  const values = {
    reviewFeeYuan: input.reviewFeeYuan ?? null,
    feeSchedule: input.feeSchedule || null,
    insuranceRequirements: input.insuranceRequirements || null,
    localIcfClauses: input.localIcfClauses || null,
    hgrContactName: input.hgrContactName || null,
    hgrContactPhone: input.hgrContactPhone || null,
    languagesJson: JSON.stringify(input.languages),
    vulnerablePopulationRules: input.vulnerablePopulationRules || null,
    updatedBy: ctx.actor.userId,
    updatedAt: now,
  };
  return inTransaction(ctx.db, (tx) => {
    if (current.version === 0) {
      tx.insert(hospitalLocalContexts)
        .values({ hospitalOrgId: input.hospitalOrgId, ...values, createdAt: now, version: 1 })
        .run();
    } else {
      const changed = tx
        .update(hospitalLocalContexts)
        .set({ ...values, version: current.version + 1 })
        .where(
          and(
            eq(hospitalLocalContexts.hospitalOrgId, input.hospitalOrgId),
            eq(hospitalLocalContexts.version, current.version),
          ),
        )
        .run().changes;
      if (!changed) throw new DomainError('CONFLICT', 'STALE_VERSION');
    }
    const { version: _v, updatedAt: _u, ...before } = current;
    writeAuditEvent(tx, ctx, {
      action: 'recognition.local_context_save',
      entityType: 'local_context',
      entityId: input.hospitalOrgId,
      orgId: input.hospitalOrgId,
      before: current.version === 0 ? undefined : before,
      after: { ...values, updatedBy: undefined, updatedAt: undefined, version: current.version + 1 },
    });
    return { version: current.version + 1 };
  });
}
