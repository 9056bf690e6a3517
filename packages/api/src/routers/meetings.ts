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
import { guarded, router } from '../trpc.ts';

/** Convened review meetings of one ethics committee (issue 5): agenda, attendance, conflicts, votes. EC-only. */
export const meetingsRouter = router({
  create: guarded(POLICIES.runMeetings)
    .input(createMeetingInput)
    .mutation(({ ctx, input }) => createMeeting({ ctx: ctx.uc, input })),
  recordAttendance: guarded(POLICIES.runMeetings)
    .input(recordAttendanceInput)
    .mutation(({ ctx, input }) => recordAttendance({ ctx: ctx.uc, input })),
  declareConflict: guarded(POLICIES.reviewSubmissions)
    .input(declareConflictInput)
    .mutation(({ ctx, input }) => declareConflict({ ctx: ctx.uc, input })),
  vote: guarded(POLICIES.reviewSubmissions)
    .input(voteInput)
    .mutation(({ ctx, input }) => voteOnSubmission({ ctx: ctx.uc, input })),
  get: guarded(POLICIES.readCommittee)
    .input(meetingIdInput)
    .query(({ ctx, input }) => getMeeting({ ctx: ctx.uc, input })),
  list: guarded(POLICIES.readCommittee)
    .input(committeeIdInput)
    .query(({ ctx, input }) => listMeetings({ ctx: ctx.uc, input })),
  addToAgenda: guarded(POLICIES.runMeetings)
    .input(updateAgendaInput)
    .mutation(({ ctx, input }) => addToAgenda({ ctx: ctx.uc, input })),
  removeFromAgenda: guarded(POLICIES.runMeetings)
    .input(updateAgendaInput)
    .mutation(({ ctx, input }) => removeFromAgenda({ ctx: ctx.uc, input })),
  minutes: guarded(POLICIES.readCommittee)
    .input(meetingIdInput)
    .query(({ ctx, input }) => getMinutes({ ctx: ctx.uc, input })),
  saveMinutes: guarded(POLICIES.draftMinutes)
    .input(saveMinutesInput)
    .mutation(({ ctx, input }) => saveMinutes({ ctx: ctx.uc, input })),
  approveMinutes: guarded(POLICIES.approveMinutes)
    .input(approveMinutesInput)
    .mutation(({ ctx, input }) => approveMinutes({ ctx: ctx.uc, input })),
});

/** An ethics committee's roster and SOP settings (issue 5). EC-only. */
export const committeesRouter = router({
  addMember: guarded(POLICIES.manageCommittee)
    .input(addCommitteeMemberInput)
    .mutation(({ ctx, input }) => addCommitteeMember({ ctx: ctx.uc, input })),
  updateSettings: guarded(POLICIES.manageCommittee)
    .input(updateCommitteeSettingsInput)
    .mutation(({ ctx, input }) => updateCommitteeSettings({ ctx: ctx.uc, input })),
  get: guarded(POLICIES.readCommittee)
    .input(committeeIdInput)
    .query(({ ctx, input }) => getCommittee({ ctx: ctx.uc, input })),
  updateMember: guarded(POLICIES.manageCommittee)
    .input(updateCommitteeMemberInput)
    .mutation(({ ctx, input }) => updateCommitteeMember({ ctx: ctx.uc, input })),
  endTerm: guarded(POLICIES.manageCommittee)
    .input(endMemberTermInput)
    .mutation(({ ctx, input }) => endMemberTerm({ ctx: ctx.uc, input })),
  procedures: guarded(POLICIES.readCommittee)
    .input(committeeIdInput)
    .query(({ ctx, input }) => getCommitteeProcedures({ ctx: ctx.uc, input })),
  updateProcedures: guarded(POLICIES.manageCommittee)
    .input(updateCommitteeProceduresInput)
    .mutation(({ ctx, input }) => updateCommitteeProcedures({ ctx: ctx.uc, input })),
});
