import {
  CAPABILITIES,
  DISEASE_AREA_EN,
  type FacetValue,
  type Locale,
  POLICIES,
  reasonText,
  type SiteSearchItem,
  type SiteSort,
  type SitesSearchInput,
  type SitesSearchOutput,
  STALE_AFTER_DAYS,
  sitesSearchInput,
} from '@ctp/contracts';
import { type Db, hospitalsMatchingTerm, type SearchColumn, specialtyCatalogue, toFtsTerms } from '@ctp/db';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { DomainError, forbidden } from '../errors.ts';
import { cachedByGeneration } from './generation-cache.ts';
import { type HospitalCapacity, loadHospitalCapacity, type SpecialtyCapacity } from './load-capacity.ts';
import { loadSitePerformance, type SitePerformance } from './site-performance.ts';

type Input = z.output<typeof sitesSearchInput>;

/** How much a term hit in each part of a hospital's profile says about fit. */
const COLUMN_WEIGHT: Record<SearchColumn, number> = {
  names: 1,
  initials: 0.9,
  specialties: 0.75,
  investigators: 0.65,
  diseases: 0.6,
  capabilities: 0.5,
};

type TermHit = { text: string; column: SearchColumn; weight: number };

type Candidate = {
  h: HospitalCapacity;
  hits: TermHit[];
  relevance: number;
  /** Specialties the query is about (matched by text or by the specialty filter); all when neither applies. */
  relevant: SpecialtyCapacity[];
  focused: boolean;
};

const DAY = 86_400_000;

function includesText(haystack: (string | null | undefined)[], needle: string): boolean {
  const n = needle.toLowerCase();
  return haystack.some((h) => h?.toLowerCase().includes(n));
}

/** A specialty's disease areas as filed (Chinese) and, where known, in English. */
function areaNames(s: SpecialtyCapacity): string[] {
  return s.diseaseAreas.flatMap((d) => [d.diseaseArea, DISEASE_AREA_EN[d.diseaseArea] ?? '']).filter(Boolean);
}

function specialtyMatchesText(s: SpecialtyCapacity, term: string): boolean {
  return (
    includesText([s.name, s.nameEn, s.nameAsFiled, ...s.aliases], term) ||
    includesText(areaNames(s), term) ||
    s.investigators.some((i) => i.name.includes(term))
  );
}

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

const encodeCursor = (offset: number) => Buffer.from(String(offset)).toString('base64url');

/**
 * Site search (DESIGN §6): free text over names and aliases (zh/en), pinyin, specialties, disease areas, PIs and
 * capabilities; filters; facet counts over the filtered set; a 0–100 fit score with its reasons.
 *
 * Score, with a query: relevance up to 55 (the weakest term's best column hit: name > pinyin > specialty > PI >
 * disease > capability), free slots in the best relevant specialty up to 15 (full at 30), annual patients in the
 * matched areas up to 10 (full at 10 000), a senior PI there 10 (正高) or 6 (副高), capacity confirmed in the last
 * 90 days 10. Without a query the non-text parts (45) are scaled to 100.
 */
