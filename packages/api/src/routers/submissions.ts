import {
  createSubmissionInput,
  decideSubmissionInput,
  POLICIES,
  requestInfoInput,
  respondSubmissionInput,
  screenSubmissionInput,
  submissionIdInput,
  submissionsListInput,
  submitSubmissionInput,
  triageSubmissionInput,
  withdrawSubmissionInput,
} from '@ctp/contracts';
import {
  createSubmission,
  decideSubmission,
  getSubmission,
  listSubmissions,
  requestSubmissionInfo,
  respondToSubmission,
  screenSubmission,
  submitSubmission,
  triageSubmission,
  withdrawSubmission,
} from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

/** Ethics submissions at one committee (issue 5); meetings and votes are in `meetings.ts`. Letters come later. */
export const submissionsRouter = router({
  create: guarded(POLICIES.prepareSubmissions)
    .input(createSubmissionInput)
    .mutation(({ ctx, input }) => createSubmission({ ctx: useCaseCtx(ctx), input })),
  submit: guarded(POLICIES.prepareSubmissions)
    .input(submitSubmissionInput)
    .mutation(({ ctx, input }) => submitSubmission({ ctx: useCaseCtx(ctx), input })),
  screen: guarded(POLICIES.screenSubmissions)
    .input(screenSubmissionInput)
    .mutation(({ ctx, input }) => screenSubmission({ ctx: useCaseCtx(ctx), input })),
  triage: guarded(POLICIES.screenSubmissions)
    .input(triageSubmissionInput)
    .mutation(({ ctx, input }) => triageSubmission({ ctx: useCaseCtx(ctx), input })),
  requestInfo: guarded(POLICIES.screenSubmissions)
    .input(requestInfoInput)
    .mutation(({ ctx, input }) => requestSubmissionInfo({ ctx: useCaseCtx(ctx), input })),
  respond: guarded(POLICIES.prepareSubmissions)
    .input(respondSubmissionInput)
    .mutation(({ ctx, input }) => respondToSubmission({ ctx: useCaseCtx(ctx), input })),
  withdraw: guarded(POLICIES.prepareSubmissions)
    .input(withdrawSubmissionInput)
    .mutation(({ ctx, input }) => withdrawSubmission({ ctx: useCaseCtx(ctx), input })),
  decide: guarded(POLICIES.runMeetings)
    .input(decideSubmissionInput)
    .mutation(({ ctx, input }) => decideSubmission({ ctx: useCaseCtx(ctx), input })),
  get: guarded(POLICIES.readSubmissions)
    .input(submissionIdInput)
    .query(({ ctx, input }) => getSubmission({ ctx: useCaseCtx(ctx), input })),
  list: guarded(POLICIES.readSubmissions)
    .input(submissionsListInput)
    .query(({ ctx, input }) => listSubmissions({ ctx: useCaseCtx(ctx), input })),
});
