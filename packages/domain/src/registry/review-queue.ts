import {
  POLICIES,
  type RegistryQueueStatus,
  type registryQueueInput,
  registryRejectInput,
  registryResolveInput,
} from '@ctp/contracts';
import {
  organisationAliases,
  organisations,
  registryNameDecisions,
  registryReviewQueue,
  registrySites,
  registryTrials,
  type Tx,
} from '@ctp/db';
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { rebuildHospitalSearchDocument } from '../capacity/search-document.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { normaliseInstitutionName } from '../organisations/normalise-name.ts';
import { inTransaction } from '../transaction.ts';
import { cityKey } from './resolution/places.ts';
import type { Candidate } from './resolution/resolver.ts';

type QueueRow = typeof registryReviewQueue.$inferSelect;

/** `registry.queue`: names no rule could place, with the registry ids they came from and the best candidates. */
export function listRegistryQueue({ ctx, input }: { ctx: Ctx; input: z.output<typeof registryQueueInput> }) {
  if (!POLICIES.manageRegistry.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const where = and(
    input.status ? eq(registryReviewQueue.status, input.status) : undefined,
    input.cursor !== undefined ? lt(registryReviewQueue.id, input.cursor) : undefined,
    input.q
      ? or(
          sql`instr(lower(${registryReviewQueue.rawName}), lower(${input.q})) > 0`,
          sql`instr(coalesce(${registryReviewQueue.city}, ''), ${input.q}) > 0`,
        )
      : undefined,
  );
  const rows = ctx.db
    .select()
    .from(registryReviewQueue)
    .where(where)
    .orderBy(desc(registryReviewQueue.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const ids = page.map((r) => r.id);
  const sources = ids.length
    ? ctx.db
        .selectDistinct({
          queueId: registrySites.queueId,
          registryId: registryTrials.registryId,
          source: registryTrials.source,
        })
        .from(registrySites)
        .innerJoin(registryTrials, eq(registryTrials.id, registrySites.registryTrialId))
        .where(inArray(registrySites.queueId, ids))
        .all()
    : [];
  const locations = ids.length
    ? ctx.db
        .select({ queueId: registrySites.queueId, n: sql<number>`count(*)` })
        .from(registrySites)
        .where(inArray(registrySites.queueId, ids))
        .groupBy(registrySites.queueId)
        .all()
    : [];
  const hospitalIds = new Set<string>();
  for (const r of page) {
    for (const c of JSON.parse(r.candidatesJson) as Candidate[]) hospitalIds.add(c.hospitalId);
    if (r.hospitalId) hospitalIds.add(r.hospitalId);
  }
  const names = new Map(
    hospitalIds.size
      ? ctx.db
          .select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn })
          .from(organisations)
          .where(inArray(organisations.id, [...hospitalIds]))
          .all()
          .map((o) => [o.id, o])
      : [],
  );
  const counts = ctx.db
    .select({ status: registryReviewQueue.status, n: sql<number>`count(*)` })
    .from(registryReviewQueue)
    .groupBy(registryReviewQueue.status)
    .all();
  return {
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<RegistryQueueStatus, number>>,
    items: page.map((r) => ({
      id: r.id,
      rawName: r.rawName,
      city: r.city,
      province: r.province,
      country: r.country,
      status: r.status,
      queuedBecause: r.queuedBecause,
      reason: r.reason,
      decidedAt: r.decidedAt,
      hospital: r.hospitalId ? (names.get(r.hospitalId) ?? null) : null,
      locations: locations.find((l) => l.queueId === r.id)?.n ?? 0,
      registryIds: sources
        .filter((s) => s.queueId === r.id)
        .map((s) => ({ source: s.source, registryId: s.registryId })),
      candidates: (JSON.parse(r.candidatesJson) as Candidate[]).flatMap((c) => {
        const h = names.get(c.hospitalId);
        return h
          ? [{ hospitalId: c.hospitalId, nameZh: h.nameZh, nameEn: h.nameEn, score: c.score, alias: c.alias }]
          : [];
      }),
      createdAt: r.createdAt,
    })),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
  };
}

function loadOpenItem(ctx: Ctx, queueId: number): QueueRow {
  const item = ctx.db.select().from(registryReviewQueue).where(eq(registryReviewQueue.id, queueId)).get();
  if (!item) throw notFound();
  if (item.status !== 'open') throw new DomainError('CONFLICT', 'QUEUE_ITEM_DECIDED');
  return item;
}

/** Marks the item decided, conditional on it still being open (a second admin deciding meanwhile gets CONFLICT). */
function closeItem(tx: Tx, ctx: ActorCtx, item: QueueRow, set: Partial<QueueRow>) {
  const changed = tx
    .update(registryReviewQueue)
    .set({ ...set, decidedBy: ctx.actor.userId, decidedAt: ctx.now() })
    .where(and(eq(registryReviewQueue.id, item.id), eq(registryReviewQueue.status, 'open')))
    .run().changes;
  if (changed !== 1) throw new DomainError('CONFLICT', 'QUEUE_ITEM_DECIDED');
}

/**
 * `registry.resolve`: the admin says which hospital a queued name is. The name is learnt as an alias (when no
 * hospital has it yet), the decision is remembered for this name in this city, and every queued location with
 * this name resolves: this item's, and other cities' items whose city is the hospital's own.
 */
export function resolveRegistryName({
  ctx,
  input: raw,
}: {
  ctx: ActorCtx;
  input: z.input<typeof registryResolveInput>;
}) {
  if (!POLICIES.manageRegistry.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = registryResolveInput.parse(raw);
  const item = loadOpenItem(ctx, input.queueId);
  const hospital = ctx.db.select().from(organisations).where(eq(organisations.id, input.hospitalId)).get();
  if (!hospital) throw new DomainError('NOT_FOUND', 'ORG_NOT_FOUND');
  if (hospital.kind !== 'hospital') throw new DomainError('VALIDATION', 'NOT_A_HOSPITAL');
  const aliasNorm = normaliseInstitutionName(item.rawName);
  const aliasTaken = ctx.db
    .select({ orgId: organisationAliases.orgId })
    .from(organisationAliases)
    .where(eq(organisationAliases.aliasNorm, aliasNorm))
    .get();
  const hospitalCity = cityKey(hospital.city);
  const sameNameItems = ctx.db
    .select()
    .from(registryReviewQueue)
    .where(and(eq(registryReviewQueue.nameNorm, item.nameNorm), eq(registryReviewQueue.status, 'open')))
    .all()
    .filter((q) => q.id !== item.id && (q.cityKey === '' || hospitalCity === '' || q.cityKey === hospitalCity));

  return inTransaction(ctx.db, (tx) => {
    closeItem(tx, ctx, item, { status: 'resolved', hospitalId: hospital.id });
    tx.insert(registryNameDecisions)
      .values({
        nameNorm: item.nameNorm,
        cityKey: item.cityKey,
        decision: 'hospital',
        hospitalId: hospital.id,
        queueId: item.id,
        decidedBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .onConflictDoUpdate({
        target: [registryNameDecisions.nameNorm, registryNameDecisions.cityKey],
        set: {
          decision: 'hospital',
          hospitalId: hospital.id,
          reason: null,
          queueId: item.id,
          decidedBy: ctx.actor.userId,
        },
      })
      .run();
    const learnt = !aliasTaken && aliasNorm !== '';
    if (learnt) {
      tx.insert(organisationAliases)
        .values({
          orgId: hospital.id,
          alias: item.rawName,
          aliasNorm,
          lang: /\p{Script=Han}/u.test(item.rawName) ? 'zh' : 'en',
          source: `registry review #${item.id}`,
          kind: 'learnt',
        })
        .run();
      rebuildHospitalSearchDocument(tx, hospital.id);
    }
    for (const other of sameNameItems)
      closeItem(tx, ctx, other, { status: 'resolved', hospitalId: hospital.id, reason: `#${item.id}` });
    const queueIds = [item.id, ...sameNameItems.map((q) => q.id)];
    const linked = tx
      .update(registrySites)
      .set({ hospitalId: hospital.id, resolution: 'resolved', resolutionMethod: 'review', resolutionScore: 1 })
      .where(and(inArray(registrySites.queueId, queueIds), eq(registrySites.resolution, 'queued')))
      .run().changes;
    writeAuditEvent(tx, ctx, {
      action: 'registry.resolve',
      entityType: 'registry_queue_item',
      entityId: String(item.id),
      orgId: hospital.id,
      before: { status: 'open', rawName: item.rawName, city: item.city },
      after: {
        status: 'resolved',
        hospitalId: hospital.id,
        aliasLearnt: learnt,
        alsoResolved: queueIds.slice(1),
        locationsLinked: linked,
      },
    });
    return {
      queueId: item.id,
      hospitalId: hospital.id,
      aliasLearnt: learnt,
      locationsLinked: linked,
      itemsResolved: queueIds.length,
    };
  });
}

/**
 * `registry.reject`: not a (platform) hospital — a masked site, a person's name, an institution outside the
 * platform. Remembered for this name in every city: its locations leave the queue and it is never queued again.
 */
export function rejectRegistryName({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof registryRejectInput> }) {
  if (!POLICIES.manageRegistry.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = registryRejectInput.parse(raw);
  const item = loadOpenItem(ctx, input.queueId);
  const sameNameItems = ctx.db
    .select()
    .from(registryReviewQueue)
    .where(and(eq(registryReviewQueue.nameNorm, item.nameNorm), eq(registryReviewQueue.status, 'open')))
    .all()
    .filter((q) => q.id !== item.id);
  return inTransaction(ctx.db, (tx) => {
    closeItem(tx, ctx, item, { status: 'rejected', reason: input.reason });
    for (const other of sameNameItems) closeItem(tx, ctx, other, { status: 'rejected', reason: input.reason });
    tx.insert(registryNameDecisions)
      .values({
        nameNorm: item.nameNorm,
        cityKey: '*',
        decision: 'rejected',
        reason: input.reason,
        queueId: item.id,
        decidedBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .onConflictDoUpdate({
        target: [registryNameDecisions.nameNorm, registryNameDecisions.cityKey],
        set: {
          decision: 'rejected',
          hospitalId: null,
          reason: input.reason,
          queueId: item.id,
          decidedBy: ctx.actor.userId,
        },
      })
      .run();
    const queueIds = [item.id, ...sameNameItems.map((q) => q.id)];
    const locations = tx
      .update(registrySites)
      .set({ resolution: 'rejected' })
      .where(and(inArray(registrySites.queueId, queueIds), eq(registrySites.resolution, 'queued')))
      .run().changes;
    writeAuditEvent(tx, ctx, {
      action: 'registry.reject',
      entityType: 'registry_queue_item',
      entityId: String(item.id),
      before: { status: 'open', rawName: item.rawName, city: item.city },
      after: { status: 'rejected', reason: input.reason, alsoRejected: queueIds.slice(1), locations },
    });
    return { queueId: item.id, itemsRejected: queueIds.length, locations };
  });
}
