import { districtLabel, PROVIDER_CATEGORY_LABELS, QUALIFICATION_LABELS, THERAPEUTIC_AREA_LABELS } from '@ctp/contracts';
import { type Db, organisationAliases, replaceProviderSearchDocument, type Tx } from '@ctp/db';
import { eq } from 'drizzle-orm';
import { pinyinKeys } from '../capacity/search-document.ts';
import { loadProviderRecords } from './load-providers.ts';

/**
 * Rebuilds one provider's search document from its profile, inside the transaction of every profile change (and in
 * the seed), so search never disagrees with the profile. Categories and qualifications are indexed by their Chinese
 * and English labels and usual abbreviations, so 中心实验室, "central lab" and zxsys all find a central lab.
 */
export function rebuildProviderSearchDocument(tx: Tx | Db, providerId: string): void {
  const record = loadProviderRecords(tx, [providerId])[0];
  if (!record) return;
  const aliases = tx
    .select({ alias: organisationAliases.alias })
    .from(organisationAliases)
    .where(eq(organisationAliases.orgId, providerId))
    .all();
  const names = [record.nameZh, record.nameEn, record.shortName, ...aliases.map((a) => a.alias)].filter(
    (n): n is string => Boolean(n),
  );
  const services = record.categories.flatMap((c) => {
    const l = PROVIDER_CATEGORY_LABELS[c];
    return [l.zh, l.en, l.terms];
  });
  const qualifications = record.qualifications.flatMap((q) => {
    const l = QUALIFICATION_LABELS[q.kind];
    return [l.zh, l.en, l.terms, q.number];
  });
  const coverage = [
    ...record.districts.flatMap((d) => [d, districtLabel(d, 'en') ?? '']),
    ...record.therapeuticAreas.flatMap((a) => [THERAPEUTIC_AREA_LABELS[a].zh, THERAPEUTIC_AREA_LABELS[a].en]),
  ].filter(Boolean);
  const initials = new Set(
    [...names, ...record.categories.map((c) => PROVIDER_CATEGORY_LABELS[c].zh)].flatMap(pinyinKeys),
  );
  // FTS tokens must not be glued across entries: separate them with " | ".
  replaceProviderSearchDocument(tx, {
    providerId,
    names: [...new Set(names)].join(' | '),
    services: services.join(' | '),
    qualifications: qualifications.join(' | '),
    coverage: coverage.join(' | '),
    initials: [...initials].join(' '),
  });
}
