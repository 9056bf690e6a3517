import { canManageTrial, POLICIES } from '@ctp/contracts';
import {
  hospitalSpecialties,
  inquiries,
  investigatorSpecialties,
  investigators,
  organisations,
  type Tx,
  trialSites,
} from '@ctp/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { openRecognitionForLateSite } from '../fan-out/fan-out.ts';
import { newId } from '../ids.ts';
import { notifyOrg } from '../notifications/notify.ts';
import { inTransaction } from '../transaction.ts';
import { applySiteStep, assertSiteTransition } from './site-lifecycle.ts';
import { loadTrial, type TrialRow, type TrialSiteRow } from './trial-access.ts';

/** The live specialty, checked to exist; the PI, checked to belong to it. */
export function loadSpecialtyAndPi(ctx: Ctx, hospitalSpecialtyId: string, investigatorId?: string) {
  const specialty = ctx.db
    .select()
    .from(hospitalSpecialties)
    .where(and(eq(hospitalSpecialties.id, hospitalSpecialtyId), isNull(hospitalSpecialties.retiredAt)))
    .get();
  if (!specialty)
    throw new DomainError('NOT_FOUND', 'SPECIALTY_NOT_FOUND', {
      fieldErrors: [{ path: 'hospitalSpecialtyId', message: 'SPECIALTY_NOT_FOUND' }],
    });
  if (investigatorId) {
    const link = ctx.db
      .select({ id: investigators.id })
      .from(investigators)
      .innerJoin(investigatorSpecialties, eq(investigatorSpecialties.investigatorId, investigators.id))
      .where(
        and(
          eq(investigators.id, investigatorId),
          eq(investigatorSpecialties.hospitalSpecialtyId, specialty.id),
          isNull(investigators.retiredAt),
        ),
      )
      .get();
    if (!link)
      throw new DomainError('VALIDATION', 'INVESTIGATOR_NOT_IN_SPECIALTY', {
        fieldErrors: [{ path: 'investigatorId', message: 'INVESTIGATOR_NOT_IN_SPECIALTY' }],
      });
  }
  return specialty;
}

/** Finds the trial's site for a specialty, or creates it as a candidate (inside the caller's transaction). */
export function ensureCandidateSite(
  tx: Tx,
  trial: TrialRow,
  specialty: { id: string; hospitalOrgId: string },
  now: number,
): TrialSiteRow {
  const existing = tx
    .select()
    .from(trialSites)
    .where(and(eq(trialSites.trialId, trial.id), eq(trialSites.hospitalSpecialtyId, specialty.id)))
    .get();
  if (existing) return existing;
  return tx
    .insert(trialSites)
    .values({
      id: newId(),
      trialId: trial.id,
      hospitalOrgId: specialty.hospitalOrgId,
      hospitalSpecialtyId: specialty.id,
      role: trial.leadHospitalId === specialty.hospitalOrgId ? 'lead' : 'participating',
      state: 'candidate',
      stateChangedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}

/**
 * Public contract `trialSites.select`: the sponsor chooses a hospital specialty (and PI) as a site. From then on
 * the site counts against the specialty's and the PI's capacity (free slots in search go down).
 */
export function selectSite({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    trialId: string;
    hospitalSpecialtyId: string;
    investigatorId?: string;
    role?: 'lead' | 'participating';
    targetEnrolment?: number;
    confirmUnanswered?: boolean;
  };
}): { trialSiteId: string } {
  if (!POLICIES.signedIn.allows(ctx.actor)) throw forbidden();
  const trial = loadTrial(ctx.db, input.trialId);
  if (!canManageTrial(ctx.actor, trial)) throw notFound();
  const specialty = loadSpecialtyAndPi(ctx, input.hospitalSpecialtyId, input.investigatorId);
  const hospital = ctx.db.select().from(organisations).where(eq(organisations.id, specialty.hospitalOrgId)).get()!;
  const now = ctx.now();
  const current = ctx.db
    .select()
    .from(trialSites)
    .where(and(eq(trialSites.trialId, trial.id), eq(trialSites.hospitalSpecialtyId, specialty.id)))
    .get();
  assertSiteTransition('select', current?.state ?? 'candidate', 'sponsor');
  if (current?.state === 'inquiry_sent' && !input.confirmUnanswered) {
    const inquiry = ctx.db
      .select({ replyBy: inquiries.replyBy })
      .from(inquiries)
      .where(and(eq(inquiries.trialSiteId, current.id), eq(inquiries.status, 'sent')))
      .orderBy(desc(inquiries.sentAt))
      .get();
    throw new DomainError('PRECONDITION_FAILED', 'SITE_NOT_ANSWERED', {
      params: { replyBy: inquiry?.replyBy ?? '—' },
      fieldErrors: [{ path: 'confirmUnanswered', message: 'SITE_NOT_ANSWERED' }],
    });
  }
  const id = inTransaction(ctx.db, (tx) => {
    let site = ensureCandidateSite(tx, trial, specialty, now);
    if (input.investigatorId || input.targetEnrolment !== undefined || input.role) {
      site = tx
        .update(trialSites)
        .set({
          investigatorId: input.investigatorId ?? site.investigatorId,
          targetEnrolment: input.targetEnrolment ?? site.targetEnrolment,
          role: input.role ?? site.role,
        })
        .where(eq(trialSites.id, site.id))
        .returning()
        .get();
    }
    const selected = applySiteStep(tx, ctx, site, 'select', { date: shanghaiDate(now), now, action: 'site.select' });
    // Selected after the lead EC's approval: its recognition request (or the reason it gets none) opens now (§4.2).
    openRecognitionForLateSite(tx, ctx, trial, selected, now);
    notifyOrg(
      tx,
      { orgId: hospital.id, roles: ['site_admin'] },
      {
        kind: 'site_selected',
        params: {
          trial: trial.titleZh,
          trialEn: trial.titleEn ?? trial.titleZh,
          hospital: hospital.nameZh,
          hospitalEn: hospital.nameEn ?? hospital.nameZh,
        },
        link: `/trial-sites`,
        now,
      },
    );
    return selected.id;
  });
  return { trialSiteId: id };
}
