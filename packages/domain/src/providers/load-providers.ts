import {
  type ProviderCategory,
  type ProviderContact,
  type ProviderListItem,
  type ProviderQualificationView,
  QUALIFICATION_WARNING_DAYS,
  type QualificationKind,
  type QualificationStatus,
  type TherapeuticArea,
} from '@ctp/contracts';
import { type Db, organisations, providerProfiles, providerQualifications, type Tx } from '@ctp/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { daysBetween } from '../clock/dates.ts';
import { notFound } from '../errors.ts';

/** A provider as stored: organisation, profile and qualifications. */
export type ProviderRecord = {
  id: string;
  nameZh: string;
  nameEn: string | null;
  shortName: string | null;
  categories: ProviderCategory[];
  districts: string[];
  therapeuticAreas: TherapeuticArea[];
  contacts: ProviderContact[];
  summary: string | null;
  website: string | null;
  isDemo: boolean;
  version: number;
  updatedAt: number;
  qualifications: {
    kind: QualificationKind;
    number: string;
    issuedOn: string | null;
    expiresOn: string;
    scope: string | null;
  }[];
};

const list = <T>(json: string): T[] => JSON.parse(json) as T[];

/** Providers by id (all of them without ids), in name order. */
export function loadProviderRecords(db: Db | Tx, ids?: readonly string[]): ProviderRecord[] {
  if (ids && ids.length === 0) return [];
  const where = ids
    ? and(eq(organisations.kind, 'provider'), inArray(organisations.id, [...ids]))
    : eq(organisations.kind, 'provider');
  const rows = db
    .select({ org: organisations, profile: providerProfiles })
    .from(organisations)
    .innerJoin(providerProfiles, eq(providerProfiles.orgId, organisations.id))
    .where(where)
    .orderBy(asc(organisations.nameZh))
    .all();
  const quals = db
    .select()
    .from(providerQualifications)
    .where(ids ? inArray(providerQualifications.orgId, [...ids]) : undefined)
    .orderBy(asc(providerQualifications.expiresOn))
    .all();
  return rows.map(({ org, profile }) => ({
    id: org.id,
    nameZh: org.nameZh,
    nameEn: org.nameEn,
    shortName: org.shortName,
    categories: list<ProviderCategory>(profile.categoriesJson),
    districts: list<string>(profile.districtsJson),
    therapeuticAreas: list<TherapeuticArea>(profile.areasJson),
    contacts: list<ProviderContact>(profile.contactsJson),
    summary: profile.summary,
    website: profile.website,
    isDemo: profile.isDemo,
    version: profile.version,
    updatedAt: profile.updatedAt,
    qualifications: quals
      .filter((q) => q.orgId === org.id)
      .map((q) => ({ kind: q.kind, number: q.number, issuedOn: q.issuedOn, expiresOn: q.expiresOn, scope: q.scope })),
  }));
}

export function loadProviderRecord(db: Db | Tx, id: string): ProviderRecord {
  const found = loadProviderRecords(db, [id])[0];
  if (!found) throw notFound('PROVIDER_NOT_FOUND');
  return found;
}

/** Pure: a qualification against Beijing today — expired, expiring within the warning window, or valid. */
export function qualificationStatus(
  expiresOn: string,
  today: string,
): { status: QualificationStatus; daysLeft: number } {
  const daysLeft = daysBetween(today, expiresOn);
  const status = daysLeft < 0 ? 'expired' : daysLeft <= QUALIFICATION_WARNING_DAYS ? 'expiring' : 'valid';
  return { status, daysLeft };
}

export function toListItem(r: ProviderRecord, today: string): ProviderListItem {
  const qualifications: ProviderQualificationView[] = r.qualifications.map((q) => ({
    ...q,
    ...qualificationStatus(q.expiresOn, today),
  }));
  return {
    id: r.id,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    categories: r.categories,
    districts: r.districts,
    therapeuticAreas: r.therapeuticAreas,
    qualifications,
    expiringCount: qualifications.filter((q) => q.status !== 'valid').length,
    isDemo: r.isDemo,
  };
}
