import { type Db, type ReadModelPart, readModelChangesSince, readModelVersion, specialtyCatalogue } from '@ctp/db';
import { loadWorkingCalendar } from '../clock/load-working-calendar.ts';
import type { WorkingCalendar } from '../clock/working-days.ts';
import {
  addFiledAreas,
  type FiledAreaIndex,
  filedAreasOf,
  removeFiledAreas,
  useFiledAreaIndex,
} from './condition-areas.ts';
import { type AliasIndex, indexHospitalNames, loadHospitalNames } from './hospital-aliases.ts';
import { type HospitalCapacity, hospitalIdsInReadOrder, isStale, readHospitalCapacity } from './load-capacity.ts';
import { loadRegistryExperience, type RegistryExperience } from './registry-experience.ts';
import {
  loadPerformanceFacts,
  type PerformanceFacts,
  performanceOn,
  type SitePerformance,
} from './site-performance.ts';

const DAY = 86_400_000;
/** Beijing's day number: the stale flags and the enrolment months change with it. */
const dayOf = (now: number) => Math.floor((now + 8 * 3_600_000) / DAY);

type CatalogueNames = Map<string, { code: string; zh: string; en: string }>;

/**
 * What site search reads, kept in memory and updated hospital by hospital (issue 16): every hospital's capacity
 * (with its derived load), its past performance, its registry trials and its names, plus the indexes built on them.
 * Triggers record which hospitals each write concerns (`read_model_changes`, see packages/db); every read checks
 * that table past the version the model is current with (one indexed read) and re-reads only those hospitals. So
 * the first search after a write costs an ordinary search plus one hospital's reads, and is never stale.
 */
export type SearchReadModel = {
  /** Every hospital in a stable order; a new array after each change (derived caches key on it). */
  hospitals: HospitalCapacity[];
  performance: Map<string, SitePerformance>;
  registry: RegistryExperience;
  aliases: AliasIndex;
  catalogue: CatalogueNames;
  /** How many times the whole model was read, and how many hospitals were re-read one by one (for tests). */
  stats: { builds: number; hospitalRefreshes: number };
  /** The `read_model_changes` sequence number the model is current with, and the Beijing day it is on. */
  version: number;
  day: number;
};

type Model = SearchReadModel & {
  position: Map<string, number>;
  facts: Map<string, PerformanceFacts>;
  names: Map<string, string[]>;
  filed: FiledAreaIndex;
};

const models = new WeakMap<Db, Model>();

function readCatalogue(db: Db): CatalogueNames {
  return new Map(
    db
      .select({ code: specialtyCatalogue.code, zh: specialtyCatalogue.nameZh, en: specialtyCatalogue.nameEn })
      .from(specialtyCatalogue)
      .all()
      .map((c) => [c.code, c]),
  );
}

type Parts = {
  version: number;
  hospitals: HospitalCapacity[];
  facts: Map<string, PerformanceFacts>;
  names: Map<string, string[]>;
  registry: RegistryExperience;
};

function assemble(db: Db, now: number, parts: Parts, builds: number, hospitalRefreshes: number): Model {
  const { version, hospitals, facts, names, registry } = parts;
  const aliases: AliasIndex = new Map();
  for (const [id, list] of names) indexHospitalNames(aliases, id, list);
  const filed: FiledAreaIndex = new Map();
  for (const h of hospitals) addFiledAreas(filed, filedAreasOf(h));
  useFiledAreaIndex(hospitals, filed);
  const performance = new Map<string, SitePerformance>();
  for (const [id, f] of facts) performance.set(id, performanceOn(f, now));
  return {
    hospitals,
    performance,
    registry,
    aliases,
    catalogue: readCatalogue(db),
    stats: { builds: builds + 1, hospitalRefreshes },
    version,
    day: dayOf(now),
    position: new Map(hospitals.map((h, i) => [h.org.id, i])),
    facts,
    names,
    filed,
  };
}

