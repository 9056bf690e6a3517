import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';
import type { OrgKind } from './roles.ts';
import type { Transition } from './workflow.ts';

/**
 * Collaborative innovation bases (医研企协同创新基地, issue 18): hospitals, enterprises and universities around focus
 * areas. The commission registers and reviews them; each member keeps its own part current.
 */
export const BASE_STATUSES = ['applied', 'recognised', 'operating', 'revoked'] as const;
export type BaseStatus = (typeof BASE_STATUSES)[number];

/** The status of a base as a message and the web name it (申报 / 认定 / 运行 / 撤销). */
export const BASE_STATUS_LABELS: Record<BaseStatus, { zh: string; en: string }> = {
  applied: { zh: '申报', en: 'applied' },
  recognised: { zh: '认定', en: 'recognised' },
  operating: { zh: '运行', en: 'operating' },
  revoked: { zh: '撤销', en: 'revoked' },
};

/** Who reviews a base: the commission (the seed and the CLI act as it). */
export const BASE_SIDES = ['commission'] as const;
export type BaseSide = (typeof BASE_SIDES)[number];

/**
 * The commission's review of a base as a workflow table (issue 15: one kernel, `contracts/src/workflow.ts`):
 * 申报 → 认定 → 运行; any live status → 撤销; a revoked base may apply again.
 */
export const BASE_TRANSITIONS = [
  { step: 'recognise', from: ['applied'], to: 'recognised', by: ['commission'] },
  { step: 'start_operating', from: ['recognised'], to: 'operating', by: ['commission'] },
  { step: 'revoke', from: ['applied', 'recognised', 'operating'], to: 'revoked', by: ['commission'] },
  { step: 'reapply', from: ['revoked'], to: 'applied', by: ['commission'] },
] as const satisfies readonly Transition<string, BaseStatus, BaseSide>[];
export type BaseStep = (typeof BASE_TRANSITIONS)[number]['step'];
/** A step of the review as a message names it. */
export const BASE_STEP_LABELS: Record<BaseStep, { zh: string; en: string }> = {
  recognise: { zh: '认定', en: 'recognise' },
  start_operating: { zh: '挂牌运行', en: 'start operating' },
  revoke: { zh: '撤销', en: 'revoke' },
  reapply: { zh: '重新申报', en: 'apply again' },
};
export const BASE_STEPS = BASE_TRANSITIONS.map((t) => t.step) as [BaseStep, ...BaseStep[]];

export const BASE_FOCUS_AREAS = [
  'cell_therapy',
  'gene_therapy',
  'peptide_drugs',
  'antibodies',
  'vaccines',
  'medical_devices',
  'ai_diagnostics',
  'tcm_innovation',
] as const;
export type BaseFocusArea = (typeof BASE_FOCUS_AREAS)[number];

const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD'));
const text = (max: number) => z.string().trim().max(max);

export const basesListInput = z
  .object({
    q: text(100).optional(),
    status: z.enum(BASE_STATUSES).optional(),
    focus: z.enum(BASE_FOCUS_AREAS).optional(),
    limit: z.number().int().min(1).max(100).default(20),
    cursor: z.string().max(64).optional(),
  })
  .default({ limit: 20 });
export const baseIdInput = z.object({ id });

const baseFields = {
  nameZh: text(100).min(4),
  nameEn: text(200).optional(),
  leadOrgId: id,
  memberOrgIds: z.array(id).min(1).max(50),
  focusAreas: z.array(z.enum(BASE_FOCUS_AREAS)).min(1).max(BASE_FOCUS_AREAS.length),
  foundedOn: isoDate,
  contactName: text(50).min(2),
  contactPhone: text(30).optional(),
  contactEmail: z.string().trim().email(bi('请输入有效的邮箱', 'Enter a valid e-mail address')).max(200).optional(),
  summary: text(2000).optional(),
};
export const basesCreateInput = z.object(baseFields);
export type BasesCreateInput = z.input<typeof basesCreateInput>;

/**
 * The commission edits every field; a member organisation edits only its own part (`memberNote`, `memberContact`).
 * `version` is the base's current version (a stale one is refused).
 */
export const basesUpdateInput = basesCreateInput.partial().extend({
  id,
  version: z.number().int().min(1),
  memberNote: text(500).optional(),
  memberContact: text(100).optional(),
});
export type BasesUpdateInput = z.input<typeof basesUpdateInput>;

/**
 * `status` is the target the caller means; the step that reaches it from the base's current status comes from
 * `BASE_TRANSITIONS` (a status no step reaches is refused). `step`, when given, must be that step.
 */
export const basesSetStatusInput = z.object({
  id,
  version: z.number().int().min(1),
  status: z.enum(BASE_STATUSES),
  step: z.enum(BASE_STEPS).optional(),
  reason: text(500).min(2),
});
export type BasesSetStatusInput = z.input<typeof basesSetStatusInput>;
export const basesLinkTrialInput = z.object({ id, trialId: id, linked: z.boolean().default(true) });

export type BaseMemberView = {
  orgId: string;
  kind: OrgKind;
  nameZh: string;
  nameEn: string | null;
  isLead: boolean;
  note: string | null;
  contact: string | null;
};

/** Figures computed from the platform's records, never typed. */
export type BaseFigures = {
  trialsLinked: number;
  trialsStarted: number;
  sitesActivated: number;
  medianStartupDays: number | null;
  enrolled: number;
  enrolmentTarget: number;
  enrolmentPct: number | null;
  registryTrialsOfMemberHospitals: number;
};

export type BaseListItem = {
  id: string;
  nameZh: string;
  nameEn: string | null;
  status: BaseStatus;
  focusAreas: BaseFocusArea[];
  leadOrgName: string;
  leadOrgNameEn: string | null;
  memberCount: number;
  trialCount: number;
  foundedOn: string;
  isDemo: boolean;
};
