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
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { decodeOffsetCursor, nextOffsetCursor } from '../offset-cursor.ts';
import { inLocale } from '../presentation/in-locale.ts';
import { ancestorsOf, type ConditionEntry, resolveCondition } from '../vocabulary/condition-vocabulary.ts';
import {
  areaMatchesInRegistry,
  areaMatchesOf,
  type ConditionScope,
  mappedSpecialties,
  scopeOf,
} from './condition-areas.ts';
import type { HospitalCapacity, SpecialtyCapacity } from './load-capacity.ts';
import { cachedRegistryExperience, exactAliasMatch, loadHospitalCapacity } from './read-model-reads.ts';
import { conditionExperience, hasRegistryPhase } from './registry-experience.ts';
import { type Candidate, type Fit, fitOf, type RegistryFit, scoreCandidate } from './score-candidate.ts';
import { type ConditionTerm, parseSearchQuery } from './search-query.ts';
import { searchReadModel } from './search-read-model.ts';
import { searchCacheKey } from './search-result-cache.ts';
import {
  areaNames,
  bestHitWeight,
  type ConditionHit,
  conditionHitWeight,
  includesText,
  markNameMatches,
  markTextMatches,
  matchConditionTerm,
  matchTextTerms,
  type TermHit,
} from './site-match.ts';
import type { SitePerformance } from './site-performance.ts';

type Input = z.output<typeof sitesSearchInput>;

/** Registry phases a phase filter accepts (a registered Phase II/III counts for II and for III). */
const REGISTRY_PHASE: Record<'II' | 'III' | 'IV', readonly RegistryPhase[]> = {
  II: ['phase2'],
  III: ['phase3'],
  IV: ['phase4'],
};

function specialtyMatchesCode(s: SpecialtyCapacity, code: string): boolean {
  return s.code === code || s.parentCode === code;
}

/** Built once: constructing an ICU collator per search cost more than the sort. */
const collator = new Intl.Collator('zh-CN');

/**
 * A condition filter (the 病种 box, `condition` or the older `diseaseArea`): a vocabulary entry narrows to the
 * specialties filing it, a subtype or the broader area containing it (or, when no site files any, the specialties
 * that treat it); text the vocabulary does not know narrows to areas containing it, as before.
 */
type ConditionFilter = {
  text: string;
  entry: ConditionEntry | null;
  anyFiled: boolean;
  /** The entry's scope, worked out once per search rather than per hospital. */
  scope: ConditionScope | null;
};

function conditionFilterOf(text: string, registry: HospitalCapacity[]): ConditionFilter {
  const entry = resolveCondition(text)?.entry ?? null;
  if (!entry) return { text, entry, anyFiled: false, scope: null };
  const scope = scopeOf(entry.id);
  return { text, entry, anyFiled: areaMatchesInRegistry(registry, scope).size > 0, scope };
}

