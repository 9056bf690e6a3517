/**
 * The matching form of a condition name: what "NSCLC", "Carcinoma, Non-Small-Cell Lung", "ＮＳＣＬＣ" and
 * "non-small-cell lung cancers" have in common with the vocabulary's terms. Chinese is compared character by
 * character, everything else word by word, so English phrases match only as whole words in order.
 */

/** British and American spellings meet here (leukaemia/leukemia, tumour/tumor, oesophageal/esophageal…). */
const SPELLING: [RegExp, string][] = [
  [/aem/g, 'em'],
  [/oesophag/g, 'esophag'],
  [/oedema/g, 'edema'],
  [/rrhoea/g, 'rrhea'],
  [/paed/g, 'ped'],
  [/tumour/g, 'tumor'],
  [/behaviour/g, 'behavior'],
  [/neurone/g, 'neuron'],
  [/([a-z])is(ed|ing)\b/g, '$1iz$2'],
];

const HAN = /\p{Script=Han}/u;
const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** "Diseases" and "disease", "neoplasms" and "neoplasm" read the same; "arthritis", "lupus", "illness" keep their s. */
function singular(word: string): string {
  if (word.length <= 4 || HAN.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !/(ss|us|is|os)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The tokens of a condition text: each Chinese character alone, each other word whole, lower-case and folded. */
export function conditionTokens(text: string): string[] {
  let s = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '');
  for (const [re, to] of SPELLING) s = s.replace(re, to);
  return (s.match(TOKEN) ?? []).map(singular);
}

export const isHanToken = (token: string) => HAN.test(token);

/** The key two texts share when they name the same thing. */
export const conditionKey = (text: string) => conditionTokens(text).join(' ');