function build(db: Db, now: number, builds: number, hospitalRefreshes: number): Model {
  // The version first: a write landing while the model is read is re-read at the next check.
  const version = readModelVersion(db);
  const hospitals = readHospitalCapacity(db, now);
  const parts = {
    version,
    hospitals,
    facts: loadPerformanceFacts(db),
    names: loadHospitalNames(db),
    registry: loadRegistryExperience(db),
  };
  return assemble(db, now, parts, builds, hospitalRefreshes);
}

/** Re-reads the capacity of the given hospitals only and puts it in place (a hospital no longer there is taken out). */
function refreshCapacity(db: Db, m: Model, ids: string[], now: number): void {
  const capacity = new Map(readHospitalCapacity(db, now, ids).map((h) => [h.org.id, h]));
  const hospitals = [...m.hospitals];
  for (const id of ids) {
    const at = m.position.get(id);
    const old = at === undefined ? undefined : hospitals[at];
    if (old) removeFiledAreas(m.filed, old);
    const fresh = capacity.get(id);
    if (!fresh) continue;
    addFiledAreas(m.filed, filedAreasOf(fresh));
    if (at === undefined) {
      m.position.set(id, hospitals.length);
      hospitals.push(fresh);
    } else hospitals[at] = fresh;
  }
  // A hospital gone from the registry (never in practice: hospitals are not deleted) leaves no hole; the common
  // case (every hospital re-read is still there) skips the pass over the whole list.
  if (ids.every((id) => capacity.has(id))) m.hospitals = hospitals;
  else {
    const refreshed = new Set(ids);
    const live = hospitals.filter((h) => capacity.has(h.org.id) || !refreshed.has(h.org.id));
    if (live.length !== hospitals.length) m.position = new Map(live.map((h, i) => [h.org.id, i]));
    m.hospitals = live;
  }
  useFiledAreaIndex(m.hospitals, m.filed);
}

function refreshPerformance(db: Db, m: Model, ids: string[], now: number): void {
  const facts = loadPerformanceFacts(db, ids);
  for (const id of ids) {
    const f = facts.get(id);
    if (f) {
      m.facts.set(id, f);
      m.performance.set(id, performanceOn(f, now));
    } else {
      m.facts.delete(id);
      m.performance.delete(id);
    }
  }
}

function refreshNames(db: Db, m: Model, ids: string[]): void {
  const names = loadHospitalNames(db, ids);
  for (const id of ids) {
    indexHospitalNames(m.aliases, id, m.names.get(id) ?? [], true);
    const n = names.get(id);
    if (n) {
      m.names.set(id, n);
      indexHospitalNames(m.aliases, id, n);
    } else m.names.delete(id);
  }
}

function refreshRegistry(db: Db, m: Model, ids: string[]): void {
  const registry = loadRegistryExperience(db, ids);
  for (const id of ids) {
    const r = registry.get(id);
    if (r) m.registry.set(id, r);
    else m.registry.delete(id);
  }
}

/** Re-reads only the parts of the hospitals a change concerns (a capacity confirmation reads no review clock). */
function refreshHospitals(db: Db, m: Model, changed: Map<ReadModelPart, string[]>, now: number): void {
  const touched = new Set<string>();
  for (const [part, ids] of changed) {
    for (const id of ids) touched.add(id);
    if (part === 'capacity') refreshCapacity(db, m, ids, now);
    else if (part === 'performance') refreshPerformance(db, m, ids, now);
    else if (part === 'names') refreshNames(db, m, ids);
    else refreshRegistry(db, m, ids);
  }
  m.stats.hospitalRefreshes += touched.size;
}

/** A new day: stale flags and enrolment months move on; nothing is read from the database. */
function moveToDay(m: Model, now: number): void {
  m.hospitals = m.hospitals.map((h) => {
    const stale = isStale(h.org.capacityConfirmedAt, now);
    return stale === h.stale ? h : { ...h, stale };
  });
  useFiledAreaIndex(m.hospitals, m.filed);
  for (const [id, f] of m.facts) m.performance.set(id, performanceOn(f, now));
  m.day = dayOf(now);
}