export function searchSites({
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
  const terms = input.q ? toFtsTerms(input.q) : [];

  // 1. Text: every term must hit some column; remember each hit. Only matched hospitals are then loaded.
  const hitsOf = new Map<string, TermHit[]>();
  let matched: string[] | undefined = hospitalIds;
  if (terms.length) {
    let inAll = new Set<string>();
    for (const [i, term] of terms.entries()) {
      const hitHere = new Set<string>();
      for (const [column, ids] of Object.entries(hospitalsMatchingTerm(ctx.db, term.fts)) as [
        SearchColumn,
        Set<string>,
      ][]) {
        for (const id of ids) {
          hitHere.add(id);
          const list = hitsOf.get(id) ?? [];
          list.push({ text: term.text, column, weight: COLUMN_WEIGHT[column] });
          hitsOf.set(id, list);
        }
      }
      inAll = i === 0 ? hitHere : new Set([...inAll].filter((id) => hitHere.has(id)));
    }
    const textIds = [...inAll];
    matched = hospitalIds ? textIds.filter((id) => hospitalIds.includes(id)) : textIds;
  }
  // The whole registry comes from the generation cache; a text match or a given list only narrows it.
  const wanted = matched ? new Set(matched) : null;
  const loaded = loadHospitalCapacity(ctx.db, now).filter((h) => !wanted || wanted.has(h.org.id));
  const candidates: Candidate[] = loaded.map((h) => {
    if (!terms.length) return { h, hits: [], relevance: 0, relevant: h.specialties, focused: false };
    const hits = hitsOf.get(h.org.id) ?? [];
    const perTerm = terms.map((t) => Math.max(0, ...hits.filter((x) => x.text === t.text).map((x) => x.weight)));
    const relevant = h.specialties.filter((sp) => terms.some((t) => specialtyMatchesText(sp, t.text)));
    return {
      h,
      hits,
      relevance: Math.min(...perTerm),
      relevant: relevant.length ? relevant : h.specialties,
      focused: relevant.length > 0,
    };
  });

  // 2. Filters.
  const filtered = candidates.filter((c) => {
    const { h } = c;
    if (input.district && h.org.district !== input.district) return false;
    if (input.level && h.org.level !== input.level) return false;
    if (input.hasPhase1Unit !== undefined && h.hasPhase1Unit !== input.hasPhase1Unit) return false;
    if (input.capabilities?.length && !input.capabilities.every((cap) => h.capabilities.includes(cap))) return false;
    return true;
  });
  const refined: Candidate[] = [];
  for (const c of filtered) {
    let specs = c.relevant;
    let focused = c.focused;
    if (input.specialty) {
      specs = (focused ? specs : c.h.specialties).filter((s) => specialtyMatchesCode(s, input.specialty!));
      if (!specs.length && c.focused) specs = c.h.specialties.filter((s) => specialtyMatchesCode(s, input.specialty!));
      focused = true;
    }
    if (input.diseaseArea) {
      specs = (focused ? specs : c.h.specialties).filter((s) => includesText(areaNames(s), input.diseaseArea!));
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
    refined.push({ ...c, relevant: specs, focused });
  }

  // 3. Score and explain.
  const performance = cachedByGeneration(ctx.db, 'site-performance', now, () => loadSitePerformance(ctx.db, now));
  const items = refined.map((c) =>
    scoreCandidate(c, terms.length > 0, now, ctx.locale, performance.get(c.h.org.id) ?? null),
  );

  // 4. Sort, facet, page.
  const sort: SiteSort = input.sort ?? (terms.length ? 'fit' : 'freeSlots');
  const collator = new Intl.Collator('zh-CN');
  items.sort((a, b) => {
    if (sort === 'name') return collator.compare(a.name, b.name);
    if (sort === 'freeSlots') return b.freeSlots - a.freeSlots || b.score - a.score || collator.compare(a.name, b.name);
    if (sort === 'startupSpeed')
      return byKnown(a.performance?.startupMedianDays, b.performance?.startupMedianDays, 1) || b.score - a.score;
    if (sort === 'enrolmentRate')
      return byKnown(a.performance?.enrolmentRate, b.performance?.enrolmentRate, -1) || b.score - a.score;
    if (sort === 'ethicsTurnaround')
      return (
        byKnown(a.performance?.ethicsMedianWorkingDays, b.performance?.ethicsMedianWorkingDays, 1) || b.score - a.score
      );
    return b.score - a.score || b.freeSlots - a.freeSlots || collator.compare(a.name, b.name);
  });
  const offset = decodeCursor(input.cursor);
  const page = items.slice(offset, offset + input.limit);
  const facets = buildFacets(ctx.db, refined, ctx.locale);
  return {
    items: page,
    total: items.length,
    nextCursor: offset + input.limit < items.length ? encodeCursor(offset + input.limit) : null,
    facets,
    suggestions: items.length || hospitalIds || !suggest ? [] : suggestRelaxations({ ctx, input }),
  };
}

/** Ascending (1) or descending (-1) on a figure, hospitals without it last. */
function byKnown(a: number | null | undefined, b: number | null | undefined, direction: 1 | -1): number {
  if (a == null && b == null) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return (a - b) * direction;
}

function scoreCandidate(
  c: Candidate,
  hasQuery: boolean,
  now: number,
  locale: Locale,
  perf: SitePerformance | null,
): SiteSearchItem {
  const { h } = c;
  const reasons: string[] = [];
  const seen = new Set<string>();
  for (const hit of [...c.hits].sort((a, b) => b.weight - a.weight)) {
    if (seen.has(hit.text)) continue;
    seen.add(hit.text);
    if (hit.column === 'names') reasons.push(reasonText(locale, 'nameMatch', { term: hit.text }));
    else if (hit.column === 'initials') reasons.push(reasonText(locale, 'pinyinMatch', { term: hit.text }));
    else if (hit.column === 'capabilities') {
      const cap = CAPABILITIES.find((x) => includesText([x.zh, x.en], hit.text) && h.capabilities.includes(x.code));
      if (cap) reasons.push(reasonText(locale, 'capabilityMatch', { capability: locale === 'en' ? cap.en : cap.zh }));
    } else if (hit.column === 'investigators') {
      const pi = h.investigators.find((i) => i.name.includes(hit.text));
      if (pi) reasons.push(reasonText(locale, 'investigatorMatch', { name: pi.name, title: pi.title }));
    } else if (hit.column === 'diseases') {
      const spec = c.relevant.find((s) => includesText(areaNames(s), hit.text));
      const area = spec?.diseaseAreas.find((d) =>
        includesText([d.diseaseArea, DISEASE_AREA_EN[d.diseaseArea]], hit.text),
      );
      if (spec && area)
        reasons.push(
          reasonText(locale, 'diseaseMatch', { disease: area.diseaseArea, specialty: specName(spec, locale) }),
        );
    } else {
      const spec = c.relevant.find((s) => includesText([s.name, s.nameEn, s.nameAsFiled, ...s.aliases], hit.text));
      if (spec) reasons.push(reasonText(locale, 'specialtyMatch', { specialty: specName(spec, locale) }));
    }
  }

  const best = [...c.relevant].sort((a, b) => b.freeSlots - a.freeSlots)[0];
  const freeSlots = c.relevant.reduce((n, s) => n + s.freeSlots, 0);
  let capacityPts = 0;
  if (best) {
    capacityPts = 15 * (Math.min(best.freeSlots, 30) / 30);
    reasons.push(
      best.freeSlots > 0
        ? reasonText(locale, 'freeSlots', { specialty: specName(best, locale), n: best.freeSlots })
        : reasonText(locale, 'noFreeSlots', { specialty: specName(best, locale) }),
    );
  }
  // Patients seen a year in what the query is about (the matched disease areas, else the relevant specialties).
  const diseaseTerms = c.hits.filter((x) => x.column === 'diseases').map((x) => x.text);
  const patients = c.relevant
    .flatMap((s) => s.diseaseAreas)
    .filter(
      (d) =>
        !diseaseTerms.length ||
        diseaseTerms.some((t) => includesText([d.diseaseArea, DISEASE_AREA_EN[d.diseaseArea]], t)),
    )
    .reduce((n, d) => n + (d.annualPatients ?? 0), 0);
  const volumePts = 10 * (Math.min(patients, 10_000) / 10_000);
  if (patients > 0 && c.focused) reasons.push(reasonText(locale, 'patients', { n: patients.toLocaleString(locale) }));
  const pis = c.relevant.flatMap((s) => s.investigators);
  const senior = pis.find((p) => p.level === '正高') ?? pis.find((p) => p.level === '副高');
  let piPts = 0;
  if (senior) {
    piPts = senior.level === '正高' ? 10 : 6;
    reasons.push(reasonText(locale, 'seniorPi', { level: senior.level, name: senior.name, title: senior.title }));
  } else if (c.focused) reasons.push(reasonText(locale, 'noEligiblePi'));
  if (perf?.startupMedianDays != null) reasons.push(reasonText(locale, 'startup', { n: perf.startupMedianDays }));
  if (perf?.enrolmentRate != null) reasons.push(reasonText(locale, 'enrolment', { n: perf.enrolmentRate }));
  if (perf?.ethicsMedianWorkingDays != null)
    reasons.push(reasonText(locale, 'ethics', { n: perf.ethicsMedianWorkingDays }));
  if (h.hasPhase1Unit) reasons.push(reasonText(locale, 'phase1'));
  const freshPts = h.stale ? 0 : 10;
  const days = h.org.capacityConfirmedAt === null ? null : Math.floor((now - h.org.capacityConfirmedAt) / DAY);
  if (h.stale) reasons.push(reasonText(locale, 'stale', { days: days ?? '∞' }));
  else reasons.push(reasonText(locale, 'fresh', { days: STALE_AFTER_DAYS }));

  const rest = capacityPts + volumePts + piPts + freshPts; // out of 45
  const score = hasQuery ? Math.round(55 * c.relevance + rest) : Math.round((rest / 45) * 100);

  return {
    hospitalId: h.org.id,
    name: h.org.nameZh,
    nameEn: h.org.nameEn,
    district: h.org.district,
    level: h.org.level,
    score: Math.max(0, Math.min(100, score)),
    reasons,
    specialties: c.relevant.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      nameEn: s.nameEn,
      maxConcurrentTrials: s.maxConcurrentTrials,
      activeTrials: s.activeTrials,
      freeSlots: s.freeSlots,
      diseaseAreas: s.diseaseAreas.map((d) => d.diseaseArea),
      investigators: s.investigators.map((i) => ({
        id: i.id,
        name: i.name,
        title: i.title,
        level: i.level,
        freeSlots: i.freeSlots,
        eligibleToLeadDrugTrial: i.eligibleToLeadDrugTrial,
      })),
    })),
    stale: h.stale,
    capacityConfirmedAt: h.org.capacityConfirmedAt,
    hasPhase1Unit: h.hasPhase1Unit,
    capabilities: h.capabilities,
    freeSlots,
    performance: perf,
  };
}

