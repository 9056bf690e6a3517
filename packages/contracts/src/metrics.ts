import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';
import { SPONSOR_CLASSES } from './metric-options.ts';
import { TRIAL_PHASES, TRIAL_TYPES } from './trial-options.ts';

/**
 * The commission's metrics (DESIGN §5, issue 7). Every figure has a formula id; the web shows the formula text
 * (i18n `commission.formulas.<id>`) beside it, and `metrics.records` lists the records it is computed from.
 */
export const METRIC_IDS = [
  'specialtyActivePct',
  'piActivePct',
  'startupMedianDays',
  'ethicsMedianWorkingDays',
  'ethicsP75WorkingDays',
  'ethicsWithinClockPct',
  'recognitionAdoptionPct',
  'recognitionMedianWorkingDays',
  'recognitionWorkingDaysSaved',
  'enrolmentAttainmentPct',
  'nonEnrollingPct',
  'capacityLoadPct',
  'incentiveScore',
  /** Stage targets missed or overdue in the period, with their delay reason and attribution (DESIGN §5). */
  'startupDelays',
  /** Not a figure: the trial sites selected by the period end (the drill-down's last level). */
  'activeSites',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

/** Stage targets in calendar days (DESIGN §5, after the UK's 60/60/30 split). */
export const STARTUP_STAGE_TARGETS = { ethics: 60, siv: 60, fpi: 30 } as const;
/** A site counts as non-enrolling when no first patient is in this many days after its SIV. */
export const NON_ENROLLING_AFTER_DAYS = 90;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD'));
const id = z.string().min(1).max(64);

export const metricsFilterInput = z
  .object({
    /** Period (Asia/Shanghai dates, inclusive); default: the 12 months up to today. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    district: z.string().trim().min(1).max(40).optional(),
    hospitalId: id.optional(),
    committeeId: id.optional(),
    specialtyCode: z.string().trim().min(1).max(64).optional(),
    trialType: z.enum(TRIAL_TYPES).optional(),
    phase: z.enum(TRIAL_PHASES).optional(),
    sponsorClass: z.enum(SPONSOR_CLASSES).optional(),
    /** Only the trials run through this collaborative base (issue 18). */
    baseId: id.optional(),
    /** Only the trials this key technology project links (issue 18). */
    projectId: id.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ['to'],
    message: bi('结束日期不能早于开始日期', 'The end date cannot be before the start date'),
  });
export type MetricsFilter = z.input<typeof metricsFilterInput>;

export const METRIC_GROUPINGS = ['district', 'hospital', 'specialty'] as const;
export type MetricGrouping = (typeof METRIC_GROUPINGS)[number];

export const metricsByHospitalInput = z.object({
  filters: metricsFilterInput.default({}),
  groupBy: z.enum(METRIC_GROUPINGS).default('hospital'),
});
export const metricsFiltersOnlyInput = z.object({ filters: metricsFilterInput.default({}) });
export const metricsTrendInput = z.object({
  filters: metricsFilterInput.default({}),
  months: z.number().int().min(2).max(36).default(24),
});
export const metricsRecordsInput = z.object({ metric: z.enum(METRIC_IDS), filters: metricsFilterInput.default({}) });

export const METRIC_TABLES = [
  'byHospital',
  'byCommittee',
  'trend',
  'records',
  'incentive',
  'delays',
  /** The monthly report's base and project sections (issue 18). */
  'programmes',
] as const;
export type MetricTable = (typeof METRIC_TABLES)[number];
export const metricsExportInput = z.object({
  table: z.enum(METRIC_TABLES),
  filters: metricsFilterInput.default({}),
  groupBy: z.enum(METRIC_GROUPINGS).default('hospital'),
  metric: z.enum(METRIC_IDS).optional(),
});

/** The headline figures; a figure without data is null (shown as "—", never as 0). */
export type OverviewFigures = {
  conversion: { specialtyActivePct: number | null; piActivePct: number | null };
  startup: { medianDays: number | null };
  ethics: {
    medianWorkingDays: number | null;
    p75WorkingDays: number | null;
    withinClockPct: number | null;
    /** Some review counted ran through a year the working-day calendar does not know: the UI warns (issue 11). */
    calendarUnknown: boolean;
  };
  recognition: {
    adoptionPct: number | null;
    medianWorkingDays: number | null;
    workingDaysSaved: number | null;
    /** False while the mutual-recognition workflow is not in the database: the figures are not computed. */
    available: boolean;
    calendarUnknown: boolean;
  };
  enrolment: { attainmentPct: number | null; nonEnrollingPct: number | null };
};

/** Incentive index (激励指数) terms, each a 0–100 score. */
export const INCENTIVE_TERMS = [
  'conversion',
  'piActive',
  'startup',
  'ethicsWithinClock',
  'recognition',
  'enrolment',
  'enrolling',
] as const;
export type IncentiveTerm = (typeof INCENTIVE_TERMS)[number];
export const DEFAULT_INCENTIVE_WEIGHTS: Record<IncentiveTerm, number> = {
  conversion: 25,
  piActive: 15,
  startup: 20,
  ethicsWithinClock: 15,
  recognition: 10,
  enrolment: 10,
  enrolling: 5,
};

const weight = z.number().int().min(0).max(100);
export const setIncentiveWeightsInput = z
  .object({
    weights: z.object(
      Object.fromEntries(INCENTIVE_TERMS.map((t) => [t, weight])) as Record<IncentiveTerm, typeof weight>,
    ),
    note: z.string().trim().min(2).max(500),
  })
  .refine((w) => Object.values(w.weights).reduce((a, b) => a + b, 0) === 100, {
    path: ['weights'],
    message: bi('各项权重之和须为 100', 'The weights must add up to 100'),
  });
export type SetIncentiveWeightsInput = z.input<typeof setIncentiveWeightsInput>;

export const keyProjectFlagInput = z.object({
  trialId: id,
  flagged: z.boolean(),
  reason: z.string().trim().min(2).max(500),
});
