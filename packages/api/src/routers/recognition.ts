import {
  acceptRecognitionInput,
  ackActInput,
  agreementIdInput,
  checklistInput,
  createAgreementInput,
  decideRecognitionInput,
  joinAgreementInput,
  leaveAgreementInput,
  localContextHospitalInput,
  localContextInput,
  POLICIES,
  packetInput,
  raiseObjectionInput,
  recognitionBoardInput,
  recognitionIdInput,
  recognitionRequestsListInput,
  requestActionInput,
  resolveObjectionInput,
  respondRecognitionInput,
  saeReadInput,
  updateAgreementInput,
} from '@ctp/contracts';
import {
  acceptRecognition,
  actOnAck,
  createAgreement,
  decideRecognition,
  getAgreement,
  getLocalContext,
  getRecognitionRequest,
  joinAgreement,
  leaveAgreement,
  listAcks,
  listAgreements,
  listCommitteesForAgreements,
  listRecognitionRequests,
  listSafetyReports,
  markSafetyReportRead,
  raiseObjection,
  recognitionBoard,
  recognitionLetterPdf,
  requestRecognitionAction,
  resolveObjection,
  respondToRecognition,
  saveLocalContext,
  saveRecognitionChecklist,
  storeRecognitionLetter,
  submitPacket,
  updateAgreement,
} from '@ctp/domain';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

/** Mutual recognition across ethics committees (互认, issue 6): agreements, local context, requests, follow-up. */
export const recognitionRouter = router({
  agreements: router({
    create: guarded(POLICIES.manageAgreements)
      .input(createAgreementInput)
      .mutation(({ ctx, input }) => createAgreement({ ctx: useCaseCtx(ctx), input })),
    update: guarded(POLICIES.manageAgreements)
      .input(updateAgreementInput)
      .mutation(({ ctx, input }) => updateAgreement({ ctx: useCaseCtx(ctx), input })),
    join: guarded(POLICIES.joinAgreements)
      .input(joinAgreementInput)
      .mutation(({ ctx, input }) => joinAgreement({ ctx: useCaseCtx(ctx), input })),
    leave: guarded(POLICIES.joinAgreements)
      .input(leaveAgreementInput)
      .mutation(({ ctx, input }) => leaveAgreement({ ctx: useCaseCtx(ctx), input })),
    list: guarded(POLICIES.readRecognition).query(({ ctx }) => listAgreements({ ctx: useCaseCtx(ctx) })),
    get: guarded(POLICIES.readRecognition)
      .input(agreementIdInput)
      .query(({ ctx, input }) => getAgreement({ ctx: useCaseCtx(ctx), input })),
    committees: guarded(POLICIES.readRecognition).query(({ ctx }) =>
      listCommitteesForAgreements({ ctx: useCaseCtx(ctx) }),
    ),
  }),
  localContext: router({
    get: guarded(POLICIES.readRecognition)
      .input(localContextHospitalInput)
      .query(({ ctx, input }) => getLocalContext({ ctx: useCaseCtx(ctx), input })),
    save: guarded(POLICIES.editLocalContext)
      .input(localContextInput)
      .mutation(({ ctx, input }) => saveLocalContext({ ctx: useCaseCtx(ctx), input })),
  }),
  requests: router({
    list: guarded(POLICIES.readRecognition)
      .input(recognitionRequestsListInput)
      .query(({ ctx, input }) => listRecognitionRequests({ ctx: useCaseCtx(ctx), input })),
    get: guarded(POLICIES.readRecognition)
      .input(recognitionIdInput)
      .query(({ ctx, input }) => getRecognitionRequest({ ctx: useCaseCtx(ctx), input })),
    letter: guarded(POLICIES.readRecognition)
      .input(recognitionIdInput)
      .query(({ ctx, input }) => recognitionLetterPdf({ ctx: useCaseCtx(ctx), input })),
    submitPacket: guarded(POLICIES.prepareRecognition)
      .input(packetInput)
      .mutation(({ ctx, input }) => submitPacket({ ctx: useCaseCtx(ctx), input })),
    respond: guarded(POLICIES.prepareRecognition)
      .input(respondRecognitionInput)
      .mutation(({ ctx, input }) => respondToRecognition({ ctx: useCaseCtx(ctx), input })),
    accept: guarded(POLICIES.runRecognition)
      .input(acceptRecognitionInput)
      .mutation(({ ctx, input }) => acceptRecognition({ ctx: useCaseCtx(ctx), input })),
    saveChecklist: guarded(POLICIES.runRecognition)
      .input(checklistInput)
      .mutation(({ ctx, input }) => saveRecognitionChecklist({ ctx: useCaseCtx(ctx), input })),
    requestAction: guarded(POLICIES.runRecognition)
      .input(requestActionInput)
      .mutation(({ ctx, input }) => requestRecognitionAction({ ctx: useCaseCtx(ctx), input })),
    decide: guarded(POLICIES.runRecognition)
      .input(decideRecognitionInput)
      .mutation(async ({ ctx, input }) => {
        const decided = decideRecognition({ ctx: useCaseCtx(ctx), input });
        // Recognised: the letter is rendered once now and kept in the file store (sha256), like an ethics letter.
        const letter = decided.letterNo ? await storeRecognitionLetter(useCaseCtx(ctx), decided.id) : null;
        return { ...decided, letterSha256: letter?.sha256 ?? null };
      }),
  }),
  objections: router({
    raise: guarded(POLICIES.runRecognition)
      .input(raiseObjectionInput)
      .mutation(({ ctx, input }) => raiseObjection({ ctx: useCaseCtx(ctx), input })),
    resolve: guarded(POLICIES.runRecognition)
      .input(resolveObjectionInput)
      .mutation(({ ctx, input }) => resolveObjection({ ctx: useCaseCtx(ctx), input })),
  }),
  acks: router({
    list: guarded(POLICIES.readRecognitionTasks).query(({ ctx }) => listAcks({ ctx: useCaseCtx(ctx) })),
    act: guarded(POLICIES.runRecognition)
      .input(ackActInput)
      .mutation(({ ctx, input }) => actOnAck({ ctx: useCaseCtx(ctx), input })),
  }),
  safetyReports: router({
    list: guarded(POLICIES.readRecognitionTasks).query(({ ctx }) => listSafetyReports({ ctx: useCaseCtx(ctx) })),
    markRead: guarded(POLICIES.readRecognitionTasks)
      .input(saeReadInput)
      .mutation(({ ctx, input }) => markSafetyReportRead({ ctx: useCaseCtx(ctx), input })),
  }),
  board: guarded(POLICIES.readRecognition)
    .input(recognitionBoardInput)
    .query(({ ctx, input }) => recognitionBoard({ ctx: useCaseCtx(ctx), input })),
});
