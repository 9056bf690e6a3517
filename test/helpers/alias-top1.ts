import { loadReferenceAliases, normaliseName } from '@ctp/domain';

export type Top1 = { total: number; first: number; misses: { alias: string; expected: string; got: string | null }[] };

/**
 * Searches every alias that names exactly one hospital once normalised, and counts how often that hospital comes
 * first. `search` returns the first hospital id for a query.
 */
export async function measureAliasTop1(
  search: (q: string) => Promise<string | null> | string | null,
  hospitalIdOf: (code: string) => string,
): Promise<Top1> {
  // shared/data/reference/hospital-aliases.csv, as copied into the seed.
  const rows = loadReferenceAliases();
  const codesOf = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = normaliseName(r.alias);
    codesOf.set(key, (codesOf.get(key) ?? new Set()).add(r.code));
  }
  const unique = rows.filter((r) => codesOf.get(normaliseName(r.alias))!.size === 1);
  const misses: Top1['misses'] = [];
  for (const r of unique) {
    const got = await search(r.alias.slice(0, 200));
    if (got !== hospitalIdOf(r.code)) misses.push({ alias: r.alias, expected: hospitalIdOf(r.code), got });
  }
  return { total: unique.length, first: unique.length - misses.length, misses };
}
