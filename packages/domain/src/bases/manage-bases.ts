import {
  BASE_TRANSITIONS,
  type BaseSide,
  type BaseStatus,
  type BaseStep,
  type BasesCreateInput,
  type BasesSetStatusInput,
  type BasesUpdateInput,
  baseSideOf,
  checkTransition,
  isBaseMember,
  keepsWholeBase,
  mayLinkTrial,
  POLICIES,
  stepLeadingTo,
  term,
} from '@ctp/contracts';
import { baseMembers, bases, baseTrials, baseVersions, organisations, type Tx, trialSites, trials } from '@ctp/db';
import { and, eq, inArray } from 'drizzle-orm';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { type LoadedBase, loadBase, snapshotOf } from './load-base.ts';

const MEMBER_KINDS = ['hospital', 'sponsor', 'cro', 'university'];

function checkMembers(tx: Tx, leadOrgId: string, memberOrgIds: string[]): string[] {
  const unique = [...new Set(memberOrgIds)];
  if (!unique.includes(leadOrgId)) {
    throw new DomainError('VALIDATION', 'BASE_LEAD_NOT_MEMBER', {
      fieldErrors: [{ path: 'leadOrgId', message: 'BASE_LEAD_NOT_MEMBER' }],
    });
  }
  const found = tx.select().from(organisations).where(inArray(organisations.id, unique)).all();
  if (found.length !== unique.length) {
    throw new DomainError('NOT_FOUND', 'ORG_NOT_FOUND', {
      fieldErrors: [{ path: 'memberOrgIds', message: 'ORG_NOT_FOUND' }],
    });
  }
  if (found.some((o) => !MEMBER_KINDS.includes(o.kind))) {
    throw new DomainError('VALIDATION', 'BASE_MEMBER_KIND', {
      fieldErrors: [{ path: 'memberOrgIds', message: 'BASE_MEMBER_KIND' }],
    });
  }
  return unique;
}

function writeVersion(tx: Tx, ctx: Ctx, baseId: string, version: number, reason: string | null) {
  tx.insert(baseVersions)
    .values({
      baseId,
      version,
      snapshotJson: JSON.stringify(snapshotOf(tx, baseId)),
      changedBy: ctx.actor?.userId ?? null,
      changedAt: ctx.now(),
      reason,
    })
    .run();
}

