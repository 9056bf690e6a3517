import { SPECIALTY_SCOPES, type SpecialtyScope } from '@ctp/contracts';
import { type Db, specialtyCatalogue } from '@ctp/db';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { AuditCtx } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { loadSpecialties } from './reference-data.ts';

/**
 * Loads the specialty catalogue (reference data, needed in production too) into an empty table.
 * Returns the number of rows written (0 when it was already there).
 */
export function ensureReferenceData({ db, ctx }: { db: Db; ctx: AuditCtx }): number {
  if (db.select({ code: specialtyCatalogue.code }).from(specialtyCatalogue).limit(1).get()) return 0;
  const rows = loadSpecialties().map((s) => ({
    code: s.code,
    nameZh: s.name_zh,
    nameEn: s.name_en,
    groupName: s.group,
    scope: ((SPECIALTY_SCOPES as readonly string[]).includes(s.scope) ? s.scope : 'both') as SpecialtyScope,
    nhcCode: s.nhc_code || null,
    parentCode: s.parent_code || null,
    aliasesZh: s.aliases_zh,
  }));
  inTransaction(db, (tx) => {
    for (const row of rows) tx.insert(specialtyCatalogue).values(row).run();
    writeAuditEvent(tx, ctx, {
      action: 'reference.sync',
      entityType: 'system',
      entityId: 'specialty_catalogue',
      after: { rows: rows.length },
    });
  });
  return rows.length;
}
