import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { spaceCjk } from './hospital-search.ts';

/**
 * The SQLite FTS5 side of provider search (issue 18), built like hospital search beside it (same tokenisation: CJK
 * one character per token, pinyin in its own column) and queried with the same `toFtsTerms` expressions.
 */
export type ProviderSearchDocument = {
  providerId: string;
  names: string;
  /** Service categories in Chinese and English, with their usual abbreviations. */
  services: string;
  qualifications: string;
  /** Districts and therapeutic areas served. */
  coverage: string;
  /** Pinyin initials and full pinyin of the names and services. */
  initials: string;
};

export const PROVIDER_SEARCH_COLUMNS = ['names', 'services', 'qualifications', 'coverage', 'initials'] as const;
export type ProviderSearchColumn = (typeof PROVIDER_SEARCH_COLUMNS)[number];

export function replaceProviderSearchDocument(tx: Tx | Db, doc: ProviderSearchDocument): void {
  tx.run(sql`delete from provider_search where provider_id = ${doc.providerId}`);
  tx.run(sql`insert into provider_search (provider_id, names, services, qualifications, coverage, initials)
    values (${doc.providerId}, ${spaceCjk(doc.names)}, ${spaceCjk(doc.services)}, ${spaceCjk(doc.qualifications)},
            ${spaceCjk(doc.coverage)}, ${doc.initials})`);
}

/** For one term (an FTS5 expression from `toFtsTerms`), the providers whose document matches it, column by column. */
export function providersMatchingTerm(db: Db, fts: string): Record<ProviderSearchColumn, Set<string>> {
  const out = {} as Record<ProviderSearchColumn, Set<string>>;
  for (const col of PROVIDER_SEARCH_COLUMNS) {
    const rows = db.all<{ id: string }>(
      sql`select provider_id as id from provider_search where provider_search match ${`${col} : (${fts})`}`,
    );
    out[col] = new Set(rows.map((r) => r.id));
  }
  return out;
}

export function countProviderSearchDocuments(db: Db): number {
  return db.get<{ n: number }>(sql`select count(*) as n from provider_search`)?.n ?? 0;
}
