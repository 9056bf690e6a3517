import {
  compareDocumentsInput,
  createSubmissionInput,
  decideSubmissionInput,
  effectiveDocumentsInput,
  issueLetterInput,
  POLICIES,
  requestInfoInput,
  respondSubmissionInput,
  screenSubmissionInput,
  startScreeningInput,
  submissionIdInput,
  submissionsListInput,
  submitSubmissionInput,
  triageSubmissionInput,
  withdrawSubmissionInput,
} from '@ctp/contracts';
import {
  compareSubmissionDocuments,
  createSubmission,
  decideSubmission,
  effectiveSiteDocuments,
  getSubmission,
  issueSubmissionLetter,
  listSubmissionDocuments,
  listSubmissions,
  requestSubmissionInfo,
  respondToSubmission,
  screenSubmission,
  startScreening,
  submitSubmission,
  triageSubmission,
  withdrawSubmission,
} from '@ctp/domain';
import { guarded, router } from '../trpc.ts';

/** Ethics submissions at one committee (issue 5): workflow, documents and letters; meetings and votes are in `meetings.ts`. */
export const submissionsRouter = router({
  create: guarded(POLICIES.prepareSubmissions)
    .input(createSubmissionInput)
    .mutation(({ ctx, input }) => createSubmission({ ctx: ctx.uc, input })),
  submit: guarded(POLICIES.prepareSubmissions)
    .input(submitSubmissionInput)
    .mutation(({ ctx, input }) => submitSubmission({ ctx: ctx.uc, input })),
  screen: guarded(POLICIES.screenSubmissions)
    .input(screenSubmissionInput)
    .mutation(({ ctx, input }) => screenSubmission({ ctx: ctx.uc, input })),
  startScreening: guarded(POLICIES.screenSubmissions)
    .input(startScreeningInput)
    .mutation(({ ctx, input }) => startScreening({ ctx: ctx.uc, input })),
  triage: guarded(POLICIES.screenSubmissions)
    .input(triageSubmissionInput)
    .mutation(({ ctx, input }) => triageSubmission({ ctx: ctx.uc, input })),
  requestInfo: guarded(POLICIES.screenSubmissions)
    .input(requestInfoInput)
    .mutation(({ ctx, input }) => requestSubmissionInfo({ ctx: ctx.uc, input })),
  respond: guarded(POLICIES.prepareSubmissions)
    .input(respondSubmissionInput)
    .mutation(({ ctx, input }) => respondToSubmission({ ctx: ctx.uc, input })),
  withdraw: guarded(POLICIES.prepareSubmissions)
    .input(withdrawSubmissionInput)
    .mutation(({ ctx, input }) => withdrawSubmission({ ctx: ctx.uc, input })),
  decide: guarded(POLICIES.runMeetings)
    .input(decideSubmissionInput)
    .mutation(({ ctx, input }) => decideSubmission({ ctx: ctx.uc, input })),
  get: guarded(POLICIES.readSubmissions)
    .input(submissionIdInput)
    .query(({ ctx, input }) => getSubmission({ ctx: ctx.uc, input })),
  list: guarded(POLICIES.readSubmissions)
    .input(submissionsListInput)
    .query(({ ctx, input }) => listSubmissions({ ctx: ctx.uc, input })),
  // Documents are uploaded and downloaded over HTTP (apps/server file routes); these read their metadata.
  documents: guarded(POLICIES.readSubmissions)
    .input(submissionIdInput)
    .query(({ ctx, input }) => listSubmissionDocuments({ ctx: ctx.uc, input })),
  compareDocuments: guarded(POLICIES.readSubmissions)
    .input(compareDocumentsInput)
    .query(({ ctx, input }) => compareSubmissionDocuments({ ctx: ctx.uc, input })),
  effectiveDocuments: guarded(POLICIES.readSubmissions)
    .input(effectiveDocumentsInput)
    .query(({ ctx, input }) => effectiveSiteDocuments({ ctx: ctx.uc, input })),
  issueLetter: guarded(POLICIES.screenSubmissions)
    .input(issueLetterInput)
    .mutation(({ ctx, input }) => issueSubmissionLetter({ ctx: ctx.uc, input })),
});
