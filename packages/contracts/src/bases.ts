import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';
import type { OrgKind } from './roles.ts';

/**
 * Collaborative innovation bases (医研企协同创新基地, issue 18): hospitals, enterprises and universities around focus
 * areas. The commission registers and reviews them; each member keeps its own part current.
 */
export const BASE_STATUSES = ['applied', 'recognised', 'operating', 'revoked'] as const;
export type BaseStatus = (typeof BASE_STATUSES)[number];

/** Which status may follow which (申报 → 认定 → 运行; any → 撤销; a revoked base may apply again). */
export const BASE_STATUS_STEPS: Record<BaseStatus, readonly BaseStatus[]> = {
  applied: ['recognised', 'revoked'],
  recognised: ['operating', 'revoked'],
  operating: ['revoked'],
  revoked: ['applied'],
};

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

export const basesSetStatusInput = z.object({
  id,
  version: z.number().int().min(1),
  status: z.enum(BASE_STATUSES),
  reason: text(500).min(2),
});
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
