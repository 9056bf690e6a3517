import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';
import type { Role } from './roles.ts';
import { TRIAL_PHASES, TRIAL_TYPES, type TrialPhase, type TrialType } from './trial-options.ts';
import type { RISK_LEVELS } from './trials.ts';
import { availableSteps, checkTransition } from './workflow.ts';

/** Mutual recognition across ethics committees (互认, DESIGN §4.2; issue 6). */

/** Default timelines (DESIGN §4.4, Suzhou alliance rules): lead 15 + 5 working days, participating 7. */
export const DEFAULT_RECOGNITION_TIMELINES = { leadDecisionDays: 15, leadLetterDays: 5, participatingDays: 7 } as const;

export const AGREEMENT_STATUSES = ['active', 'ended'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** An EC is invited by the agreement's owner; it counts as a member once its secretary confirms (joined). */
export const AGREEMENT_MEMBER_STATES = ['invited', 'joined', 'left'] as const;
export type AgreementMemberState = (typeof AGREEMENT_MEMBER_STATES)[number];

/** Default exclusions (DESIGN §4.2): high-risk studies, Phase I/BE, trials the participating EC itself leads. */
export const DEFAULT_AGREEMENT_EXCLUSIONS = { highRisk: true, phaseIOrBe: true, ownLead: true } as const;
export type AgreementExclusions = { highRisk: boolean; phaseIOrBe: boolean; ownLead: boolean };
export type AgreementScope = { trialTypes: TrialType[]; phases: TrialPhase[] };
export const PHASE_I_OR_BE: readonly TrialPhase[] = ['I', 'BE', 'I/II'];

/**
 * The request state machine (DESIGN §4.2): the participating site submits its local packet, the participating EC
 * accepts it (its clock starts, 7 working days by default), reviews local feasibility — possibly asking the site for
 * something (clock stopped) — and decides.
 */
export const RECOGNITION_STATES = [
  'pending_packet',
  'packet_submitted',
  'accepted',
  'local_review',
  'action_required',
  'decided',
] as const;
export type RecognitionState = (typeof RECOGNITION_STATES)[number];

export const RECOGNITION_OUTCOMES = [
  'recognised',
  'recognised_with_conditions',
  'declined',
  'not_approved_locally',
] as const;
export type RecognitionOutcome = (typeof RECOGNITION_OUTCOMES)[number];
/** Outcomes under which the site holds an ethics approval by recognition. */
export const RECOGNISING_OUTCOMES = [
  'recognised',
  'recognised_with_conditions',
] as const satisfies readonly RecognitionOutcome[];

/** `site`: the participating site's trial office or PI (or the trial's sponsor for the packet); `ec`: its EC. */
export type RecognitionSide = 'site' | 'ec';
export const RECOGNITION_SIDE_ROLES: Record<RecognitionSide, readonly Role[]> = {
  site: ['site_admin', 'investigator', 'sponsor'],
  ec: ['ec_secretary', 'ec_chair'],
};

export const RECOGNITION_TRANSITIONS = [
  { step: 'submit_packet', from: ['pending_packet'], to: 'packet_submitted', by: ['site'] },
  { step: 'accept', from: ['packet_submitted'], to: 'accepted', by: ['ec'] },
  // Saving the local checklist starts the local review.
  { step: 'review', from: ['accepted', 'local_review'], to: 'local_review', by: ['ec'] },
  { step: 'request_action', from: ['accepted', 'local_review'], to: 'action_required', by: ['ec'] },
  { step: 'respond', from: ['action_required'], to: 'local_review', by: ['site'] },
  { step: 'decide', from: ['accepted', 'local_review'], to: 'decided', by: ['ec'] },
] as const satisfies readonly {
  step: string;
  from: readonly RecognitionState[];
  to: RecognitionState;
  by: readonly RecognitionSide[];
}[];
export type RecognitionStep = (typeof RECOGNITION_TRANSITIONS)[number]['step'];

/** Pure: the transition of a step, if `side` may take it from `state`; otherwise why not (the kernel over this table). */
export function checkRecognitionTransition(
  step: RecognitionStep,
  state: RecognitionState,
  side: RecognitionSide | null,
): { ok: true; to: RecognitionState } | { ok: false; reason: 'role' | 'state' } {
  const check = checkTransition(RECOGNITION_TRANSITIONS, step, state, side);
  return check.ok ? { ok: true, to: check.to } : check;
}

export function availableRecognitionSteps(state: RecognitionState, side: RecognitionSide | null): RecognitionStep[] {
  return availableSteps(RECOGNITION_TRANSITIONS, state, side);
}

/** States the participating EC's clock counts in (accepted until decided); stopped while action_required. */
export const RECOGNITION_CLOCK_STATES = [
  'accepted',
  'local_review',
  'action_required',
] as const satisfies readonly RecognitionState[];

/** The local review covers only local feasibility (DESIGN §4.2), never the protocol. */
export const LOCAL_CHECKLIST_ITEMS = [
  'pi_qualification',
  'pi_load',
  'capacity_equipment',
  'local_icf_clauses',
  'fees_insurance',
] as const;
export type LocalChecklistItem = (typeof LOCAL_CHECKLIST_ITEMS)[number];
export const CHECKLIST_ANSWERS = ['ok', 'issue', 'na'] as const;

/** Why a participating site got no request: shown to the sponsor on the board. */
export const RECOGNITION_SKIP_REASONS = [
  'no_lead_site',
  'no_committee',
  'lead_committee',
  'lead_not_in_agreement',
  'not_in_agreement',
  'excluded_high_risk',
  'excluded_phase_i_be',
  'excluded_own_lead',
  'out_of_scope_type',
  'out_of_scope_phase',
  'own_review_open',
  'not_selected',
] as const;
export type RecognitionSkipReason = (typeof RECOGNITION_SKIP_REASONS)[number];
export const RECOGNITION_SKIP_REASON_LABELS: Record<RecognitionSkipReason, { zh: string; en: string }> = {
  no_lead_site: { zh: '试验未指定组长单位', en: 'the trial has no lead site' },
  no_committee: { zh: '该医院未设伦理委员会', en: 'the hospital has no ethics committee' },
  lead_committee: { zh: '与组长单位同一伦理委员会', en: 'same committee as the lead site' },
  lead_not_in_agreement: { zh: '组长单位伦理委员会不在互认协议中', en: 'the lead EC is not in an agreement' },
  not_in_agreement: { zh: '不在互认协议中', en: 'not in an agreement' },
  excluded_high_risk: { zh: '协议排除：高风险研究', en: 'excluded: high risk' },
  excluded_phase_i_be: { zh: '协议排除：I 期/BE 试验', en: 'excluded: Phase I/BE' },
  excluded_own_lead: { zh: '协议排除：本伦理委员会为组长单位', en: 'excluded: the EC leads this trial' },
  out_of_scope_type: { zh: '协议范围不含该试验类型', en: 'trial type outside the agreement' },
  out_of_scope_phase: { zh: '协议范围不含该分期', en: 'phase outside the agreement' },
  own_review_open: { zh: '本中心已在进行完整审查', en: 'a full review is already under way' },
  not_selected: { zh: '中心尚未选定', en: 'site not selected yet' },
};

export type CoverageAgreement = {
  id: string;
  status: AgreementStatus;
  scope: AgreementScope;
  exclusions: AgreementExclusions;
  /** Committees that have joined. */
  committeeIds: readonly string[];
};

/**
 * Pure: which agreement (if any) covers a participating site's committee for this trial, or the most telling reason
 * why none does. An agreement covers it when both the lead EC and the site's EC have joined, the trial's type and
 * phase are in scope, and no exclusion applies.
 */
export function recognitionCoverage(
  trial: { type: TrialType; phase: TrialPhase; riskLevel: (typeof RISK_LEVELS)[number] },
  leadCommitteeId: string,
  siteCommitteeId: string,
  agreements: readonly CoverageAgreement[],
): { covered: true; agreementId: string } | { covered: false; reason: RecognitionSkipReason } {
  if (siteCommitteeId === leadCommitteeId) return { covered: false, reason: 'lead_committee' };
  const active = agreements.filter((a) => a.status === 'active');
  const withSite = active.filter((a) => a.committeeIds.includes(siteCommitteeId));
  if (withSite.length === 0) return { covered: false, reason: 'not_in_agreement' };
  const shared = withSite.filter((a) => a.committeeIds.includes(leadCommitteeId));
  if (shared.length === 0) return { covered: false, reason: 'lead_not_in_agreement' };
  let reason: RecognitionSkipReason = 'not_in_agreement';
  for (const a of shared) {
    const why = exclusionOf(trial, a);
    if (!why) return { covered: true, agreementId: a.id };
    reason = why;
  }
  return { covered: false, reason };
}

function exclusionOf(
  trial: { type: TrialType; phase: TrialPhase; riskLevel: string },
  a: CoverageAgreement,
): RecognitionSkipReason | null {
  if (a.scope.trialTypes.length > 0 && !a.scope.trialTypes.includes(trial.type)) return 'out_of_scope_type';
  if (a.scope.phases.length > 0 && !a.scope.phases.includes(trial.phase)) return 'out_of_scope_phase';
  if (a.exclusions.phaseIOrBe && PHASE_I_OR_BE.includes(trial.phase)) return 'excluded_phase_i_be';
  if (a.exclusions.highRisk && trial.riskLevel === 'high') return 'excluded_high_risk';
  return null;
}

export const RECOGNITION_STATE_LABELS: Record<RecognitionState, { zh: string; en: string }> = {
  pending_packet: { zh: '待提交本地资料', en: 'local packet pending' },
  packet_submitted: { zh: '本地资料已提交', en: 'packet submitted' },
  accepted: { zh: '已受理', en: 'accepted' },
  local_review: { zh: '本地审查中', en: 'local review' },
  action_required: { zh: '待补正', en: 'action required' },
  decided: { zh: '已作出决定', en: 'decided' },
};

export const OBJECTION_CATEGORIES = [
  'risk_benefit',
  'informed_consent',
  'study_design',
  'eligibility',
  'safety_monitoring',
  'other',
] as const;
export const OBJECTION_STATES = ['open', 'resolved'] as const;
export const ACK_STATES = ['ack_pending', 'acknowledged', 'objected'] as const;
export type AckState = (typeof ACK_STATES)[number];

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(2).max(max);
const version = z.number().int().min(1).optional();

const scopeInput = z.object({
  trialTypes: z.array(z.enum(TRIAL_TYPES)).max(TRIAL_TYPES.length).default([]),
  phases: z.array(z.enum(TRIAL_PHASES)).max(TRIAL_PHASES.length).default([]),
});
const exclusionsInput = z.object({
  highRisk: z.boolean().default(true),
  phaseIOrBe: z.boolean().default(true),
  ownLead: z.boolean().default(true),
});
const timelinesInput = z.object({
  leadDecisionDays: z.number().int().min(1).max(60).default(DEFAULT_RECOGNITION_TIMELINES.leadDecisionDays),
  leadLetterDays: z.number().int().min(1).max(30).default(DEFAULT_RECOGNITION_TIMELINES.leadLetterDays),
  participatingDays: z.number().int().min(1).max(30).default(DEFAULT_RECOGNITION_TIMELINES.participatingDays),
});

export const createAgreementInput = z.object({
  nameZh: text(200),
  nameEn: z.string().trim().max(200).optional(),
  scope: scopeInput.default({ trialTypes: [], phases: [] }),
  exclusions: exclusionsInput.default(DEFAULT_AGREEMENT_EXCLUSIONS),
  timelines: timelinesInput.default(DEFAULT_RECOGNITION_TIMELINES),
  /** Committees invited; each joins when its secretary confirms. */
  committeeIds: z
    .array(id)
    .min(2, bi('互认协议至少邀请两个伦理委员会', 'Invite at least two ethics committees'))
    .max(200),
});
export type CreateAgreementInput = z.input<typeof createAgreementInput>;

export const updateAgreementInput = z.object({
  id,
  version,
  nameZh: text(200).optional(),
  nameEn: z.string().trim().max(200).optional(),
  scope: scopeInput.optional(),
  exclusions: exclusionsInput.optional(),
  timelines: timelinesInput.optional(),
  /** Further committees to invite. */
  inviteCommitteeIds: z.array(id).max(200).optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  reason: text(500),
});
export type UpdateAgreementInput = z.input<typeof updateAgreementInput>;

export const joinAgreementInput = z.object({ id });
export const leaveAgreementInput = z.object({
  id,
  reason: z.string().trim().min(2, bi('请写明退出理由', 'Give the reason for leaving')).max(500),
});
export const agreementIdInput = z.object({ id });

export const localContextInput = z.object({
  hospitalOrgId: id,
  version,
  reviewFeeYuan: z.number().int().min(0).max(1_000_000).nullable().optional(),
  feeSchedule: z.string().trim().max(2000).optional(),
  insuranceRequirements: z.string().trim().max(2000).optional(),
  localIcfClauses: z.string().trim().max(4000).optional(),
  hgrContactName: z.string().trim().max(100).optional(),
  hgrContactPhone: z.string().trim().max(50).optional(),
  languages: z.array(z.string().trim().min(1).max(30)).max(10).default([]),
  vulnerablePopulationRules: z.string().trim().max(2000).optional(),
});
export type LocalContextInput = z.input<typeof localContextInput>;
export const localContextHospitalInput = z.object({ hospitalOrgId: id });

/** The local packet: the hospital's profile as pre-filled, plus what differs for this trial. */
export const packetInput = z.object({
  id,
  version,
  piQualification: text(2000),
  piCurrentLoad: z.number().int().min(0).max(200),
  capacityAndEquipment: text(2000),
  localIcfClauses: z.string().trim().max(4000).optional(),
  feesAndInsurance: text(2000),
  notes: z.string().trim().max(2000).optional(),
});
export type PacketInput = z.input<typeof packetInput>;

export const recognitionRequestsListInput = z
  .object({ trialId: id.optional(), state: z.enum(RECOGNITION_STATES).optional() })
  .default({});
export const recognitionIdInput = z.object({ id });
export const acceptRecognitionInput = z.object({ id, version });

export const checklistInput = z.object({
  id,
  version,
  items: z.array(
    z.object({
      item: z.enum(LOCAL_CHECKLIST_ITEMS),
      answer: z.enum(CHECKLIST_ANSWERS),
      note: z.string().trim().max(1000).optional(),
    }),
  ),
});
export type ChecklistInput = z.input<typeof checklistInput>;
export const requestActionInput = z.object({ id, version, questions: text(2000) });
export const respondRecognitionInput = z.object({ id, version, answer: text(2000) });

export const decideRecognitionInput = z
  .object({
    id,
    version,
    outcome: z.enum(RECOGNITION_OUTCOMES),
    conditions: text(4000).optional(),
    reasons: text(4000).optional(),
  })
  .refine((d) => d.outcome !== 'recognised_with_conditions' || d.conditions, {
    path: ['conditions'],
    message: bi('附条件认可须写明本地条件', 'State the local conditions'),
  })
  .refine((d) => (d.outcome !== 'declined' && d.outcome !== 'not_approved_locally') || d.reasons, {
    path: ['reasons'],
    message: bi('不认可或本中心不同意实施须写明理由', 'Give the reasons'),
  });
export type DecideRecognitionInput = z.input<typeof decideRecognitionInput>;

export const raiseObjectionInput = z.object({
  requestId: id,
  category: z.enum(OBJECTION_CATEGORIES),
  text: text(4000),
});
export const resolveObjectionInput = z.object({ id, version, resolution: text(4000) });
export const ackActInput = z
  .object({ id, version, acknowledge: z.boolean(), note: z.string().trim().max(2000).optional() })
  .refine((a) => a.acknowledge || (a.note?.trim().length ?? 0) >= 2, {
    path: ['note'],
    message: bi('提出异议须写明理由', 'Give the reason for the objection'),
  });
export const recognitionBoardInput = z.object({ trialId: id });
export const saeReadInput = z.object({ submissionId: id });
