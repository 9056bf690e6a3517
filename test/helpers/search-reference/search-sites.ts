/**
 * The site search as it was before the national-scale CPU work (issue 16), kept verbatim as the oracle of
 * search-equivalence.int.test.ts: the optimised search must return exactly what this returns.
 */
import {
  CAPABILITIES,
  type FacetValue,
  type Locale,
  POLICIES,
  type RegistryPhase,
  reasonText,
  type SearchCondition,
  type SiteSort,
  type SitesSearchInput,
  type SitesSearchOutput,
  sitesSearchInput,
} from '@ctp/contracts';
import type { Db } from '@ctp/db';
import type { HospitalCapacity, SpecialtyCapacity } from '../../../packages/domain/src/capacity/load-capacity.ts';
import {
  cachedRegistryExperience,
  exactAliasMatch,
  loadHospitalCapacity,
} from '../../../packages/domain/src/capacity/read-model-reads.ts';
import { parseSearchQuery } from '../../../packages/domain/src/capacity/search-query.ts';
import { searchReadModel } from '../../../packages/domain/src/capacity/search-read-model.ts';
import { searchCacheKey } from '../../../packages/domain/src/capacity/search-result-cache.ts';
import type { SitePerformance } from '../../../packages/domain/src/capacity/site-performance.ts';
import type { Ctx } from '../../../packages/domain/src/context.ts';
import { DomainError, forbidden } from '../../../packages/domain/src/errors.ts';
import { inLocale } from '../../../packages/domain/src/presentation/in-locale.ts';
import {
  ancestorsOf,
  type ConditionEntry,
  resolveCondition,
} from '../../../packages/domain/src/vocabulary/condition-vocabulary.ts';
import { areaMatchesInRegistry, areaMatchesOf, mappedSpecialties, scopeOf } from './condition-areas.ts';
import { conditionExperience, hasRegistryPhase } from './registry-experience.ts';
import { type Candidate, type Fit, fitOf, type RegistryFit, scoreCandidate } from './score-candidate.ts';
import {
  addConditionHitSpecialties,
  areaNames,
  bestHitWeight,
  type ConditionHit,
  conditionHitWeight,
  includesText,
  matchConditionTerm,
  matchTextTerms,
  specialtyMatchesText,
  specialtyNameMatches,
  type TermHit,
} from './site-match.ts';

// The parsed input (zod's output type), without a root dependency on zod.
type Input = ReturnType<typeof sitesSearchInput.parse>;

/** Registry phases a phase filter accepts (a registered Phase II/III counts for II and for III). */
const REGISTRY_PHASE: Record<'II' | 'III' | 'IV', readonly RegistryPhase[]> = {
  II: ['phase2'],
  III: ['phase3'],
  IV: ['phase4'],
};

function specialtyMatchesCode(s: SpecialtyCapacity, code: string): boolean {
  return s.code === code || s.parentCode === code;
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(n) || n < 0)
    throw new DomainError('VALIDATION', 'VALIDATION_FAILED', {
      fieldErrors: [{ path: 'cursor', message: 'VALIDATION_FAILED' }],
    });
  return n;
}

/** Built once: constructing an ICU collator per search cost more than the sort. */
const collator = new Intl.Collator('zh-CN');

const encodeCursor = (offset: number) => Buffer.from(String(offset)).toString('base64url');

/**
 * A condition filter (the 病种 box, `condition` or the older `diseaseArea`): a vocabulary entry narrows to the
 * specialties filing it, a subtype or the broader area containing it (or, when no site files any, the specialties
 * that treat it); text the vocabulary does not know narrows to areas containing it, as before.
 */
type ConditionFilter = { text: string; entry: ConditionEntry | null; anyFiled: boolean };

function conditionFilterOf(text: string, registry: HospitalCapacity[]): ConditionFilter {
  const entry = resolveCondition(text)?.entry ?? null;
  if (!entry) return { text, entry, anyFiled: false };
  return { text, entry, anyFiled: areaMatchesInRegistry(registry, scopeOf(entry.id)).size > 0 };
}

