import {
  type Db,
  ethicsCommittees,
  hospitalSpecialties,
  inquiries,
  investigators,
  meetings,
  memberships,
  organisations,
  recognitionAgreements,
  recognitionRequests,
  registryImports,
  registryReviewQueue,
  shortlists,
  specialtyCatalogue,
  submissions,
  trialSites,
  trials,
  users,
} from '@ctp/db';
import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';

/** A record's name as the audit log shows it, in each language (en falls back to zh when no English is on file). */
export type EntityName = { zh: string; en: string };

const named = (zh: string | null | undefined, en?: string | null): EntityName | null =>
  zh ? { zh, en: en || zh } : null;
const joined = (...parts: (EntityName | null)[]): EntityName | null => {
  const present = parts.filter((p): p is EntityName => p !== null);
  if (present.length === 0) return null;
  return { zh: present.map((p) => p.zh).join(' · '), en: present.map((p) => p.en).join(' · ') };
};
const numericIds = (ids: string[]) => ids.map(Number).filter((n) => Number.isSafeInteger(n));

type Resolver = (db: Db, ids: string[]) => [id: string, name: EntityName | null][];

/**
 * How each entity type is named: people by name, trials by title, hospitals and committees by name, submissions by
 * 受理号 and title, meetings by date and title. Only identifying labels — never a vote, note or any other payload —
 * so naming adds nothing that `redactAuditEvent` takes out.
 */
