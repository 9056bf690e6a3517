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
import { guarded, router } from '../trpc.ts';

const ok = { ok: true as const };

export const trialsRouter = router({
  create: guarded(POLICIES.createTrials)
    .input(createTrialInput)
    .mutation(({ ctx, input }) => createTrial({ ctx: ctx.uc, input })),
  get: guarded(POLICIES.readTrials)
    .input(trialIdInput)
    .query(({ ctx, input }) => getTrial({ ctx: ctx.uc, input })),
  /** The trial as a FHIR R4 Bundle (issue 17): a platform trial by id, or a registry trial by NCT/CTR number. */
  fhir: guarded(POLICIES.readTrials)
    .input(trialIdInput)
    .query(({ ctx, input }) => exportTrialFhir({ ctx: ctx.uc, input })),
  list: guarded(POLICIES.readTrials)
    .input(trialsListInput)
    .query(({ ctx, input }) => listTrials({ ctx: ctx.uc, input })),
});

export const inquiriesRouter = router({
  send: guarded(POLICIES.runTrialSites)
    .input(sendInquiryInput)
    .mutation(({ ctx, input }) => sendInquiry({ ctx: ctx.uc, input })),
  answer: guarded(POLICIES.answerInquiries)
    .input(answerInquiryInput)
    .mutation(({ ctx, input }) => {
      answerInquiry({ ctx: ctx.uc, input });
      return ok;
    }),
  list: guarded(POLICIES.readTrials)
    .input(z.object({ trialId: z.string().min(1).max(64).optional() }).default({}))
    .query(({ ctx, input }) => listInquiries({ ctx: ctx.uc, input })),
  removeAttachment: guarded(POLICIES.answerInquiries)
    .input(inquiryAttachmentIdInput)
    .mutation(({ ctx, input }) => {
      removeInquiryAttachment({ ctx: ctx.uc, input });
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
    .query(({ ctx, input }) => inquiryTargets({ ctx: ctx.uc, input })),
});

export const trialSitesRouter = router({
  select: guarded(POLICIES.runTrialSites)
    .input(selectSiteInput)
    .mutation(({ ctx, input }) => selectSite({ ctx: ctx.uc, input })),
  recordMilestone: guarded(POLICIES.recordSiteProgress)
    .input(recordMilestoneInput)
    .mutation(({ ctx, input }) => {
      recordMilestone({ ctx: ctx.uc, input });
      return ok;
    }),
  recordEnrolment: guarded(POLICIES.recordSiteProgress)
    .input(recordEnrolmentInput)
    .mutation(({ ctx, input }) => {
      recordEnrolment({ ctx: ctx.uc, input });
      return ok;
    }),
  transition: guarded(POLICIES.runTrialSites)
    .input(siteStepInput)
    .mutation(({ ctx, input }) => {
      transitionSite({ ctx: ctx.uc, input });
      return ok;
    }),
  board: guarded(POLICIES.readSiteBoard).query(({ ctx }) => listSiteBoard({ ctx: ctx.uc })),
  /** Why a site missed a stage target and whose delay it is (DESIGN §5). */
  recordDelay: guarded(POLICIES.recordDelays)
    .input(recordDelayInput)
    .mutation(({ ctx, input }) => recordDelay({ ctx: ctx.uc, input })),
  delays: guarded(POLICIES.readTrials)
    .input(delayHistoryInput)
    .query(({ ctx, input }) => listSiteDelays({ ctx: ctx.uc, input })),
});

export const notificationsRouter = router({
  list: guarded(POLICIES.ownNotifications)
    .input(
      z
        .object({ limit: z.number().int().min(1).max(100).default(30), unreadOnly: z.boolean().optional() })
        .default({ limit: 30 }),
    )
    .query(({ ctx, input }) => listNotifications({ ctx: ctx.uc, input })),
  markRead: guarded(POLICIES.ownNotifications)
    .input(z.object({ ids: z.array(z.number().int().positive()).max(200).optional() }))
    .mutation(({ ctx, input }) => markNotificationsRead({ ctx: ctx.uc, input })),
});
