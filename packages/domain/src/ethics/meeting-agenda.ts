import {
  type ActorRef,
  approveMinutesInput,
  checkSubmissionTransition,
  meetingIdInput,
  saveMinutesInput,
  term,
  updateAgendaInput,
  VOTE_CHOICES,
  type VoteChoice,
} from '@ctp/contracts';
import { meetingMinutes, type Tx } from '@ctp/db';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { effectiveSop, type Reader } from './committee-access.ts';
import { assertCommitteeRole } from './committee-policy.ts';
import { loadMeeting, type MeetingRow, sittingFor, votesOn } from './meeting-access.ts';
import { agendaOf } from './meeting-record.ts';
import { majorityOf } from './quorum.ts';
import { ownMemberIds } from './reviewer-access.ts';
import { loadSubmission } from './submission-access.ts';
import { submissionSideOf } from './submission-policy.ts';
import { applySubmissionStep } from './submission-steps.ts';

type MinutesRow = typeof meetingMinutes.$inferSelect;

function minutesOf(db: Reader, meetingId: string): MinutesRow | undefined {
  return db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId)).get();
}

function assertMinutesOpen(db: Reader, meetingId: string) {
  if (minutesOf(db, meetingId)?.status === 'approved') throw new DomainError('PRECONDITION_FAILED', 'MINUTES_LOCKED');
}

/**
 * `meetings.addToAgenda`: the secretary or chair puts a ready submission (accepted, or in convened review) on an
 * existing meeting's agenda — the `schedule` step, as at creation. Not once the minutes are approved.
 */
export function addToAgenda({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof updateAgendaInput> }) {
  const input = updateAgendaInput.parse(raw);
  const meeting = loadMeeting(ctx.db, input.meetingId);
  assertCommitteeRole(ctx.actor, meeting.committeeId, ['ec_secretary', 'ec_chair']);
  const loaded = loadSubmission(ctx.db, input.submissionId);
  const { sub } = loaded;
  if (sub.committeeId !== meeting.committeeId) throw forbidden('NOT_OWN_COMMITTEE');
  if (sub.submittedAt === null) throw notFound();
  if (input.version !== undefined && input.version !== sub.version) throw new DomainError('CONFLICT', 'STALE_VERSION');
  const side = submissionSideOf(ctx.actor, sub, loaded.trial, loaded.site, loaded.piUserId);
  if (!checkSubmissionTransition('schedule', sub.state, side).ok)
    throw new DomainError('PRECONDITION_FAILED', 'NOT_READY_FOR_AGENDA', {
      params: { state: term('submissionStates', sub.state) },
    });
  if (sub.state === 'in_review' && sub.reviewPath !== 'convened')
    throw new DomainError('PRECONDITION_FAILED', 'NOT_CONVENED_PATH');
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    assertMinutesOpen(tx, meeting.id);
    const updated = applySubmissionStep(tx, ctx, sub, 'schedule', {
      now,
      patch: { meetingId: meeting.id, reviewPath: 'convened' },
      detail: { meetingDate: meeting.meetingDate },
    });
    return { meetingId: meeting.id, submissionId: sub.id, version: updated.version };
  });
}

/**
 * `meetings.removeFromAgenda`: before a decision, the secretary or chair takes a submission off the agenda; it goes
 * back to convened review (`unschedule`). A decided item stays (AGENDA_ITEM_DECIDED).
 */
export function removeFromAgenda({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof updateAgendaInput> }) {
  const input = updateAgendaInput.parse(raw);
  const meeting = loadMeeting(ctx.db, input.meetingId);
  assertCommitteeRole(ctx.actor, meeting.committeeId, ['ec_secretary', 'ec_chair']);
  const loaded = loadSubmission(ctx.db, input.submissionId);
  const { sub } = loaded;
  if (sub.committeeId !== meeting.committeeId) throw forbidden('NOT_OWN_COMMITTEE');
  if (sub.meetingId !== meeting.id) throw new DomainError('PRECONDITION_FAILED', 'NOT_ON_AGENDA');
  if (sub.state === 'decided' || sub.state === 'letter_issued')
    throw new DomainError('PRECONDITION_FAILED', 'AGENDA_ITEM_DECIDED');
  if (input.version !== undefined && input.version !== sub.version) throw new DomainError('CONFLICT', 'STALE_VERSION');
  const side = submissionSideOf(ctx.actor, sub, loaded.trial, loaded.site, loaded.piUserId);
  if (!checkSubmissionTransition('unschedule', sub.state, side).ok)
    throw new DomainError('INVALID_TRANSITION', 'SUBMISSION_STEP_NOT_ALLOWED', {
      params: { state: term('submissionStates', sub.state) },
    });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    assertMinutesOpen(tx, meeting.id);
    const updated = applySubmissionStep(tx, ctx, sub, 'unschedule', {
      now,
      patch: { meetingId: null },
      detail: { meetingDate: meeting.meetingDate },
    });
    return { meetingId: meeting.id, submissionId: sub.id, version: updated.version };
  });
}

