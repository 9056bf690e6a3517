import {
  type CapabilityCode,
  canLeadDrugTrial,
  type InvestigatorLevel,
  type InvestigatorTitle,
  type SpecialtyScope,
  STALE_AFTER_DAYS,
} from '@ctp/contracts';
import {
  type Db,
  hospitalCapabilities,
  hospitalSpecialties,
  investigatorSpecialties,
  investigators,
  organisations,
  specialtyCatalogue,
  specialtyDiseaseAreas,
} from '@ctp/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { loadActiveLoad } from './active-load.ts';

export type InvestigatorCapacity = {
  id: string;
  name: string;
  title: InvestigatorTitle;
  level: InvestigatorLevel;
  gcpTrainingDate: string | null;
  maxConcurrentTrials: number;
  activeTrials: number;
  freeSlots: number;
  /** Only 正高/副高 may lead a drug trial (flagged in the UI, not enforced on the profile). */
  eligibleToLeadDrugTrial: boolean;
  specialtyIds: string[];
  userId: string | null;
  version: number;
};

export type SpecialtyCapacity = {
  id: string;
  code: string;
  parentCode: string | null;
  name: string;
  nameEn: string;
  nameAsFiled: string | null;
  aliases: string[];
  filingDate: string | null;
  scope: SpecialtyScope;
  trialBeds: number;
  maxConcurrentTrials: number;
  activeTrials: number;
  freeSlots: number;
  diseaseAreas: { diseaseArea: string; annualPatients: number | null }[];
  investigators: InvestigatorCapacity[];
  version: number;
};

export type HospitalCapacity = {
  org: typeof organisations.$inferSelect;
  specialties: SpecialtyCapacity[];
  investigators: InvestigatorCapacity[];
  capabilities: CapabilityCode[];
  stale: boolean;
  hasPhase1Unit: boolean;
};

const DAY = 86_400_000;

export function isStale(confirmedAt: number | null, now: number): boolean {
  return confirmedAt === null || now - confirmedAt > STALE_AFTER_DAYS * DAY;
}

/**
 * Every live hospital's capacity with derived load (active trials, free slots), in a handful of queries. Used by
 * search, compare and the hospital profile, so all three show the same numbers.
 */
export function loadHospitalCapacity(db: Db, now: number, hospitalIds?: string[]): HospitalCapacity[] {
  if (hospitalIds && hospitalIds.length === 0) return [];
  const orgs = db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'hospital'), hospitalIds ? inArray(organisations.id, hospitalIds) : undefined))
    .all();
  const ids = orgs.map((o) => o.id);
  if (!ids.length) return [];
  const load = loadActiveLoad(db);
  const specs = db
    .select({ s: hospitalSpecialties, c: specialtyCatalogue })
    .from(hospitalSpecialties)
    .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
    .where(and(inArray(hospitalSpecialties.hospitalOrgId, ids), isNull(hospitalSpecialties.retiredAt)))
    .all();
  const specIds = specs.map((x) => x.s.id);
  const areas = specIds.length
    ? db.select().from(specialtyDiseaseAreas).where(inArray(specialtyDiseaseAreas.hospitalSpecialtyId, specIds)).all()
    : [];
  const invs = db
    .select()
    .from(investigators)
    .where(and(inArray(investigators.hospitalOrgId, ids), isNull(investigators.retiredAt)))
    .all();
  const links = invs.length
    ? db
        .select()
        .from(investigatorSpecialties)
        .where(
          inArray(
            investigatorSpecialties.investigatorId,
            invs.map((i) => i.id),
          ),
        )
        .all()
    : [];
  const caps = db.select().from(hospitalCapabilities).where(inArray(hospitalCapabilities.hospitalOrgId, ids)).all();

  const specsOfInv = new Map<string, string[]>();
  for (const l of links)
    specsOfInv.set(l.investigatorId, [...(specsOfInv.get(l.investigatorId) ?? []), l.hospitalSpecialtyId]);
  const invView = new Map<string, InvestigatorCapacity>(
    invs.map((i) => {
      const active = load.byInvestigator.get(i.id) ?? 0;
      return [
        i.id,
        {
          id: i.id,
          name: i.name,
          title: i.title,
          level: i.level,
          gcpTrainingDate: i.gcpTrainingDate,
          maxConcurrentTrials: i.maxConcurrentTrials,
          activeTrials: active,
          freeSlots: Math.max(0, i.maxConcurrentTrials - active),
          eligibleToLeadDrugTrial: canLeadDrugTrial(i.level),
          specialtyIds: specsOfInv.get(i.id) ?? [],
          userId: i.userId,
          version: i.version,
        },
      ];
    }),
  );

  return orgs.map((org) => {
    const mine = specs.filter((x) => x.s.hospitalOrgId === org.id);
    const specialties: SpecialtyCapacity[] = mine.map(({ s, c }) => {
      const active = load.bySpecialty.get(s.id) ?? 0;
      return {
        id: s.id,
        code: c.code,
        parentCode: c.parentCode,
        name: c.nameZh,
        nameEn: c.nameEn,
        nameAsFiled: s.nameAsFiled,
        aliases: c.aliasesZh ? c.aliasesZh.split(';') : [],
        filingDate: s.filingDate,
        scope: s.scope,
        trialBeds: s.trialBeds,
        maxConcurrentTrials: s.maxConcurrentTrials,
        activeTrials: active,
        freeSlots: Math.max(0, s.maxConcurrentTrials - active),
        diseaseAreas: areas
          .filter((a) => a.hospitalSpecialtyId === s.id)
          .map((a) => ({ diseaseArea: a.diseaseArea, annualPatients: a.annualPatients })),
        investigators: links
          .filter((l) => l.hospitalSpecialtyId === s.id)
          .map((l) => invView.get(l.investigatorId))
          .filter((i): i is InvestigatorCapacity => Boolean(i)),
        version: s.version,
      };
    });
    return {
      org,
      specialties,
      investigators: invs.filter((i) => i.hospitalOrgId === org.id).map((i) => invView.get(i.id)!),
      capabilities: caps.filter((c) => c.hospitalOrgId === org.id).map((c) => c.capabilityCode),
      stale: isStale(org.capacityConfirmedAt, now),
      hasPhase1Unit: org.phase1Beds !== null || specialties.some((s) => s.code.startsWith('phase1')),
    };
  });
}
