import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';
import type { Role } from './roles.ts';
import { TRIAL_PHASES, TRIAL_TYPES } from './trial-options.ts';
import { transitionOf } from './workflow.ts';

/** Trial vocabularies (DESIGN §3; issue 4). */
export const TRIAL_STATUSES = ['planning', 'active', 'closed'] as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;

/** Registry id formats: CTR (药物临床试验登记与信息公示平台), ClinicalTrials.gov, ChiCTR. */
export const CTR_ID = /^CTR20\d{6}$/;
export const NCT_ID = /^NCT\d{8}$/;
export const CHICTR_ID = /^ChiCTR(?:-[A-Z]{2,4}-)?\d{8,10}$/;

/** Site lifecycle of DESIGN §4.3. */
export const SITE_STATES = [
  'candidate',
  'inquiry_sent',
  'interested',
  'declined',
  'selected',
  'ethics_submitted',
  'ethics_approved',
  'contract_signed',
  'initiated',
  'enrolling',
  'enrolment_closed',
  'closed',
  'suspended',
  'terminated',
] as const;
export type SiteState = (typeof SITE_STATES)[number];

/** States that count against a specialty's and a PI's capacity ("active load"). */
export const ACTIVE_SITE_STATES = [
  'selected',
  'ethics_submitted',
  'ethics_approved',
  'contract_signed',
  'initiated',
  'enrolling',
  'enrolment_closed',
] as const satisfies readonly SiteState[];
/** States from which a site can be suspended or terminated. */
export const RUNNING_SITE_STATES = [
  'selected',
  'ethics_submitted',
  'ethics_approved',
  'contract_signed',
  'initiated',
  'enrolling',
  'enrolment_closed',
] as const satisfies readonly SiteState[];

export type SiteActor = 'sponsor' | 'site' | 'ethics' | 'system';

/**
 * The site lifecycle as data (CONVENTIONS §5): each step, who may take it and which milestone date it records.
 * `ethics` steps are reached only through the domain functions the ethics workflow calls — never from a form.
 * `site` means the hospital's trial office (site_admin) or the site's PI (investigator).
 */
export const SITE_TRANSITIONS = [
  { step: 'send_inquiry', from: ['candidate'], to: 'inquiry_sent', by: ['sponsor'] },
  { step: 'answer_interested', from: ['inquiry_sent'], to: 'interested', by: ['site'] },
  { step: 'answer_declined', from: ['inquiry_sent'], to: 'declined', by: ['site'] },
  {
    step: 'select',
    from: ['candidate', 'inquiry_sent', 'interested'],
    to: 'selected',
    by: ['sponsor'],
    milestone: 'selected',
  },
  { step: 'submit_ethics', from: ['selected'], to: 'ethics_submitted', by: ['ethics'], milestone: 'ethicsSubmitted' },
  {
    step: 'approve_ethics',
    from: ['selected', 'ethics_submitted'],
    to: 'ethics_approved',
    by: ['ethics'],
    milestone: 'ethicsApproved',
  },
  {
    step: 'sign_contract',
    from: ['ethics_approved'],
    to: 'contract_signed',
    by: ['site', 'sponsor'],
    milestone: 'contractSigned',
  },
  { step: 'initiate', from: ['contract_signed'], to: 'initiated', by: ['site', 'sponsor'], milestone: 'siv' },
  { step: 'first_patient_in', from: ['initiated'], to: 'enrolling', by: ['site'], milestone: 'fpi' },
  { step: 'last_patient_in', from: ['enrolling'], to: 'enrolment_closed', by: ['site'], milestone: 'lpi' },
  { step: 'close', from: ['enrolment_closed'], to: 'closed', by: ['site', 'sponsor'], milestone: 'closed' },
  { step: 'suspend', from: RUNNING_SITE_STATES, to: 'suspended', by: ['sponsor', 'ethics'] },
  { step: 'resume', from: ['suspended'], to: 'previous', by: ['sponsor', 'ethics'] },
  {
    step: 'terminate',
    from: [...RUNNING_SITE_STATES, 'suspended'],
    to: 'terminated',
    by: ['sponsor', 'ethics'],
    milestone: 'closed',
  },
] as const satisfies readonly {
  step: string;
  from: readonly SiteState[];
  to: SiteState | 'previous';
  by: readonly SiteActor[];
  milestone?: string;
}[];
export type SiteStep = (typeof SITE_TRANSITIONS)[number]['step'];

