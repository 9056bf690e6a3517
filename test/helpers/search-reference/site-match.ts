import { DISEASE_AREA_EN } from '@ctp/contracts';
import { type Db, hospitalsMatchingTerm, type SearchColumn, toFtsPhrase, toFtsTerms } from '@ctp/db';
import type { HospitalCapacity, SpecialtyCapacity } from '../../../packages/domain/src/capacity/load-capacity.ts';
import type { ConditionTerm } from '../../../packages/domain/src/capacity/search-query.ts';
import {
  type AreaMatch,
  areaMatchesInRegistry,
  areaWeight,
  MAPPED_SPECIALTY_WEIGHT,
  mappedSpecialties,
  scopeOf,
} from './condition-areas.ts';

/** How much a term hit in each part of a hospital's profile says about fit. */
export const COLUMN_WEIGHT: Record<SearchColumn, number> = {
  names: 1,
  initials: 0.9,
  specialties: 0.75,
  investigators: 0.65,
  diseases: 0.6,
  capabilities: 0.5,
};

/** A condition term is looked up in these columns as a phrase; its diseases come from the vocabulary instead. */
const CONDITION_COLUMNS: readonly SearchColumn[] = ['names', 'specialties', 'capabilities'];

export type TermHit = { text: string; column: SearchColumn; weight: number };

/** What one condition (from the query or the condition filter) found at one hospital. */
export type ConditionHit = {
  term: ConditionTerm;
  /** Filed disease areas of the condition, a subtype of it, or a broader area containing it. */
  areas: AreaMatch[];
  /** When no site files the condition at all: the specialties that treat it by the vocabulary's mapping. */
  mapped: SpecialtyCapacity[];
  /** From the condition filter (病种) rather than the query. */
  fromFilter?: boolean;
};

export function includesText(haystack: (string | null | undefined)[], needle: string): boolean {
  const n = needle.toLowerCase();
  return haystack.some((h) => h?.toLowerCase().includes(n));
}

/** A specialty's disease areas as filed (Chinese) and, where known, in English. */
export function areaNames(s: SpecialtyCapacity): string[] {
  return s.diseaseAreas.flatMap((d) => [d.diseaseArea, DISEASE_AREA_EN[d.diseaseArea] ?? '']).filter(Boolean);
}

export function specialtyNames(s: SpecialtyCapacity): string[] {
  return [s.name, s.nameEn, s.nameAsFiled, ...s.aliases].filter((n): n is string => Boolean(n));
}

/** Lower-cased names, kept per specialty object: the registry is reused between searches (generation cache). */
const lowerNames = new WeakMap<SpecialtyCapacity, string[]>();
export function specialtyNameMatches(s: SpecialtyCapacity, term: string): boolean {
  let names = lowerNames.get(s);
  if (!names) {
    names = specialtyNames(s).map((n) => n.toLowerCase());
    lowerNames.set(s, names);
  }
  const t = term.toLowerCase();
  return names.some((n) => n.includes(t));
}

/** Lower-cased disease areas (as filed and in English) and investigator names of a specialty, kept likewise. */
const lowerOthers = new WeakMap<SpecialtyCapacity, string[]>();
export function specialtyMatchesText(s: SpecialtyCapacity, term: string): boolean {
  if (specialtyNameMatches(s, term)) return true;
  let others = lowerOthers.get(s);
  if (!others) {
    others = [...areaNames(s), ...s.investigators.map((i) => i.name)].map((n) => n.toLowerCase());
    lowerOthers.set(s, others);
  }
  const t = term.toLowerCase();
  return others.some((n) => n.includes(t));
}

/** Free-text terms: every term must hit some column of the FTS document; each hit is remembered. */
export function matchTextTerms(
  db: Db,
  text: string,
): { terms: { text: string; fts: string }[]; hits: Map<string, TermHit[]>; ids: Set<string> | null } {
  const terms = toFtsTerms(text);
  const hits = new Map<string, TermHit[]>();
  const perTerm: Set<string>[] = [];
  for (const term of terms) {
    const here = new Set<string>();
    for (const [column, found] of Object.entries(hospitalsMatchingTerm(db, term.fts)) as [SearchColumn, Set<string>][])
      for (const id of found) {
        here.add(id);
        const list = hits.get(id) ?? [];
        list.push({ text: term.text, column, weight: COLUMN_WEIGHT[column] });
        hits.set(id, list);
      }
    perTerm.push(here);
  }
  const ids = perTerm.length ? new Set([...perTerm[0]!].filter((id) => perTerm.every((s) => s.has(id)))) : null;
  return { terms, hits, ids };
}

/**
 * A condition term: the hospitals that file it (or a subtype, or the broader area it belongs to), plus those naming it
 * in their name, specialties or capabilities (肿瘤 → 江苏省肿瘤医院, 肿瘤科). When no site files anything of it, the
 * specialties that treat it stand in, and the reason says so.
 */
export function matchConditionTerm(
  db: Db,
  registry: HospitalCapacity[],
  term: ConditionTerm,
): { hits: Map<string, TermHit[]>; conditionHits: Map<string, ConditionHit>; ids: Set<string> } {
  const hits = new Map<string, TermHit[]>();
  const conditionHits = new Map<string, ConditionHit>();
  const ids = new Set<string>();
  const phrase = toFtsPhrase(term.text);
  if (phrase)
    for (const [column, found] of Object.entries(hospitalsMatchingTerm(db, phrase, CONDITION_COLUMNS)) as [
      SearchColumn,
      Set<string>,
    ][])
      for (const id of found) {
        ids.add(id);
        const list = hits.get(id) ?? [];
        list.push({ text: term.text, column, weight: COLUMN_WEIGHT[column] });
        hits.set(id, list);
      }
  for (const [id, areas] of areaMatchesInRegistry(registry, scopeOf(term.entry.id))) {
    conditionHits.set(id, { term, areas, mapped: [] });
    ids.add(id);
  }
  if (!conditionHits.size)
    for (const h of registry) {
      const mapped = mappedSpecialties(h, term.entry.id);
      if (mapped.length) {
        conditionHits.set(h.org.id, { term, areas: [], mapped });
        ids.add(h.org.id);
      }
    }
  return { hits, conditionHits, ids };
}

/** The strongest evidence a condition hit gives. */
export function conditionHitWeight(hit: ConditionHit | undefined): number {
  if (!hit) return 0;
  let w = hit.mapped.length ? MAPPED_SPECIALTY_WEIGHT : 0;
  for (const a of hit.areas) w = Math.max(w, areaWeight(a));
  return w;
}

/** The strongest evidence among a hospital's hits for one term. */
export function bestHitWeight(hits: TermHit[], text: string): number {
  let w = 0;
  for (const h of hits) if (h.text === text && h.weight > w) w = h.weight;
  return w;
}

/** Adds the specialties a condition hit is about. */
export function addConditionHitSpecialties(hit: ConditionHit, to: Set<SpecialtyCapacity>): void {
  for (const a of hit.areas) to.add(a.spec);
  for (const s of hit.mapped) to.add(s);
}
