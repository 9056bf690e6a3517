import { z } from 'zod';
import { type HOSPITAL_LEVELS, type HOSPITAL_TYPES, ORG_KINDS } from './roles.ts';

export const isoDate = z.iso.date();

export const orgListInput = z.object({ kind: z.enum(ORG_KINDS).optional() }).default({});

export type OrganisationView = {
  id: string;
  code: string | null;
  kind: (typeof ORG_KINDS)[number];
  nameZh: string;
  nameEn: string | null;
  shortName: string | null;
  district: string | null;
  level: (typeof HOSPITAL_LEVELS)[number] | null;
  hospitalType: (typeof HOSPITAL_TYPES)[number] | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  nmpaDrugFilingNo: string | null;
  nmpaDrugFilingDate: string | null;
  deviceFilingNo: string | null;
  phase1Beds: number | null;
  phase1FilingDate: string | null;
  totalBeds: number | null;
  isDemoData: boolean;
  aliases: string[];
};
