import { ACTIVE_SITE_STATES, CAPABILITIES } from '@ctp/contracts';
import {
  type Db,
  hospitalCapabilities,
  hospitalSpecialties,
  investigators,
  organisations,
  specialtyCatalogue,
  type Tx,
  trialSites,
} from '@ctp/db';
import { and, count, eq, inArray } from 'drizzle-orm';

/** The packet fields the hospital's and the PI's profiles answer (DESIGN §4.2: a site answers once a year). */
export type ProfilePacketFields = {
  piQualification: string;
  piCurrentLoad: number | null;
  capacityAndEquipment: string;
};

/**
 * Pre-fills the local packet from the profiles (issue 14: the packet said "pre-filled" but PI qualification, load
 * and capacity were blank): the site's PI (title, level, GCP training, declared maximum), the PI's active trials
 * (`selected … enrolment_closed`, the load search counts), the specialty's trial beds and load, the Phase I unit and
 * the hospital's capabilities. Written in Chinese, the language of the packet the EC reviews.
 */
export function profilePacketFields(db: Db | Tx, trialSiteId: string): ProfilePacketFields {
  const site = db.select().from(trialSites).where(eq(trialSites.id, trialSiteId)).get();
  if (!site) return { piQualification: '', piCurrentLoad: null, capacityAndEquipment: '' };
  const active = inArray(trialSites.state, [...ACTIVE_SITE_STATES]);
  let piQualification = '';
  let piCurrentLoad: number | null = null;
  if (site.investigatorId) {
    const pi = db.select().from(investigators).where(eq(investigators.id, site.investigatorId)).get();
    if (pi) {
      piCurrentLoad =
        db
          .select({ n: count() })
          .from(trialSites)
          .where(and(eq(trialSites.investigatorId, pi.id), active))
          .get()?.n ?? 0;
      piQualification = [
        `${pi.name}，${pi.title}（${pi.level}）`,
        pi.gcpTrainingDate ? `GCP 培训 ${pi.gcpTrainingDate}` : 'GCP 培训日期未登记',
        `可同时承担 ${pi.maxConcurrentTrials} 项试验，在研 ${piCurrentLoad} 项`,
      ].join('；');
    }
  }
  const spec = db
    .select({
      name: specialtyCatalogue.nameZh,
      asFiled: hospitalSpecialties.nameAsFiled,
      beds: hospitalSpecialties.trialBeds,
      max: hospitalSpecialties.maxConcurrentTrials,
      filed: hospitalSpecialties.filingDate,
    })
    .from(hospitalSpecialties)
    .innerJoin(specialtyCatalogue, eq(specialtyCatalogue.code, hospitalSpecialties.specialtyCode))
    .where(eq(hospitalSpecialties.id, site.hospitalSpecialtyId))
    .get();
  const specActive =
    db
      .select({ n: count() })
      .from(trialSites)
      .where(and(eq(trialSites.hospitalSpecialtyId, site.hospitalSpecialtyId), active))
      .get()?.n ?? 0;
  const hospital = db
    .select({ phase1Beds: organisations.phase1Beds })
    .from(organisations)
    .where(eq(organisations.id, site.hospitalOrgId))
    .get();
  const capabilities = db
    .select({ code: hospitalCapabilities.capabilityCode })
    .from(hospitalCapabilities)
    .where(eq(hospitalCapabilities.hospitalOrgId, site.hospitalOrgId))
    .all()
    .map((c) => CAPABILITIES.find((x) => x.code === c.code)?.zh ?? c.code);
  const capacity = [
    spec
      ? `${spec.asFiled ?? spec.name}${spec.filed ? `（${spec.filed} 备案）` : ''}：试验床位 ${spec.beds ?? 0} 张，` +
        `可同时承担 ${spec.max} 项，在研 ${specActive} 项`
      : null,
    hospital?.phase1Beds ? `I 期病房 ${hospital.phase1Beds} 张床位` : null,
    capabilities.length ? `设备与条件：${capabilities.join('、')}` : null,
  ].filter(Boolean);
  return { piQualification, piCurrentLoad, capacityAndEquipment: capacity.join('；') };
}

/** Pure: the packet with its blank profile fields filled; what a person typed is never replaced. */
export function fillBlankProfileFields<T extends Record<string, unknown>>(packet: T, profile: ProfilePacketFields): T {
  const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  return {
    ...packet,
    piQualification: blank(packet.piQualification) ? profile.piQualification : packet.piQualification,
    piCurrentLoad: blank(packet.piCurrentLoad) ? profile.piCurrentLoad : packet.piCurrentLoad,
    capacityAndEquipment: blank(packet.capacityAndEquipment)
      ? profile.capacityAndEquipment
      : packet.capacityAndEquipment,
  };
}
