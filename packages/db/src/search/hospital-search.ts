import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { preparedOn } from './read-model-changes.ts';

/**
 * The SQLite FTS5 side of site search, kept here so the rest of the code never writes FTS syntax
 * (CONVENTIONS §9): on PostgreSQL these three functions are what changes.
 */
export type HospitalSearchDocument = {
  hospitalId: string;
  names: string;
  specialties: string;
  diseases: string;
  investigators: string;
  capabilities: string;
  /** Pinyin initials and full pinyin of the names (jsszlyy, jiangsushengzhongliuyiyuan). */
  initials: string;
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const CJK_RUN = /([\u3400-\u9fff\uf900-\ufaff])(?=[\u3400-\u9fff\uf900-\ufaff])/gu;

/** "江苏省肿瘤医院" → "江 苏 省 肿 瘤 医 院": unicode61 then indexes each character, so any substring is a phrase. */
export function spaceCjk(text: string): string {
  return text.replace(CJK_RUN, '$1 ');
}

export function replaceHospitalSearchDocument(tx: Tx | Db, doc: HospitalSearchDocument): void {
  tx.run(sql`delete from hospital_search where hospital_id = ${doc.hospitalId}`);
  tx.run(sql`insert into hospital_search (hospital_id, names, specialties, diseases, investigators, capabilities, initials)
    values (${doc.hospitalId}, ${spaceCjk(doc.names)}, ${spaceCjk(doc.specialties)}, ${spaceCjk(doc.diseases)},
            ${spaceCjk(doc.investigators)}, ${spaceCjk(doc.capabilities)}, ${doc.initials})`);
}

export const SEARCH_COLUMNS = [
  'names',
  'specialties',
  'diseases',
  'investigators',
  'capabilities',
  'initials',
] as const;
export type SearchColumn = (typeof SEARCH_COLUMNS)[number];

/**
 * Splits what a user typed into terms, each an FTS5 expression that must match somewhere. A Chinese run becomes a
 * phrase of its characters ("肿 瘤"); Latin runs become one prefix phrase ("PET-CT" → "pet ct"*), which also
 * matches pinyin initials (jsszl*).
 */
export function toFtsTerms(q: string): { text: string; fts: string }[] {
  return q
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s,，、;；]+/u)
    .filter(Boolean)
    .flatMap((term) => {
      const runs = term.match(/[\u3400-\u9fff\uf900-\ufaff]+|[\p{L}\p{N}]+/gu) ?? [];
      const cjk = runs.filter((r) => CJK.test(r)).map((r) => `"${spaceCjk(r)}"`);
      const latin = runs.filter((r) => !CJK.test(r));
      const parts = [...cjk, ...(latin.length ? [`"${latin.join(' ')}"*`] : [])];
      return parts.length ? [{ text: term, fts: parts.join(' AND ') }] : [];
    })
    .slice(0, 8);
}

/**
 * A whole text as one FTS5 phrase, words in order ("lung cancer" → "lung cancer", not lung AND cancer; "非小细胞肺癌"
 * → its characters in order). No prefix: a condition name matches only as itself.
 */
export function toFtsPhrase(text: string): string | null {
  const words = spaceCjk(text.normalize('NFKC').toLowerCase()).match(/[\p{L}\p{N}]+/gu);
  return words?.length ? `"${words.join(' ')}"` : null;
}

/**
 * For one term, the hospitals whose document matches it, column by column: the domain weighs a name hit above a
 * specialty hit above a capability hit (bm25 is useless here: common characters carry almost no IDF).
 */
export function hospitalsMatchingTerm(
  db: Db,
  fts: string,
  columns: readonly SearchColumn[] = SEARCH_COLUMNS,
): Partial<Record<SearchColumn, Set<string>>> {
  const out: Partial<Record<SearchColumn, Set<string>>> = {};
  // One prepared statement, kept per connection: building the query each time cost more than running it.
  const match = preparedOn(db, 'select hospital_id from hospital_search where hospital_search match ?').pluck();
  for (const col of columns) out[col] = new Set(match.all(`${col} : (${fts})`) as string[]);
  return out;
}