function applyConditionFilter(
  f: ConditionFilter,
  h: HospitalCapacity,
  specs: SpecialtyCapacity[],
): { specs: SpecialtyCapacity[]; hit: ConditionHit | null } {
  if (!f.entry) return { specs: specs.filter((s) => includesText(areaNames(s), f.text)), hit: null };
  const term = { text: f.text, entry: f.entry };
  if (f.anyFiled) {
    const areas = areaMatchesOf(h, scopeOf(f.entry.id)).filter((a) => specs.includes(a.spec));
    return { specs: [...new Set(areas.map((a) => a.spec))], hit: { term, areas, mapped: [], fromFilter: true } };
  }
  const mapped = mappedSpecialties(h, f.entry.id).filter((s) => specs.includes(s));
  return { specs: mapped, hit: { term, areas: [], mapped, fromFilter: true } };
}

function describeCondition(
  text: string,
  entry: ConditionEntry | null,
  source: SearchCondition['source'],
  locale: Locale,
): SearchCondition {
  const name = (e: ConditionEntry) => inLocale(locale, e);
  return {
    text,
    source,
    id: entry?.id ?? null,
    name: entry ? name(entry) : null,
    icd10: entry?.icd10 ?? null,
    broader: entry ? ancestorsOf(entry.id).map(name) : [],
  };
}

/**
 * Site search (DESIGN §6, issue 13): free text over names and aliases (zh/en), pinyin, specialties, PIs and
 * capabilities; conditions through the disease vocabulary (synonyms, abbreviations, subtypes and their broader
 * areas; English phrases as phrases); an exact alias always first; filters; facet counts over the filtered set; a
 * 0–100 fit score with its reasons (see `scoreCandidate`).
 */
export function searchSites(args: {
  ctx: Ctx;
  input: SitesSearchInput;
  hospitalIds?: string[];
  suggest?: boolean;
}): SitesSearchOutput {
  const { ctx, hospitalIds, suggest = true } = args;
  if (!POLICIES.searchSites.allows(ctx.actor)) throw forbidden();
  const cache = !hospitalIds && suggest ? ctx.services.searchCache : undefined;
  if (!cache) return runSearch(args);
  const input = sitesSearchInput.parse(args.input);
  const now = ctx.now();
  // The model is brought up to date first: the version read here is the one the search below reads.
  const model = searchReadModel(ctx.db, now);
  const version = `${model.version}:${model.day}`;
  const key = searchCacheKey(ctx.actor?.orgId ?? null, ctx.locale, input);
  const hit = cache.get(ctx.db, key, version, now);
  if (hit) return hit;
  const output = runSearch({ ctx: { ...ctx, now: () => now }, input });
  cache.set(ctx.db, key, version, now, output);
  return output;
}

