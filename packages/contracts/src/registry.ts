import { z } from 'zod';

/**
 * Public registries (issue 13): ClinicalTrials.gov (API v2 study JSON) and the NMPA/CDE registry
 * 药物临床试验登记与信息公示平台 (CTR). A registry trial is history, never a workflow record.
 */
export const REGISTRY_SOURCES = ['ctgov', 'ctr'] as const;
export type RegistrySource = (typeof REGISTRY_SOURCES)[number];

/** Overall status, mapped from CT.gov's enum and CTR's 进行中/已完成… text; the raw value is kept beside it. */
export const REGISTRY_STATUSES = [
  'not_yet_recruiting',
  'recruiting',
  'enrolling_by_invitation',
  'active_not_recruiting',
  'suspended',
  'terminated',
  'completed',
  'withdrawn',
  'unknown',
] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];
/** Statuses a sponsor counts as "running now" (在研). */
export const REGISTRY_OPEN_STATUSES: readonly RegistryStatus[] = [
  'not_yet_recruiting',
  'recruiting',
  'enrolling_by_invitation',
  'active_not_recruiting',
];

/** Phases, mapped from CT.gov (PHASE1…) and CTR (I期, 生物等效性试验…). A trial may carry several (I/II). */
export const REGISTRY_PHASES = ['early_phase1', 'phase1', 'phase2', 'phase3', 'phase4', 'be', 'na'] as const;
export type RegistryPhase = (typeof REGISTRY_PHASES)[number];

/**
 * How a registry location ended: linked to a platform hospital, waiting in the review queue, a name the admin
 * marked as not a (platform) hospital, or outside China (never resolved: every platform hospital is in China).
 */
export const REGISTRY_SITE_RESOLUTIONS = ['resolved', 'queued', 'rejected', 'not_applicable'] as const;
export type RegistrySiteResolution = (typeof REGISTRY_SITE_RESOLUTIONS)[number];
/** alias = exact normalised alias; fuzzy = above the threshold with the city agreeing; review = an admin's decision. */
export const REGISTRY_RESOLUTION_METHODS = ['alias', 'fuzzy', 'review'] as const;
export type RegistryResolutionMethod = (typeof REGISTRY_RESOLUTION_METHODS)[number];

export const REGISTRY_QUEUE_STATUSES = ['open', 'resolved', 'rejected'] as const;
export type RegistryQueueStatus = (typeof REGISTRY_QUEUE_STATUSES)[number];

/** CTR ethics decisions: 同意 / 修改后同意; anything else is kept raw as `other`. */
export const REGISTRY_EC_DECISIONS = ['approved', 'approved_with_modifications', 'other'] as const;
export type RegistryEcDecision = (typeof REGISTRY_EC_DECISIONS)[number];

export const ALIAS_KINDS = ['name', 'short', 'former', 'english', 'registry', 'learnt', 'other'] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];

/** The registry page of a record: ClinicalTrials.gov or the CDE registry (search by CTR number). */
export function registryUrl(source: RegistrySource, registryId: string): string {
  return source === 'ctgov'
    ? `https://clinicaltrials.gov/study/${encodeURIComponent(registryId)}`
    : `http://www.chinadrugtrials.org.cn/clinicaltrials.searchlist.dhtml?keywords=${encodeURIComponent(registryId)}`;
}

/** Largest file the web upload takes through `registry.import` (the tRPC body limit is 5 MB; base64 adds a third). */
export const REGISTRY_UPLOAD_MAX_BYTES = 3_500_000;

const base64 = z
  .string()
  .min(1)
  .max(Math.ceil(REGISTRY_UPLOAD_MAX_BYTES / 3) * 4 + 4)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/);

/**
 * `registry.import`: CT.gov takes one JSON file (array of studies or {studies:[…]}); CTR takes the four header-less
 * CSV files of the sample layout, recognised by name (trial_info.csv, trial_site_info.csv, trial_pi_info.csv,
 * trial_ec_info.csv). All-or-nothing unless `partial`.
 */
export const registryImportInput = z.object({
  source: z.enum(REGISTRY_SOURCES),
  files: z
    .array(z.object({ name: z.string().trim().min(1).max(200), contentBase64: base64 }))
    .min(1)
    .max(4),
  partial: z.boolean().default(false),
});

export const registryImportsInput = z
  .object({ limit: z.number().int().min(1).max(100).default(50) })
  .default({ limit: 50 });

export const registryQueueInput = z
  .object({
    status: z.enum(REGISTRY_QUEUE_STATUSES).optional(),
    /** Part of the raw name or the city (an addition to the contract: the queue runs to hundreds). */
    q: z.string().trim().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    /** The id of the last item of the previous page. */
    cursor: z.number().int().min(0).optional(),
  })
  .default({ limit: 50 });

export const registryResolveInput = z.object({
  queueId: z.number().int().min(1),
  hospitalId: z.string().min(1).max(64),
});

export const registryRejectInput = z.object({
  queueId: z.number().int().min(1),
  reason: z.string().trim().min(2).max(500),
});

export const registryTrialsOfHospitalInput = z.object({
  hospitalId: z.string().min(1).max(64),
  /** Free text over the raw conditions and MeSH terms (the vocabulary maps them to codes later). */
  condition: z.string().trim().min(1).max(200).optional(),
  status: z.enum(REGISTRY_STATUSES).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.number().int().min(0).optional(),
});

export const registryOfTrialInput = z.object({ trialId: z.string().min(1).max(64) });

/** What one import did (the CLI prints it, the imports page lists it). */
export type RegistryImportSummary = {
  studies: number;
  created: number;
  updated: number;
  /** Unchanged records (same content) and older versions of records already held. */
  skipped: number;
  malformed: number;
  sites: number;
  resolved: number;
  queued: number;
  /** Locations whose name an admin marked as not a platform hospital. */
  rejected: number;
  ethicsDecisions: number;
  /** Distinct condition terms of the records written that the condition vocabulary could not place. */
  unplacedConditions: number;
  /** The first 50 of them, for the admin to see (and the vocabulary to learn). */
  unplacedConditionTerms?: string[];
};
export type RegistryImportError = { index: number; id: string | null; reason: string };
