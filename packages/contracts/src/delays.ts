import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';
import { STAGE_TARGET_DAYS } from './trials.ts';

/**
 * Start-up delay reasons (DESIGN §5): a trial site that misses a stage target (ethics approved ≤ 60 days after
 * selection, SIV ≤ 60 days after ethics, first patient ≤ 30 days after SIV) records why, from a fixed list, and whose
 * delay it is — sponsor, hospital or both — as English trusts publish per trial.
 */
export const DELAY_STAGES = [
  'ethicsApproved',
  'siv',
  'fpi',
] as const satisfies readonly (keyof typeof STAGE_TARGET_DAYS)[];
export type DelayStage = (typeof DELAY_STAGES)[number];
export const DELAY_REASONS = [
  'ethics_permissions',
  'contract',
  'sponsor_hold',
  'staff_availability',
  'no_eligible_patients',
  'patients_declined',
  'drug_supply',
  'other',
] as const;
export type DelayReason = (typeof DELAY_REASONS)[number];
export const DELAY_ATTRIBUTIONS = ['sponsor', 'hospital', 'both'] as const;
export type DelayAttribution = (typeof DELAY_ATTRIBUTIONS)[number];

/** Names for exports and messages (the web has its own i18n keys `trials.delays.*`). */
export const DELAY_REASON_LABELS: Record<DelayReason, { zh: string; en: string }> = {
  ethics_permissions: { zh: '伦理/审批', en: 'Ethics / permissions' },
  contract: { zh: '合同', en: 'Contract' },
  sponsor_hold: { zh: '申办方暂停或变更', en: 'Sponsor hold or change' },
  staff_availability: { zh: '人员不足', en: 'Staff availability' },
  no_eligible_patients: { zh: '无合格患者', en: 'No eligible patients' },
  patients_declined: { zh: '患者拒绝参加', en: 'Patients declined' },
  drug_supply: { zh: '药物供应', en: 'Drug supply' },
  other: { zh: '其他', en: 'Other' },
};
export const DELAY_ATTRIBUTION_LABELS: Record<DelayAttribution, { zh: string; en: string }> = {
  sponsor: { zh: '申办方', en: 'Sponsor' },
  hospital: { zh: '医院', en: 'Hospital' },
  both: { zh: '双方', en: 'Both' },
};

/** Each stage starts at the previous milestone and ends at its own. */
export const DELAY_STAGE_START: Record<DelayStage, 'selected' | 'ethicsApproved' | 'siv'> = {
  ethicsApproved: 'selected',
  siv: 'ethicsApproved',
  fpi: 'siv',
};

export const recordDelayInput = z
  .object({
    trialSiteId: z.string().min(1).max(64),
    stage: z.enum(DELAY_STAGES),
    reason: z.enum(DELAY_REASONS),
    attribution: z.enum(DELAY_ATTRIBUTIONS),
    note: z
      .string()
      .trim()
      .max(500)
      .transform((v) => v || undefined)
      .optional(),
  })
  .refine((d) => d.reason !== 'other' || (d.note?.length ?? 0) >= 2, {
    path: ['note'],
    message: bi('选择“其他”时请说明原因', 'Describe the reason when you choose "other"'),
  });
export type RecordDelayInput = z.input<typeof recordDelayInput>;
export const delayHistoryInput = z.object({ trialSiteId: z.string().min(1).max(64) });

export type StageMilestones = {
  selected: string | null;
  ethicsApproved: string | null;
  siv: string | null;
  fpi: string | null;
};
export type StageStatus = {
  stage: DelayStage;
  /** `missed`: reached after its target; `overdue`: not reached and the target has passed. */
  status: 'on_time' | 'pending' | 'missed' | 'overdue';
  start: string;
  targetDate: string;
  doneDate: string | null;
  daysLate: number;
};

const DAY = 86_400_000;
function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/**
 * The stage targets of a site on a date (Asia/Shanghai calendar dates). A stage counts only once it has started;
 * `running` false (declined, suspended, terminated, closed) means nothing becomes overdue any more.
 */
export function stageStatuses(m: StageMilestones, today: string, running: boolean): StageStatus[] {
  const out: StageStatus[] = [];
  for (const stage of DELAY_STAGES) {
    const start = m[DELAY_STAGE_START[stage]];
    if (!start) continue;
    const targetDate = plusDays(start, STAGE_TARGET_DAYS[stage]);
    const done = m[stage];
    if (done) {
      const late = daysFrom(targetDate, done);
      out.push({
        stage,
        status: late > 0 ? 'missed' : 'on_time',
        start,
        targetDate,
        doneDate: done,
        daysLate: Math.max(0, late),
      });
    } else {
      const late = daysFrom(targetDate, today);
      out.push({
        stage,
        status: running && late > 0 ? 'overdue' : 'pending',
        start,
        targetDate,
        doneDate: null,
        daysLate: running ? Math.max(0, late) : 0,
      });
    }
  }
  return out;
}

export const isDelayed = (s: Pick<StageStatus, 'status'>) => s.status === 'missed' || s.status === 'overdue';
