import { z } from 'zod';
import { CAPABILITY_CODES, SPECIALTY_SCOPES } from './capacity.ts';
import { HOSPITAL_LEVELS } from './roles.ts';
import { SEARCH_PHASES, SITE_SORTS } from './site-search-options.ts';

/** Public contract `sites.search` (issues 3 and 13). */
export const sitesSearchInput = z.object({
  /** Free text; long enough for a registry facility name ("… /ID# 253042" is ignored). */
  q: z.string().trim().max(200).optional(),
  /** A condition in any form the vocabulary knows (非小细胞肺癌, NSCLC, "Carcinoma, Non-Small-Cell Lung"). */
  condition: z.string().trim().max(100).optional(),
  phase: z.enum(SEARCH_PHASES).optional(),
  specialty: z.string().trim().max(64).optional(),
  district: z.string().trim().max(32).optional(),
  level: z.enum(HOSPITAL_LEVELS).optional(),
  hasPhase1Unit: z.boolean().optional(),
  capabilities: z.array(z.enum(CAPABILITY_CODES)).max(16).optional(),
  diseaseArea: z.string().trim().max(50).optional(),
  minFreeSlots: z.number().int().min(0).max(1000).optional(),
  scope: z.enum(SPECIALTY_SCOPES).optional(),
  sort: z.enum(SITE_SORTS).optional(),
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().max(64).optional(),
  /**
   * Send only each hospital's first n specialties (in the order shown; `specialtyCount` still counts them all).
   * Absent: every matching specialty, as before. The web's result card shows three (issue 16: a page of twenty
   * hospitals with every specialty and investigator was 200 KB).
   */
  specialtiesPerItem: z.number().int().min(1).max(100).optional(),
});
export type SitesSearchInput = z.input<typeof sitesSearchInput>;

export type SiteSearchInvestigator = {
  id: string;
  name: string;
  title: string;
  level: string;
  freeSlots: number;
  eligibleToLeadDrugTrial: boolean;
};

export type SiteSearchSpecialty = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  maxConcurrentTrials: number;
  activeTrials: number;
  freeSlots: number;
  diseaseAreas: string[];
  investigators: SiteSearchInvestigator[];
};

export type SiteSearchItem = {
  hospitalId: string;
  name: string;
  nameEn: string | null;
  district: string | null;
  level: string | null;
  /** Fit in 0–100; `reasons` say what it is made of, in the caller's language. */
  score: number;
  reasons: string[];
  specialties: SiteSearchSpecialty[];
  /** How many specialties match, when `specialtiesPerItem` sent fewer. */
  specialtyCount: number;
  stale: boolean;
  capacityConfirmedAt: number | null;
  hasPhase1Unit: boolean;
  capabilities: string[];
  freeSlots: number;
  /** Past performance from the platform's own records; null where the hospital has none yet. */
  performance: {
    startupMedianDays: number | null;
    enrolmentRate: number | null;
    ethicsMedianWorkingDays: number | null;
  } | null;
};

export type FacetValue = { value: string; label: string; count: number };

export type SitesSearchOutput = {
  items: SiteSearchItem[];
  total: number;
  nextCursor: string | null;
  facets: { specialty: FacetValue[]; district: FacetValue[]; level: FacetValue[]; capability: FacetValue[] };
  /** When nothing matched: which filters to relax, most useful first. */
  suggestions: { filter: string; label: string; total: number }[];
  /** How the query and the condition filter were read against the disease vocabulary. */
  conditions: SearchCondition[];
};

/**
 * A condition as search understood it: the vocabulary entry (null when the text is not one), its localised name and
 * the broader conditions it belongs to, nearest first (非小细胞肺癌 → 肺癌 → 恶性肿瘤 → 肿瘤).
 */
export type SearchCondition = {
  text: string;
  source: 'q' | 'condition';
  id: string | null;
  name: string | null;
  icd10: string | null;
  broader: string[];
};

/** The disease picker: vocabulary entries for what was typed. */
export const sitesConditionsInput = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.number().int().min(1).max(20).default(10),
});
export type ConditionOption = {
  id: string;
  zh: string;
  en: string;
  icd10: string | null;
  /** Short forms (NSCLC, T2DM) to show beside the name. */
  abbreviations: string[];
};

export const compareSitesInput = z.object({
  hospitalIds: z.array(z.string().min(1).max(64)).min(1).max(5),
  q: z.string().trim().max(200).optional(),
  specialty: z.string().trim().max(64).optional(),
});

export const shortlistNameSchema = z.string().trim().min(1).max(60);
export const shortlistCreateInput = z.object({ name: shortlistNameSchema });
export const shortlistRenameInput = z.object({ id: z.string().min(1).max(64), name: shortlistNameSchema });
export const shortlistIdInput = z.object({ id: z.string().min(1).max(64) });
export const shortlistItemInput = z.object({
  shortlistId: z.string().min(1).max(64),
  hospitalId: z.string().min(1).max(64),
  note: z.string().trim().max(500).optional(),
});
/**
 * The search a hospital was shortlisted from (issue 14): its query and filters, without the page or the order. The
 * shortlist scores and explains the hospital against it, as search did.
 */
export const shortlistQuerySchema = sitesSearchInput.omit({
  cursor: true,
  limit: true,
  sort: true,
  specialtiesPerItem: true,
});
export type ShortlistQuery = z.output<typeof shortlistQuerySchema>;
export const shortlistAddItemInput = shortlistItemInput.extend({ query: shortlistQuerySchema.optional() });
export const shortlistRemoveItemInput = z.object({
  shortlistId: z.string().min(1).max(64),
  hospitalId: z.string().min(1).max(64),
});
export const exportSearchInput = sitesSearchInput.omit({ cursor: true, limit: true, specialtiesPerItem: true });

export type ExportFile = { filename: string; mime: string; base64: string };
