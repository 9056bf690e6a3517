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
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { lookupCondition } from '../vocabulary/condition-vocabulary.ts';
import { loadActiveLoad } from './active-load.ts';
import { hospitalRows } from './hospital-rows.ts';

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
  /** `diseaseAreaEn`: the vocabulary's English name of the area as filed, for English pages (null if none). */
  diseaseAreas: { diseaseArea: string; diseaseAreaEn: string | null; annualPatients: number | null }[];
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

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = m.get(k);
    if (list) list.push(row);
    else m.set(k, [row]);
  }
  return m;
}

export function isStale(confirmedAt: number | null, now: number): boolean {
  return confirmedAt === null || now - confirmedAt > STALE_AFTER_DAYS * DAY;
}

/**
 * Every live hospital's capacity with derived load (active trials, free slots), in a handful of queries. Used by
 * search, compare and the hospital profile, so all three show the same numbers.
 */

/** The hospitals' ids in the order `readHospitalCapacity` returns them when it reads all (the same query). */
export function hospitalIdsInReadOrder(db: Db): string[] {
  return db
    .select()
    .from(organisations)
    .where(and(eq(organisations.kind, 'hospital'), undefined))
    .all()
    .map((o) => o.id);
}

export function readHospitalCapacity(db: Db, now: number, hospitalIds?: string[]): HospitalCapacity[] {
  if (hospitalIds && hospitalIds.length === 0) return [];
  const orgs = hospitalRows(db, 'capacity.organisations', hospitalIds, (d, of) =>
    d
      .select()
      .from(organisations)
      .where(and(eq(organisations.kind, 'hospital'), of(organisations.id))),
  );
  const ids = orgs.map((o) => o.id);
  if (!ids.length) return [];
  const load = loadActiveLoad(db, hospitalIds ? ids : undefined);
  // Filter child tables by hospital (a handful of ids) or not at all: never by lists of child ids, which
  // overflow SQLite's variable limit at national scale.
  const some = hospitalIds ? ids : undefined;
  // In stored order, whether all hospitals or a few are read: the read model mixes both and must not reorder.
  const stored = (table: unknown): SQL => sql`${table}.rowid`;
  const specs = hospitalRows(db, 'capacity.specialties', some, (d, of) =>
    d
      .select({ s: hospitalSpecialties, c: specialtyCatalogue })
      .from(hospitalSpecialties)
      .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
      .where(and(of(hospitalSpecialties.hospitalOrgId), isNull(hospitalSpecialties.retiredAt)))
      .orderBy(stored(hospitalSpecialties)),
  );
  const areas = hospitalRows(db, 'capacity.diseaseAreas', some, (d, of) =>
    d
      .select({ a: specialtyDiseaseAreas })
      .from(specialtyDiseaseAreas)
      .innerJoin(hospitalSpecialties, eq(hospitalSpecialties.id, specialtyDiseaseAreas.hospitalSpecialtyId))
      .where(and(of(hospitalSpecialties.hospitalOrgId), isNull(hospitalSpecialties.retiredAt)))
      .orderBy(stored(specialtyDiseaseAreas)),
  ).map((r) => r.a);
  const invs = hospitalRows(db, 'capacity.investigators', some, (d, of) =>
    d
      .select()
      .from(investigators)
      .where(and(of(investigators.hospitalOrgId), isNull(investigators.retiredAt)))
      .orderBy(stored(investigators)),
  );
  const links = hospitalRows(db, 'capacity.investigatorSpecialties', some, (d, of) =>
    d
      .select({ l: investigatorSpecialties })
      .from(investigatorSpecialties)
      .innerJoin(investigators, eq(investigators.id, investigatorSpecialties.investigatorId))
      .where(and(of(investigators.hospitalOrgId), isNull(investigators.retiredAt)))
      .orderBy(stored(investigatorSpecialties)),
  ).map((r) => r.l);
  const caps = hospitalRows(db, 'capacity.capabilities', some, (d, of) =>
    d
      .select()
      .from(hospitalCapabilities)
      .where(of(hospitalCapabilities.hospitalOrgId))
      .orderBy(stored(hospitalCapabilities)),
  );

  const specsOfInv = groupBy(links, (l) => l.investigatorId);
  const invsOfSpec = groupBy(links, (l) => l.hospitalSpecialtyId);
  const areasOfSpec = groupBy(areas, (a) => a.hospitalSpecialtyId);
  const specsOfHospital = groupBy(specs, (x) => x.s.hospitalOrgId);
  const invsOfHospital = groupBy(invs, (i) => i.hospitalOrgId);
  const capsOfHospital = groupBy(caps, (c) => c.hospitalOrgId);
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
          specialtyIds: (specsOfInv.get(i.id) ?? []).map((l) => l.hospitalSpecialtyId),
          userId: i.userId,
          version: i.version,
        },
      ];
    }),
  );

  return orgs.map((org) => {
    const mine = specsOfHospital.get(org.id) ?? [];
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
        diseaseAreas: (areasOfSpec.get(s.id) ?? []).map((a) => ({
          diseaseArea: a.diseaseArea,
          diseaseAreaEn: lookupCondition(a.diseaseArea)?.en ?? null,
          annualPatients: a.annualPatients,
        })),
        investigators: (invsOfSpec.get(s.id) ?? [])
          .map((l) => invView.get(l.investigatorId))
          .filter((i): i is InvestigatorCapacity => Boolean(i)),
        version: s.version,
      };
    });
    return {
      org,
      specialties,
      investigators: (invsOfHospital.get(org.id) ?? []).map((i) => invView.get(i.id)!),
      capabilities: (capsOfHospital.get(org.id) ?? []).map((c) => c.capabilityCode),
      stale: isStale(org.capacityConfirmedAt, now),
      hasPhase1Unit: org.phase1Beds !== null || specialties.some((s) => s.code.startsWith('phase1')),
    };
  });
}
