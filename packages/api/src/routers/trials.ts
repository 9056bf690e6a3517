import {
  answerInquiryInput,
  createTrialInput,
  delayHistoryInput,
  inquiryAttachmentIdInput,
  POLICIES,
  recordDelayInput,
  recordEnrolmentInput,
  recordMilestoneInput,
  selectSiteInput,
  sendInquiryInput,
  siteStepInput,
  trialIdInput,
  trialsListInput,
} from '@ctp/contracts';
import {
  answerInquiry,
  createTrial,
  exportTrialFhir,
  getTrial,
  inquiryTargets,
  listInquiries,
  listNotifications,
  listSiteBoard,
  listSiteDelays,
  listTrials,
  markNotificationsRead,
  recordDelay,
  recordEnrolment,
  recordMilestone,
  removeInquiryAttachment,
  selectSite,
  sendInquiry,
  transitionSite,
} from '@ctp/domain';
import { z } from 'zod';
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

const ok = { ok: true as const };

export const trialsRouter = router({
  create: guarded(POLICIES.createTrials)
    .input(createTrialInput)
    .mutation(({ ctx, input }) => createTrial({ ctx: useCaseCtx(ctx), input })),
  get: guarded(POLICIES.readTrials)
    .input(trialIdInput)
    .query(({ ctx, input }) => getTrial({ ctx: useCaseCtx(ctx), input })),
  /** The trial as a FHIR R4 Bundle (issue 17): a platform trial by id, or a registry trial by NCT/CTR number. */
  fhir: guarded(POLICIES.readTrials)
    .input(trialIdInput)
    .query(({ ctx, input }) => exportTrialFhir({ ctx: useCaseCtx(ctx), input })),
  list: guarded(POLICIES.readTrials)
    .input(trialsListInput)
    .query(({ ctx, input }) => listTrials({ ctx: useCaseCtx(ctx), input })),
});

export const inquiriesRouter = router({
  send: guarded(POLICIES.runTrialSites)
    .input(sendInquiryInput)
    .mutation(({ ctx, input }) => sendInquiry({ ctx: useCaseCtx(ctx), input })),
  answer: guarded(POLICIES.answerInquiries)
    .input(answerInquiryInput)
    .mutation(({ ctx, input }) => {
      answerInquiry({ ctx: useCaseCtx(ctx), input });
      return ok;
    }),
  list: guarded(POLICIES.readTrials)
    .input(z.object({ trialId: z.string().min(1).max(64).optional() }).default({}))
    .query(({ ctx, input }) => listInquiries({ ctx: useCaseCtx(ctx), input })),
  removeAttachment: guarded(POLICIES.answerInquiries)
    .input(inquiryAttachmentIdInput)
    .mutation(({ ctx, input }) => {
      removeInquiryAttachment({ ctx: useCaseCtx(ctx), input });
      return ok;
    }),
  targets: guarded(POLICIES.keepShortlists)
    .input(
      z.object({
        hospitalIds: z.array(z.string().min(1).max(64)).max(100),
        /** The trial whose indication preselects the specialties that treat it. */
        trialId: z.string().min(1).max(64).optional(),
      }),
    )
    .query(({ ctx, input }) => inquiryTargets({ ctx: useCaseCtx(ctx), input })),
});

export const trialSitesRouter = router({
  select: guarded(POLICIES.runTrialSites)
    .input(selectSiteInput)
    .mutation(({ ctx, input }) => selectSite({ ctx: useCaseCtx(ctx), input })),
  recordMilestone: guarded(POLICIES.recordSiteProgress)
    .input(recordMilestoneInput)
    .mutation(({ ctx, input }) => {
      recordMilestone({ ctx: useCaseCtx(ctx), input });
      return ok;
    }),
  recordEnrolment: guarded(POLICIES.recordSiteProgress)
    .input(recordEnrolmentInput)
    .mutation(({ ctx, input }) => {
      recordEnrolment({ ctx: useCaseCtx(ctx), input });
      return ok;
    }),
  transition: guarded(POLICIES.runTrialSites)
    .input(siteStepInput)
    .mutation(({ ctx, input }) => {
      transitionSite({ ctx: useCaseCtx(ctx), input });
      return ok;
    }),
  board: guarded(POLICIES.readSiteBoard).query(({ ctx }) => listSiteBoard({ ctx: useCaseCtx(ctx) })),
  /** Why a site missed a stage target and whose delay it is (DESIGN §5). */
  recordDelay: guarded(POLICIES.recordDelays)
    .input(recordDelayInput)
    .mutation(({ ctx, input }) => recordDelay({ ctx: useCaseCtx(ctx), input })),
  delays: guarded(POLICIES.readTrials)
    .input(delayHistoryInput)
    .query(({ ctx, input }) => listSiteDelays({ ctx: useCaseCtx(ctx), input })),
});

export const notificationsRouter = router({
  list: guarded(POLICIES.ownNotifications)
    .input(
      z
        .object({ limit: z.number().int().min(1).max(100).default(30), unreadOnly: z.boolean().optional() })
        .default({ limit: 30 }),
    )
    .query(({ ctx, input }) => listNotifications({ ctx: useCaseCtx(ctx), input })),
  markRead: guarded(POLICIES.ownNotifications)
    .input(z.object({ ids: z.array(z.number().int().positive()).max(200).optional() }))
    .mutation(({ ctx, input }) => markNotificationsRead({ ctx: useCaseCtx(ctx), input })),
});