const RESOLVERS: Partial<Record<string, Resolver>> = {
  user: (db, ids) =>
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, ids))
      .all()
      .map((r) => [r.id, named(r.name)]),
  membership: (db, ids) =>
    db
      .select({ id: memberships.id, name: users.name, org: organisations.nameZh, orgEn: organisations.nameEn })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.orgId))
      .where(inArray(memberships.id, ids))
      .all()
      .map((r) => [r.id, joined(named(r.name), named(r.org, r.orgEn))]),
  organisation: (db, ids) => orgNames(db, ids),
  local_context: (db, ids) => orgNames(db, ids),
  committee: (db, ids) =>
    db
      .select({ id: ethicsCommittees.id, zh: ethicsCommittees.nameZh, en: ethicsCommittees.nameEn })
      .from(ethicsCommittees)
      .where(inArray(ethicsCommittees.id, ids))
      .all()
      .map((r) => [r.id, named(r.zh, r.en)]),
  specialty: (db, ids) =>
    db
      .select({
        id: hospitalSpecialties.id,
        filed: hospitalSpecialties.nameAsFiled,
        en: specialtyCatalogue.nameEn,
        org: organisations.nameZh,
        orgEn: organisations.nameEn,
      })
      .from(hospitalSpecialties)
      .innerJoin(organisations, eq(organisations.id, hospitalSpecialties.hospitalOrgId))
      .leftJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
      .where(inArray(hospitalSpecialties.id, ids))
      .all()
      .map((r) => [r.id, joined(named(r.org, r.orgEn), named(r.filed, r.en))]),
  investigator: (db, ids) =>
    db
      .select({ id: investigators.id, name: investigators.name })
      .from(investigators)
      .where(inArray(investigators.id, ids))
      .all()
      .map((r) => [r.id, named(r.name)]),
  shortlist: (db, ids) =>
    db
      .select({ id: shortlists.id, name: shortlists.name })
      .from(shortlists)
      .where(inArray(shortlists.id, ids))
      .all()
      .map((r) => [r.id, named(r.name)]),
  trial: (db, ids) =>
    db
      .select({ id: trials.id, zh: trials.titleZh, en: trials.titleEn })
      .from(trials)
      .where(inArray(trials.id, ids))
      .all()
      .map((r) => [r.id, named(r.zh, r.en)]),
  trial_site: (db, ids) =>
    db
      .select({
        id: trialSites.id,
        zh: trials.titleZh,
        en: trials.titleEn,
        org: organisations.nameZh,
        orgEn: organisations.nameEn,
      })
      .from(trialSites)
      .innerJoin(trials, eq(trials.id, trialSites.trialId))
      .innerJoin(organisations, eq(organisations.id, trialSites.hospitalOrgId))
      .where(inArray(trialSites.id, ids))
      .all()
      .map((r) => [r.id, joined(named(r.zh, r.en), named(r.org, r.orgEn))]),
  inquiry: (db, ids) =>
    db
      .select({
        id: inquiries.id,
        zh: trials.titleZh,
        en: trials.titleEn,
        org: organisations.nameZh,
        orgEn: organisations.nameEn,
      })
      .from(inquiries)
      .innerJoin(trials, eq(trials.id, inquiries.trialId))
      .innerJoin(organisations, eq(organisations.id, inquiries.hospitalOrgId))
      .where(inArray(inquiries.id, ids))
      .all()
      .map((r) => [r.id, joined(named(r.zh, r.en), named(r.org, r.orgEn))]),
  submission: (db, ids) =>
    db
      .select({
        id: submissions.id,
        no: submissions.acceptanceNo,
        title: submissions.title,
        zh: trials.titleZh,
        en: trials.titleEn,
      })
      .from(submissions)
      .innerJoin(trials, eq(trials.id, submissions.trialId))
      .where(inArray(submissions.id, ids))
      .all()
      .map((r) => [r.id, joined(named(r.no), named(r.title) ?? named(r.zh, r.en))]),
  meeting: (db, ids) =>
    db
      .select({ id: meetings.id, date: meetings.meetingDate, title: meetings.title })
      .from(meetings)
      .where(inArray(meetings.id, ids))
      .all()
      .map((r) => [r.id, joined(named(r.date), named(r.title))]),
  recognition_agreement: (db, ids) =>
    db
      .select({ id: recognitionAgreements.id, zh: recognitionAgreements.nameZh, en: recognitionAgreements.nameEn })
      .from(recognitionAgreements)
      .where(inArray(recognitionAgreements.id, ids))
      .all()
      .map((r) => [r.id, named(r.zh, r.en)]),
  recognition_request: (db, ids) => {
    const committee = alias(ethicsCommittees, 'committee');
    return db
      .select({
        id: recognitionRequests.id,
        zh: trials.titleZh,
        en: trials.titleEn,
        ec: committee.nameZh,
        ecEn: committee.nameEn,
      })
      .from(recognitionRequests)
      .innerJoin(trials, eq(trials.id, recognitionRequests.trialId))
      .innerJoin(committee, eq(committee.id, recognitionRequests.committeeId))
      .where(inArray(recognitionRequests.id, ids))
      .all()
      .map((r) => [r.id, joined(named(r.zh, r.en), named(r.ec, r.ecEn))]);
  },
  registry_import: (db, ids) =>
    db
      .select({ id: registryImports.id, source: registryImports.source, file: registryImports.fileName })
      .from(registryImports)
      .where(inArray(registryImports.id, numericIds(ids)))
      .all()
      .map((r) => [String(r.id), joined(named(r.source), named(r.file))]),
  registry_queue_item: (db, ids) =>
    db
      .select({ id: registryReviewQueue.id, raw: registryReviewQueue.rawName })
      .from(registryReviewQueue)
      .where(inArray(registryReviewQueue.id, numericIds(ids)))
      .all()
      .map((r) => [String(r.id), named(r.raw)]),
  calendar_year: (_db, ids) => ids.map((id) => [id, { zh: `${id} 年`, en: id }]),
};

function orgNames(db: Db, ids: string[]): [string, EntityName | null][] {
  return db
    .select({ id: organisations.id, zh: organisations.nameZh, en: organisations.nameEn })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .all()
    .map((r) => [r.id, named(r.zh, r.en)]);
}

/** Names for a page of audit rows, one query per entity type present. Key: `${entityType}:${entityId}`. */
export function resolveAuditEntityNames(
  db: Db,
  rows: { entityType: string; entityId: string }[],
): Map<string, EntityName> {
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!RESOLVERS[r.entityType]) continue;
    const set = idsByType.get(r.entityType) ?? new Set<string>();
    set.add(r.entityId);
    idsByType.set(r.entityType, set);
  }
  const names = new Map<string, EntityName>();
  for (const [type, ids] of idsByType) {
    for (const [id, name] of RESOLVERS[type]!(db, [...ids])) if (name) names.set(`${type}:${id}`, name);
  }
  return names;
}
