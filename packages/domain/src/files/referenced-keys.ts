import { type Db, recognitionRequests, submissionDocuments, submissionLetters } from '@ctp/db';
import { isNotNull } from 'drizzle-orm';

/** Every storage key the database points at (documents, letters, recognition letters): what a backup must carry. */
export function referencedStorageKeys(db: Db): Set<string> {
  const keys = new Set<string>();
  for (const r of db.select({ key: submissionDocuments.storageKey }).from(submissionDocuments).all()) keys.add(r.key);
  for (const r of db.select({ key: submissionLetters.storageKey }).from(submissionLetters).all()) keys.add(r.key);
  for (const r of db
    .select({ key: recognitionRequests.letterStorageKey })
    .from(recognitionRequests)
    .where(isNotNull(recognitionRequests.letterStorageKey))
    .all())
    if (r.key) keys.add(r.key);
  return keys;
}
