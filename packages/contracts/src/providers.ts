import { z } from 'zod';
import { bi } from './i18n/validation-messages.ts';
import { NANJING_DISTRICTS } from './roles.ts';
import type { FacetValue } from './site-search.ts';

/**
 * Service providers (专业服务平台, issue 18): organisations of kind `provider` that serve trials beside the sites.
 * Each label carries the words search should find it by (Chinese, English, common abbreviations).
 */
export const PROVIDER_CATEGORIES = [
  'cro',
  'smo',
  'central_lab',
  'biobank',
  'testing',
  'imp_logistics',
  'biostatistics',
  'medical_writing',
  'tech_transfer',
] as const;
export type ProviderCategory = (typeof PROVIDER_CATEGORIES)[number];

type Label = { zh: string; en: string; terms: string };
export const PROVIDER_CATEGORY_LABELS: Record<ProviderCategory, Label> = {
  cro: { zh: '合同研究组织（CRO）', en: 'Contract research organisation (CRO)', terms: 'CRO 临床监查 monitoring' },
  smo: { zh: '现场管理组织（SMO）', en: 'Site management organisation (SMO)', terms: 'SMO CRC 临床研究协调员' },
  central_lab: { zh: '中心实验室', en: 'Central laboratory', terms: 'central lab 检验 laboratory' },
  biobank: { zh: '生物样本库', en: 'Biobank', terms: 'biorepository sample bank 样本 人类遗传资源' },
  testing: { zh: '检验检测', en: 'Testing and inspection', terms: 'testing inspection 检测 第三方检测' },
  imp_logistics: {
    zh: '试验药物物流与药房',
    en: 'IMP logistics and pharmacy',
    terms: 'IMP logistics pharmacy 冷链 药物管理 临床试验用药品',
  },
  biostatistics: {
    zh: '统计与数据管理',
    en: 'Statistics and data management',
    terms: 'biostatistics statistics data management EDC 统计分析 数据管理',
  },
  medical_writing: {
    zh: '医学撰写与翻译',
    en: 'Medical writing and translation',
    terms: 'medical writing translation 翻译 撰写 注册申报',
  },
  tech_transfer: {
    zh: '知识产权与技术转移',
    en: 'IP and technology transfer',
    terms: 'IP intellectual property technology transfer patent 专利 成果转化 技术转移',
  },
};

/** Qualifications a provider holds (资质), each with a number and an expiry date. */
export const QUALIFICATION_KINDS = [
  'cnas',
  'cma',
  'glp',
  'cap',
  'iso15189',
  'iso9001',
  'iso27001',
  'gsp',
  'hgrac',
  'aaalac',
] as const;
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];
export const QUALIFICATION_LABELS: Record<QualificationKind, Label> = {
  cnas: { zh: 'CNAS 实验室认可', en: 'CNAS laboratory accreditation', terms: 'CNAS 认可' },
  cma: { zh: 'CMA 检验检测机构资质认定', en: 'CMA inspection body certification', terms: 'CMA 资质认定' },
  glp: { zh: 'GLP 药物非临床研究质量管理规范认证', en: 'GLP certification', terms: 'GLP good laboratory practice' },
  cap: { zh: 'CAP 美国病理学家协会认可', en: 'CAP accreditation', terms: 'CAP college of american pathologists' },
  iso15189: { zh: 'ISO 15189 医学实验室认可', en: 'ISO 15189 medical laboratory', terms: 'ISO15189 15189' },
  iso9001: { zh: 'ISO 9001 质量管理体系', en: 'ISO 9001 quality management', terms: 'ISO9001 9001' },
  iso27001: { zh: 'ISO 27001 信息安全管理体系', en: 'ISO 27001 information security', terms: 'ISO27001 27001' },
  gsp: { zh: 'GSP 药品经营质量管理规范', en: 'GSP good supply practice', terms: 'GSP 药品经营许可' },
  hgrac: { zh: '人类遗传资源保藏许可', en: 'Human genetic resources licence', terms: 'HGRAC 遗传办 保藏' },
  aaalac: { zh: 'AAALAC 实验动物认证', en: 'AAALAC animal care accreditation', terms: 'AAALAC' },
};

/** Therapeutic areas a provider covers (its experience), coded so both languages read them. */
export const THERAPEUTIC_AREAS = [
  'oncology',
  'cardiovascular',
  'respiratory',
  'endocrine',
  'neurology',
  'infectious',
  'immunology',
  'digestive',
  'paediatrics',
  'rare_diseases',
  'medical_devices',
  'tcm',
] as const;
export type TherapeuticArea = (typeof THERAPEUTIC_AREAS)[number];
export const THERAPEUTIC_AREA_LABELS: Record<TherapeuticArea, { zh: string; en: string }> = {
  oncology: { zh: '肿瘤', en: 'Oncology' },
  cardiovascular: { zh: '心血管', en: 'Cardiovascular' },
  respiratory: { zh: '呼吸', en: 'Respiratory' },
  endocrine: { zh: '内分泌与代谢', en: 'Endocrinology and metabolism' },
  neurology: { zh: '神经', en: 'Neurology' },
  infectious: { zh: '感染性疾病', en: 'Infectious diseases' },
  immunology: { zh: '免疫与风湿', en: 'Immunology and rheumatology' },
  digestive: { zh: '消化', en: 'Gastroenterology' },
  paediatrics: { zh: '儿科', en: 'Paediatrics' },
  rare_diseases: { zh: '罕见病', en: 'Rare diseases' },
  medical_devices: { zh: '医疗器械', en: 'Medical devices' },
  tcm: { zh: '中医药', en: 'Traditional Chinese medicine' },
};

