import { EXPEDITED_OUTCOMES, term, termList, VOTE_OUTCOME, type VoteChoice, voteInput } from '@ctp/contracts';
import { submissionVotes, type Tx } from '@ctp/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { newVoteSalt, voteRowChecksum } from '../audit/vote-checksum.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { shanghaiDate } from '../clock/dates.ts';
import type { AuditCtx, Ctx } from '../context.ts';
import { DomainError, forbidden, notFound } from '../errors.ts';
import { inTransaction } from '../transaction.ts';
import { effectiveSop, resolveMember } from './committee-access.ts';
import { assertCommitteeRole } from './committee-policy.ts';
import { loadMeeting, sittingFor, type VoteQuorum } from './meeting-access.ts';
import { assertExpeditedReviewer } from './reviewer-access.ts';
import { loadSubmission } from './submission-access.ts';
import { applySubmissionStep } from './submission-steps.ts';

/** Pure: is this view a "no" that takes an expedited review to a meeting (anything but approval or abstention)? */
export function isExpeditedObjection(choice: VoteChoice): boolean {
  return choice !== 'abstain' && !(EXPEDITED_OUTCOMES as readonly string[]).includes(VOTE_OUTCOME[choice]);
}

function upsertVote(
  tx: Tx,
  ctx: AuditCtx,
  v: {
    submissionId: string;
    meetingId: string | null;
    memberId: string;
    choice: VoteChoice;
    now: number;
    /** A meeting vote's quorum at this moment, frozen with the vote for the minutes. */
    quorum?: VoteQuorum;
  },
) {
  const quorumJson = v.quorum ? JSON.stringify(v.quorum) : null;
  const where = and(
    eq(submissionVotes.submissionId, v.submissionId),
    eq(submissionVotes.memberId, v.memberId),
    v.meetingId ? eq(submissionVotes.meetingId, v.meetingId) : isNull(submissionVotes.meetingId),
  );
  const before = tx.select().from(submissionVotes).where(where).get();
  const recordedBy = ctx.actor?.userId ?? null;
  const checksumSalt = newVoteSalt();
  if (before)
    tx.update(submissionVotes)
      .set({ choice: v.choice, quorumJson, recordedBy, updatedAt: v.now, checksumSalt })
      .where(where)
      .run();
  else
    tx.insert(submissionVotes)
      .values({
        submissionId: v.submissionId,
        meetingId: v.meetingId,
        memberId: v.memberId,
        choice: v.choice,
        quorumJson,
        recordedBy,
        createdAt: v.now,
        updatedAt: v.now,
        checksumSalt,
      })
      .run();
  // The row as written, checksummed into its audit event: `audit verify` then catches a vote edited in its table.
  const written = tx.select().from(submissionVotes).where(where).get()!;
  writeAuditEvent(tx, ctx, {
    action: 'meeting.vote',
    entityType: 'submission',
    entityId: v.submissionId,
    before: before ? { memberId: v.memberId, choice: before.choice } : undefined,
    after: {
      meetingId: v.meetingId,
      memberId: v.memberId,
      choice: v.choice,
      voteId: written.id,
      rowChecksum: voteRowChecksum(written),
    },
  });
}

/**
 * Public contract `meetings.vote`. At a meeting: a present, non-recused member's vote, refused while the quorum is
 * not met at that moment (QUORUM_NOT_MET). Without a meeting: an expedited reviewer's view (简易程序) — only from an
 * assigned primary reviewer who declared no conflict; any "no" sends the submission to a convened meeting in the same
 * transaction. A conflicted member never votes
 * (MEMBER_CONFLICTED). The secretary or chair records any member's vote; a member records their own.
 */
export function voteOnSubmission({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof voteInput> }) {
  const input = voteInput.parse(raw);
  const { sub } = loadSubmission(ctx.db, input.submissionId);
  assertCommitteeRole(ctx.actor, sub.committeeId, ['ec_secretary', 'ec_chair', 'ec_member']);
  if (sub.submittedAt === null) throw notFound();
  const now = ctx.now();

  if (input.meetingId) {
    const meeting = loadMeeting(ctx.db, input.meetingId);
    if (meeting.committeeId !== sub.committeeId || sub.meetingId !== meeting.id || sub.state !== 'scheduled')
      throw new DomainError('PRECONDITION_FAILED', 'NOT_ON_AGENDA');
    const member = resolveMember(ctx.db, ctx.actor, sub.committeeId, input.memberId, meeting.meetingDate);
    const sop = effectiveSop(ctx.db, sub.committeeId);
    return inTransaction(ctx.db, (tx) => {
      // Checked inside the (IMMEDIATE) transaction: the quorum is the one at the moment of the vote.
      const sitting = sittingFor(tx, sop, meeting, sub.id);
      if (sitting.recusals.includes(member.id)) throw forbidden('MEMBER_CONFLICTED');
      if (!sitting.attendance.some((a) => a.memberId === member.id && a.present))
        throw new DomainError('PRECONDITION_FAILED', 'MEMBER_NOT_PRESENT');
      if (!sitting.quorum.met)
        throw new DomainError('PRECONDITION_FAILED', 'QUORUM_NOT_MET', {
          params: {
            reasons: termList(
              sitting.quorum.reasons.map((r) => term('quorumReasons', r)),
              'reasons',
            ),
          },
        });
      upsertVote(tx, ctx, {
        submissionId: sub.id,
        meetingId: meeting.id,
        memberId: member.id,
        choice: input.choice,
        now,
        quorum: { ...sitting.quorum, recused: sitting.recusals.length },
      });
      return {
        submissionId: sub.id,
        memberId: member.id,
        choice: input.choice,
        quorum: sitting.quorum,
        referredToMeeting: false,
      };
    });
  }

  if (sub.reviewPath !== 'expedited' || sub.state !== 'in_review')
    throw new DomainError('PRECONDITION_FAILED', 'NOT_EXPEDITED_PATH');
  const member = resolveMember(ctx.db, ctx.actor, sub.committeeId, input.memberId, shanghaiDate(now));
  return inTransaction(ctx.db, (tx) => {
    // Only an assigned primary reviewer who declared no conflict gives an expedited view (the file-access gate).
    assertExpeditedReviewer(tx, sub.id, member.id);
    upsertVote(tx, ctx, { submissionId: sub.id, meetingId: null, memberId: member.id, choice: input.choice, now });
    const referredToMeeting = isExpeditedObjection(input.choice);
    if (referredToMeeting)
      // The timeline says that it went to a meeting, not who objected (votes are EC-only).
      applySubmissionStep(tx, ctx, sub, 'refer_to_meeting', { now, patch: { reviewPath: 'convened' } });
    return { submissionId: sub.id, memberId: member.id, choice: input.choice, quorum: null, referredToMeeting };
  });
}
