/**
 * Fuzzy comparison of institution names for the resolver. Deliberately strict: a score only counts when the
 * words that tell sister hospitals apart agree (ordinals: 第一/第二, First/Second; kinds: 肿瘤/Cancer, 儿童/Children,
 * 中医/Chinese Medicine …). "Jiangsu Province Hospital" and "Jiangsu Province Cancer Hospital" never match.
 */

const STOP_WORDS = new Set(['the', 'of', 'to', 'and', 'with', 'at', 'in', 'for', 'affiliated', 'co', 'ltd']);

const SYNONYMS: Record<string, string> = {
  provincial: 'province',
  prov: 'province',
  peoples: 'people',
  univ: 'university',
  hosp: 'hospital',
  med: 'medical',
  traditional: '',
  tcm: 'chinese',
  centre: 'center',
  general: 'general',
};

const ORDINAL_WORDS: Record<string, string> = {
  first: '1',
  '1st': '1',
  second: '2',
  '2nd': '2',
  third: '3',
  '3rd': '3',
  fourth: '4',
  '4th': '4',
  fifth: '5',
  '5th': '5',
  sixth: '6',
  seventh: '7',
  eighth: '8',
  ninth: '9',
  tenth: '10',
};
const ZH_DIGITS: Record<string, string> = {
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  十: '10',
};

/** Words that say what kind of institution, not which: an unmatched one does not block a fuzzy match. */
const GENERIC_WORDS = new Set([
  'hospital',
  'university',
  'medical',
  'medicine',
  'school',
  'college',
  'center',
  'institute',
  'people',
  'province',
  'city',
  'municipal',
  'clinical',
  'health',
  'academy',
  'sciences',
  'science',
  'general',
  'branch',
  'campus',
  'department',
]);
// Ordinals are compared by the discriminators, so they are generic here.
const GENERIC_HAN = new Set([...'医院大学附属省市人民第中心科研究所总分部门区县立一二三四五六七八九十']);

/** Kinds of hospital: a facility and an alias must name the same kinds to match at all. */
const KIND_MARKERS: [RegExp, string][] = [
  [/cancer|tumou?r|oncolog|肿瘤|癌/iu, 'cancer'],
  [/child|pediatric|paediatric|儿童|儿科/iu, 'children'],
  [/chest|thoracic|pulmonary|胸科|肺科/iu, 'chest'],
  [/wom[ae]n|maternity|maternal|obstetric|gyn[a]?ecolog|妇幼|妇产|妇女/iu, 'women'],
  [/stomatolog|dental|口腔/iu, 'dental'],
  [/brain|mental|psychiatr|脑科|精神/iu, 'brain'],
  [/chinese medicine|tcm|中医|中西医/iu, 'tcm'],
  [/integrat|中西医/iu, 'integrated'],
  [/geriatric|老年/iu, 'geriatric'],
  [/skin|dermatolog|皮肤/iu, 'skin'],
  [/\beye\b|ophthalm|眼科|眼视光/iu, 'eye'],
  [/infectious|public health|传染|公共卫生/iu, 'infectious'],
  [/military|army|pla\b|theater|theatre|战区|军区|解放军/iu, 'military'],
  [/international|国际/iu, 'international'],
];

export type NameFeatures = {
  /** Han script (compared by character bigrams) or Latin (by words). */
  script: 'han' | 'latin';
  tokens: Set<string>;
  /** Words (Latin) or characters (Han) that say which institution it is, not what kind of thing it is. */
  distinctive: Set<string>;
  /** Ordinals and kinds, joined: must be equal for a fuzzy score to count. */
  discriminators: string;
};

const HAN = /\p{Script=Han}/u;

export function nameFeatures(name: string): NameFeatures {
  const text = name.normalize('NFKC').toLowerCase();
  const script = HAN.test(text) ? 'han' : 'latin';
  const tokens = new Set<string>();
  const distinctive = new Set<string>();
  if (script === 'han') {
    const han = text.replace(/[^\p{Script=Han}\p{N}a-z]/gu, '');
    for (let i = 0; i + 1 < han.length; i++) tokens.add(han.slice(i, i + 2));
    if (han.length === 1) tokens.add(han);
    for (const c of han) if (!GENERIC_HAN.has(c)) distinctive.add(c);
  } else {
    for (const raw of text.replace(/'s\b/g, 's').split(/[^a-z0-9]+/)) {
      if (!raw || STOP_WORDS.has(raw)) continue;
      const word = ORDINAL_WORDS[raw] ?? (raw in SYNONYMS ? SYNONYMS[raw] : raw);
      if (!word) continue;
      tokens.add(word);
      if (!GENERIC_WORDS.has(word)) distinctive.add(word);
    }
  }
  return { script, tokens, distinctive, discriminators: discriminatorsOf(text) };
}

function discriminatorsOf(text: string): string {
  const found = new Set<string>();
  for (const [re, key] of KIND_MARKERS) if (re.test(text)) found.add(key);
  for (const m of text.matchAll(/第([一二三四五六七八九十\d]+)/gu)) found.add(`#${ZH_DIGITS[m[1]!] ?? m[1]}`);
  for (const m of text.matchAll(/([一二三四五六七八九])附/gu)) found.add(`#${ZH_DIGITS[m[1]!]}`);
  for (const word of text.split(/[^a-z0-9]+/)) {
    if (ORDINAL_WORDS[word]) found.add(`#${ORDINAL_WORDS[word]}`);
    else if (/^\d{1,2}$/.test(word)) found.add(`#${word}`);
  }
  return [...found].sort().join(',');
}

/**
 * Dice coefficient over the token sets (0…1); names of different scripts, or sharing no distinctive word or
 * character (only 医院/大学/Hospital…), compare as 0.
 */
export function tokenSimilarity(a: NameFeatures, b: NameFeatures): number {
  if (a.script !== b.script || a.tokens.size === 0 || b.tokens.size === 0) return 0;
  let sharesDistinctive = false;
  for (const d of a.distinctive) if (b.distinctive.has(d)) sharesDistinctive = true;
  if (!sharesDistinctive) return 0;
  let shared = 0;
  for (const t of a.tokens) if (b.tokens.has(t)) shared++;
  return (2 * shared) / (a.tokens.size + b.tokens.size);
}

/**
 * The score the resolver trusts for registry name `a` against alias `b`: the similarity, or 0 when the
 * discriminating words differ or `a` says something `b` does not ("Nanjing Drum Tower Hospital Jiangbei" is not
 * "Nanjing Drum Tower Hospital": the extra word may name a branch or another hospital).
 */
export function guardedSimilarity(a: NameFeatures, b: NameFeatures): number {
  if (a.discriminators !== b.discriminators) return 0;
  const bWords = b.script === 'han' ? new Set([...[...b.tokens].join('')]) : b.tokens;
  for (const d of a.distinctive) if (!bWords.has(d)) return 0;
  return tokenSimilarity(a, b);
}
