import {
  type ActorRef,
  isEcRole,
  RECENT_DECISION_DAYS,
  TODO_ITEMS_SHOWN,
  type TodoCode,
  type TodoGroup,
  type TodoItem,
} from '@ctp/contracts';
import { meetings, memberConflicts, submissions, submissionVotes, trialSites, trials } from '@ctp/db';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { myReviews } from '../ethics/primary-reviewers.ts';
import { listSubmissions, type SubmissionView } from '../ethics/read-submissions.ts';
import { ownMemberIds } from '../ethics/reviewer-access.ts';
import { expiringQualifications } from '../providers/expiring-qualifications.ts';
import { listInquiries } from '../trials/inquiries.ts';
import { loadSiteBoard } from '../trials/read-trials.ts';

const DAY_MS = 86_400_000;

function group(code: TodoCode, items: TodoItem[]): TodoGroup {
  return { code, count: items.length, items: items.slice(0, TODO_ITEMS_SHOWN) };
}

function submissionItem(s: SubmissionView, date: string | null): TodoItem {
  return {
    id: s.id,
    title: s.trialTitle,
    titleEn: s.trialTitleEn,
    ref: s.acceptanceNo ?? s.title,
    date,
    link: `/ethics/submissions/${s.id}`,
  };
}

/** Secretary: files to screen, overdue clocks, meetings ahead, decisions whose letter is not yet issued. */
function secretaryTodos(ctx: Ctx, committeeId: string, today: string): TodoGroup[] {
  const queue = listSubmissions({ ctx, input: {} });
  const upcoming = ctx.db
    .select({ id: meetings.id, date: meetings.meetingDate, title: meetings.title })
    .from(meetings)
    .where(and(eq(meetings.committeeId, committeeId), gte(meetings.meetingDate, today)))
    .orderBy(asc(meetings.meetingDate))
    .all();
  return [
    group(
      'toScreen',
      queue
        .filter((s) => s.state === 'submitted' || s.state === 'screening')
        .map((s) => submissionItem(s, s.submittedAt ? shanghaiDate(s.submittedAt) : null)),
    ),
    group(
      'overdueClocks',
      queue.filter((s) => s.clock?.isOverdue).map((s) => submissionItem(s, s.clock?.dueDate ?? null)),
    ),
    group(
      'meetingsToPrepare',
      upcoming.map((m) => ({
        id: m.id,
        title: m.title ?? m.date,
        titleEn: null,
        ref: null,
        date: m.date,
        link: `/ethics/meetings/${m.id}`,
      })),
    ),
    group(
      'lettersToIssue',
      queue.filter((s) => s.state === 'decided').map((s) => submissionItem(s, s.decidedDate)),
    ),
  ];
}

/**
 * Chair and members: worksheets of their live primary-review assignments not yet submitted; votes open to them —
 * an expedited review they are a reviewer of without their view yet, or today's meeting agenda without their vote.
 */
function memberTodos(ctx: Ctx, actor: ActorRef, committeeId: string, today: string): TodoGroup[] {
  const memberIds = ownMemberIds(ctx.db, actor, committeeId);
  const reviews = myReviews({ ctx, input: {} }).filter((r) => r.hasConflict !== true);
  const worksheetsDue = reviews.filter((r) => r.worksheetStatus !== 'submitted');
  const voted = new Set(
    memberIds.length
      ? ctx.db
          .select({ submissionId: submissionVotes.submissionId, meetingId: submissionVotes.meetingId })
          .from(submissionVotes)
          .where(inArray(submissionVotes.memberId, memberIds))
          .all()
          .map((v) => `${v.submissionId}|${v.meetingId ?? ''}`)
      : [],
  );
  const expedited = reviews
    .filter((r) => r.reviewPath === 'expedited' && r.state === 'in_review' && !voted.has(`${r.submissionId}|`))
    .map((r) => ({
      id: r.submissionId,
      title: r.trialTitle,
      titleEn: r.trialTitleEn,
      ref: r.acceptanceNo,
      date: null,
    }));
  // A recused member (利益冲突回避) neither votes on the submission nor on the meeting it was declared for.
  const recusals = memberIds.length
    ? ctx.db
        .select({ submissionId: memberConflicts.submissionId, meetingId: memberConflicts.meetingId })
        .from(memberConflicts)
        .where(inArray(memberConflicts.memberId, memberIds))
        .all()
    : [];
  const isRecused = (s: { id: string; meetingId: string | null }) =>
    recusals.some((r) => r.submissionId === s.id || (r.submissionId === null && r.meetingId === s.meetingId));
  const atMeeting = memberIds.length
    ? ctx.db
        .select({
          id: submissions.id,
          meetingId: submissions.meetingId,
          ref: submissions.acceptanceNo,
          title: trials.titleZh,
          titleEn: trials.titleEn,
        })
        .from(submissions)
        .innerJoin(trials, eq(trials.id, submissions.trialId))
        .innerJoin(meetings, eq(meetings.id, submissions.meetingId))
        .where(
          and(
            eq(submissions.committeeId, committeeId),
            eq(submissions.state, 'scheduled'),
            eq(meetings.meetingDate, today),
          ),
        )
        .all()
        .filter((s) => !isRecused(s) && !voted.has(`${s.id}|${s.meetingId}`))
        .map((s) => ({ id: s.id, title: s.title, titleEn: s.titleEn, ref: s.ref, date: today }))
    : [];
  return [
    group(
      'worksheetsDue',
      worksheetsDue.map((r) => ({
        id: r.submissionId,
        title: r.trialTitle,
        titleEn: r.trialTitleEn,
        ref: r.acceptanceNo,
        date: shanghaiDate(r.assignedAt),
        link: `/ethics/submissions/${r.submissionId}`,
      })),
    ),
    group(
      'votesOpen',
      [...expedited, ...atMeeting].map((v) => ({ ...v, link: `/ethics/submissions/${v.id}` })),
    ),
  ];
}