function applyConditionFilter(
  f: ConditionFilter,
  h: HospitalCapacity,
  specs: SpecialtyCapacity[],
): { specs: SpecialtyCapacity[]; hit: ConditionHit | null } {
  if (!f.entry) return { specs: specs.filter((s) => includesText(areaNames(s), f.text)), hit: null };
  const term = { text: f.text, entry: f.entry };
  if (f.anyFiled) {
    const areas = areaMatchesOf(h, f.scope!).filter((a) => specs.includes(a.spec));
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
 * The specialties the query is about at one hospital, in profile order: those a free-text term matches, those naming
 * a condition term found in the specialties column, and those a condition hit is about. Flags by position instead of
 * a Set of objects: this runs for every candidate (1 000+ at national scale).
 */
function relevantSpecialties(
  h: HospitalCapacity,
  hits: TermHit[],
  conditionHits: ConditionHit[],
  loweredTextTerms: string[],
  conditionTerms: readonly ConditionTerm[],
): SpecialtyCapacity[] {
  const specs = h.specialties;
  let flags: Uint8Array | null = null;
  const flag = (i: number) => {
    flags ??= new Uint8Array(specs.length);
    flags[i] = 1;
  };
  for (const t of loweredTextTerms) markTextMatches(specs, t, flag);
  for (const t of conditionTerms)
    if (hits.some((x) => x.text === t.text && x.column === 'specialties'))
      markNameMatches(specs, t.text.toLowerCase(), flag);
  for (const c of conditionHits) {
    for (const a of c.areas) {
      const i = specs.indexOf(a.spec);
      if (i >= 0) flag(i);
    }
    for (const s of c.mapped) {
      const i = specs.indexOf(s);
      if (i >= 0) flag(i);
    }
  }
  const marked = flags as Uint8Array | null;
  if (!marked) return [];
  const out: SpecialtyCapacity[] = [];
  for (let i = 0; i < specs.length; i++) if (marked[i]) out.push(specs[i]!);
  return out;
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
  const loweredTextTerms = textTerms.map((t) => t.toLowerCase());
  const conditionTerms = parsed?.conditions ?? [];

  // 2. Filters on the hospital itself, before any per-candidate work (they read nothing a candidate adds).
  const filters = [input.diseaseArea, input.condition]
    .filter((v): v is string => Boolean(v))
    .map((v) => conditionFilterOf(v, registry));
  // The condition registry history is counted for: the filter (the narrower statement), else the query's first.
  const registryEntry = filters.find((f) => f.entry)?.entry ?? conditionTerms[0]?.entry ?? null;
  const experience = cachedRegistryExperience(ctx.db, now);
  const registryPhase = input.phase && input.phase !== 'I' && input.phase !== 'BE' ? REGISTRY_PHASE[input.phase] : null;
  const keeps = (h: HospitalCapacity) => {
    if (input.district && h.org.district !== input.district) return false;
    if (input.level && h.org.level !== input.level) return false;
    if (input.hasPhase1Unit !== undefined && h.hasPhase1Unit !== input.hasPhase1Unit) return false;
    if (input.phase === 'I' && !h.hasPhase1Unit) return false;
    if (input.phase === 'BE' && !h.specialties.some((s) => s.code === 'phase1_be')) return false;
    if (registryPhase && !hasRegistryPhase(experience.get(h.org.id), registryPhase, registryEntry?.id ?? null))
      return false;
    if (input.capabilities?.length && !input.capabilities.every((cap) => h.capabilities.includes(cap))) return false;
    return true;
  };
  const filtered: Candidate[] = [];
  for (const h of loaded) {
    if (!keeps(h)) continue;
    const aliasName = alias?.orgIds.has(h.org.id) ? alias.alias : null;
    if (!hasQuery) {
      filtered.push({
        h,
        alias: aliasName,
        hits: [],
        conditionHits: [],
        relevance: 0,
        relevant: h.specialties,
        focused: false,
      });
      continue;
    }
    const hits = hitsOf.get(h.org.id) ?? [];
    const conditionHits = conditionHitsOf.get(h.org.id) ?? [];
    // The weakest term's best evidence: every term must be well met for a high score.
    let relevance = textTerms.length + conditionTerms.length ? 1 : 0;
    for (const t of textTerms) relevance = Math.min(relevance, bestHitWeight(hits, t));
    for (const t of conditionTerms) {
      const hit = conditionHits.find((c) => c.term.entry.id === t.entry.id);
      relevance = Math.min(relevance, Math.max(bestHitWeight(hits, t.text), conditionHitWeight(hit)));
    }
    const list = relevantSpecialties(h, hits, conditionHits, loweredTextTerms, conditionTerms);
    filtered.push({
      h,
      alias: aliasName,
      hits,
      conditionHits,
      relevance: aliasName ? 1 : relevance,
      relevant: list.length ? list : h.specialties,
      focused: list.length > 0,
    });
  }
  const refined: Candidate[] = [];
  for (const c of filtered) {
    let specs = c.relevant;
    let focused = c.focused;
    // The candidate and its hit list are this search's own: refined in place rather than copied.
    const { conditionHits } = c;
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
    c.relevant = specs;
    c.focused = focused;
    refined.push(c);
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
  const offset = decodeOffsetCursor(input.cursor);
  const page = ranked
    .slice(offset, offset + input.limit)
    .map((r) => scoreCandidate(r.c, r.fit, now, ctx.locale, r.perf, extra, r.registry, input.specialtiesPerItem));
  const facets = buildFacets(ctx.db, now, refined, ctx.locale);
  return {
    items: page,
    total: ranked.length,
    nextCursor: nextOffsetCursor(offset, input.limit, ranked.length),
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

/**
 * Facet values are few (specialty codes, districts, levels, capabilities): each is numbered once, and a hospital keeps
 * the numbers of its values, so counting a thousand hospitals is array increments rather than string-keyed map updates.
 */
type FacetKind = 'specialty' | 'district' | 'level' | 'capability';
const FACET_KINDS: readonly FacetKind[] = ['specialty', 'district', 'level', 'capability'];
const facetValues: Record<FacetKind, { index: Map<string, number>; values: string[] }> = {
  specialty: { index: new Map(), values: [] },
  district: { index: new Map(), values: [] },
  level: { index: new Map(), values: [] },
  capability: { index: new Map(), values: [] },
};
function facetNumber(kind: FacetKind, value: string): number {
  const f = facetValues[kind];
  let n = f.index.get(value);
  if (n === undefined) {
    n = f.values.length;
    f.index.set(value, n);
    f.values.push(value);
  }
  return n;
}

/** A hospital's facet value numbers, kept per (read-model) hospital object; empty values are not counted. */
const facetNumbersOf = new WeakMap<HospitalCapacity, Record<FacetKind, number[]>>();
function facetNumbers(h: HospitalCapacity): Record<FacetKind, number[]> {
  let numbers = facetNumbersOf.get(h);
  if (!numbers) {
    const of = (kind: FacetKind, values: (string | null | undefined)[]) =>
      values.filter((v): v is string => Boolean(v)).map((v) => facetNumber(kind, v));
    numbers = {
      // Each distinct specialty code once: a facet counts hospitals.
      specialty: of('specialty', [...new Set(h.specialties.map((s) => s.code))]),
      district: of('district', [h.org.district]),
      level: of('level', [h.org.level]),
      capability: of('capability', h.capabilities),
    };
    facetNumbersOf.set(h, numbers);
  }
  return numbers;
}

/** Counts by value, best first, ties by value; ties the comparison cannot order keep the order first seen. */
function toFacet(kind: FacetKind, counts: number[], seen: number[], label: (v: string) => string): FacetValue[] {
  const values = facetValues[kind].values;
  return seen
    .map((n) => ({ value: values[n]!, label: label(values[n]!), count: counts[n]! }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Facet counts are hospital counts within the filtered result, so they add up to what the user sees. */
function buildFacets(db: Db, now: number, refined: Candidate[], locale: Locale): SitesSearchOutput['facets'] {
  const catalogue = searchReadModel(db, now).catalogue;
  const tally = {} as Record<FacetKind, { counts: number[]; seen: number[] }>;
  for (const kind of FACET_KINDS) tally[kind] = { counts: [], seen: [] };
  for (const { h } of refined) {
    const numbers = facetNumbers(h);
    for (const kind of FACET_KINDS) {
      const { counts, seen } = tally[kind];
      for (const n of numbers[kind]) {
        const was = counts[n];
        if (was === undefined) {
          counts[n] = 1;
          seen.push(n);
        } else counts[n] = was + 1;
      }
    }
  }
  const facet = (kind: FacetKind, label: (v: string) => string) =>
    toFacet(kind, tally[kind].counts, tally[kind].seen, label);
  return {
    specialty: facet('specialty', (v) => {
      const entry = catalogue.get(v);
      return entry ? inLocale(locale, entry) : v;
    }),
    district: facet('district', (v) => v),
    level: facet('level', (v) => v),
    capability: facet('capability', (v) => {
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
