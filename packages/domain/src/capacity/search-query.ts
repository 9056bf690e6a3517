import { stripSiteSuffix } from '../names/normalise-name.ts';
import { conditionTokens, isHanToken } from '../vocabulary/condition-text.ts';
import { type ConditionEntry, findConditionSpans, lookupCondition } from '../vocabulary/condition-vocabulary.ts';

/** A part of the query that names a condition of the vocabulary ("lung cancer", "非小细胞肺癌", "NSCLC"). */
export type ConditionTerm = { text: string; entry: ConditionEntry };

export type ParsedQuery = {
  /** The query without registry site suffixes ("/ID# 253042"), as used for the exact alias match. */
  cleaned: string;
  conditions: ConditionTerm[];
  /** The rest, searched as free text word by word (names, pinyin, specialties, PIs, capabilities). */
  text: string;
};

/** Words that qualify a condition without changing which one it is ("advanced NSCLC", "晚期非小细胞肺癌患者"). */
const QUALIFIER_WORDS = new Set(
  (
    'advanced metastatic recurrent relapsed refractory resectable unresectable locally early late stage newly ' +
    'diagnosed untreated previously treated first second line adult patient with of the and or in mild moderate ' +
    'severe i ii iii iiia iiib iiic iv iva ivb 0 1 2 3 4'
  ).split(' '),
);
const QUALIFIER_HAN =
  /局部晚期|晚期|早期|进展期|复发难治性|复发性|难治性|复发|难治|转移性|转移|不可切除的?|可切除的?|初治|经治|[一二三]线|患者|成人|中重度|轻中度|重度|中度|轻度|或|和|及|伴|的/gu;

function isQualifierToken(token: string): boolean {
  return !isHanToken(token) && QUALIFIER_WORDS.has(token);
}

/** Han tokens left over around a condition in one segment: qualifiers only ("晚期", "患者")? */
function onlyQualifiers(tokens: string[]): boolean {
  let run = '';
  const runs: string[] = [];
  for (const t of tokens) {
    if (isHanToken(t)) run += t;
    else {
      if (run) runs.push(run);
      run = '';
      if (!isQualifierToken(t)) return false;
    }
  }
  if (run) runs.push(run);
  return runs.every((r) => r.replace(QUALIFIER_HAN, '') === '');
}

const MAX_PHRASE_WORDS = 8;

/**
 * Splits a site-search query into vocabulary conditions and free text. English phrases are read as phrases ("lung
 * cancer" is one condition, not "lung" + "cancer"); a Chinese segment is a condition only when it is one, give or
 * take qualifiers (晚期非小细胞肺癌), so "江苏省肿瘤医院" stays a hospital name.
 */
export function parseSearchQuery(q: string): ParsedQuery {
  const cleaned = stripSiteSuffix(q);
  const segments = cleaned.split(/[\s,，、;；]+/u).filter(Boolean);
  const conditions: ConditionTerm[] = [];
  const plain: string[] = [];
  const qualifiers: string[] = [];
  let i = 0;
  while (i < segments.length) {
    let taken = 0;
    for (let j = Math.min(segments.length, i + MAX_PHRASE_WORDS); j > i + 1 && !taken; j--) {
      const phrase = segments.slice(i, j).join(' ');
      const entry = lookupCondition(phrase);
      if (entry) {
        conditions.push({ text: phrase, entry });
        taken = j - i;
      }
    }
    if (!taken) {
      const segment = segments[i]!;
      const entry = lookupCondition(segment);
      const spans = entry ? [] : findConditionSpans(segment);
      if (entry) conditions.push({ text: segment, entry });
      else if (spans.length) {
        const tokens = conditionTokens(segment);
        const inSpan = new Set(spans.flatMap((s) => Array.from({ length: s.end - s.start }, (_, k) => s.start + k)));
        if (onlyQualifiers(tokens.filter((_, k) => !inSpan.has(k))))
          for (const s of spans) conditions.push({ text: segment, entry: s.entry });
        else plain.push(segment);
      } else if (conditionTokens(segment).every(isQualifierToken) && conditionTokens(segment).length)
        qualifiers.push(segment);
      else plain.push(segment);
      taken = 1;
    }
    i += taken;
  }
  // "Advanced", "Stage IV" qualify a condition; on their own they are ordinary words to search for.
  if (!conditions.length) plain.push(...qualifiers);
  const unique = conditions.filter((c, k) => conditions.findIndex((d) => d.entry.id === c.entry.id) === k);
  return { cleaned, conditions: unique, text: plain.join(' ') };
}