/** The commission registers a base (status 申报 / applied until reviewed). */
export function createBase({ ctx, input }: { ctx: Ctx; input: BasesCreateInput & { isDemo?: boolean } }): {
  id: string;
} {
  if (!ctx.isSystem && !POLICIES.registerBases.allows(ctx.actor)) throw forbidden();
  const id = newId();
  const now = ctx.now();
  inTransaction(ctx.db, (tx) => {
    const members = checkMembers(tx, input.leadOrgId, input.memberOrgIds);
    tx.insert(bases)
      .values({
        id,
        nameZh: input.nameZh,
        nameEn: input.nameEn ?? null,
        leadOrgId: input.leadOrgId,
        focusJson: JSON.stringify([...new Set(input.focusAreas)]),
        foundedOn: input.foundedOn,
        status: 'applied',
        contactName: input.contactName,
        contactPhone: input.contactPhone ?? null,
        contactEmail: input.contactEmail ?? null,
        summary: input.summary ?? null,
        isDemo: input.isDemo ?? false,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    for (const orgId of members) tx.insert(baseMembers).values({ baseId: id, orgId, joinedAt: now }).run();
    writeVersion(tx, ctx, id, 1, null);
    writeAuditEvent(tx, ctx, { action: 'base.create', entityType: 'base', entityId: id, after: snapshotOf(tx, id) });
  });
  return { id };
}

const WHOLE_FIELDS = [
  'nameZh',
  'nameEn',
  'leadOrgId',
  'memberOrgIds',
  'focusAreas',
  'foundedOn',
  'contactName',
  'contactPhone',
  'contactEmail',
  'summary',
] as const;

function assertVersion(base: LoadedBase, version: number) {
  if (base.version !== version) throw new DomainError('CONFLICT', 'STALE_VERSION');
}

/**
 * The commission changes any field (members included); a member organisation changes only its own part (note and
 * contact). Every change is a new version and an audit row.
 */
export function updateBase({ ctx, input }: { ctx: ActorCtx; input: BasesUpdateInput }): { version: number } {
  if (!POLICIES.keepBases.allows(ctx.actor)) throw forbidden();
  const base = loadBase(ctx.db, input.id);
  const whole = keepsWholeBase(ctx.actor);
  const member = isBaseMember(ctx.actor, base.memberOrgIds);
  if (!whole && !member) throw new DomainError('FORBIDDEN', 'BASE_NOT_MEMBER');
  if (!whole && WHOLE_FIELDS.some((f) => input[f] !== undefined))
    throw new DomainError('FORBIDDEN', 'BASE_MEMBER_FIELDS_ONLY');
  assertVersion(base, input.version);
  const version = base.version + 1;
  inTransaction(ctx.db, (tx) => {
    const before = snapshotOf(tx, base.id);
    if (whole) {
      const leadOrgId = input.leadOrgId ?? base.leadOrgId;
      const members = input.memberOrgIds
        ? checkMembers(tx, leadOrgId, input.memberOrgIds)
        : checkMembers(tx, leadOrgId, base.memberOrgIds);
      tx.update(bases)
        .set({
          ...(input.nameZh !== undefined && { nameZh: input.nameZh }),
          ...(input.nameEn !== undefined && { nameEn: input.nameEn || null }),
          leadOrgId,
          ...(input.focusAreas !== undefined && { focusJson: JSON.stringify([...new Set(input.focusAreas)]) }),
          ...(input.foundedOn !== undefined && { foundedOn: input.foundedOn }),
          ...(input.contactName !== undefined && { contactName: input.contactName }),
          ...(input.contactPhone !== undefined && { contactPhone: input.contactPhone || null }),
          ...(input.contactEmail !== undefined && { contactEmail: input.contactEmail || null }),
          ...(input.summary !== undefined && { summary: input.summary || null }),
        })
        .where(eq(bases.id, base.id))
        .run();
      const gone = base.memberOrgIds.filter((o) => !members.includes(o));
      if (gone.length)
        tx.delete(baseMembers)
          .where(and(eq(baseMembers.baseId, base.id), inArray(baseMembers.orgId, gone)))
          .run();
      for (const orgId of members.filter((o) => !base.memberOrgIds.includes(o)))
        tx.insert(baseMembers).values({ baseId: base.id, orgId, joinedAt: ctx.now() }).run();
    }
    if (input.memberNote !== undefined || input.memberContact !== undefined) {
      const orgId = whole ? null : ctx.actor.orgId;
      if (orgId) {
        tx.update(baseMembers)
          .set({
            ...(input.memberNote !== undefined && { note: input.memberNote || null }),
            ...(input.memberContact !== undefined && { contact: input.memberContact || null }),
          })
          .where(and(eq(baseMembers.baseId, base.id), eq(baseMembers.orgId, orgId)))
          .run();
      }
    }
    const bumped = tx
      .update(bases)
      .set({ version, updatedAt: ctx.now() })
      .where(and(eq(bases.id, base.id), eq(bases.version, base.version)))
      .run();
    if (bumped.changes !== 1) throw new DomainError('CONFLICT', 'STALE_VERSION');
    writeVersion(tx, ctx, base.id, version, null);
    writeAuditEvent(tx, ctx, {
      action: whole ? 'base.update' : 'base.update_member_part',
      entityType: 'base',
      entityId: base.id,
      before,
      after: snapshotOf(tx, base.id),
    });
  });
  return { version };
}

/**
 * The step of `BASE_TRANSITIONS` that takes the base from `state` to the status the caller means, checked for the
 * side by the kernel: the target is the table's. A status no step reaches from `state` is refused (nothing written).
 */
export function assertBaseStep(
  state: BaseStatus,
  input: { status: BaseStatus; step?: BaseStep | undefined },
  side: BaseSide | null,
): { step: BaseStep; to: BaseStatus } {
  const refused = () =>
    new DomainError('INVALID_TRANSITION', 'BASE_STATUS_STEP', {
      params: { from: term('baseStatuses', state), to: term('baseStatuses', input.status) },
    });
  const step = input.step ?? stepLeadingTo(BASE_TRANSITIONS, state, input.status);
  if (!step) throw refused();
  const check = checkTransition(BASE_TRANSITIONS, step, state, side);
  if (!check.ok) {
    if (check.reason === 'role') throw new DomainError('FORBIDDEN', 'ROLE_REQUIRED');
    throw refused();
  }
  if (check.to !== input.status) {
    throw new DomainError('VALIDATION', 'BASE_STEP_TARGET', {
      params: {
        step: term('baseSteps', step),
        target: term('baseStatuses', check.to),
        to: term('baseStatuses', input.status),
      },
      fieldErrors: [{ path: 'step', message: 'BASE_STEP_TARGET' }],
    });
  }
  return { step, to: check.to };
}

/** The commission's review: 申报 → 认定 → 运行, or 撤销, with a reason — one step of `BASE_TRANSITIONS`. */
export function setBaseStatus({ ctx, input }: { ctx: Ctx; input: BasesSetStatusInput }): { version: number } {
  if (!ctx.isSystem && !POLICIES.registerBases.allows(ctx.actor)) throw forbidden();
  const base = loadBase(ctx.db, input.id);
  assertVersion(base, input.version);
  const { step, to } = assertBaseStep(base.status, input, ctx.isSystem ? 'commission' : baseSideOf(ctx.actor));
  const version = base.version + 1;
  inTransaction(ctx.db, (tx) => {
    const bumped = tx
      .update(bases)
      .set({ status: to, version, updatedAt: ctx.now() })
      .where(and(eq(bases.id, base.id), eq(bases.version, base.version), eq(bases.status, base.status)))
      .run();
    if (bumped.changes !== 1) throw new DomainError('CONFLICT', 'STALE_VERSION');
    writeVersion(tx, ctx, base.id, version, input.reason);
    writeAuditEvent(tx, ctx, {
      action: 'base.set_status',
      entityType: 'base',
      entityId: base.id,
      before: { status: base.status },
      after: { status: to, step, reason: input.reason },
    });
  });
  return { version };
}

/** Links (or unlinks) a trial run through the base. */
export function linkBaseTrial({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; trialId: string; linked?: boolean };
}): void {
  if (!ctx.isSystem && !POLICIES.keepBases.allows(ctx.actor)) throw forbidden();
  const base = loadBase(ctx.db, input.id);
  const trial = ctx.db.select().from(trials).where(eq(trials.id, input.trialId)).get();
  if (!trial) throw notFound();
  const siteHospitalIds = ctx.db
    .select({ h: trialSites.hospitalOrgId })
    .from(trialSites)
    .where(eq(trialSites.trialId, trial.id))
    .all()
    .map((s) => s.h);
  if (!ctx.isSystem && !mayLinkTrial(ctx.actor, base.memberOrgIds, { ...trial, siteHospitalIds })) {
    // A trial the caller may not see is "not found", not "forbidden" (its existence is confidential).
    if (keepsWholeBase(ctx.actor) || isBaseMember(ctx.actor, base.memberOrgIds))
      throw new DomainError('FORBIDDEN', 'BASE_TRIAL_NOT_OURS');
    throw new DomainError('FORBIDDEN', 'BASE_NOT_MEMBER');
  }
  const linked = input.linked ?? true;
  const existing = ctx.db
    .select()
    .from(baseTrials)
    .where(and(eq(baseTrials.baseId, base.id), eq(baseTrials.trialId, trial.id)))
    .get();
  if (!!existing === linked) return;
  inTransaction(ctx.db, (tx) => {
    if (linked)
      tx.insert(baseTrials)
        .values({ baseId: base.id, trialId: trial.id, linkedBy: ctx.actor?.userId ?? null, linkedAt: ctx.now() })
        .run();
    else
      tx.delete(baseTrials)
        .where(and(eq(baseTrials.baseId, base.id), eq(baseTrials.trialId, trial.id)))
        .run();
    writeAuditEvent(tx, ctx, {
      action: linked ? 'base.link_trial' : 'base.unlink_trial',
      entityType: 'base',
      entityId: base.id,
      after: { trialId: trial.id },
    });
  });
}
