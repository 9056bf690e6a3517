import { type ShortlistQuery, shortlistQuerySchema } from '@ctp/contracts';

/** Pure: the query as stored with a shortlist item — only the fields that say something; null when none do. */
export function storedQuery(query: ShortlistQuery | undefined): string | null {
  if (!query) return null;
  const kept = Object.entries(query).filter(
    ([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
  );
  return kept.length ? JSON.stringify(Object.fromEntries(kept.sort(([a], [b]) => a.localeCompare(b)))) : null;
}

/** Pure: a stored query read back; a row the current contract no longer accepts counts as no query. */
export function readStoredQuery(json: string | null): ShortlistQuery | null {
  if (!json) return null;
  try {
    const parsed = shortlistQuerySchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
