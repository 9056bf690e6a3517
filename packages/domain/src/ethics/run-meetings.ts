import {
  checkSubmissionTransition,
  committeeIdInput,
  createMeetingInput,
  declareConflictInput,
  meetingIdInput,
  meetingStatusOf,
  recordAttendanceInput,
  runsCommittee,
  term,
} from '@ctp/contracts';
import { committeeMembers, meetingAttendance, meetingMinutes, meetings, memberConflicts, submissions } from '@ctp/db';
import { and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { inTransaction } from '../transaction.ts';
import { agendaBriefsOf } from './agenda-briefs.ts';
import { effectiveSop, loadCommittee, resolveMember, servingMembers } from './committee-access.ts';
import { assertCommitteeRole } from './committee-policy.ts';
import { loadMeeting, sittingFor, votesOn } from './meeting-access.ts';
import { majorityOf } from './quorum.ts';
import { mayOpenSubmissionFiles, ownMemberIds } from './reviewer-access.ts';
import { loadSubmission } from './submission-access.ts';
import { submissionSideOf } from './submission-policy.ts';
import { applySubmissionStep } from './submission-steps.ts';

/**
 * Public contract `meetings.create` {committeeId, date, submissionIds}: the secretary or chair convenes a meeting;
 * each agenda submission (accepted, or in review on the convened path) moves to `scheduled`.
 */
export function createMeeting({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof createMeetingInput> }) {
  const input = createMeetingInput.parse(raw);
  assertCommitteeRole(ctx.actor, input.committeeId, ['ec_secretary', 'ec_chair']);
  loadCommittee(ctx.db, input.committeeId);
  const agenda = [...new Set(input.submissionIds)].map((id) => {
    const loaded = loadSubmission(ctx.db, id);
    const { sub } = loaded;
    if (sub.committeeId !== input.committeeId) throw forbidden('NOT_OWN_COMMITTEE');
    if (sub.submittedAt === null) throw notFound();
    const side = submissionSideOf(ctx.actor, sub, loaded.trial, loaded.site, loaded.piUserId);
    if (!checkSubmissionTransition('schedule', sub.state, side).ok)
      throw new DomainError('INVALID_TRANSITION', 'SUBMISSION_STEP_NOT_ALLOWED', {
        params: { state: term('submissionStates', sub.state) },
      });
    if (sub.state === 'in_review' && sub.reviewPath !== 'convened')
      throw new DomainError('PRECONDITION_FAILED', 'NOT_CONVENED_PATH', {
        fieldErrors: [{ path: 'submissionIds', message: 'NOT_CONVENED_PATH' }],
      });
    return sub;
  });
  const now = ctx.now();
  const meeting = {
    id: newId(),
    committeeId: input.committeeId,
    meetingDate: input.date,
    title: input.title ?? null,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  return inTransaction(ctx.db, (tx) => {
    tx.insert(meetings).values(meeting).run();
    writeAuditEvent(tx, ctx, {
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: meeting.id,
      after: { ...meeting, agenda: agenda.map((s) => s.id) },
    });
    for (const sub of agenda)
      applySubmissionStep(tx, ctx, sub, 'schedule', {
        now,
        patch: { meetingId: meeting.id, reviewPath: 'convened' },
        detail: { meetingDate: input.date },
      });
    return { id: meeting.id, agenda: agenda.map((s) => s.id) };
  });
}

/** Public contract `meetings.recordAttendance`: who is present (the secretary or chair records it). */
export function recordAttendance({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof recordAttendanceInput> }) {
  const input = recordAttendanceInput.parse(raw);
  const meeting = loadMeeting(ctx.db, input.meetingId);
  assertCommitteeRole(ctx.actor, meeting.committeeId, ['ec_secretary', 'ec_chair']);
  const recordedBy = ctx.actor.userId;
  if (!servingMembers(ctx.db, meeting.committeeId, meeting.meetingDate).some((m) => m.id === input.memberId))
    throw new DomainError('PRECONDITION_FAILED', 'MEMBER_NOT_FOUND', {
      fieldErrors: [{ path: 'memberId', message: 'MEMBER_NOT_FOUND' }],
    });
  const now = ctx.now();
  const sop = effectiveSop(ctx.db, meeting.committeeId);
  return inTransaction(ctx.db, (tx) => {
    const where = and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.memberId, input.memberId));
    const before = tx.select().from(meetingAttendance).where(where).get();
    if (before)
      tx.update(meetingAttendance).set({ isPresent: input.present, recordedBy, updatedAt: now }).where(where).run();
    else
      tx.insert(meetingAttendance)
        .values({
          meetingId: meeting.id,
          memberId: input.memberId,
          isPresent: input.present,
          recordedBy,
          updatedAt: now,
        })
        .run();
    writeAuditEvent(tx, ctx, {
      action: 'meeting.record_attendance',
      entityType: 'meeting',
      entityId: meeting.id,
      before: before ? { memberId: input.memberId, present: before.isPresent } : undefined,
      after: { memberId: input.memberId, present: input.present },
    });
    return { quorum: sittingFor(tx, sop, meeting, null).quorum };
  });
}