/**
 * What the minutes record besides the secretary's text: attendance, and per agenda item the quorum of its vote (as
 * frozen with each vote when it was cast), recusals, each vote with its quorum, the tally, the majority and the
 * decision. Built live for a draft and frozen into the minutes at approval.
 */
export function meetingRecord(db: Reader, meeting: MeetingRow) {
  const sop = effectiveSop(db, meeting.committeeId);
  const whole = sittingFor(db, sop, meeting, null);
  const present = new Set(whole.attendance.filter((a) => a.present).map((a) => a.memberId));
  const nameOf = new Map(whole.members.map((m) => [m.id, m.name]));
  return {
    attendance: whole.members.map((m) => ({
      memberId: m.id,
      name: m.name,
      role: m.role,
      expertise: m.expertise,
      isAffiliated: m.isAffiliated,
      present: present.has(m.id),
    })),
    quorum: whole.quorum,
    items: agendaOf(db, meeting.id).map((a) => {
      const sitting = sittingFor(db, sop, meeting, a.id);
      // Every vote was cast by a present, non-recused member with a quorum (checked then): it stays in the record when
      // the member later leaves; only a later recusal takes it out.
      const votes = votesOn(db, a.id, meeting.id).filter((v) => !sitting.recusals.includes(v.memberId));
      const frozen = votes.at(-1)?.quorum ?? null;
      const voters = frozen ? frozen.present : sitting.voterIds.length;
      const tally = Object.fromEntries(
        VOTE_CHOICES.map((c) => [c, votes.filter((v) => v.choice === c).length]),
      ) as Record<VoteChoice, number>;
      return {
        submissionId: a.id,
        acceptanceNo: a.acceptanceNo,
        title: a.title,
        type: a.type,
        trialTitle: a.trialTitle,
        state: a.state,
        outcome: a.outcome,
        conditions: a.conditions,
        // The quorum of the item's decision: as frozen with its last counted vote (each vote was refused without a
        // quorum at that moment); the live one only while nobody has voted. Never the quorum at approval time.
        quorum: frozen ?? sitting.quorum,
        quorumAt: frozen ? votes.at(-1)!.at : null,
        votes: votes.map((v) => ({
          memberId: v.memberId,
          name: v.memberName,
          choice: v.choice,
          at: v.at,
          quorum: v.quorum,
        })),
        recusals: sitting.recusals.map((id) => ({ memberId: id, name: nameOf.get(id) ?? id })),
        tally,
        voters,
        majority: majorityOf(
          votes.map((v) => v.choice),
          voters,
          'abstain',
        ),
      };
    }),
  };
}
export type MeetingRecord = ReturnType<typeof meetingRecord>;

/**
 * The minutes as one member reads them: for an item they were recused from (issue 12), no individual vote, tally or
 * majority — `isRecused` makes the web say 已回避; the decision itself stays (it is shared even with the applicant).
 */
function minutesView(db: Reader, viewer: ActorRef, meeting: MeetingRow, row: MinutesRow | undefined) {
  const record = row?.recordJson ? (JSON.parse(row.recordJson) as MeetingRecord) : meetingRecord(db, meeting);
  const mine = new Set(ownMemberIds(db, viewer, meeting.committeeId));
  const discussions = new Map(
    (row ? (JSON.parse(row.itemsJson) as { submissionId: string; discussion: string }[]) : []).map((i) => [
      i.submissionId,
      i.discussion,
    ]),
  );
  return {
    meetingId: meeting.id,
    meetingDate: meeting.meetingDate,
    title: meeting.title,
    status: row?.status ?? null,
    summary: row?.summary ?? '',
    version: row?.version ?? null,
    approvedAt: row?.approvedAt ?? null,
    isLocked: row?.status === 'approved',
    record: {
      ...record,
      items: record.items.map((i) => {
        const isRecused = i.recusals.some((r) => mine.has(r.memberId));
        const hidden = isRecused
          ? {
              votes: [],
              tally: Object.fromEntries(VOTE_CHOICES.map((c) => [c, 0])) as Record<VoteChoice, number>,
              majority: null,
            }
          : {};
        return { ...i, ...hidden, isRecused, discussion: discussions.get(i.submissionId) ?? '' };
      }),
    },
  };
}

