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
import { guarded, router } from '../trpc.ts';

/** Mutual recognition across ethics committees (互认, issue 6): agreements, local context, requests, follow-up. */
export const recognitionRouter = router({
  agreements: router({
    create: guarded(POLICIES.manageAgreements)
      .input(createAgreementInput)
      .mutation(({ ctx, input }) => createAgreement({ ctx: ctx.uc, input })),
    update: guarded(POLICIES.manageAgreements)
      .input(updateAgreementInput)
      .mutation(({ ctx, input }) => updateAgreement({ ctx: ctx.uc, input })),
    join: guarded(POLICIES.joinAgreements)
      .input(joinAgreementInput)
      .mutation(({ ctx, input }) => joinAgreement({ ctx: ctx.uc, input })),
    leave: guarded(POLICIES.joinAgreements)
      .input(leaveAgreementInput)
      .mutation(({ ctx, input }) => leaveAgreement({ ctx: ctx.uc, input })),
    list: guarded(POLICIES.readRecognition).query(({ ctx }) => listAgreements({ ctx: ctx.uc })),
    get: guarded(POLICIES.readRecognition)
      .input(agreementIdInput)
      .query(({ ctx, input }) => getAgreement({ ctx: ctx.uc, input })),
    committees: guarded(POLICIES.readRecognition).query(({ ctx }) => listCommitteesForAgreements({ ctx: ctx.uc })),
  }),
  localContext: router({
    get: guarded(POLICIES.readRecognition)
      .input(localContextHospitalInput)
      .query(({ ctx, input }) => getLocalContext({ ctx: ctx.uc, input })),
    save: guarded(POLICIES.editLocalContext)
      .input(localContextInput)
      .mutation(({ ctx, input }) => saveLocalContext({ ctx: ctx.uc, input })),
  }),
  requests: router({
    list: guarded(POLICIES.readRecognition)
      .input(recognitionRequestsListInput)
      .query(({ ctx, input }) => listRecognitionRequests({ ctx: ctx.uc, input })),
    get: guarded(POLICIES.readRecognition)
      .input(recognitionIdInput)
      .query(({ ctx, input }) => getRecognitionRequest({ ctx: ctx.uc, input })),
    letter: guarded(POLICIES.readRecognition)
      .input(recognitionIdInput)
      .query(({ ctx, input }) => recognitionLetterPdf({ ctx: ctx.uc, input })),
    submitPacket: guarded(POLICIES.prepareRecognition)
      .input(packetInput)
      .mutation(({ ctx, input }) => submitPacket({ ctx: ctx.uc, input })),
    respond: guarded(POLICIES.prepareRecognition)
      .input(respondRecognitionInput)
      .mutation(({ ctx, input }) => respondToRecognition({ ctx: ctx.uc, input })),
    accept: guarded(POLICIES.runRecognition)
      .input(acceptRecognitionInput)
      .mutation(({ ctx, input }) => acceptRecognition({ ctx: ctx.uc, input })),
    saveChecklist: guarded(POLICIES.runRecognition)
      .input(checklistInput)
      .mutation(({ ctx, input }) => saveRecognitionChecklist({ ctx: ctx.uc, input })),
    requestAction: guarded(POLICIES.runRecognition)
      .input(requestActionInput)
      .mutation(({ ctx, input }) => requestRecognitionAction({ ctx: ctx.uc, input })),
    decide: guarded(POLICIES.runRecognition)
      .input(decideRecognitionInput)
      .mutation(async ({ ctx, input }) => {
        const decided = decideRecognition({ ctx: ctx.uc, input });
        // Recognised: the letter is rendered once now and kept in the file store (sha256), like an ethics letter.
        const letter = decided.letterNo ? await storeRecognitionLetter(ctx.uc, decided.id) : null;
        return { ...decided, letterSha256: letter?.sha256 ?? null };
      }),
  }),
  objections: router({
    raise: guarded(POLICIES.runRecognition)
      .input(raiseObjectionInput)
      .mutation(({ ctx, input }) => raiseObjection({ ctx: ctx.uc, input })),
    resolve: guarded(POLICIES.runRecognition)
      .input(resolveObjectionInput)
      .mutation(({ ctx, input }) => resolveObjection({ ctx: ctx.uc, input })),
  }),
  acks: router({
    list: guarded(POLICIES.readRecognitionTasks).query(({ ctx }) => listAcks({ ctx: ctx.uc })),
    act: guarded(POLICIES.runRecognition)
      .input(ackActInput)
      .mutation(({ ctx, input }) => actOnAck({ ctx: ctx.uc, input })),
  }),
  safetyReports: router({
    list: guarded(POLICIES.readRecognitionTasks).query(({ ctx }) => listSafetyReports({ ctx: ctx.uc })),
    markRead: guarded(POLICIES.readRecognitionTasks)
      .input(saeReadInput)
      .mutation(({ ctx, input }) => markSafetyReportRead({ ctx: ctx.uc, input })),
  }),
  board: guarded(POLICIES.readRecognition)
    .input(recognitionBoardInput)
    .query(({ ctx, input }) => recognitionBoard({ ctx: ctx.uc, input })),
});
