import { type CreateTrialInput, createTrialInput } from '@ctp/contracts';
import { organisations, trials } from '@ctp/db';
import { eq, or } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';

/**
 * Creates a trial for the actor's organisation. Sponsors (and CROs) create drug and device trials; a hospital's
 * trial office creates investigator-initiated trials (IIT), and that hospital is their sponsor.
 */
export function createTrial({ ctx, input: raw }: { ctx: Ctx; input: CreateTrialInput }): { id: string } {
  const actor = ctx.actor;
  if (!actor || (actor.role !== 'sponsor' && actor.role !== 'site_admin')) throw forbidden();
  const input = createTrialInput.parse(raw);
  const isIit = input.type === 'iit';
  if ((actor.role === 'sponsor') === isIit) {
    throw new DomainError('VALIDATION', 'TRIAL_TYPE_NOT_ALLOWED', {
      fieldErrors: [{ path: 'type', message: 'TRIAL_TYPE_NOT_ALLOWED' }],
    });
  }
  if (input.croOrgId) {
    const cro = ctx.db.select().from(organisations).where(eq(organisations.id, input.croOrgId)).get();
    if (cro?.kind !== 'cro')
      throw new DomainError('VALIDATION', 'NOT_A_CRO', { fieldErrors: [{ path: 'croOrgId', message: 'NOT_A_CRO' }] });
  }
  const leadHospitalId = isIit ? (input.leadHospitalId ?? actor.orgId) : input.leadHospitalId;
  if (leadHospitalId) {
    const lead = ctx.db.select().from(organisations).where(eq(organisations.id, leadHospitalId)).get();
    if (lead?.kind !== 'hospital') {
      throw new DomainError('VALIDATION', 'NOT_A_HOSPITAL', {
        fieldErrors: [{ path: 'leadHospitalId', message: 'NOT_A_HOSPITAL' }],
      });
    }
  }
  const ids = [input.ctrNo && eq(trials.ctrNo, input.ctrNo), input.nctNo && eq(trials.nctNo, input.nctNo)].filter(
    (c) => !!c,
  );
  if (
    ids.length &&
    ctx.db
      .select({ id: trials.id })
      .from(trials)
      .where(or(...ids))
      .get()
  ) {
    throw new DomainError('CONFLICT', 'REGISTRY_ID_TAKEN', {
      fieldErrors: [{ path: input.ctrNo ? 'ctrNo' : 'nctNo', message: 'REGISTRY_ID_TAKEN' }],
    });
  }
  const id = newId();
  const now = ctx.now();
  const row = {
    id,
    sponsorOrgId: actor.orgId,
    croOrgId: input.croOrgId ?? null,
    createdBy: actor.userId,
    type: input.type,
    phase: input.phase,
    titleZh: input.titleZh,
    titleEn: input.titleEn || null,
    ctrNo: input.ctrNo ?? null,
    nctNo: input.nctNo ?? null,
    chictrNo: input.chictrNo ?? null,
    conditionsJson: JSON.stringify(input.conditions),
    targetEnrolment: input.targetEnrolment,
    plannedStart: input.plannedStart ?? null,
    plannedEnd: input.plannedEnd ?? null,
    riskLevel: input.riskLevel,
    leadHospitalId: leadHospitalId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  inTransaction(ctx.db, (tx) => {
    tx.insert(trials).values(row).run();
    writeAuditEvent(tx, ctx, {
      action: 'trial.create',
      entityType: 'trial',
      entityId: id,
      after: { ...row, conditionsJson: undefined, conditions: input.conditions },
    });
  });
  return { id };
}