function runSearch({
  ctx,
  input: raw,
  hospitalIds,
  suggest = true,
}: {
  ctx: Ctx;
  input: SitesSearchInput;
  /** Restricts the search to these hospitals (shortlists and compare reuse the same scoring). */
  hospitalIds?: string[];
  /** Whether an empty result suggests filters to relax (not for the relaxed searches themselves). */
  suggest?: boolean;
}): SitesSearchOutput {
  if (!POLICIES.searchSites.allows(ctx.actor)) throw forbidden();
  const input = sitesSearchInput.parse(raw);
  const now = ctx.now();
  // The whole registry comes from the generation cache; a text match or a given list only narrows it.
  const registry = loadHospitalCapacity(ctx.db, now);
  const parsed = input.q ? parseSearchQuery(input.q) : null;
  const alias = parsed ? exactAliasMatch(ctx.db, now, parsed.cleaned) : null;

  // 1. Text: every term (free-text word or condition) must match; remember each hit.
  const hitsOf = new Map<string, TermHit[]>();
  const conditionHitsOf = new Map<string, ConditionHit[]>();
  const addHits = (from: Map<string, TermHit[]>) => {
    for (const [id, list] of from) hitsOf.set(id, [...(hitsOf.get(id) ?? []), ...list]);
  };
  const termMatches: Set<string>[] = [];
  const narrow = (ids: Set<string>) => termMatches.push(ids);
  const text = parsed?.text ? matchTextTerms(ctx.db, parsed.text) : null;
  if (text?.ids) {
    addHits(text.hits);
    narrow(text.ids);
  }
  for (const term of parsed?.conditions ?? []) {
    const m = matchConditionTerm(ctx.db, registry, term);
    addHits(m.hits);
    for (const [id, hit] of m.conditionHits) conditionHitsOf.set(id, [...(conditionHitsOf.get(id) ?? []), hit]);
    narrow(m.ids);
  }
  const matched = termMatches.length
    ? new Set([...termMatches[0]!].filter((id) => termMatches.every((s) => s.has(id))))
    : null;
  const hasQuery = matched !== null || alias !== null;
  // An exact alias match is in the result even when the words do not match ("… /ID# 253042").
  const wanted = alias ? new Set([...(matched ?? []), ...alias.orgIds]) : matched;
  const within = hospitalIds ? new Set(hospitalIds) : null;
  const loaded = registry.filter((h) => (!wanted || wanted.has(h.org.id)) && (!within || within.has(h.org.id)));
  const textTerms = [...(text?.terms.map((t) => t.text) ?? [])];
  const conditionTerms = parsed?.conditions ?? [];
  const candidates: Candidate[] = loaded.map((h) => {
    const aliasName = alias?.orgIds.has(h.org.id) ? alias.alias : null;
    if (!hasQuery)
      return {
        h,
        alias: aliasName,
        hits: [],
        conditionHits: [],
        relevance: 0,
        relevant: h.specialties,
        focused: false,
      };
    const hits = hitsOf.get(h.org.id) ?? [];
    const conditionHits = conditionHitsOf.get(h.org.id) ?? [];
    // The weakest term's best evidence: every term must be well met for a high score.
    let relevance = textTerms.length + conditionTerms.length ? 1 : 0;
    for (const t of textTerms) relevance = Math.min(relevance, bestHitWeight(hits, t));
    for (const t of conditionTerms) {
      const hit = conditionHits.find((c) => c.term.entry.id === t.entry.id);
      relevance = Math.min(relevance, Math.max(bestHitWeight(hits, t.text), conditionHitWeight(hit)));
    }
    const relevant = new Set<SpecialtyCapacity>();
    if (textTerms.length)
      for (const sp of h.specialties) if (textTerms.some((t) => specialtyMatchesText(sp, t))) relevant.add(sp);
    for (const t of conditionTerms)
      if (hits.some((x) => x.text === t.text && x.column === 'specialties'))
        for (const sp of h.specialties) if (specialtyNameMatches(sp, t.text)) relevant.add(sp);
    for (const c of conditionHits) addConditionHitSpecialties(c, relevant);
    const list = relevant.size ? h.specialties.filter((sp) => relevant.has(sp)) : [];
    return {
      h,
      alias: aliasName,
      hits,
      conditionHits,
      relevance: aliasName ? 1 : relevance,
      relevant: list.length ? list : h.specialties,
      focused: list.length > 0,
    };
  });

  // 2. Filters.
  const filters = [input.diseaseArea, input.condition]
    .filter((v): v is string => Boolean(v))
    .map((v) => conditionFilterOf(v, registry));
  // The condition registry history is counted for: the filter (the narrower statement), else the query's first.
  const registryEntry = filters.find((f) => f.entry)?.entry ?? conditionTerms[0]?.entry ?? null;
  const experience = cachedRegistryExperience(ctx.db, now);
  const registryPhase = input.phase && input.phase !== 'I' && input.phase !== 'BE' ? REGISTRY_PHASE[input.phase] : null;
  const filtered = candidates.filter((c) => {
    const { h } = c;
    if (input.district && h.org.district !== input.district) return false;
    if (input.level && h.org.level !== input.level) return false;
    if (input.hasPhase1Unit !== undefined && h.hasPhase1Unit !== input.hasPhase1Unit) return false;
    if (input.phase === 'I' && !h.hasPhase1Unit) return false;
    if (input.phase === 'BE' && !h.specialties.some((s) => s.code === 'phase1_be')) return false;
    if (registryPhase && !hasRegistryPhase(experience.get(h.org.id), registryPhase, registryEntry?.id ?? null))
      return false;
    if (input.capabilities?.length && !input.capabilities.every((cap) => h.capabilities.includes(cap))) return false;
    return true;
  });
  const refined: Candidate[] = [];
  for (const c of filtered) {
    let specs = c.relevant;
    let focused = c.focused;
    const conditionHits = [...c.conditionHits];
    if (input.specialty) {
      specs = (focused ? specs : c.h.specialties).filter((s) => specialtyMatchesCode(s, input.specialty!));
      if (!specs.length && c.focused) specs = c.h.specialties.filter((s) => specialtyMatchesCode(s, input.specialty!));
      focused = true;
    }
    for (const f of filters) {
      const r = applyConditionFilter(f, c.h, focused ? specs : c.h.specialties);
      specs = r.specs;
      if (r.hit) conditionHits.push(r.hit);
      focused = true;
    }
    if (input.scope) {
      specs = specs.filter((s) => s.scope === input.scope || s.scope === 'both');
      focused = true;
    }
    if (input.minFreeSlots !== undefined) {
      specs = specs.filter((s) => s.freeSlots >= input.minFreeSlots!);
      focused = true;
    }
    if (focused && !specs.length) continue;
    refined.push({ ...c, relevant: specs, focused, conditionHits });
  }

  // 3. Score; sort (an exact name match first, whatever the order).
  const performance = searchReadModel(ctx.db, now).performance;
  type Ranked = { c: Candidate; fit: Fit; perf: SitePerformance | null; registry: RegistryFit | null; trials: number };
  const ranked: Ranked[] = refined.map((c) => {
    const trials = experience.get(c.h.org.id);
    const registry = registryEntry
      ? { entry: registryEntry, experience: conditionExperience(trials, registryEntry.id, now) }
      : null;
    return {
      c,
      fit: fitOf(c, hasQuery, registry),
      perf: performance.get(c.h.org.id) ?? null,
      registry,
      trials: registry ? registry.experience.recent : (trials?.length ?? 0),
    };
  });
  const sort: SiteSort = input.sort ?? (hasQuery ? 'fit' : 'freeSlots');
  const pinned = (r: Ranked) => (r.c.alias ? 0 : 1);
  const name = (r: Ranked) => r.c.h.org.nameZh;
  ranked.sort((a, b) => {
    const pin = pinned(a) - pinned(b);
    if (pin) return pin;
    const byScore = b.fit.score - a.fit.score;
    if (sort === 'name') return collator.compare(name(a), name(b));
    if (sort === 'freeSlots') return b.fit.freeSlots - a.fit.freeSlots || byScore || collator.compare(name(a), name(b));
    if (sort === 'startupSpeed') return byKnown(a.perf?.startupMedianDays, b.perf?.startupMedianDays, 1) || byScore;
    if (sort === 'enrolmentRate') return byKnown(a.perf?.enrolmentRate, b.perf?.enrolmentRate, -1) || byScore;
    if (sort === 'registry_experience') return b.trials - a.trials || byScore || collator.compare(name(a), name(b));
    if (sort === 'ethicsTurnaround')
      return byKnown(a.perf?.ethicsMedianWorkingDays, b.perf?.ethicsMedianWorkingDays, 1) || byScore;
    return byScore || b.fit.freeSlots - a.fit.freeSlots || collator.compare(name(a), name(b));
  });

  // 4. Explain the page only (the reasons of a thousand hospitals nobody sees cost more than the search), facet.
  const extra = input.phase === 'BE' ? [reasonText(ctx.locale, 'beUnit')] : [];
  if (registryPhase) extra.push(reasonText(ctx.locale, 'registryPhase', { phase: input.phase! }));
  const offset = decodeCursor(input.cursor);
  const page = ranked
    .slice(offset, offset + input.limit)
    .map((r) => scoreCandidate(r.c, r.fit, now, ctx.locale, r.perf, extra, r.registry, input.specialtiesPerItem));
  const facets = buildFacets(ctx.db, now, refined, ctx.locale);
  return {
    items: page,
    total: ranked.length,
    nextCursor: offset + input.limit < ranked.length ? encodeCursor(offset + input.limit) : null,
    facets,
    suggestions: ranked.length || hospitalIds || !suggest ? [] : suggestRelaxations({ ctx, input }),
    conditions: [
      ...(parsed?.conditions ?? []).map((t) => describeCondition(t.text, t.entry, 'q', ctx.locale)),
      ...filters.map((f) => describeCondition(f.text, f.entry, 'condition', ctx.locale)),
    ],
  };
}

