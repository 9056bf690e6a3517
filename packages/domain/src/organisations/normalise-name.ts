/**
 * The matching form of an institution name (shared/data/reference/README): case- and punctuation-insensitive,
 * without a leading "The" or registry site suffixes such as " /ID# 253042" or "(Site 12)".
 */
export function normaliseInstitutionName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*\/\s*id#\s*\d+\s*$/i, '')
    .replace(/\(\s*site\s*[\w-]+\s*\)\s*$/i, '')
    .replace(/^\s*the\s+/, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
