import {
  type AgreementExclusions,
  type AgreementScope,
  agreementIdInput,
  type CoverageAgreement,
  canActForCommittee,
  createAgreementInput,
  isEcRole,
  joinAgreementInput,
  leaveAgreementInput,
  POLICIES,
  updateAgreementInput,
} from '@ctp/contracts';
import {
  ethicsCommittees,
  organisations,
  recognitionAgreementMembers,
  recognitionAgreements,
  recognitionAgreementVersions,
  type Tx,
  users,
} from '@ctp/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { notifyOrg } from '../notifications/notify.ts';
import { inTransaction, type Reader } from '../transaction.ts';

type AgreementRow = typeof recognitionAgreements.$inferSelect;

function snapshotOf(tx: Reader, a: AgreementRow) {
  const members = tx
    .select({ committeeId: recognitionAgreementMembers.committeeId, state: recognitionAgreementMembers.state })
    .from(recognitionAgreementMembers)
    .where(eq(recognitionAgreementMembers.agreementId, a.id))
    .orderBy(asc(recognitionAgreementMembers.committeeId))
    .all();
  return {
    nameZh: a.nameZh,
    nameEn: a.nameEn,
    status: a.status,
    scope: JSON.parse(a.scopeJson) as AgreementScope,
    exclusions: JSON.parse(a.exclusionsJson) as AgreementExclusions,
    timelines: {
      leadDecisionDays: a.leadDecisionDays,
      leadLetterDays: a.leadLetterDays,
      participatingDays: a.participatingDays,
    },
    members,
  };
}

/** Writes the version row (history) and the audit row for the agreement as it now stands. */
function recordVersion(
  tx: Tx,
  ctx: Ctx,
  a: AgreementRow,
  action:
    | 'recognition.agreement_create'
    | 'recognition.agreement_update'
    | 'recognition.agreement_join'
    | 'recognition.agreement_leave',
  reason: string,
  before?: ReturnType<typeof snapshotOf>,
) {
  const snapshot = snapshotOf(tx, a);
  tx.insert(recognitionAgreementVersions)
    .values({
      agreementId: a.id,
      version: a.version,
      snapshotJson: JSON.stringify(snapshot),
      reason,
      changedBy: ctx.actor?.userId ?? null,
      changedAt: ctx.now(),
    })
    .run();
  writeAuditEvent(tx, ctx, {
    action,
    entityType: 'recognition_agreement',
    entityId: a.id,
    before,
    after: { version: a.version, reason, ...snapshot },
  });
  return snapshot;
}

function assertCommitteesExist(db: Reader, ids: string[]) {
  if (ids.length === 0) return;
  const found = db
    .select({ id: ethicsCommittees.id })
    .from(ethicsCommittees)
    .where(inArray(ethicsCommittees.id, ids))
    .all();
  if (found.length !== new Set(ids).size)
    throw new DomainError('VALIDATION', 'UNKNOWN_COMMITTEE', {
      fieldErrors: [{ path: 'committeeIds', message: 'UNKNOWN_COMMITTEE' }],
    });
}

function inviteAll(tx: Tx, ctx: Ctx, agreementId: string, committeeIds: string[], now: number, name: string) {
  for (const committeeId of new Set(committeeIds)) {
    const inserted = tx
      .insert(recognitionAgreementMembers)
      .values({ agreementId, committeeId, state: 'invited', invitedAt: now })
      .onConflictDoNothing()
      .run().changes;
    if (!inserted) continue;
    const c = tx.select().from(ethicsCommittees).where(eq(ethicsCommittees.id, committeeId)).get()!;
    notifyOrg(
      tx,
      { orgId: c.hospitalOrgId, roles: ['ec_secretary'], exceptUserId: ctx.actor?.userId },
      {
        kind: 'recognition_invited',
        params: { agreement: name },
        link: `/recognition/agreements`,
        now,
      },
    );
  }
}

