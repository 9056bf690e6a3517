import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { conditionKey, conditionTokens, isHanToken } from './condition-text.ts';

/**
 * The disease vocabulary (issue 13), shared by site search and the registry import: ICD-10 / ICD-O-3 / MeSH codes,
 * zh and en names, synonyms and abbreviations, a hierarchy (非小细胞肺癌 ⊂ 肺癌 ⊂ 恶性肿瘤 ⊂ 肿瘤) and the specialties
 * that treat each condition. The data is the curated `conditions.csv` beside this file (sources in its README).
 */
export type ConditionEntry = {
  /** Stable id of the vocabulary (codes are not always known, and one ICD-10 code can cover several entries). */
  id: string;
  parentId: string | null;
  icd10: string | null;
  icdO3: string | null;
  mesh: string | null;
  zh: string;
  en: string;
  synonyms: string[];
  /** Specialty catalogue codes (专业) that treat it; empty means "as the parent". */
  specialties: string[];
};

export type ConditionMatch = {
  entry: ConditionEntry;
  /** `exact`: the whole text is a name, synonym or abbreviation; `phrase`: one of them occurs in the text. */
  how: 'exact' | 'phrase';
  /** The vocabulary term that matched, in matching form. */
  term: string;
};

type Row = {
  id: string;
  parent: string;
  icd10: string;
  icdo3: string;
  mesh: string;
  zh: string;
  en: string;
  synonyms: string;
  specialties: string;
};

const list = (v: string) =>
  v
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

function load(): ConditionEntry[] {
  const text = readFileSync(new URL('./conditions.csv', import.meta.url), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Row[];
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent || null,
    icd10: r.icd10 || null,
    icdO3: r.icdo3 || null,
    mesh: r.mesh || null,
    zh: r.zh,
    en: r.en,
    synonyms: list(r.synonyms),
    specialties: list(r.specialties),
  }));
}

export const CONDITIONS: readonly ConditionEntry[] = load();
const byId = new Map(CONDITIONS.map((c) => [c.id, c]));
const childrenOf = new Map<string, ConditionEntry[]>();
for (const c of CONDITIONS) {
  if (!c.parentId) continue;
  const list = childrenOf.get(c.parentId) ?? [];
  list.push(c);
  childrenOf.set(c.parentId, list);
}

/** Every term an entry is known by. */
export const termsOf = (c: ConditionEntry) => [c.zh, c.en, ...c.synonyms];

/** Matching key → entry. A key claimed by two entries is kept out (and listed: a test keeps the list empty). */
const exact = new Map<string, ConditionEntry>();
export const AMBIGUOUS_TERMS: { key: string; ids: string[] }[] = [];
{
  const owners = new Map<string, Set<string>>();
  for (const c of CONDITIONS)
    for (const t of termsOf(c)) {
      const key = conditionKey(t);
      if (!key) continue;
      const set = owners.get(key) ?? new Set<string>();
      set.add(c.id);
      owners.set(key, set);
    }
  for (const [key, ids] of owners) {
    if (ids.size === 1) exact.set(key, byId.get([...ids][0]!)!);
    else AMBIGUOUS_TERMS.push({ key, ids: [...ids] });
  }
}

/**
 * Terms that may be found inside a longer text, by first token, longest first. A single Chinese character (癌) is
 * too weak to place a text by itself and matches only as the whole text.
 */
const phrasesByFirst = new Map<string, { tokens: string[]; key: string; entry: ConditionEntry }[]>();
for (const [key, entry] of exact) {
  const tokens = key.split(' ');
  if (tokens.length === 1 && isHanToken(tokens[0]!)) continue;
  const list = phrasesByFirst.get(tokens[0]!) ?? [];
  list.push({ tokens, key, entry });
  phrasesByFirst.set(tokens[0]!, list);
}
for (const list of phrasesByFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

export function conditionById(id: string): ConditionEntry | null {
  return byId.get(id) ?? null;
}

/** The entry whose name, synonym or abbreviation the whole text is (case, width and punctuation aside). */
export function lookupCondition(text: string): ConditionEntry | null {
  return exact.get(conditionKey(text)) ?? null;
}

export type ConditionSpan = { entry: ConditionEntry; start: number; end: number; term: string };

/**
 * Every vocabulary term in a text, left to right, the longest at each place, without overlaps; positions are token
 * indices of `conditionTokens(text)`.
 */
export function findConditionSpans(text: string): ConditionSpan[] {
  const tokens = conditionTokens(text);
  const out: ConditionSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = (phrasesByFirst.get(tokens[i]!) ?? []).find((p) => p.tokens.every((t, k) => tokens[i + k] === t));
    if (found) {
      out.push({ entry: found.entry, start: i, end: i + found.tokens.length, term: found.key });
      i += found.tokens.length;
    } else i++;
  }
  return out;
}

/**
 * The best vocabulary entry for a free-text condition: the whole text if it is a known term, else the first term
 * that occurs in it ("Advanced NSCLC", "EGFR突变阳性的晚期非小细胞肺癌（NSCLC）" → NSCLC). Null when nothing fits.
 */
export function resolveCondition(text: string): ConditionMatch | null {
  const key = conditionKey(text);
  if (!key) return null;
  const whole = exact.get(key);
  if (whole) return { entry: whole, how: 'exact', term: key };
  const first = findConditionSpans(text)[0];
  return first ? { entry: first.entry, how: 'phrase', term: first.term } : null;
}

/** The entry and all its descendants (a search for 肺癌 covers 非小细胞肺癌 and 小细胞肺癌). */
export function expandCondition(id: string): ConditionEntry[] {
  const root = byId.get(id);
  if (!root) return [];
  const out: ConditionEntry[] = [];
  const stack = [root];
  while (stack.length) {
    const c = stack.pop()!;
    out.push(c);
    stack.push(...(childrenOf.get(c.id) ?? []));
  }
  return out;
}

/** Parent first, then up to the root. */
export function ancestorsOf(id: string): ConditionEntry[] {
  const out: ConditionEntry[] = [];
  let c = byId.get(id);
  while (c?.parentId) {
    c = byId.get(c.parentId);
    if (!c || out.includes(c)) break;
    out.push(c);
  }
  return out;
}

/** The specialties that treat a condition: its own, else those of its nearest ancestor that has some. */
export function specialtiesOfCondition(id: string): string[] {
  const c = byId.get(id);
  if (!c) return [];
  if (c.specialties.length) return c.specialties;
  return ancestorsOf(id).find((a) => a.specialties.length)?.specialties ?? [];
}

/**
 * Entries whose terms start with (then contain) what was typed, for the disease picker: best first, shorter names
 * before longer ones.
 */
export function suggestConditions(typed: string, limit: number): ConditionEntry[] {
  const key = conditionKey(typed);
  if (!key) return [];
  const rank = new Map<ConditionEntry, number>();
  for (const c of CONDITIONS) {
    let best = Number.POSITIVE_INFINITY;
    for (const t of termsOf(c)) {
      const k = conditionKey(t);
      const r = k === key ? 0 : k.startsWith(key) ? 1 : k.includes(key) ? 2 : Number.POSITIVE_INFINITY;
      best = Math.min(best, r);
    }
    if (best < Number.POSITIVE_INFINITY) rank.set(c, best);
  }
  return [...rank.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].zh.length - b[0].zh.length || a[0].id.localeCompare(b[0].id))
    .slice(0, limit)
    .map(([c]) => c);
}