/** Milestones a person records with a date (the ethics ones come from the ethics workflow). */
export const RECORDABLE_MILESTONES = ['contractSigned', 'siv', 'fpi', 'lpi', 'closed'] as const;
export type RecordableMilestone = (typeof RECORDABLE_MILESTONES)[number];
export const MILESTONE_STEP: Record<RecordableMilestone, SiteStep> = {
  contractSigned: 'sign_contract',
  siv: 'initiate',
  fpi: 'first_patient_in',
  lpi: 'last_patient_in',
  closed: 'close',
};

/**
 * Pure: may this side record (or correct) this milestone? Only the side its step names (DESIGN §4.3): a first patient
 * in is the site's date, a sponsor cannot write or rewrite it — these dates feed the commission's figures.
 */
export function mayRecordMilestone(milestone: RecordableMilestone, side: SiteActor | null): boolean {
  const t = transitionOf(SITE_TRANSITIONS, MILESTONE_STEP[milestone]);
  return side !== null && (t.by as readonly SiteActor[]).includes(side);
}

export function siteActorOf(role: Role): SiteActor | null {
  if (role === 'sponsor') return 'sponsor';
  if (role === 'site_admin' || role === 'investigator') return 'site';
  return null;
}

const isoDate = z.iso.date();
const optionalRegistry = (re: RegExp, zh: string, en: string) =>
  z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .pipe(
      z
        .string()
        .regex(re, { message: bi(zh, en) })
        .optional(),
    )
    .optional();

export const createTrialInput = z
  .object({
    titleZh: z.string().trim().min(4).max(300),
    titleEn: z.string().trim().max(300).optional(),
    type: z.enum(TRIAL_TYPES),
    phase: z.enum(TRIAL_PHASES),
    ctrNo: optionalRegistry(
      CTR_ID,
      '登记号格式应为 CTR + 8 位数字，如 CTR20230354',
      'Format: CTR followed by 8 digits, e.g. CTR20230354',
    ),
    nctNo: optionalRegistry(
      NCT_ID,
      '格式应为 NCT + 8 位数字，如 NCT04280705',
      'Format: NCT followed by 8 digits, e.g. NCT04280705',
    ),
    chictrNo: optionalRegistry(
      CHICTR_ID,
      '格式应为 ChiCTR + 编号，如 ChiCTR2000029308',
      'Format: ChiCTR followed by the number, e.g. ChiCTR2000029308',
    ),
    conditions: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
    targetEnrolment: z.number().int().min(1).max(100_000),
    croOrgId: z.string().min(1).max(64).optional(),
    plannedStart: isoDate.optional(),
    plannedEnd: isoDate.optional(),
    riskLevel: z.enum(RISK_LEVELS).default('medium'),
    leadHospitalId: z.string().min(1).max(64).optional(),
  })
  .refine((t) => !t.plannedStart || !t.plannedEnd || t.plannedStart <= t.plannedEnd, {
    path: ['plannedEnd'],
    message: bi('计划结束日期不能早于开始日期', 'The planned end cannot be before the start'),
  });
export type CreateTrialInput = z.input<typeof createTrialInput>;

export const trialIdInput = z.object({ id: z.string().min(1).max(64) });
export const trialsListInput = z.object({ status: z.enum(TRIAL_STATUSES).optional() }).default({});

export const selectSiteInput = z.object({
  trialId: z.string().min(1).max(64),
  hospitalSpecialtyId: z.string().min(1).max(64),
  investigatorId: z.string().min(1).max(64).optional(),
  role: z.enum(['lead', 'participating']).default('participating'),
  targetEnrolment: z.number().int().min(0).max(100_000).optional(),
  /**
   * Selecting a site whose inquiry is still unanswered (issue 14) must be said to be meant: the sponsor confirms it
   * has heard from the site otherwise. Without it the server refuses with SITE_NOT_ANSWERED.
   */
  confirmUnanswered: z.boolean().optional(),
});

export const recordMilestoneInput = z.object({
  trialSiteId: z.string().min(1).max(64),
  milestone: z.enum(RECORDABLE_MILESTONES),
  date: isoDate,
});

