import type { SitesSearchOutput } from '@ctp/contracts';
import type { Db } from '@ctp/db';

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;

type Entry = { db: Db; version: string; validUntil: number; output: SitesSearchOutput };

/**
 * Recent `sites.search` results (issue 16), for the searches many sponsors run alike. An entry answers only while
 * the search read model stands where it stood when it was computed — the version of `read_model_changes` (which
 * triggers move on every write to what search reads: capacity, investigators, names, trial sites, registry, the
 * catalogue and the calendar) and the Beijing day the model is on — and while no clock-dependent sentence in it has
 * changed (a stale hospital's "confirmed n days ago" moves on at its own hour of the day). So a cached answer is the
 * answer a fresh search would give. Bounded by the hospitals held (a page of 20 is ~10–200 KB): the least recently
 * used entry goes first. Readers share an entry, so they must not change it (the router only serialises it).
 */
export class SearchResultCache {
  private readonly entries = new Map<string, Entry>();
  private items = 0;
  readonly stats = { hits: 0, misses: 0 };

  /** `maxItems`: result cards held over all entries; 0 turns the cache off. */
  constructor(readonly maxItems = 5_000) {}

  get(db: Db, key: string, version: string, now: number): SitesSearchOutput | null {
    const entry = this.entries.get(key);
    if (!entry || entry.db !== db || entry.version !== version || now >= entry.validUntil) {
      if (entry) this.remove(key);
      this.stats.misses++;
      return null;
    }
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.stats.hits++;
    return entry.output;
  }

  set(db: Db, key: string, version: string, now: number, output: SitesSearchOutput): void {
    // An empty page still costs the entry itself.
    if (1 + output.items.length > this.maxItems) return;
    this.remove(key);
    this.entries.set(key, { db, version, validUntil: validUntil(output, now), output });
    this.items += 1 + output.items.length;
    while (this.items > this.maxItems) this.remove(this.entries.keys().next().value!);
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.items -= 1 + entry.output.items.length;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Next Beijing midnight, or sooner the moment a listed hospital's days since confirmation tick over. */
function validUntil(output: SitesSearchOutput, now: number): number {
  let until = Math.floor((now + BEIJING) / DAY + 1) * DAY - BEIJING;
  for (const item of output.items) {
    const at = item.capacityConfirmedAt;
    if (at === null || at > now) continue;
    until = Math.min(until, at + (Math.floor((now - at) / DAY) + 1) * DAY);
  }
  return until;
}

/** The key of a search: who asks (organisation), in which language, and the parsed input with its keys in order. */
export function searchCacheKey(orgId: string | null, locale: string, input: Record<string, unknown>): string {
  const fields = Object.keys(input)
    .filter((k) => input[k] !== undefined)
    .sort()
    .map((k) => [k, input[k]]);
  return JSON.stringify([orgId, locale, fields]);
}
