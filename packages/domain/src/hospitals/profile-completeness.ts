import { PROFILE_COMPLETENESS_KEYS, type ProfileCompletenessKey } from '@ctp/contracts';
import type { HospitalCapacity } from '../capacity/load-capacity.ts';

export type ProfileCompleteness = { percent: number; missing: ProfileCompletenessKey[] };

/**
 * How much of what a sponsor needs to choose a site is on file: the profile fields, at least one specialty (each
 * with a disease area), at least one investigator and one who may lead a drug trial (正高/副高), and capabilities.
 */
export function profileCompleteness(
  h: Pick<HospitalCapacity, 'org' | 'specialties' | 'investigators' | 'capabilities'>,
): ProfileCompleteness {
  const o = h.org;
  const filled = (v: unknown) => v !== null && v !== undefined && v !== '';
  const done: Record<ProfileCompletenessKey, boolean> = {
    nameEn: filled(o.nameEn),
    address: filled(o.address),
    district: filled(o.district),
    level: filled(o.level),
    hospitalType: filled(o.hospitalType),
    nmpaDrugFilingNo: filled(o.nmpaDrugFilingNo),
    nmpaDrugFilingDate: filled(o.nmpaDrugFilingDate),
    totalBeds: filled(o.totalBeds),
    contactName: filled(o.contactName),
    contactPhone: filled(o.contactPhone),
    contactEmail: filled(o.contactEmail),
    specialties: h.specialties.length > 0,
    diseaseAreas: h.specialties.length > 0 && h.specialties.every((s) => s.diseaseAreas.length > 0),
    investigators: h.investigators.length > 0,
    seniorInvestigator: h.investigators.some((i) => i.eligibleToLeadDrugTrial),
    capabilities: h.capabilities.length > 0,
  };
  const missing = PROFILE_COMPLETENESS_KEYS.filter((k) => !done[k]);
  return {
    percent: Math.round(((PROFILE_COMPLETENESS_KEYS.length - missing.length) / PROFILE_COMPLETENESS_KEYS.length) * 100),
    missing,
  };
}