const count = z.number().int().min(0).max(1_000_000);
export const recordEnrolmentInput = z
  .object({
    trialSiteId: z.string().min(1).max(64),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: bi('月份格式应为 YYYY-MM', 'Month must be YYYY-MM') }),
    screened: count,
    enrolled: count,
    screenFailures: count,
    withdrawn: count.default(0),
    correctionReason: z.string().trim().min(2).max(500).optional(),
  })
  // A month's counts (not running totals). Screen failures belong to the month of screening; a patient screened in one
  // month may be enrolled or withdraw in a later one, so those two are checked on the running totals (recordEnrolment).
  .refine((e) => e.screenFailures <= e.screened, {
    path: ['screenFailures'],
    message: bi('本月筛选失败数不能超过本月筛选数', "This month's screen failures cannot exceed this month's screened"),
  });

export const siteStepInput = z.object({
  trialSiteId: z.string().min(1).max(64),
  step: z.enum(['suspend', 'resume', 'terminate']),
  reason: z.string().trim().min(2).max(500),
});

export const INQUIRY_STATUSES = ['sent', 'interested', 'declined', 'withdrawn'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export const sendInquiryInput = z.object({
  trialId: z.string().min(1).max(64),
  hospitalSpecialtyIds: z.array(z.string().min(1).max(64)).min(1).max(50),
  synopsis: z.string().trim().min(10).max(5000),
  questions: z.string().trim().max(2000).optional(),
  replyBy: isoDate,
});

export const answerInquiryInput = z.discriminatedUnion('interested', [
  z.object({
    inquiryId: z.string().min(1).max(64),
    interested: z.literal(true),
    estimatedPerMonth: z.number().min(0).max(10_000),
    piAvailable: z.boolean(),
    investigatorId: z.string().min(1).max(64).optional(),
    competingTrials: z.number().int().min(0).max(1000),
    earliestStart: isoDate,
    notes: z.string().trim().max(2000).optional(),
    /** One answer per numbered question of the sponsor (`inquiryQuestions`), in order (issue 14). */
    answers: z.array(z.string().trim().min(1).max(2000)).max(30).optional(),
  }),
  z.object({
    inquiryId: z.string().min(1).max(64),
    interested: z.literal(false),
    declineReason: z.string().trim().min(2).max(1000),
    /** A decline may still answer the questions (all of them, or none). */
    answers: z.array(z.string().trim().min(1).max(2000)).max(30).optional(),
  }),
]);
export type AnswerInquiryInput = z.input<typeof answerInquiryInput>;

export const NOTIFICATION_KINDS = [
  'inquiry_received',
  'inquiry_answered',
  'inquiry_deadline_near',
  'site_selected',
  'milestone_overdue',
  'followup_due',
  'recognition_invited',
  'recognition_requested',
  'recognition_decided',
  'recognition_objection',
  'recognition_ack_requested',
  'icf_superseded',
  'safety_report_received',
  'calendar_year_pending',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type MilestoneKey = 'selected' | 'ethicsSubmitted' | 'ethicsApproved' | RecordableMilestone;
/** Milestone names for messages, in lifecycle order. */
export const MILESTONE_LABELS: Record<MilestoneKey, { zh: string; en: string }> = {
  selected: { zh: '选定', en: 'selection' },
  ethicsSubmitted: { zh: '伦理送审', en: 'ethics submission' },
  ethicsApproved: { zh: '伦理批准', en: 'ethics approval' },
  contractSigned: { zh: '合同签署', en: 'contract' },
  siv: { zh: '启动会（SIV）', en: 'site initiation (SIV)' },
  fpi: { zh: '首例入组（FPI）', en: 'first patient in' },
  lpi: { zh: '末例入组（LPI）', en: 'last patient in' },
  closed: { zh: '关闭', en: 'close-out' },
};
export const MILESTONE_ORDER: MilestoneKey[] = [
  'selected',
  'ethicsSubmitted',
  'ethicsApproved',
  'contractSigned',
  'siv',
  'fpi',
  'lpi',
  'closed',
];

/** Stage targets in calendar days (DESIGN §5, after the UK's 60/60/30 split); the commission may change them later. */
export const STAGE_TARGET_DAYS = { ethicsApproved: 60, siv: 60, fpi: 30 } as const;

export const inquiryAttachmentIdInput = z.object({ attachmentId: z.string().min(1).max(64) });
