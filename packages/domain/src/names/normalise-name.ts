/**
 * The matching form of a hospital name, for search (issue 13). Registry spellings differ from the names on record in
 * case, punctuation, full-width forms, a leading "The", site suffixes ("/ID# 253042", "(Site 12)", "Site 0266") and
 * 医学院附属 / 附属 variants. Small and dependency-free on purpose: the registry import has a similar normaliser, and
 * the two are meant to become one.
 */

/** Removes the site suffixes registries append to a facility ("… /ID# 253042", "… (Site 12)", "… - Site 0266"). */
export function stripSiteSuffix(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s*\/\s*id\s*#?\s*\d+\s*$/iu, '')
    .replace(/\s*[([]\s*site\s*(?:no\.?|#)?\s*[\w-]+\s*[)\]]\s*$/iu, '')
    .replace(/[\s,;:\-–—]*\bsite\s*(?:no\.?|#)?\s*\d+\s*$/iu, '')
    .trim();
}

/**
 * "The First Affiliated Hospital of Nanjing Medical University /ID# 253042" → "firstaffiliatedhospitalofnanjingmedicaluniversity";
 * "南京大学医学院附属鼓楼医院" and "南京大学附属鼓楼医院" → the same key.
 */
export function normaliseName(name: string): string {
  return stripSiteSuffix(name)
    .toLowerCase()
    .replace(/^\s*the\s+/u, '')
    .replace(/医学院附属/gu, '附属')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
