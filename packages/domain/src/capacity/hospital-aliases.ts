import { type Db, organisationAliases, organisations } from '@ctp/db';
import { eq } from 'drizzle-orm';
import { normaliseName } from '../names/normalise-name.ts';
import { cachedByGeneration } from './generation-cache.ts';

type AliasIndex = Map<string, { orgIds: Set<string>; alias: string }>;

/** Normalised name → hospitals, from the names on record and every alias (official, former, English, registry). */
function buildAliasIndex(db: Db): AliasIndex {
  const index: AliasIndex = new Map();
  const add = (orgId: string, alias: string | null) => {
    if (!alias) return;
    const key = normaliseName(alias);
    if (!key) return;
    const e = index.get(key) ?? { orgIds: new Set<string>(), alias };
    e.orgIds.add(orgId);
    index.set(key, e);
  };
  const hospitals = db
    .select({
      id: organisations.id,
      zh: organisations.nameZh,
      en: organisations.nameEn,
      short: organisations.shortName,
    })
    .from(organisations)
    .where(eq(organisations.kind, 'hospital'))
    .all();
  const ids = new Set(hospitals.map((h) => h.id));
  for (const h of hospitals) {
    add(h.id, h.zh);
    add(h.id, h.en);
    add(h.id, h.short);
  }
  for (const a of db
    .select({ orgId: organisationAliases.orgId, alias: organisationAliases.alias })
    .from(organisationAliases)
    .all())
    if (ids.has(a.orgId)) add(a.orgId, a.alias);
  return index;
}

/**
 * The hospitals a query names exactly, by any of their names once normalised ("Jiangsu Province Hospital",
 * "Nanjing Drum Tower Hospital /ID# 253042"), with the alias as recorded. Such a hospital always ranks first.
 */
export function exactAliasMatch(db: Db, now: number, q: string): { orgIds: Set<string>; alias: string } | null {
  const key = normaliseName(q);
  if (!key) return null;
  return cachedByGeneration(db, 'alias-index', now, () => buildAliasIndex(db)).get(key) ?? null;
}
