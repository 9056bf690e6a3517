import { PROFILE_COMPLETENESS_KEYS } from '@ctp/contracts';
import { describe, expect, it } from 'vitest';
import type { HospitalCapacity } from '../capacity/load-capacity.ts';
import { profileCompleteness } from './profile-completeness.ts';

type Input = Parameters<typeof profileCompleteness>[0];
const fullOrg = {
  nameEn: 'Hospital',
  address: '南京市',
  district: '鼓楼区',
  level: '三级甲等',
  hospitalType: '综合',
  nmpaDrugFilingNo: '药物临床试验机构备案号 0001',
  nmpaDrugFilingDate: '2020-01-01',
  totalBeds: 1000,
  contactName: '李老师',
  contactPhone: '025-1234567',
  contactEmail: 'gcp@example.org',
} as unknown as HospitalCapacity['org'];
const spec = (areas: number) => ({
  diseaseAreas: Array.from({ length: areas }, (_, i) => ({ diseaseArea: `d${i}`, annualPatients: null })),
});
const inv = (eligible: boolean) => ({ eligibleToLeadDrugTrial: eligible });
const full = {
  org: fullOrg,
  specialties: [spec(2)],
  investigators: [inv(true)],
  capabilities: ['biobank'],
} as unknown as Input;

describe('profileCompleteness', () => {
  it('is 100 % with nothing missing when every item is on file', () => {
    expect(profileCompleteness(full)).toEqual({ percent: 100, missing: [] });
  });

  it('names each missing item and lowers the percentage in proportion', () => {
    const r = profileCompleteness({
      ...full,
      org: { ...fullOrg, contactEmail: '', totalBeds: null },
      capabilities: [],
    } as Input);
    expect(r.missing).toEqual(['totalBeds', 'contactEmail', 'capabilities']);
    expect(r.percent).toBe(
      Math.round(((PROFILE_COMPLETENESS_KEYS.length - 3) / PROFILE_COMPLETENESS_KEYS.length) * 100),
    );
  });

  it('wants disease areas on every specialty and one investigator who may lead a drug trial', () => {
    const r = profileCompleteness({
      ...full,
      specialties: [spec(1), spec(0)],
      investigators: [inv(false)],
    } as unknown as Input);
    expect(r.missing).toEqual(['diseaseAreas', 'seniorInvestigator']);
  });

  it('counts an empty hospital as missing specialties, disease areas, investigators and capabilities', () => {
    const r = profileCompleteness({
      org: fullOrg,
      specialties: [],
      investigators: [],
      capabilities: [],
    } as unknown as Input);
    expect(r.missing).toEqual(['specialties', 'diseaseAreas', 'investigators', 'seniorInvestigator', 'capabilities']);
  });
});