/**
 * The search read model of this database, current with every committed write: built once, then updated for the
 * hospitals each write concerns. A change marked for every hospital (the catalogue, the calendar) rebuilds it.
 */
export function searchReadModel(db: Db, now: number): SearchReadModel {
  let m = models.get(db);
  if (!m) {
    const w = warming.get(db);
    if (!w) {
      m = build(db, now, 0, 0);
      models.set(db, m);
      return m;
    }
    // The warm-up after start is under way: finish it here, then catch up with writes made since it began.
    m = finishWarming(db, w);
    models.set(db, m);
  }
  const changes = readModelChangesSince(db, m.version);
  if (changes?.all) {
    m = build(db, now, m.stats.builds, m.stats.hospitalRefreshes);
    models.set(db, m);
    return m;
  }
  if (changes) {
    refreshHospitals(db, m, changes.changed, now);
    m.version = changes.version;
  }
  if (dayOf(now) !== m.day) moveToDay(m, now);
  return m;
}

/** Hospitals read per slice by the warm-up: a slice costs tens of milliseconds at national scale. */
const WARM_UP_SLICE = 10;

/** A warm-up under way: what it has read so far, and where it stands in the hospitals' order. */
type Warming = { parts: Parts; order: string[]; next: number; now: number; calendar: WorkingCalendar };
const warming = new WeakMap<Db, Warming>();

function readSlice(db: Db, w: Warming): void {
  const slice = w.order.slice(w.next, w.next + WARM_UP_SLICE);
  w.next += slice.length;
  const read = new Map(readHospitalCapacity(db, w.now, slice).map((h) => [h.org.id, h]));
  for (const id of slice) {
    const h = read.get(id);
    if (h) w.parts.hospitals.push(h);
  }
  // One calendar for every slice: it remembers the working days it has counted (a new one per slice made the
  // review clocks of a national warm-up several times slower).
  for (const [id, f] of loadPerformanceFacts(db, slice, w.calendar)) w.parts.facts.set(id, f);
  for (const [id, n] of loadHospitalNames(db, slice)) w.parts.names.set(id, n);
  for (const [id, r] of loadRegistryExperience(db, slice)) w.parts.registry.set(id, r);
}

/** Reads what the warm-up has not read yet, at once, and makes the model of it. */
function finishWarming(db: Db, w: Warming): Model {
  warming.delete(db);
  while (w.next < w.order.length) readSlice(db, w);
  return assemble(db, w.now, w.parts, 0, 0);
}

/**
 * Builds the model the way `searchReadModel` does, but a slice of hospitals at a time, giving the event loop back
 * between slices (issue 16: cold start). The server calls it right after listening: a full build blocks for seconds
 * at national scale (about 10 s on 2 cores), and /healthz, sign-ins and pages must be answered meanwhile. A search
 * arriving before it finishes reads the rest at once (`searchReadModel`), so it waits only for what is left. Writes
 * landing meanwhile are caught like any other: the version is read first.
 */
export async function warmSearchReadModel(
  db: Db,
  now: number,
  yieldToLoop: () => Promise<void> = () => new Promise((resolve) => setImmediate(resolve)),
): Promise<'built' | 'already built'> {
  if (models.has(db) || warming.has(db)) return 'already built';
  const version = readModelVersion(db);
  // The hospitals in the order a full read returns them (the same query), so both builds order them alike.
  const w: Warming = {
    parts: { version, hospitals: [], facts: new Map(), names: new Map(), registry: new Map() },
    order: hospitalIdsInReadOrder(db),
    next: 0,
    now,
    calendar: loadWorkingCalendar(db),
  };
  warming.set(db, w);
  while (w.next < w.order.length) {
    await yieldToLoop();
    // A search finished it meanwhile.
    if (warming.get(db) !== w) return 'already built';
    readSlice(db, w);
  }
  if (warming.get(db) !== w) return 'already built';
  models.set(db, finishWarming(db, w));
  return 'built';
}
