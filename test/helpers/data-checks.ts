import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDatabaseIntegrity, closeDatabase, openDatabase } from '@ctp/db';
import { type AuditVerdict, verifyAudit } from '@ctp/domain';
import type { Acknowledged } from './http-workload.ts';
import { dataPaths } from './server-process.ts';

export type DataCheck = {
  integrity: string[];
  audit: AuditVerdict;
  lostShortlists: string[];
  lostDocuments: string[];
  badFiles: string[];
};

/**
 * Opens a data folder (while its server is down or serving) and checks what must hold after any crash: SQLite's
 * integrity check, the audit chain with the signed head and vote checksums, and every acknowledged write — the
 * shortlist rows, the document rows and their stored bytes.
 */
export function checkDataDir(dir: string, acked: Acknowledged): DataCheck {
  const { dbPath, filesDir, auditHead } = dataPaths(dir);
  const handle = openDatabase(dbPath);
  try {
    const integrity = checkDatabaseIntegrity(handle);
    const audit = verifyAudit(handle.db, { head: auditHead });
    const hasShortlist = handle.sqlite.prepare('select 1 from shortlists where id = ?').pluck();
    const docKey = handle.sqlite.prepare('select storage_key from submission_documents where id = ?').pluck();
    const lostShortlists = acked.shortlists.filter((id) => !hasShortlist.get(id));
    const lostDocuments: string[] = [];
    const badFiles: string[] = [];
    for (const doc of acked.documents) {
      const key = docKey.get(doc.id) as string | undefined;
      if (!key) {
        lostDocuments.push(doc.id);
        continue;
      }
      try {
        const bytes = readFileSync(join(filesDir, key));
        if (createHash('sha256').update(bytes).digest('hex') !== doc.sha256) badFiles.push(key);
      } catch {
        badFiles.push(key);
      }
    }
    return { integrity, audit, lostShortlists, lostDocuments, badFiles };
  } finally {
    closeDatabase(handle);
  }
}
