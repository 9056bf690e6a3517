/** Capacity registry vocabularies (DESIGN §3; issue 3). */
export const SPECIALTY_SCOPES = ['drug', 'device', 'both'] as const;
export type SpecialtyScope = (typeof SPECIALTY_SCOPES)[number];

/** 职称 (title) and the 级别 (level) it belongs to. Only 正高/副高 may lead a drug trial as PI. */
export const INVESTIGATOR_TITLES = [
  '主任医师',
  '副主任医师',
  '主治医师',
  '住院医师',
  '研究员',
  '副研究员',
  '主任药师',
  '副主任药师',
  '主任护师',
  '副主任护师',
] as const;
export type InvestigatorTitle = (typeof INVESTIGATOR_TITLES)[number];
export const INVESTIGATOR_LEVELS = ['正高', '副高', '中级', '初级'] as const;
export type InvestigatorLevel = (typeof INVESTIGATOR_LEVELS)[number];

export const TITLE_LEVEL: Record<InvestigatorTitle, InvestigatorLevel> = {
  主任医师: '正高',
  副主任医师: '副高',
  主治医师: '中级',
  住院医师: '初级',
  研究员: '正高',
  副研究员: '副高',
  主任药师: '正高',
  副主任药师: '副高',
  主任护师: '正高',
  副主任护师: '副高',
};

/** English titles and levels, for English pages, search reasons and exports (issue 14). */
export const TITLE_EN: Record<InvestigatorTitle, string> = {
  主任医师: 'Chief Physician',
  副主任医师: 'Associate Chief Physician',
  主治医师: 'Attending Physician',
  住院医师: 'Resident Physician',
  研究员: 'Research Professor',
  副研究员: 'Associate Research Professor',
  主任药师: 'Chief Pharmacist',
  副主任药师: 'Associate Chief Pharmacist',
  主任护师: 'Chief Nurse',
  副主任护师: 'Associate Chief Nurse',
};
export const LEVEL_EN: Record<InvestigatorLevel, string> = {
  正高: 'senior',
  副高: 'associate senior',
  中级: 'intermediate',
  初级: 'junior',
};
export const titleLabel = (title: string, locale: string): string =>
  locale === 'en' ? (TITLE_EN[title as InvestigatorTitle] ?? title) : title;
export const investigatorLevelLabel = (level: string, locale: string): string =>
  locale === 'en' ? (LEVEL_EN[level as InvestigatorLevel] ?? level) : level;

export function canLeadDrugTrial(level: InvestigatorLevel): boolean {
  return level === '正高' || level === '副高';
}

/** Capacity not confirmed for this many days is shown as stale in search. */
export const STALE_AFTER_DAYS = 90;

/** Controlled vocabulary of capabilities (code → zh/en). */
export const CAPABILITIES = [
  { code: 'pet_ct', zh: 'PET-CT', en: 'PET-CT', group: 'imaging' },
  { code: 'mri_3t', zh: '3.0T 磁共振', en: '3T MRI', group: 'imaging' },
  { code: 'dsa', zh: 'DSA 血管造影', en: 'DSA angiography', group: 'imaging' },
  { code: 'biobank', zh: '生物样本库', en: 'Biobank', group: 'samples' },
  { code: 'freezer_80', zh: '−80 °C 样本储存', en: '−80 °C storage', group: 'samples' },
  { code: 'liquid_nitrogen', zh: '液氮储存', en: 'Liquid-nitrogen storage', group: 'samples' },
  { code: 'pk_ward_24h', zh: '24 小时 PK 采样病房', en: '24-h PK sampling ward', group: 'phase1' },
  { code: 'central_lab', zh: '中心实验室', en: 'Central laboratory', group: 'lab' },
  { code: 'gcp_pharmacy', zh: 'GCP 药房', en: 'GCP pharmacy', group: 'pharmacy' },
  { code: 'icu', zh: '重症监护（ICU）', en: 'Intensive care unit', group: 'clinical' },
  { code: 'rescue_room', zh: '抢救室', en: 'Resuscitation room', group: 'clinical' },
  { code: 'ecg_central', zh: '中心心电', en: 'Central ECG', group: 'clinical' },
  { code: 'genomics', zh: '基因测序平台', en: 'Genomic sequencing', group: 'lab' },
  { code: 'pathology_digital', zh: '数字病理', en: 'Digital pathology', group: 'lab' },
  { code: 'edc_integration', zh: 'EDC/HIS 数据对接', en: 'EDC/HIS integration', group: 'data' },
  { code: 'hgrac_experience', zh: '人类遗传资源申报经验', en: 'Human genetic resources filings', group: 'regulatory' },
] as const;
export type CapabilityCode = (typeof CAPABILITIES)[number]['code'];
export const CAPABILITY_CODES = CAPABILITIES.map((c) => c.code) as [CapabilityCode, ...CapabilityCode[]];
