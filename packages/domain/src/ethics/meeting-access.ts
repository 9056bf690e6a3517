import type { CommitteeSop } from '@ctp/contracts';
import { committeeMembers, meetingAttendance, meetings, memberConflicts, submissionVotes } from '@ctp/db';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { notFound } from '../errors.ts';
import { type CommitteeMemberRow, type Reader, servingMembers } from './committee-access.ts';
import { type Quorum, quorumOf } from './quorum.ts';

export type MeetingRow = typeof meetings.$inferSelect;

export function loadMeeting(db: Reader, id: string): MeetingRow {
  const row = db.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!row) throw notFound();
  return row;
}

export function attendanceOf(db: Reader, meetingId: string) {
  return db
    .select({ memberId: meetingAttendance.memberId, present: meetingAttendance.isPresent })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meetingId))
    .all();
}

/**
 * Members recused for a submission: a conflict declared for the submission itself, or for the whole meeting it is
 * reviewed at.
 */
export function recusalsFor(db: Reader, submissionId: string | null, meetingId: string | null): string[] {
  const scopes = [
    ...(submissionId ? [eq(memberConflicts.submissionId, submissionId)] : []),
    ...(meetingId ? [and(eq(memberConflicts.meetingId, meetingId), isNull(memberConflicts.submissionId))] : []),
  ];
  if (scopes.length === 0) return [];
  const rows = db
    .select({ memberId: memberConflicts.memberId })
    .from(memberConflicts)
    .where(or(...scopes))
    .all();
  return [...new Set(rows.map((r) => r.memberId))];
}

export type ReviewSitting = {
  members: CommitteeMemberRow[];
  attendance: { memberId: string; present: boolean }[];
  recusals: string[];
  quorum: Quorum;
  /** Present, serving, not recused: who may vote and whose votes make the majority. */
  voterIds: string[];
};

/** The live quorum of a meeting for one agenda item (or, `submissionId` null, for the meeting as a whole). */
export function sittingFor(
  db: Reader,
  sop: CommitteeSop,
  meeting: MeetingRow,
  submissionId: string | null,
): ReviewSitting {
  const members = servingMembers(db, meeting.committeeId, meeting.meetingDate);
  const attendance = attendanceOf(db, meeting.id);
  const recusals = submissionId ? recusalsFor(db, submissionId, meeting.id) : [];
  const quorum = quorumOf(sop, members, attendance, recusals);
  const present = new Set(attendance.filter((a) => a.present).map((a) => a.memberId));
  const recused = new Set(recusals);
  const voterIds = members.filter((m) => present.has(m.id) && !recused.has(m.id)).map((m) => m.id);
  return { members, attendance, recusals, quorum, voterIds };
}

/** Votes on a submission at one meeting, or (meetingId null) its expedited reviewers' views — EC-only. */
/** The quorum frozen with a meeting vote: as it stood when the vote was cast, with the number of recused members. */
export type VoteQuorum = Quorum & { recused: number };

export function votesOn(db: Reader, submissionId: string, meetingId: string | null) {
  return db
    .select({
      memberId: submissionVotes.memberId,
      memberName: committeeMembers.name,
      choice: submissionVotes.choice,
      meetingId: submissionVotes.meetingId,
      at: submissionVotes.updatedAt,
      quorumJson: submissionVotes.quorumJson,
    })
    .from(submissionVotes)
    .innerJoin(committeeMembers, eq(committeeMembers.id, submissionVotes.memberId))
    .where(
      and(
        eq(submissionVotes.submissionId, submissionId),
        meetingId ? eq(submissionVotes.meetingId, meetingId) : isNull(submissionVotes.meetingId),
      ),
    )
    .orderBy(asc(submissionVotes.updatedAt), asc(submissionVotes.id))
    .all()
    .map(({ quorumJson, ...v }) => ({ ...v, quorum: quorumJson ? (JSON.parse(quorumJson) as VoteQuorum) : null }));
}