/**
 * Public contract `recognition.agreements.create`: the admin or the commission sets up an agreement (互认协议) —
 * scope, exclusions (defaults: high risk, Phase I/BE, the EC's own lead trials), timelines (15 + 5, 7) — and invites
 * committees; each joins when its secretary confirms. Version 1 goes into the history.
 */
export function createAgreement({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof createAgreementInput> }) {
  if (!POLICIES.manageAgreements.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = createAgreementInput.parse(raw);
  assertCommitteesExist(ctx.db, input.committeeIds);
  const now = ctx.now();
  const row: AgreementRow = {
    id: newId(),
    nameZh: input.nameZh,
    nameEn: input.nameEn || null,
    status: 'active',
    scopeJson: JSON.stringify(input.scope),
    exclusionsJson: JSON.stringify(input.exclusions),
    leadDecisionDays: input.timelines.leadDecisionDays,
    leadLetterDays: input.timelines.leadLetterDays,
    participatingDays: input.timelines.participatingDays,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  inTransaction(ctx.db, (tx) => {
    tx.insert(recognitionAgreements).values(row).run();
    inviteAll(tx, ctx, row.id, input.committeeIds, now, row.nameZh);
    recordVersion(tx, ctx, row, 'recognition.agreement_create', 'created');
  });
  return { id: row.id, version: row.version };
}

/**
 * `recognition.agreements.update`: a new version of scope, exclusions, timelines, name or status, or further
 * invitations — with a reason, kept in the history and audited. Requests already opened keep their own clock.
 */
export function updateAgreement({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof updateAgreementInput> }) {
  if (!POLICIES.manageAgreements.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = updateAgreementInput.parse(raw);
  const current = ctx.db.select().from(recognitionAgreements).where(eq(recognitionAgreements.id, input.id)).get();
  if (!current) throw notFound();
  if (input.version !== undefined && input.version !== current.version)
    throw new DomainError('CONFLICT', 'STALE_VERSION');
  if (current.status === 'ended') throw new DomainError('PRECONDITION_FAILED', 'AGREEMENT_ENDED');
  assertCommitteesExist(ctx.db, input.inviteCommitteeIds ?? []);
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const before = snapshotOf(tx, current);
    const patch = {
      ...(input.nameZh ? { nameZh: input.nameZh } : {}),
      ...(input.nameEn !== undefined ? { nameEn: input.nameEn || null } : {}),
      ...(input.scope ? { scopeJson: JSON.stringify(input.scope) } : {}),
      ...(input.exclusions ? { exclusionsJson: JSON.stringify(input.exclusions) } : {}),
      ...(input.timelines
        ? {
            leadDecisionDays: input.timelines.leadDecisionDays,
            leadLetterDays: input.timelines.leadLetterDays,
            participatingDays: input.timelines.participatingDays,
          }
        : {}),
      ...(input.status ? { status: input.status } : {}),
    };
    const updated = tx
      .update(recognitionAgreements)
      .set({ ...patch, updatedAt: now, version: current.version + 1 })
      .where(and(eq(recognitionAgreements.id, current.id), eq(recognitionAgreements.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new DomainError('CONFLICT', 'STALE_VERSION');
    inviteAll(tx, ctx, current.id, input.inviteCommitteeIds ?? [], now, updated.nameZh);
    recordVersion(tx, ctx, updated, 'recognition.agreement_update', input.reason, before);
    return { id: updated.id, version: updated.version };
  });
}

/**
 * Public contract `recognition.agreements.join` {id}: the EC's secretary confirms its committee's membership of an
 * agreement it was invited to (or rejoins one it left). A new version of the agreement (membership is part of it).
 */
export function joinAgreement({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof joinAgreementInput> }) {
  const input = joinAgreementInput.parse(raw);
  return changeOwnMembership(ctx, input.id, 'joined', (committeeId) => `joined: ${committeeId}`);
}

/**
 * `recognition.agreements.leave` {id, reason}: the EC's secretary takes its committee out of an agreement. Requests
 * already opened run to their end; from now on the committee's sites get none ("not in an agreement"). A new version
 * with the reason, like every change.
 */
export function leaveAgreement({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof leaveAgreementInput> }) {
  const input = leaveAgreementInput.parse(raw);
  return changeOwnMembership(ctx, input.id, 'left', (committeeId) => `left: ${committeeId} — ${input.reason}`);
}

function changeOwnMembership(ctx: ActorCtx, agreementId: string, to: 'joined' | 'left', note: (c: string) => string) {
  if (!POLICIES.joinAgreements.allows(ctx.actor) || !ctx.actor?.committeeId) throw forbidden('ROLE_REQUIRED');
  const committeeId = ctx.actor.committeeId;
  const current = ctx.db.select().from(recognitionAgreements).where(eq(recognitionAgreements.id, agreementId)).get();
  if (!current) throw notFound();
  if (current.status === 'ended') throw new DomainError('PRECONDITION_FAILED', 'AGREEMENT_ENDED');
  const member = ctx.db
    .select()
    .from(recognitionAgreementMembers)
    .where(
      and(
        eq(recognitionAgreementMembers.agreementId, current.id),
        eq(recognitionAgreementMembers.committeeId, committeeId),
      ),
    )
    .get();
  if (!member) throw new DomainError('PRECONDITION_FAILED', 'NOT_INVITED');
  if (to === 'joined' && member.state === 'joined') throw new DomainError('PRECONDITION_FAILED', 'ALREADY_JOINED');
  if (to === 'left' && member.state !== 'joined') throw new DomainError('PRECONDITION_FAILED', 'NOT_JOINED');
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const before = snapshotOf(tx, current);
    const changed = tx
      .update(recognitionAgreementMembers)
      .set(to === 'joined' ? { state: 'joined', joinedAt: now, joinedBy: ctx.actor.userId } : { state: 'left' })
      .where(
        and(
          eq(recognitionAgreementMembers.agreementId, current.id),
          eq(recognitionAgreementMembers.committeeId, committeeId),
          eq(recognitionAgreementMembers.state, member.state),
        ),
      )
      .run().changes;
    if (!changed) throw new DomainError('CONFLICT', 'STALE_VERSION');
    const updated = tx
      .update(recognitionAgreements)
      .set({ updatedAt: now, version: current.version + 1 })
      .where(and(eq(recognitionAgreements.id, current.id), eq(recognitionAgreements.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new DomainError('CONFLICT', 'STALE_VERSION');
    const action = to === 'joined' ? 'recognition.agreement_join' : 'recognition.agreement_leave';
    recordVersion(tx, ctx, updated, action, note(committeeId), before);
    return { id: updated.id, version: updated.version };
  });
}

function membersOf(db: Reader, agreementIds: string[]) {
  if (agreementIds.length === 0) return [];
  return db
    .select({
      agreementId: recognitionAgreementMembers.agreementId,
      committeeId: recognitionAgreementMembers.committeeId,
      state: recognitionAgreementMembers.state,
      joinedAt: recognitionAgreementMembers.joinedAt,
      committeeName: ethicsCommittees.nameZh,
      committeeNameEn: ethicsCommittees.nameEn,
      hospitalOrgId: ethicsCommittees.hospitalOrgId,
      hospitalName: organisations.nameZh,
      hospitalNameEn: organisations.nameEn,
    })
    .from(recognitionAgreementMembers)
    .innerJoin(ethicsCommittees, eq(ethicsCommittees.id, recognitionAgreementMembers.committeeId))
    .innerJoin(organisations, eq(organisations.id, ethicsCommittees.hospitalOrgId))
    .where(inArray(recognitionAgreementMembers.agreementId, agreementIds))
    .orderBy(asc(organisations.nameZh))
    .all();
}

function viewOf(a: AgreementRow, members: ReturnType<typeof membersOf>, actor: Ctx['actor']) {
  const own = actor && isEcRole(actor.role) ? members.find((m) => canActForCommittee(actor, m.committeeId)) : undefined;
  return {
    id: a.id,
    nameZh: a.nameZh,
    nameEn: a.nameEn,
    status: a.status,
    scope: JSON.parse(a.scopeJson) as AgreementScope,
    exclusions: JSON.parse(a.exclusionsJson) as AgreementExclusions,
    timelines: {
      leadDecisionDays: a.leadDecisionDays,
      leadLetterDays: a.leadLetterDays,
      participatingDays: a.participatingDays,
    },
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    members: members.filter((m) => m.agreementId === a.id).map(({ agreementId: _, ...m }) => m),
    /** The actor's own committee's standing in it (for the join button). */
    ownState: own?.state ?? null,
    canJoin:
      POLICIES.joinAgreements.allows(actor) &&
      (own?.state === 'invited' || own?.state === 'left') &&
      a.status === 'active',
    canLeave: POLICIES.joinAgreements.allows(actor) && own?.state === 'joined' && a.status === 'active',
    canEdit: POLICIES.manageAgreements.allows(actor) && a.status === 'active',
  };
}

/** `recognition.agreements.list`: every agreement with its members (membership is public, search shows it). */
export function listAgreements({ ctx }: { ctx: Ctx }) {
  if (!ctx.actor) throw forbidden();
  const rows = ctx.db.select().from(recognitionAgreements).orderBy(asc(recognitionAgreements.createdAt)).all();
  const members = membersOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => viewOf(r, members, ctx.actor));
}

/** `recognition.agreements.get`: one agreement with its whole history of versions (who, when, why, what). */
export function getAgreement({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof agreementIdInput> }) {
  if (!ctx.actor) throw forbidden();
  const input = agreementIdInput.parse(raw);
  const row = ctx.db.select().from(recognitionAgreements).where(eq(recognitionAgreements.id, input.id)).get();
  if (!row) throw notFound();
  const history = ctx.db
    .select({
      version: recognitionAgreementVersions.version,
      reason: recognitionAgreementVersions.reason,
      snapshotJson: recognitionAgreementVersions.snapshotJson,
      changedAt: recognitionAgreementVersions.changedAt,
      changedByName: users.name,
    })
    .from(recognitionAgreementVersions)
    .leftJoin(users, eq(users.id, recognitionAgreementVersions.changedBy))
    .where(eq(recognitionAgreementVersions.agreementId, row.id))
    .orderBy(asc(recognitionAgreementVersions.version))
    .all()
    .map(({ snapshotJson, ...h }) => ({ ...h, snapshot: JSON.parse(snapshotJson) as ReturnType<typeof snapshotOf> }));
  return { ...viewOf(row, membersOf(ctx.db, [row.id]), ctx.actor), history };
}

/** The agreements as the pure coverage rule needs them: joined committees only. */
export function loadCoverageAgreements(db: Reader): (CoverageAgreement & { participatingDays: number })[] {
  const rows = db.select().from(recognitionAgreements).all();
  const members = membersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((a) => ({
    id: a.id,
    status: a.status,
    scope: JSON.parse(a.scopeJson) as AgreementScope,
    exclusions: JSON.parse(a.exclusionsJson) as AgreementExclusions,
    committeeIds: members.filter((m) => m.agreementId === a.id && m.state === 'joined').map((m) => m.committeeId),
    participatingDays: a.participatingDays,
  }));
}

/** All committees (for the agreement form's picker). */
export function listCommitteesForAgreements({ ctx }: { ctx: Ctx }) {
  if (!ctx.actor) throw forbidden();
  return ctx.db
    .select({
      id: ethicsCommittees.id,
      nameZh: ethicsCommittees.nameZh,
      nameEn: ethicsCommittees.nameEn,
      hospitalOrgId: ethicsCommittees.hospitalOrgId,
      hospitalName: organisations.nameZh,
      hospitalNameEn: organisations.nameEn,
    })
    .from(ethicsCommittees)
    .innerJoin(organisations, eq(organisations.id, ethicsCommittees.hospitalOrgId))
    .orderBy(asc(organisations.nameZh))
    .all();
}