/**
 * Public contract `meetings.declareConflict`: a conflict of interest for one submission, or for a whole meeting.
 * The member declares it themselves, or the secretary or chair records it; the member is then recused.
 */
export function declareConflict({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof declareConflictInput> }) {
  const input = declareConflictInput.parse(raw);
  const meeting = input.meetingId ? loadMeeting(ctx.db, input.meetingId) : null;
  const sub = input.submissionId ? loadSubmission(ctx.db, input.submissionId).sub : null;
  const committeeId = meeting?.committeeId ?? sub!.committeeId;
  assertCommitteeRole(ctx.actor, committeeId, ['ec_secretary', 'ec_chair', 'ec_member']);
  if (sub && (sub.committeeId !== committeeId || sub.submittedAt === null)) throw notFound();
  const declaredBy = ctx.actor.userId;
  const member = resolveMember(
    ctx.db,
    ctx.actor,
    committeeId,
    input.memberId,
    meeting?.meetingDate ?? shanghaiDate(ctx.now()),
  );
  const now = ctx.now();
  return inTransaction(ctx.db, (tx) => {
    const row = tx
      .insert(memberConflicts)
      .values({
        memberId: member.id,
        meetingId: meeting?.id ?? null,
        submissionId: sub?.id ?? null,
        reason: input.reason,
        declaredBy,
        createdAt: now,
      })
      .returning({ id: memberConflicts.id })
      .get();
    writeAuditEvent(tx, ctx, {
      action: 'meeting.declare_conflict',
      entityType: meeting ? 'meeting' : 'submission',
      entityId: meeting?.id ?? sub!.id,
      after: { conflictId: row.id, memberId: member.id, submissionId: sub?.id ?? null, reason: input.reason },
    });
    return { id: row.id, memberId: member.id };
  });
}

/**
 * Public contract `meetings.get`: a meeting with its attendance, declarations, agenda, votes and the live quorum of
 * each agenda item — for the committee's own EC roles only (votes and declarations are confidential).
 */
