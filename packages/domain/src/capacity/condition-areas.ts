import {
  ancestorsOf,
  type ConditionEntry,
  conditionById,
  expandCondition,
  resolveCondition,
  specialtiesOfCondition,
} from '../vocabulary/condition-vocabulary.ts';
import type { HospitalCapacity, SpecialtyCapacity } from './load-capacity.ts';

/**
 * How a hospital's filed disease area (病种, free text) relates to a condition asked for: the same or a subtype of it
 * (`within`: 非小细胞肺癌 filed, 肺癌 asked), or a broader area that contains it (`parent`: 肺癌 filed, 非小细胞肺癌
 * asked — a hospital treating lung cancer treats NSCLC).
 */
export type AreaMatch = {
  spec: SpecialtyCapacity;
  area: SpecialtyCapacity['diseaseAreas'][number];
  relation: 'within' | 'parent';
  /** Steps up the hierarchy from the condition to the filed area (0 for `within`). */
  distance: number;
  /** The vocabulary entry the filed area resolves to. */
  areaEntry: ConditionEntry;
};

/** Filed areas are a small set of strings: resolve each once. */
const areaEntries = new Map<string, ConditionEntry | null>();
export function entryOfArea(area: string): ConditionEntry | null {
  let e = areaEntries.get(area);
  if (e === undefined) {
    e = resolveCondition(area)?.entry ?? null;
    if (areaEntries.size > 50_000) areaEntries.clear();
    areaEntries.set(area, e);
  }
  return e;
}

/** The ids an area may resolve to for a condition, with their relation and distance. */
export type ConditionScope = Map<string, { relation: AreaMatch['relation']; distance: number }>;

export function scopeOf(entryId: string): ConditionScope {
  const scope: ConditionScope = new Map();
  for (const c of expandCondition(entryId)) scope.set(c.id, { relation: 'within', distance: 0 });
  for (const [k, a] of ancestorsOf(entryId).entries()) scope.set(a.id, { relation: 'parent', distance: k + 1 });
  return scope;
}

export function areaMatchesOf(h: HospitalCapacity, scope: ConditionScope): AreaMatch[] {
  const out: AreaMatch[] = [];
  for (const spec of h.specialties)
    for (const area of spec.diseaseAreas) {
      const e = entryOfArea(area.diseaseArea);
      const hit = e && scope.get(e.id);
      if (e && hit) out.push({ spec, area, relation: hit.relation, distance: hit.distance, areaEntry: e });
    }
  return out;
}

type FiledArea = { h: HospitalCapacity; spec: SpecialtyCapacity; area: AreaMatch['area']; entry: ConditionEntry };
const filedIndexes = new WeakMap<HospitalCapacity[], Map<string, FiledArea[]>>();

/**
 * Every filed area of a registry by the vocabulary entry it resolves to, built once per registry (the registry is
 * reused between searches by the generation cache), so a condition touches only the areas in its scope.
 */
function filedAreasByEntry(registry: HospitalCapacity[]): Map<string, FiledArea[]> {
  let index = filedIndexes.get(registry);
  if (!index) {
    index = new Map();
    for (const h of registry)
      for (const spec of h.specialties)
        for (const area of spec.diseaseAreas) {
          const entry = entryOfArea(area.diseaseArea);
          if (!entry) continue;
          const list = index.get(entry.id) ?? [];
          list.push({ h, spec, area, entry });
          index.set(entry.id, list);
        }
    filedIndexes.set(registry, index);
  }
  return index;
}

/** The filed areas in a condition's scope, by hospital id. */
export function areaMatchesInRegistry(registry: HospitalCapacity[], scope: ConditionScope): Map<string, AreaMatch[]> {
  const index = filedAreasByEntry(registry);
  const out = new Map<string, AreaMatch[]>();
  for (const [id, hit] of scope)
    for (const f of index.get(id) ?? []) {
      const list = out.get(f.h.org.id) ?? [];
      list.push({ spec: f.spec, area: f.area, relation: hit.relation, distance: hit.distance, areaEntry: f.entry });
      out.set(f.h.org.id, list);
    }
  return out;
}

/** Specialties of a hospital that treat the condition by the vocabulary's mapping (used when no site files it). */
export function mappedSpecialties(h: HospitalCapacity, entryId: string): SpecialtyCapacity[] {
  const codes = specialtiesOfCondition(entryId);
  // By exact code: a parent code would bring in unrelated children (皮肤科 → 性传播疾病专业 for melanoma).
  return h.specialties.filter((s) => codes.includes(s.code));
}

/** How much a match says about fit: a filed area of the condition itself counts as a disease hit; a parent less. */
export function areaWeight(m: Pick<AreaMatch, 'relation' | 'distance'>): number {
  if (m.relation === 'within') return 0.6;
  return m.distance === 1 ? 0.55 : 0.5;
}
export const MAPPED_SPECIALTY_WEIGHT = 0.45;

export { conditionById };
