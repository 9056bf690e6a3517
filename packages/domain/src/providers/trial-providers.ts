import { canManageTrial, POLICIES, type ProviderCategory, type TrialProviderView } from '@ctp/contracts';
import { investigators, organisations, trialProviders, trialSites } from '@ctp/db';
import { and, asc, eq } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate } from '../clock/dates.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { canReadTrial } from '../trials/policy.ts';
import { loadTrial } from '../trials/trial-access.ts';
import { loadProviderRecord, loadProviderRecords, toListItem } from './load-providers.ts';

/**
 * The trial's sponsor side records which provider serves it, for which service (issue 18). Another sponsor's trial
 * is "not found": its existence is confidential. The provider must offer the service.
 */
export function linkTrialProvider({
  ctx,
  input,
}: {
  ctx: ActorCtx;
  input: { trialId: string; providerId: string; category: ProviderCategory; linked?: boolean };
}): void {
  if (!POLICIES.recordTrialProviders.allows(ctx.actor)) throw forbidden();
  const trial = loadTrial(ctx.db, input.trialId);
  if (!canManageTrial(ctx.actor, trial)) throw notFound();
  const provider = loadProviderRecord(ctx.db, input.providerId);
  const linked = input.linked ?? true;
  if (linked && !provider.categories.includes(input.category))
    throw new DomainError('VALIDATION', 'PROVIDER_CATEGORY_NOT_OFFERED', {
      fieldErrors: [{ path: 'category', message: 'PROVIDER_CATEGORY_NOT_OFFERED' }],
    });
  const where = and(
    eq(trialProviders.trialId, trial.id),
    eq(trialProviders.providerOrgId, provider.id),
    eq(trialProviders.category, input.category),
  );
  const existing = ctx.db.select().from(trialProviders).where(where).get();
  if (linked && existing) throw new DomainError('CONFLICT', 'ALREADY_RECORDED');
  if (!linked && !existing) throw notFound();
  const payload = { providerId: provider.id, category: input.category };
  inTransaction(ctx.db, (tx) => {
    if (linked)
      tx.insert(trialProviders)
        .values({
          trialId: trial.id,
          providerOrgId: provider.id,
          category: input.category,
          linkedBy: ctx.actor.userId,
          linkedAt: ctx.now(),
        })
        .run();
    else tx.delete(trialProviders).where(where).run();
    writeAuditEvent(tx, ctx, {
      action: linked ? 'trial.link_provider' : 'trial.unlink_provider',
      entityType: 'trial',
      entityId: trial.id,
      ...(linked ? { after: payload } : { before: payload }),
    });
  });
}

/** The providers a trial uses, for whoever may read the trial (shown on the trial page). */
export function providersForTrial({ ctx, input }: { ctx: Ctx; input: { trialId: string } }): TrialProviderView[] {
  if (!POLICIES.readTrials.allows(ctx.actor)) throw forbidden();
  const trial = loadTrial(ctx.db, input.trialId);
  const sites = ctx.db
    .select({ hospitalId: trialSites.hospitalOrgId, piUserId: investigators.userId })
    .from(trialSites)
    .leftJoin(investigators, eq(investigators.id, trialSites.investigatorId))
    .where(eq(trialSites.trialId, trial.id))
    .all();
  if (
    !canReadTrial(
      ctx.actor,
      trial,
      sites.map((s) => s.hospitalId),
      sites.map((s) => s.piUserId),
    )
  )
    throw notFound();
  const rows = ctx.db
    .select({ link: trialProviders, nameZh: organisations.nameZh })
    .from(trialProviders)
    .innerJoin(organisations, eq(organisations.id, trialProviders.providerOrgId))
    .where(eq(trialProviders.trialId, trial.id))
    .orderBy(asc(trialProviders.category), asc(organisations.nameZh))
    .all();
  const today = shanghaiDate(ctx.now());
  const providers = new Map(
    loadProviderRecords(ctx.db, [...new Set(rows.map((r) => r.link.providerOrgId))]).map((p) => [
      p.id,
      toListItem(p, today),
    ]),
  );
  return rows.map(({ link }) => {
    const p = providers.get(link.providerOrgId)!;
    return {
      providerId: p.id,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      category: link.category,
      linkedAt: link.linkedAt,
      expiringCount: p.expiringCount,
    };
  });
}
