import { type Db, organisationAliases, organisations } from '@ctp/db';
import { and, eq, inArray } from 'drizzle-orm';
import { normaliseName } from '../names/normalise-name.ts';

/** Normalised name → the hospitals bearing it, each with the name as recorded. */
export type AliasIndex = Map<string, Map<string, string>>;

/** Every name of the given hospitals (all hospitals without ids): the names on record and every alias. */
export function loadHospitalNames(db: Db, hospitalIds?: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (hospitalIds && hospitalIds.length === 0) return out;
  const hospitals = db
    .select({
      id: organisations.id,
      zh: organisations.nameZh,
      en: organisations.nameEn,
      short: organisations.shortName,
    })
    .from(organisations)
    .where(
      and(eq(organisations.kind, 'hospital'), hospitalIds ? inArray(organisations.id, [...hospitalIds]) : undefined),
    )
    .all();
  for (const h of hospitals)
    out.set(
      h.id,
      [h.zh, h.en, h.short].filter((n): n is string => Boolean(n)),
    );
  for (const a of db
    .select({ orgId: organisationAliases.orgId, alias: organisationAliases.alias })
    .from(organisationAliases)
    .where(hospitalIds ? inArray(organisationAliases.orgId, [...hospitalIds]) : undefined)
    .all())
    out.get(a.orgId)?.push(a.alias);
  return out;
}

/** Adds (or, with `remove`, takes out) one hospital's names in the index. */
export function indexHospitalNames(index: AliasIndex, orgId: string, names: readonly string[], remove = false): void {
  for (const name of names) {
    const key = normaliseName(name);
    if (!key) continue;
    const holders = index.get(key);
    if (remove) {
      holders?.delete(orgId);
      if (holders?.size === 0) index.delete(key);
    } else if (!holders) index.set(key, new Map([[orgId, name]]));
    else if (!holders.has(orgId)) holders.set(orgId, name);
  }
}
