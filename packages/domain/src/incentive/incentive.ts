import {
  DEFAULT_INCENTIVE_WEIGHTS,
  type IncentiveTerm,
  metricsFilterInput,
  POLICIES,
  setIncentiveWeightsInput,
} from '@ctp/contracts';
import { type Db, incentiveWeightVersions, users } from '@ctp/db';
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { filteredFacts, resolvePeriod } from '../metrics/read-metrics.ts';
import { inTransaction } from '../transaction.ts';
import { rankHospitals } from './score.ts';

/** The weights in force: the newest saved version, else the defaults (version 0). */
export function currentWeights(db: Db) {
  const row = db.select().from(incentiveWeightVersions).orderBy(desc(incentiveWeightVersions.id)).limit(1).get();
  if (!row) return { version: 0, weights: { ...DEFAULT_INCENTIVE_WEIGHTS }, note: null, createdAt: null };
  return {
    version: row.id,
    weights: { ...DEFAULT_INCENTIVE_WEIGHTS, ...(JSON.parse(row.weightsJson) as Record<IncentiveTerm, number>) },
    note: row.note,
    createdAt: row.createdAt,
  };
}

/** `incentive.weights`: the weights in force and every saved version, newest first. */
export function listIncentiveWeights({ ctx }: { ctx: Ctx }) {
  if (!POLICIES.readMetrics.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const versions = ctx.db
    .select({ v: incentiveWeightVersions, by: users.name })
    .from(incentiveWeightVersions)
    .innerJoin(users, eq(users.id, incentiveWeightVersions.createdBy))
    .orderBy(desc(incentiveWeightVersions.id))
    .all()
    .map(({ v, by }) => ({
      version: v.id,
      weights: JSON.parse(v.weightsJson) as Record<IncentiveTerm, number>,
      note: v.note,
      createdAt: v.createdAt,
      createdBy: by,
    }));
  return { current: currentWeights(ctx.db), versions };
}

/** `incentive.setWeights`: the commission saves a new version of the weights (they add up to 100), audited. */
export function setIncentiveWeights({
  ctx,
  input: raw,
}: {
  ctx: ActorCtx;
  input: z.input<typeof setIncentiveWeightsInput>;
}) {
  if (!POLICIES.steerMetrics.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = setIncentiveWeightsInput.parse(raw);
  const before = currentWeights(ctx.db);
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const row = tx
      .insert(incentiveWeightVersions)
      .values({
        weightsJson: JSON.stringify(input.weights),
        note: input.note,
        createdBy: ctx.actor.userId,
        createdAt: now,
      })
      .returning()
      .get();
    writeAuditEvent(tx, ctx, {
      action: 'incentive.set_weights',
      entityType: 'incentive_weights',
      entityId: String(row.id),
      before: { version: before.version, weights: before.weights },
      after: { version: row.id, weights: input.weights, note: input.note },
    });
    return { version: row.id };
  });
}

/** Public contract `incentive.ranking`: every hospital's index, rank and term-by-term contributions. */
export function getIncentiveRanking({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof metricsFilterInput> }) {
  if (!POLICIES.readMetrics.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = metricsFilterInput.parse(raw);
  const period = resolvePeriod(input, ctx.now());
  const weights = currentWeights(ctx.db);
  return { period, weights, rows: rankHospitals(filteredFacts(ctx, input), period, weights.weights) };
}

/** `incentive.own`: a hospital trial office's own score, rank and breakdown (never other hospitals' terms). */
export function getOwnIncentive({ ctx }: { ctx: ActorCtx }) {
  if (!POLICIES.readOwnIncentive.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const period = resolvePeriod({}, ctx.now());
  const weights = currentWeights(ctx.db);
  const rows = rankHospitals(filteredFacts(ctx, {}), period, weights.weights);
  const own = rows.find((r) => r.hospitalId === ctx.actor.orgId) ?? null;
  return { period, weights, own, hospitals: rows.length };
}
