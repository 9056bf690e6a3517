/**
 * The matching form of an institution name (shared/data/reference/README): case-, width- and
 * punctuation-insensitive, without a leading "The" or registry site suffixes (" /ID# 253042", "(Site 12)",
 * " - Site 012"), and with the 医学院附属 / 医学部附属 variants of a university's affiliated hospital folded to 附属
 * (南京大学医学院附属鼓楼医院 = 南京大学附属鼓楼医院). Both aliases and registry names go through it.
 */
export function normaliseInstitutionName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*\/\s*id#\s*\d+\s*$/i, '')
    .replace(/\(\s*site\s*[\w-]+\s*\)\s*$/i, '')
    .replace(/\s*[,;–—-]\s*(?:study\s+|clinical\s+|research\s+)?site\s*(?:no\.?\s*|#\s*)?\d+\s*$/i, '')
    .replace(/^\s*the\s+/, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .replace(/(大学)(?:医学院|医学部)附属/g, '$1附属');
}
