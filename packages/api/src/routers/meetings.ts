import {
  addCommitteeMemberInput,
  approveMinutesInput,
  committeeIdInput,
  createMeetingInput,
  declareConflictInput,
  endMemberTermInput,
  meetingIdInput,
  POLICIES,
  recordAttendanceInput,
  saveMinutesInput,
  updateAgendaInput,
  updateCommitteeMemberInput,
  updateCommitteeProceduresInput,
  updateCommitteeSettingsInput,
  voteInput,
} from '@ctp/contracts';
import {
  addCommitteeMember,
  addToAgenda,
  approveMinutes,
  createMeeting,
  declareConflict,
  endMemberTerm,
  getCommittee,
  getCommitteeProcedures,
  getMeeting,
  getMinutes,
  listMeetings,
  recordAttendance,
  removeFromAgenda,
  saveMinutes,
  updateCommitteeMember,
  updateCommitteeProcedures,
  updateCommitteeSettings,
  voteOnSubmission,
} from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

/** Convened review meetings of one ethics committee (issue 5): agenda, attendance, conflicts, votes. EC-only. */
export const meetingsRouter = router({
  create: guarded(POLICIES.runMeetings)
    .input(createMeetingInput)
    .mutation(({ ctx, input }) => createMeeting({ ctx: useCaseCtx(ctx), input })),
  recordAttendance: guarded(POLICIES.runMeetings)
    .input(recordAttendanceInput)
    .mutation(({ ctx, input }) => recordAttendance({ ctx: useCaseCtx(ctx), input })),
  declareConflict: guarded(POLICIES.reviewSubmissions)
    .input(declareConflictInput)
    .mutation(({ ctx, input }) => declareConflict({ ctx: useCaseCtx(ctx), input })),
  vote: guarded(POLICIES.reviewSubmissions)
    .input(voteInput)
    .mutation(({ ctx, input }) => voteOnSubmission({ ctx: useCaseCtx(ctx), input })),
  get: guarded(POLICIES.readCommittee)
    .input(meetingIdInput)
    .query(({ ctx, input }) => getMeeting({ ctx: useCaseCtx(ctx), input })),
  list: guarded(POLICIES.readCommittee)
    .input(committeeIdInput)
    .query(({ ctx, input }) => listMeetings({ ctx: useCaseCtx(ctx), input })),
  addToAgenda: guarded(POLICIES.runMeetings)
    .input(updateAgendaInput)
    .mutation(({ ctx, input }) => addToAgenda({ ctx: useCaseCtx(ctx), input })),
  removeFromAgenda: guarded(POLICIES.runMeetings)
    .input(updateAgendaInput)
    .mutation(({ ctx, input }) => removeFromAgenda({ ctx: useCaseCtx(ctx), input })),
  minutes: guarded(POLICIES.readCommittee)
    .input(meetingIdInput)
    .query(({ ctx, input }) => getMinutes({ ctx: useCaseCtx(ctx), input })),
  saveMinutes: guarded(POLICIES.draftMinutes)
    .input(saveMinutesInput)
    .mutation(({ ctx, input }) => saveMinutes({ ctx: useCaseCtx(ctx), input })),
  approveMinutes: guarded(POLICIES.approveMinutes)
    .input(approveMinutesInput)
    .mutation(({ ctx, input }) => approveMinutes({ ctx: useCaseCtx(ctx), input })),
});

/** An ethics committee's roster and SOP settings (issue 5). EC-only. */
export const committeesRouter = router({
  addMember: guarded(POLICIES.manageCommittee)
    .input(addCommitteeMemberInput)
    .mutation(({ ctx, input }) => addCommitteeMember({ ctx: useCaseCtx(ctx), input })),
  updateSettings: guarded(POLICIES.manageCommittee)
    .input(updateCommitteeSettingsInput)
    .mutation(({ ctx, input }) => updateCommitteeSettings({ ctx: useCaseCtx(ctx), input })),
  get: guarded(POLICIES.readCommittee)
    .input(committeeIdInput)
    .query(({ ctx, input }) => getCommittee({ ctx: useCaseCtx(ctx), input })),
  updateMember: guarded(POLICIES.manageCommittee)
    .input(updateCommitteeMemberInput)
    .mutation(({ ctx, input }) => updateCommitteeMember({ ctx: useCaseCtx(ctx), input })),
  endTerm: guarded(POLICIES.manageCommittee)
    .input(endMemberTermInput)
    .mutation(({ ctx, input }) => endMemberTerm({ ctx: useCaseCtx(ctx), input })),
  procedures: guarded(POLICIES.readCommittee)
    .input(committeeIdInput)
    .query(({ ctx, input }) => getCommitteeProcedures({ ctx: useCaseCtx(ctx), input })),
  updateProcedures: guarded(POLICIES.manageCommittee)
    .input(updateCommitteeProceduresInput)
    .mutation(({ ctx, input }) => updateCommitteeProcedures({ ctx: useCaseCtx(ctx), input })),
});
