import {
  assignReviewerInput,
  declareReviewConflictInput,
  POLICIES,
  reviewSubmissionInput,
  reviewsMineInput,
  saveWorksheetInput,
  submissionIdInput,
  submitModificationsInput,
  unassignReviewerInput,
  verifyModificationsInput,
} from '@ctp/contracts';
import {
  assignReviewer,
  declareReviewConflict,
  getModifications,
  myReviews,
  reviewsForSubmission,
  saveWorksheet,
  submitModifications,
  unassignReviewer,
  verifyModifications,
} from '@ctp/domain';
import { guarded, router } from '../trpc.ts';

/**
 * Primary reviewers (主审), conflict declarations and review worksheets (审查工作表) of issue 5. EC-only: each
 * use-case narrows to the actor's own committee and, for worksheets, to a declared reviewer.
 */
export const reviewsRouter = router({
  assign: guarded(POLICIES.assignReviewers)
    .input(assignReviewerInput)
    .mutation(({ ctx, input }) => assignReviewer({ ctx: ctx.uc, input })),
  unassign: guarded(POLICIES.assignReviewers)
    .input(unassignReviewerInput)
    .mutation(({ ctx, input }) => unassignReviewer({ ctx: ctx.uc, input })),
  declare: guarded(POLICIES.reviewSubmissions)
    .input(declareReviewConflictInput)
    .mutation(({ ctx, input }) => declareReviewConflict({ ctx: ctx.uc, input })),
  saveWorksheet: guarded(POLICIES.keepWorksheets)
    .input(saveWorksheetInput)
    .mutation(({ ctx, input }) => saveWorksheet({ ctx: ctx.uc, input })),
  forSubmission: guarded(POLICIES.readCommittee)
    .input(reviewSubmissionInput)
    .query(({ ctx, input }) => reviewsForSubmission({ ctx: ctx.uc, input })),
  mine: guarded(POLICIES.readCommittee)
    .input(reviewsMineInput)
    .query(({ ctx, input }) => myReviews({ ctx: ctx.uc, input })),
});

/** Verification of modifications after 必要的修改后同意 (issue 5): visible to the applicant and sponsor. */
export const modificationsRouter = router({
  submit: guarded(POLICIES.submitModifications)
    .input(submitModificationsInput)
    .mutation(({ ctx, input }) => submitModifications({ ctx: ctx.uc, input })),
  verify: guarded(POLICIES.verifyModifications)
    .input(verifyModificationsInput)
    .mutation(({ ctx, input }) => verifyModifications({ ctx: ctx.uc, input })),
  get: guarded(POLICIES.readSubmissions)
    .input(submissionIdInput)
    .query(({ ctx, input }) => getModifications({ ctx: ctx.uc, input })),
});
