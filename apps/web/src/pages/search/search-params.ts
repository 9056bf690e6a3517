import {
  CAPABILITY_CODES,
  HOSPITAL_LEVELS,
  SEARCH_PHASES,
  SITE_SORTS,
  type SitesSearchInput,
  SPECIALTY_SCOPES,
} from '@ctp/contracts';

/**
 * The search lives in the URL, so a link reproduces it: q, specialty, district, level, phase, caps (comma list),
 * condition, minFree, scope, sort. Older links keep working (`disease` for the 病种 filter, `phase1=1` for Phase I).
 * Unknown or malformed values are dropped rather than sent.
 */
export function readSearch(params: URLSearchParams): Omit<SitesSearchInput, 'cursor' | 'limit'> {
  const pick = <T extends string>(v: string | null, allowed: readonly T[]): T | undefined =>
    v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
  const minFree = Number(params.get('minFree'));
  const caps = (params.get('caps') ?? '')
    .split(',')
    .filter((c): c is (typeof CAPABILITY_CODES)[number] => (CAPABILITY_CODES as readonly string[]).includes(c));
  return {
    q: params.get('q') || undefined,
    specialty: params.get('specialty') || undefined,
    district: params.get('district') || undefined,
    level: pick(params.get('level'), HOSPITAL_LEVELS),
    phase: pick(params.get('phase'), SEARCH_PHASES) ?? (params.get('phase1') === '1' ? 'I' : undefined),
    capabilities: caps.length ? caps : undefined,
    diseaseArea: params.get('disease') || undefined,
    condition: params.get('condition') || undefined,
    minFreeSlots: Number.isInteger(minFree) && minFree > 0 ? minFree : undefined,
    scope: pick(params.get('scope'), SPECIALTY_SCOPES),
    sort: pick(params.get('sort'), SITE_SORTS),
  };
}

/** The URL key of each search field. */
export const PARAM_OF = {
  q: 'q',
  specialty: 'specialty',
  district: 'district',
  level: 'level',
  hasPhase1Unit: 'phase1',
  phase: 'phase',
  capabilities: 'caps',
  diseaseArea: 'disease',
  condition: 'condition',
  minFreeSlots: 'minFree',
  scope: 'scope',
  sort: 'sort',
} as const;