/** Ascending (1) or descending (-1) on a figure, hospitals without it last. */
function byKnown(a: number | null | undefined, b: number | null | undefined, direction: 1 | -1): number {
  if (a == null && b == null) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return (a - b) * direction;
}

function toFacet(m: Map<string, number>, label: (v: string) => string): FacetValue[] {
  return [...m.entries()]
    .map(([value, n]) => ({ value, label: label(value), count: n }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** A hospital's distinct specialty codes, kept per (cached) registry entry. */
const codesOf = new WeakMap<HospitalCapacity, string[]>();
function specialtyCodes(h: HospitalCapacity): string[] {
  let codes = codesOf.get(h);
  if (!codes) {
    codes = [...new Set(h.specialties.map((s) => s.code))];
    codesOf.set(h, codes);
  }
  return codes;
}

/** Facet counts are hospital counts within the filtered result, so they add up to what the user sees. */
function buildFacets(db: Db, now: number, refined: Candidate[], locale: Locale): SitesSearchOutput['facets'] {
  const catalogue = searchReadModel(db, now).catalogue;
  const specialty = new Map<string, number>();
  const district = new Map<string, number>();
  const level = new Map<string, number>();
  const capability = new Map<string, number>();
  const add = (m: Map<string, number>, v: string | null | undefined) => {
    if (v) m.set(v, (m.get(v) ?? 0) + 1);
  };
  for (const { h } of refined) {
    for (const code of specialtyCodes(h)) add(specialty, code);
    add(district, h.org.district);
    add(level, h.org.level);
    for (const cap of h.capabilities) add(capability, cap);
  }
  return {
    specialty: toFacet(specialty, (v) => {
      const entry = catalogue.get(v);
      return entry ? inLocale(locale, entry) : v;
    }),
    district: toFacet(district, (v) => v),
    level: toFacet(level, (v) => v),
    capability: toFacet(capability, (v) => {
      const cap = CAPABILITIES.find((x) => x.code === v);
      return cap ? inLocale(locale, cap) : v;
    }),
  };
}

const RELAXABLE = [
  'minFreeSlots',
  'capabilities',
  'diseaseArea',
  'condition',
  'phase',
  'scope',
  'hasPhase1Unit',
  'level',
  'district',
  'specialty',
  'q',
] as const;

/**
 * For an empty result: how many results each single filter's removal would give, best first. The relaxed searches
 * suggest nothing themselves: otherwise an empty search with n filters ran n! searches (nine filters stalled the
 * server for minutes — issue 12).
 */
function suggestRelaxations({ ctx, input }: { ctx: Ctx; input: Input }): SitesSearchOutput['suggestions'] {
  const out: SitesSearchOutput['suggestions'] = [];
  for (const key of RELAXABLE) {
    const v = input[key];
    if (v === undefined || (Array.isArray(v) && v.length === 0) || v === '') continue;
    const relaxed = { ...input, [key]: undefined, cursor: undefined, limit: 1 };
    const total = searchSites({ ctx, input: relaxed, suggest: false }).total;
    if (total > 0) out.push({ filter: key, label: Array.isArray(v) ? v.join(', ') : String(v), total });
  }
  return out.sort((a, b) => b.total - a.total);
}
