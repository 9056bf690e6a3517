import {
  type ChecklistItem,
  type CommitteeProcedures,
  committeeIdInput,
  DEFAULT_COMMITTEE_PROCEDURES,
  EC_ROLES,
  endMemberTermInput,
  normaliseChecklistItem,
  type SubmissionType,
  updateCommitteeProceduresInput,
} from '@ctp/contracts';
import { committeeMembers, committeeSettings, memberships, users } from '@ctp/db';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, notFound } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { effectiveSop, loadCommittee, type Reader } from './committee-access.ts';
import { assertCommitteeRole } from './committee-policy.ts';

type StoredChecklists = Partial<Record<SubmissionType, (string | Partial<ChecklistItem>)[]>>;

/** Stored or submitted checklists with every item as `{label, kind, required}` (legacy rows hold bare strings). */
function normaliseChecklists(stored: StoredChecklists): CommitteeProcedures['checklists'] {
  return Object.fromEntries(
    Object.entries(stored).map(([type, items]) => [type, (items ?? []).map(normaliseChecklistItem)]),
  );
}

/** The committee's expedited rules and screening checklists: its saved ones, else the platform defaults. */
export function committeeProcedures(db: Reader, committeeId: string): CommitteeProcedures & { isDefault: boolean } {
  const row = db
    .select({ expedited: committeeSettings.expeditedRulesJson, checklists: committeeSettings.checklistsJson })
    .from(committeeSettings)
    .where(eq(committeeSettings.committeeId, committeeId))
    .get();
  const expedited = row ? (JSON.parse(row.expedited) as Partial<CommitteeProcedures['expedited']>) : {};
  const checklists = row ? normaliseChecklists(JSON.parse(row.checklists) as StoredChecklists) : {};
  const isDefault = !row || Object.keys(expedited).length === 0;
  return {
    expedited: { ...DEFAULT_COMMITTEE_PROCEDURES.expedited, ...expedited },
    checklists: { ...DEFAULT_COMMITTEE_PROCEDURES.checklists, ...checklists },
    isDefault,
  };
}

/**
 * `committees.procedures`: expedited rules, checklists, and the platform users with an EC role here who can be
 * added to the roster — for the committee's own EC roles.
 */
export function getCommitteeProcedures({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof committeeIdInput> }) {
  const input = committeeIdInput.parse(raw);
  assertCommitteeRole(ctx.actor, input.committeeId, ['ec_secretary', 'ec_chair', 'ec_member']);
  loadCommittee(ctx.db, input.committeeId);
  const ecUsers = ctx.db
    .selectDistinct({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.committeeId, input.committeeId),
        inArray(memberships.role, [...EC_ROLES]),
        isNull(memberships.revokedAt),
      ),
    )
    .orderBy(asc(users.name))
    .all();
  return { ...committeeProcedures(ctx.db, input.committeeId), ecUsers };
}

/** `committees.updateProcedures`: the secretary or chair sets the expedited rules and per-type checklists. */
export function updateCommitteeProcedures({
  ctx,
  input: raw,
}: {
  ctx: ActorCtx;
  input: z.input<typeof updateCommitteeProceduresInput>;
}) {
  const input = updateCommitteeProceduresInput.parse(raw);
  assertCommitteeRole(ctx.actor, input.committeeId, ['ec_secretary', 'ec_chair']);
  loadCommittee(ctx.db, input.committeeId);
  const now = ctx.now();
  const checklists = normaliseChecklists(input.checklists);
  return inTransaction(ctx.db, (tx) => {
    const { isDefault, ...before } = committeeProcedures(tx, input.committeeId);
    const values = {
      expeditedRulesJson: JSON.stringify(input.expedited),
      checklistsJson: JSON.stringify(checklists),
      updatedBy: ctx.actor.userId,
      updatedAt: now,
    };
    const exists = tx
      .select({ id: committeeSettings.committeeId })
      .from(committeeSettings)
      .where(eq(committeeSettings.committeeId, input.committeeId))
      .get();
    if (exists)
      tx.update(committeeSettings).set(values).where(eq(committeeSettings.committeeId, input.committeeId)).run();
    else {
      // First saved settings: the quorum part keeps its effective (default) values.
      const { isDefault: _d, ...sop } = effectiveSop(tx, input.committeeId);
      tx.insert(committeeSettings)
        .values({ committeeId: input.committeeId, ...sop, ...values, createdAt: now })
        .run();
    }
    writeAuditEvent(tx, ctx, {
      action: 'committee.update_procedures',
      entityType: 'committee',
      entityId: input.committeeId,
      before: { ...before, isDefault },
      after: { expedited: input.expedited, checklists },
    });
    return { expedited: input.expedited, checklists };
  });
}

/**
 * `committees.endTerm`: the secretary or chair ends a member's term on a date (the row is kept: minutes and votes
 * name it). A term cannot end before it started.
 */
export function endMemberTerm({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof endMemberTermInput> }) {
  const input = endMemberTermInput.parse(raw);
  assertCommitteeRole(ctx.actor, input.committeeId, ['ec_secretary', 'ec_chair']);
  const member = ctx.db
    .select()
    .from(committeeMembers)
    .where(and(eq(committeeMembers.id, input.memberId), eq(committeeMembers.committeeId, input.committeeId)))
    .get();
  if (!member) throw notFound();
  if (input.termEnd < member.termStart)
    throw new DomainError('VALIDATION', 'VALIDATION_FAILED', {
      fieldErrors: [{ path: 'termEnd', message: 'VALIDATION_FAILED' }],
    });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const updated = tx
      .update(committeeMembers)
      .set({ termEnd: input.termEnd, updatedAt: now, version: member.version + 1 })
      .where(and(eq(committeeMembers.id, member.id), eq(committeeMembers.version, member.version)))
      .returning()
      .get();
    if (!updated) throw new DomainError('CONFLICT', 'STALE_VERSION');
    writeAuditEvent(tx, ctx, {
      action: 'committee.end_member_term',
      entityType: 'committee',
      entityId: input.committeeId,
      before: { memberId: member.id, termEnd: member.termEnd },
      after: { memberId: member.id, termEnd: input.termEnd },
    });
    return { id: member.id, termEnd: input.termEnd };
  });
}
