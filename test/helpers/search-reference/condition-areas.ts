import type { HospitalCapacity, SpecialtyCapacity } from '../../../packages/domain/src/capacity/load-capacity.ts';
import {
  ancestorsOf,
  type ConditionEntry,
  conditionById,
  expandCondition,
  resolveCondition,
  specialtiesOfCondition,
} from '../../../packages/domain/src/vocabulary/condition-vocabulary.ts';

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

/** Each hospital's filed areas by the vocabulary entry they resolve to, kept per (read-model) hospital object. */
const areasByEntryOf = new WeakMap<HospitalCapacity, Map<string, FiledArea[]>>();

export function areaMatchesOf(h: HospitalCapacity, scope: ConditionScope): AreaMatch[] {
  let byEntry = areasByEntryOf.get(h);
  if (!byEntry) {
    byEntry = new Map();
    addFiledAreas(byEntry, filedAreasOf(h));
    areasByEntryOf.set(h, byEntry);
  }
  const out: AreaMatch[] = [];
  // In filing order (specialty, then area), as a walk over the profile would give.
  const found: FiledArea[] = [];
  for (const id of scope.keys()) for (const f of byEntry.get(id) ?? []) found.push(f);
  if (found.length > 1) {
    const order = filedOrder(h);
    found.sort((a, b) => order.get(a.area)! - order.get(b.area)!);
  }
  for (const f of found) {
    const hit = scope.get(f.entry.id)!;
    out.push({ spec: f.spec, area: f.area, relation: hit.relation, distance: hit.distance, areaEntry: f.entry });
  }
  return out;
}

const filedOrders = new WeakMap<HospitalCapacity, Map<object, number>>();
function filedOrder(h: HospitalCapacity): Map<object, number> {
  let order = filedOrders.get(h);
  if (!order) {
    order = new Map();
    for (const spec of h.specialties) for (const area of spec.diseaseAreas) order.set(area, order.size);
    filedOrders.set(h, order);
  }
  return order;
}

export type FiledArea = {
  h: HospitalCapacity;
  spec: SpecialtyCapacity;
  area: AreaMatch['area'];
  entry: ConditionEntry;
};
/** Filed areas by the vocabulary entry they resolve to. */
export type FiledAreaIndex = Map<string, FiledArea[]>;
const filedIndexes = new WeakMap<HospitalCapacity[], FiledAreaIndex>();

/** One hospital's filed areas that resolve to a vocabulary entry. */
export function filedAreasOf(h: HospitalCapacity): FiledArea[] {
  const out: FiledArea[] = [];
  for (const spec of h.specialties)
    for (const area of spec.diseaseAreas) {
      const entry = entryOfArea(area.diseaseArea);
      if (entry) out.push({ h, spec, area, entry });
    }
  return out;
}

/** Adds filed areas to an index (the search read model keeps one up to date hospital by hospital). */
export function addFiledAreas(index: FiledAreaIndex, areas: readonly FiledArea[]): void {
  for (const f of areas) {
    const list = index.get(f.entry.id);
    if (list) list.push(f);
    else index.set(f.entry.id, [f]);
  }
}

/** Takes one hospital's filed areas out of an index. */
export function removeFiledAreas(index: FiledAreaIndex, h: HospitalCapacity): void {
  for (const f of filedAreasOf(h)) {
    const list = index.get(f.entry.id);
    if (!list) continue;
    const kept = list.filter((x) => x.h !== h);
    if (kept.length) index.set(f.entry.id, kept);
    else index.delete(f.entry.id);
  }
}

/** Says which index belongs to a registry array, so it is not rebuilt from the whole registry. */
export function useFiledAreaIndex(registry: HospitalCapacity[], index: FiledAreaIndex): void {
  filedIndexes.set(registry, index);
}

/**
 * Every filed area of a registry by the vocabulary entry it resolves to, built once per registry array (the search
 * read model registers its own, kept current incrementally), so a condition touches only the areas in its scope.
 */
function filedAreasByEntry(registry: HospitalCapacity[]): FiledAreaIndex {
  let index = filedIndexes.get(registry);
  if (!index) {
    index = new Map();
    for (const h of registry) addFiledAreas(index, filedAreasOf(h));
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