function specName(s: SpecialtyCapacity, locale: Locale): string {
  return locale === 'en' ? s.nameEn : (s.nameAsFiled ?? s.name);
}

function count(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

function toFacet(m: Map<string, number>, label: (v: string) => string): FacetValue[] {
  return [...m.entries()]
    .map(([value, n]) => ({ value, label: label(value), count: n }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Facet counts are hospital counts within the filtered result, so they add up to what the user sees. */
function buildFacets(db: Db, refined: Candidate[], locale: Locale): SitesSearchOutput['facets'] {
  const catalogue = new Map(
    db
      .select({ code: specialtyCatalogue.code, zh: specialtyCatalogue.nameZh, en: specialtyCatalogue.nameEn })
      .from(specialtyCatalogue)
      .all()
      .map((c) => [c.code, c]),
  );
  const specialty = count(refined.flatMap((c) => [...new Set(c.h.specialties.map((s) => s.code))]));
  return {
    specialty: toFacet(specialty, (v) => (locale === 'en' ? catalogue.get(v)?.en : catalogue.get(v)?.zh) ?? v),
    district: toFacet(count(refined.map((c) => c.h.org.district ?? '').filter(Boolean)), (v) => v),
    level: toFacet(count(refined.map((c) => c.h.org.level ?? '').filter(Boolean)), (v) => v),
    capability: toFacet(count(refined.flatMap((c) => c.h.capabilities)), (v) => {
      const cap = CAPABILITIES.find((x) => x.code === v);
      return cap ? (locale === 'en' ? cap.en : cap.zh) : v;
    }),
  };
}

const RELAXABLE = [
  'minFreeSlots',
  'capabilities',
  'diseaseArea',
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
