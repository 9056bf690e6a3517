import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** Reference data copied from shared/data/reference (facts with their sources; see reference/README.md). */
function readCsv<T>(file: string): T[] {
  const text = readFileSync(new URL(`./reference/${file}`, import.meta.url), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true }) as T[];
}

export type HospitalRef = {
  code: string;
  name_zh: string;
  name_en: string;
  short_zh: string;
  district: string;
  level: string;
  type: string;
  parent_university: string;
  address_zh: string;
  lat: string;
  lon: string;
  phase1_unit: string;
  nmpa_drug_filing: string;
};
export type AliasRef = { code: string; alias: string; lang: string; source: string };
export type SpecialtyRef = {
  code: string;
  name_zh: string;
  name_en: string;
  group: string;
  scope: string;
  nhc_code: string;
  parent_code: string;
  aliases_zh: string;
};

export const loadHospitals = () => readCsv<HospitalRef>('nanjing-hospitals.csv');
export const loadAliases = () => readCsv<AliasRef>('hospital-aliases.csv');
export const loadSpecialties = () => readCsv<SpecialtyRef>('specialties.csv');
