import {
  addCommitteeMemberInput,
  committeeIdInput,
  DEFAULT_COMMITTEE_SOP,
  EC_ROLES,
  updateCommitteeMemberInput,
  updateCommitteeSettingsInput,
} from '@ctp/contracts';
import { committeeMembers, committeeSettings, memberships, users } from '@ctp/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate } from '../clock/dates.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { effectiveSop, loadCommittee, servingMembers } from './committee-access.ts';
import { assertCommitteeRole } from './committee-policy.ts';
import { requiredAttendance } from './quorum.ts';

/**
 * Public contract `committees.addMember`: the committee's secretary or chair adds a member — a platform user who
 * holds an EC role at this committee, or an external member (lay person, lawyer) by name only.
 */
export function addCommitteeMember({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof addCommitteeMemberInput> }) {
  const input = addCommitteeMemberInput.parse(raw);
  assertCommitteeRole(ctx.actor, input.committeeId, ['ec_secretary', 'ec_chair']);
  loadCommittee(ctx.db, input.committeeId);
  let name = input.name;
  if (input.userId) {
    const user = ctx.db
      .select({ name: users.name })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(
        and(
          eq(users.id, input.userId),
          eq(memberships.committeeId, input.committeeId),
          inArray(memberships.role, [...EC_ROLES]),
          isNull(memberships.revokedAt),
        ),
      )
      .get();
    if (!user)
      throw new DomainError('PRECONDITION_FAILED', 'USER_NOT_IN_COMMITTEE', {
        fieldErrors: [{ path: 'userId', message: 'USER_NOT_IN_COMMITTEE' }],
      });
    name ??= user.name;
    const today = shanghaiDate(ctx.now());
    if (servingMembers(ctx.db, input.committeeId, today).some((m) => m.userId === input.userId))
      throw new DomainError('CONFLICT', 'MEMBER_EXISTS');
  }
  const now = ctx.now();
  const row = {
    id: newId(),
    committeeId: input.committeeId,
    userId: input.userId ?? null,
    name: name!,
    role: input.role,
    expertise: input.expertise,
    isAffiliated: input.isAffiliated,
    gender: input.gender ?? null,
    termStart: input.termStart,
    termEnd: input.termEnd ?? null,
    createdAt: now,
    updatedAt: now,
  };
  return inTransaction(ctx.db, (tx) => {
    tx.insert(committeeMembers).values(row).run();
    writeAuditEvent(tx, ctx, {
      action: 'committee.add_member',
      entityType: 'committee',
      entityId: input.committeeId,
      after: { memberId: row.id, ...row },
    });
    return { id: row.id, name: row.name };
  });
}

/**
 * Public contract `committees.updateSettings`: the committee's SOP — quorum rule, review limit, default follow-up
 * interval. Fields not given keep their current (or default) value.
 */
export function updateCommitteeSettings({
  ctx,
  input: raw,
}: {
  ctx: ActorCtx;
  input: z.input<typeof updateCommitteeSettingsInput>;
}) {
  const input = updateCommitteeSettingsInput.parse(raw);
  assertCommitteeRole(ctx.actor, input.committeeId, ['ec_secretary', 'ec_chair']);
  loadCommittee(ctx.db, input.committeeId);
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const { isDefault, ...before } = effectiveSop(tx, input.committeeId);
    const { committeeId, ...changes } = input;
    const after = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    if (isDefault) {
      tx.insert(committeeSettings)
        .values({ committeeId, ...after, updatedBy: ctx.actor.userId, createdAt: now, updatedAt: now })
        .run();
    } else {
      tx.update(committeeSettings)
        .set({ ...after, updatedBy: ctx.actor.userId, updatedAt: now })
        .where(eq(committeeSettings.committeeId, committeeId))
        .run();
    }
    writeAuditEvent(tx, ctx, {
      action: 'committee.update_sop',
      entityType: 'committee',
      entityId: committeeId,
      before: isDefault ? { ...DEFAULT_COMMITTEE_SOP, isDefault: true } : before,
      after,
    });
    return after;
  });
}

/** Public contract `committees.get`: the committee's roster and SOP — for its own EC roles only. */
export function getCommittee({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof committeeIdInput> }) {
  const input = committeeIdInput.parse(raw);
  assertCommitteeRole(ctx.actor, input.committeeId, ['ec_secretary', 'ec_chair', 'ec_member']);
  const committee = loadCommittee(ctx.db, input.committeeId);
  const today = shanghaiDate(ctx.now());
  const serving = new Set(servingMembers(ctx.db, input.committeeId, today).map((m) => m.id));
  const members = ctx.db
    .select()
    .from(committeeMembers)
    .where(eq(committeeMembers.committeeId, input.committeeId))
    .all()
    .map((m) => ({ ...m, isServing: serving.has(m.id) }));
  const sop = effectiveSop(ctx.db, input.committeeId);
  return {
    id: committee.id,
    name: committee.nameZh,
    nameEn: committee.nameEn,
    sop,
    /** The attendance a meeting needs today with the serving members: what the meeting page will require. */
    quorumRequired: requiredAttendance(sop, serving.size),
    servingCount: serving.size,
    members,
  };
}

/**
 * `committees.updateMember`: the secretary or chair corrects a roster entry — role, expertise, affiliation, gender,
 * term dates (the name and platform account stay: votes and minutes name them). Optimistic: the version read must
 * still be the current one (STALE_VERSION otherwise).
 */
export function updateCommitteeMember({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof updateCommitteeMemberInput>;
}) {
  const input = updateCommitteeMemberInput.parse(raw);
  assertCommitteeRole(ctx.actor, input.committeeId, ['ec_secretary', 'ec_chair']);
  loadCommittee(ctx.db, input.committeeId);
  const member = ctx.db
    .select()
    .from(committeeMembers)
    .where(and(eq(committeeMembers.id, input.memberId), eq(committeeMembers.committeeId, input.committeeId)))
    .get();
  if (!member) throw notFound();
  // The committee's secretary seat is not a voting roster entry: it is not edited here.
  if (member.role === 'secretary') throw new DomainError('PRECONDITION_FAILED', 'MEMBER_NOT_FOUND');
  const changes = {
    role: input.role,
    expertise: input.expertise,
    isAffiliated: input.isAffiliated,
    gender: input.gender,
    termStart: input.termStart,
    termEnd: input.termEnd,
  };
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const updated = tx
      .update(committeeMembers)
      .set({ ...changes, updatedAt: now, version: input.version + 1 })
      .where(and(eq(committeeMembers.id, member.id), eq(committeeMembers.version, input.version)))
      .returning()
      .get();
    if (!updated) throw new DomainError('CONFLICT', 'STALE_VERSION');
    writeAuditEvent(tx, ctx, {
      action: 'committee.update_member',
      entityType: 'committee',
      entityId: input.committeeId,
      before: {
        memberId: member.id,
        role: member.role,
        expertise: member.expertise,
        isAffiliated: member.isAffiliated,
        gender: member.gender,
        termStart: member.termStart,
        termEnd: member.termEnd,
        version: member.version,
      },
      after: { memberId: member.id, ...changes, version: updated.version },
    });
    return { id: updated.id, name: updated.name, version: updated.version };
  });
}