/** `meetings.minutes`: the minutes of a meeting (EC-only): the draft with the live record, or the approved ones. */
export function getMinutes({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof meetingIdInput> }) {
  const input = meetingIdInput.parse(raw);
  const meeting = loadMeeting(ctx.db, input.meetingId);
  assertCommitteeRole(ctx.actor, meeting.committeeId, ['ec_secretary', 'ec_chair', 'ec_member']);
  return minutesView(ctx.db, ctx.actor, meeting, minutesOf(ctx.db, meeting.id));
}

/** `meetings.saveMinutes`: the secretary drafts the minutes (会议纪要) — a summary and each item's discussion. */
export function saveMinutes({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof saveMinutesInput> }) {
  const input = saveMinutesInput.parse(raw);
  const meeting = loadMeeting(ctx.db, input.meetingId);
  assertCommitteeRole(ctx.actor, meeting.committeeId, ['ec_secretary']);
  const onAgenda = new Set(agendaOf(ctx.db, meeting.id).map((a) => a.id));
  const stray = input.items.findIndex((i) => !onAgenda.has(i.submissionId));
  if (stray >= 0)
    throw new DomainError('PRECONDITION_FAILED', 'NOT_ON_AGENDA', {
      fieldErrors: [{ path: `items.${stray}.submissionId`, message: 'NOT_ON_AGENDA' }],
    });
  const now = ctx.now();
  return inTransaction(ctx.db, (tx: Tx) => {
    const before = minutesOf(tx, meeting.id);
    if (before?.status === 'approved') throw new DomainError('PRECONDITION_FAILED', 'MINUTES_LOCKED');
    if (before && input.version !== undefined && input.version !== before.version)
      throw new DomainError('CONFLICT', 'STALE_VERSION');
    const values = { summary: input.summary, itemsJson: JSON.stringify(input.items), updatedAt: now };
    let saved: MinutesRow | undefined;
    if (before)
      saved = tx
        .update(meetingMinutes)
        .set({ ...values, version: before.version + 1 })
        .where(eq(meetingMinutes.meetingId, meeting.id))
        .returning()
        .get();
    else
      saved = tx
        .insert(meetingMinutes)
        .values({ meetingId: meeting.id, status: 'draft', draftedBy: ctx.actor.userId, createdAt: now, ...values })
        .returning()
        .get();
    writeAuditEvent(tx, ctx, {
      action: 'meeting.save_minutes',
      entityType: 'meeting',
      entityId: meeting.id,
      before: before ? { version: before.version } : undefined,
      after: { version: saved!.version, summaryLength: input.summary.length, items: input.items.length },
    });
    return minutesView(tx, ctx.actor, meeting, saved);
  });
}

/**
 * `meetings.approveMinutes`: the chair approves the drafted minutes; the attendance, quorum, recusals, tallies and
 * decisions are frozen into them and they are locked (MINUTES_LOCKED afterwards, for the agenda too).
 */
export function approveMinutes({ ctx, input: raw }: { ctx: ActorCtx; input: z.input<typeof approveMinutesInput> }) {
  const input = approveMinutesInput.parse(raw);
  const meeting = loadMeeting(ctx.db, input.meetingId);
  assertCommitteeRole(ctx.actor, meeting.committeeId, ['ec_chair']);
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const before = minutesOf(tx, meeting.id);
    if (!before) throw new DomainError('PRECONDITION_FAILED', 'MINUTES_NOT_DRAFTED');
    if (before.status === 'approved') throw new DomainError('PRECONDITION_FAILED', 'MINUTES_LOCKED');
    if (input.version !== undefined && input.version !== before.version)
      throw new DomainError('CONFLICT', 'STALE_VERSION');
    const record = meetingRecord(tx, meeting);
    const saved = tx
      .update(meetingMinutes)
      .set({
        status: 'approved',
        recordJson: JSON.stringify(record),
        approvedBy: ctx.actor.userId,
        approvedAt: now,
        updatedAt: now,
        version: before.version + 1,
      })
      .where(eq(meetingMinutes.meetingId, meeting.id))
      .returning()
      .get();
    writeAuditEvent(tx, ctx, {
      action: 'meeting.approve_minutes',
      entityType: 'meeting',
      entityId: meeting.id,
      before: { status: before.status, version: before.version },
      after: { status: 'approved', version: saved!.version, items: record.items.length },
    });
    return minutesView(tx, ctx.actor, meeting, saved);
  });
}