/** A qualification expiring within this many days (Beijing today) is flagged to the provider and in search. */
export const QUALIFICATION_WARNING_DAYS = 60;
export type QualificationStatus = 'valid' | 'expiring' | 'expired';

const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, bi('日期格式为 YYYY-MM-DD', 'Use the date format YYYY-MM-DD'));
const text = (max: number) => z.string().trim().max(max);

/** Public contract `providers.search` (issue 18). */
export const providersSearchInput = z
  .object({
    q: text(100).optional(),
    category: z.enum(PROVIDER_CATEGORIES).optional(),
    qualification: z.enum(QUALIFICATION_KINDS).optional(),
    district: z.enum(NANJING_DISTRICTS).optional(),
    limit: z.number().int().min(1).max(100).default(20),
    cursor: z.string().max(64).optional(),
  })
  .default({ limit: 20 });
export type ProvidersSearchInput = z.input<typeof providersSearchInput>;
export const providerIdInput = z.object({ id });

export const qualificationInput = z
  .object({
    kind: z.enum(QUALIFICATION_KINDS),
    number: text(60).min(2),
    issuedOn: isoDate.optional(),
    expiresOn: isoDate,
    scope: text(200).optional(),
  })
  .refine((q) => !q.issuedOn || q.issuedOn < q.expiresOn, {
    message: bi('有效期须晚于发证日期', 'The expiry must come after the issue date'),
    path: ['expiresOn'],
  });
export type QualificationInput = z.input<typeof qualificationInput>;

export const providerContactInput = z.object({
  name: text(50).min(2),
  title: text(50).optional(),
  phone: text(30).optional(),
  email: z.string().trim().email(bi('请输入有效的邮箱', 'Enter a valid e-mail address')).max(200).optional(),
});
export type ProviderContact = z.infer<typeof providerContactInput>;

/**
 * A provider keeps its own profile (provider admin). Every field is optional; `qualifications` and `contacts`
 * replace the whole list. `version` is the profile's current version (a stale one is refused).
 */
export const providersUpdateInput = z.object({
  id,
  version: z.number().int().min(1),
  nameEn: text(200).optional(),
  summary: text(2000).optional(),
  website: text(200).optional(),
  categories: z.array(z.enum(PROVIDER_CATEGORIES)).min(1).max(PROVIDER_CATEGORIES.length).optional(),
  districts: z.array(z.enum(NANJING_DISTRICTS)).min(1).max(NANJING_DISTRICTS.length).optional(),
  therapeuticAreas: z.array(z.enum(THERAPEUTIC_AREAS)).max(THERAPEUTIC_AREAS.length).optional(),
  contacts: z.array(providerContactInput).min(1).max(5).optional(),
  qualifications: z.array(qualificationInput).max(20).optional(),
});
export type ProvidersUpdateInput = z.input<typeof providersUpdateInput>;

/** A sponsor shortlists a provider on one of its shortlists, as it shortlists sites. */
export const providersShortlistInput = z.object({
  shortlistId: id,
  providerId: id,
  note: text(500).optional(),
});
export const providersUnshortlistInput = z.object({ shortlistId: id, providerId: id });
export const providersShortlistedInput = z.object({ shortlistId: id });

/** Which providers a trial uses, for which service: recorded by the trial's sponsor side. */
export const providersLinkTrialInput = z.object({
  trialId: id,
  providerId: id,
  category: z.enum(PROVIDER_CATEGORIES),
  linked: z.boolean().default(true),
});
export const providersForTrialInput = z.object({ trialId: id });

export type ProviderQualificationView = {
  kind: QualificationKind;
  number: string;
  issuedOn: string | null;
  expiresOn: string;
  scope: string | null;
  status: QualificationStatus;
  /** Days from Beijing today to the expiry (negative once expired). */
  daysLeft: number;
};

export type ProviderListItem = {
  id: string;
  nameZh: string;
  nameEn: string | null;
  categories: ProviderCategory[];
  districts: string[];
  therapeuticAreas: TherapeuticArea[];
  qualifications: ProviderQualificationView[];
  /** Qualifications expiring within QUALIFICATION_WARNING_DAYS or already expired. */
  expiringCount: number;
  isDemo: boolean;
};

export type ProvidersSearchOutput = {
  items: ProviderListItem[];
  total: number;
  nextCursor: string | null;
  /** Provider counts within the filtered result: a facet value's count is the total when filtering by it. */
  facets: { category: FacetValue[]; qualification: FacetValue[]; district: FacetValue[] };
};

export type ProviderProfile = ProviderListItem & {
  summary: string | null;
  website: string | null;
  contacts: ProviderContact[];
  version: number;
  updatedAt: number;
  /** Whether the caller keeps this profile (its provider admin). */
  canEdit: boolean;
};

export type TrialProviderView = {
  providerId: string;
  nameZh: string;
  nameEn: string | null;
  category: ProviderCategory;
  linkedAt: number;
  expiringCount: number;
};

export type ShortlistedProvider = ProviderListItem & { note: string | null; addedAt: number };