/** Trial office: inquiries awaiting its answer, submissions the EC returned or asked about, overdue stage targets. */
function trialOfficeTodos(ctx: Ctx, actor: ActorRef): TodoGroup[] {
  const inquiries = listInquiries({ ctx, input: {} }).filter((i) => i.status === 'sent');
  const returns = listSubmissions({ ctx, input: {} }).filter(
    (s) => (s.state === 'returned' || s.state === 'info_requested') && s.hospitalOrgId === actor.orgId,
  );
  // An unanswered inquiry is already its own item; the other stage targets are the milestones.
  const overdue = loadSiteBoard(ctx.db, and(eq(trialSites.hospitalOrgId, actor.orgId)), ctx.now()).filter(
    (s) => s.nextStep?.overdue && s.nextStep.step !== 'answer_inquiry',
  );
  return [
    group(
      'inquiriesToAnswer',
      inquiries.map((i) => ({
        id: i.id,
        title: i.trialTitle,
        titleEn: i.trialTitleEn,
        ref: i.sponsorName,
        refEn: i.sponsorNameEn,
        date: i.replyBy,
        link: '/inquiries',
      })),
    ),
    group(
      'returnsToAnswer',
      returns.map((s) => submissionItem(s, shanghaiDate(s.updatedAt))),
    ),
    group(
      'milestonesOverdue',
      overdue.map((s) => ({
        id: s.id,
        title: s.trialTitle,
        titleEn: s.trialTitleEn,
        ref: s.nextStep?.step ?? null,
        date: s.nextStep?.dueDate ?? null,
        link: `/trials/${s.trialId}`,
      })),
    ),
  ];
}

/** Sponsor: interested answers to its inquiries still awaiting its choice; letters issued on its trials lately. */
function sponsorTodos(ctx: Ctx): TodoGroup[] {
  const answered = listInquiries({ ctx, input: {} }).filter((i) => i.status === 'interested');
  const siteStates = new Map(
    answered.length
      ? ctx.db
          .select({ id: trialSites.id, state: trialSites.state })
          .from(trialSites)
          .where(
            inArray(
              trialSites.id,
              answered.map((i) => i.trialSiteId),
            ),
          )
          .all()
          .map((s) => [s.id, s.state])
      : [],
  );
  const since = ctx.now() - RECENT_DECISION_DAYS * DAY_MS;
  const decisions = listSubmissions({ ctx, input: {} })
    .filter((s) => s.letterIssuedAt !== null && s.letterIssuedAt >= since)
    .sort((a, b) => (b.letterIssuedAt ?? 0) - (a.letterIssuedAt ?? 0));
  return [
    group(
      'answersReceived',
      answered
        .filter((i) => siteStates.get(i.trialSiteId) === 'interested')
        .map((i) => ({
          id: i.id,
          title: i.trialTitle,
          titleEn: i.trialTitleEn,
          ref: i.hospitalName,
          refEn: i.hospitalNameEn,
          date: i.answeredAt ? shanghaiDate(i.answeredAt) : null,
          link: `/trials/${i.trialId}`,
        })),
    ),
    group(
      'decisionsIssued',
      decisions.map((s) => submissionItem(s, s.letterIssuedAt ? shanghaiDate(s.letterIssuedAt) : null)),
    ),
  ];
}

/**
 * Public contract `home.todos`: the to-do list of the actor's 工作台, one group per code with its full count and the
 * first items, each linking to its page. Every group is read through the role's own scoped read (its committee, its
 * hospital, its trials), so nothing of another organisation — nor the EC's deliberation — reaches it. Roles without
 * daily work here (PI, commission, admin) get an empty list.
 */
export function listTodos({ ctx }: { ctx: Ctx }): TodoGroup[] {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const today = shanghaiDate(ctx.now());
  if (isEcRole(actor.role)) {
    if (!actor.committeeId) return [];
    return actor.role === 'ec_secretary'
      ? secretaryTodos(ctx, actor.committeeId, today)
      : memberTodos(ctx, actor, actor.committeeId, today);
  }
  if (actor.role === 'site_admin') return trialOfficeTodos(ctx, actor);
  if (actor.role === 'sponsor') return sponsorTodos(ctx);
  if (actor.role === 'provider_admin') return [group('qualificationsExpiring', expiringQualifications(ctx))];
  return [];
}