export function getMeeting({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof meetingIdInput> }) {
  const input = meetingIdInput.parse(raw);
  const meeting = loadMeeting(ctx.db, input.meetingId);
  assertCommitteeRole(ctx.actor, meeting.committeeId, ['ec_secretary', 'ec_chair', 'ec_member']);
  const sop = effectiveSop(ctx.db, meeting.committeeId);
  const whole = sittingFor(ctx.db, sop, meeting, null);
  const present = new Set(whole.attendance.filter((a) => a.present).map((a) => a.memberId));
  const agendaRows = ctx.db
    .select({
      id: submissions.id,
      type: submissions.type,
      title: submissions.title,
      acceptanceNo: submissions.acceptanceNo,
      state: submissions.state,
      outcome: submissions.outcome,
    })
    .from(submissions)
    .where(eq(submissions.meetingId, meeting.id))
    .orderBy(asc(submissions.acceptanceNo))
    .all();
  const conflicts = ctx.db
    .select({
      memberId: memberConflicts.memberId,
      memberName: committeeMembers.name,
      submissionId: memberConflicts.submissionId,
      meetingId: memberConflicts.meetingId,
      reason: memberConflicts.reason,
      at: memberConflicts.createdAt,
    })
    .from(memberConflicts)
    .innerJoin(committeeMembers, eq(committeeMembers.id, memberConflicts.memberId))
    .where(
      or(
        eq(memberConflicts.meetingId, meeting.id),
        agendaRows.length
          ? inArray(
              memberConflicts.submissionId,
              agendaRows.map((a) => a.id),
            )
          : undefined,
      ),
    )
    .all();
  const myMemberIds = new Set(ownMemberIds(ctx.db, ctx.actor, meeting.committeeId));
  const sittings = new Map(agendaRows.map((a) => [a.id, sittingFor(ctx.db, sop, meeting, a.id)]));
  // A member recused for the item (issue 12) sees neither its votes, the majority they make nor the worksheets.
  const recusedItems = new Set(
    agendaRows.filter((a) => sittings.get(a.id)!.recusals.some((m) => myMemberIds.has(m))).map((a) => a.id),
  );
  // Worksheets reach a member as `reviews.forSubmission` gives them: the secretary and chair always, a member once
  // allowed to open the file (a declared reviewer, or present at the meeting without a conflict).
  const runs = runsCommittee(ctx.actor, meeting.committeeId);
  const hidden = new Set(
    agendaRows
      .filter((a) => recusedItems.has(a.id) || (!runs && !mayOpenSubmissionFiles(ctx.db, a.id, ctx.actor)))
      .map((a) => a.id),
  );
  const briefs = agendaBriefsOf(
    ctx.db,
    agendaRows.map((a) => a.id),
    hidden,
  );
  const agenda = agendaRows.map((a) => {
    const sitting = sittings.get(a.id)!;
    const isRecused = recusedItems.has(a.id);
    const votes = isRecused ? [] : votesOn(ctx.db, a.id, meeting.id);
    const counted = votes.filter((v) => sitting.voterIds.includes(v.memberId)).map((v) => v.choice);
    return {
      ...a,
      ...briefs.get(a.id)!,
      quorum: sitting.quorum,
      recusedMemberIds: sitting.recusals,
      isRecused,
      votes,
      majority: isRecused ? null : majorityOf(counted, sitting.voterIds.length, 'abstain'),
    };
  });
  return {
    ...meeting,
    sop,
    quorum: whole.quorum,
    members: whole.members.map((m) => ({
      id: m.id,
      name: m.name,
      role: m.role,
      expertise: m.expertise,
      isAffiliated: m.isAffiliated,
      userId: m.userId,
      isPresent: present.has(m.id),
    })),
    conflicts,
    agenda,
  };
}

/**
 * `meetings.list`: a committee's meetings, newest first, with the size of each agenda and where the meeting stands
 * (`meetingStatusOf`: to come, undecided items, minutes) — its own EC roles only.
 */
export function listMeetings({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof committeeIdInput> }) {
  const input = committeeIdInput.parse(raw);
  assertCommitteeRole(ctx.actor, input.committeeId, ['ec_secretary', 'ec_chair', 'ec_member']);
  const today = shanghaiDate(ctx.now());
  return ctx.db
    .select({
      id: meetings.id,
      meetingDate: meetings.meetingDate,
      title: meetings.title,
      agendaSize: count(submissions.id),
      undecidedItems: sql<number>`coalesce(sum(case when ${submissions.state} = 'scheduled' then 1 else 0 end), 0)`,
      minutesStatus: meetingMinutes.status,
    })
    .from(meetings)
    .leftJoin(submissions, eq(submissions.meetingId, meetings.id))
    .leftJoin(meetingMinutes, eq(meetingMinutes.meetingId, meetings.id))
    .where(eq(meetings.committeeId, input.committeeId))
    .groupBy(meetings.id)
    .orderBy(desc(meetings.meetingDate), desc(meetings.createdAt))
    .all()
    .map(({ minutesStatus, ...m }) => ({ ...m, status: meetingStatusOf({ ...m, today, minutesStatus }) }));
}
