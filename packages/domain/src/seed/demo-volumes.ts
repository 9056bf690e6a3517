import { DISEASE_AREAS } from './demo-capacity-data.ts';

/**
 * Demo patient volumes a sponsor would believe (issue 14: a children's hospital showed 10,800 lung-cancer patients a
 * year, and the province's cancer hospital ranked 14th of 18 for 肺癌). Volumes are still invented — every demo
 * hospital carries is_demo_data and its profile says so — but they follow public orders of magnitude: how common a
 * disease is, and what kind of hospital treats it. Deterministic: the same seed gives the same numbers.
 */
export type DemoHospitalKind = 'general' | 'cancer' | 'children' | 'maternal' | 'tcm' | 'specialist';

/** Pure: the kind of hospital, from its recorded type and, for 专科 hospitals, its name. */
export function demoHospitalKind(h: { nameZh: string; hospitalType: string | null }): DemoHospitalKind {
  if (h.hospitalType === '儿童' || h.nameZh.includes('儿童医院')) return 'children';
  if (h.hospitalType === '妇幼') return 'maternal';
  if (h.hospitalType === '中医' || h.hospitalType === '中西医结合') return 'tcm';
  if (h.nameZh.includes('肿瘤医院')) return 'cancer';
  if (h.hospitalType === '专科') return 'specialist';
  return 'general';
}

/**
 * A children's hospital treats children: its specialties' areas are paediatric ones (a 呼吸科 there sees 儿童哮喘 and
 * 儿童肺炎, not 肺癌 or COPD).
 */
const PAEDIATRIC_AREAS: Record<string, string[]> = {
  respiratory: ['儿童哮喘', '儿童肺炎'],
  hematology: ['急性淋巴细胞白血病', '血友病'],
  neurology: ['癫痫'],
};

/** Pure: the disease areas a specialty of this kind of hospital files (in order of how much it sees them). */
export function demoAreasOf(kind: DemoHospitalKind, specialtyCode: string): string[] {
  if (kind === 'children') return PAEDIATRIC_AREAS[specialtyCode] ?? DISEASE_AREAS[specialtyCode] ?? [];
  return DISEASE_AREAS[specialtyCode] ?? [];
}

/** Distinct patients a year in one area at one specialty of a large 三甲 general hospital, by how common it is. */
const VERY_COMMON = new Set([
  '高血压',
  '2型糖尿病',
  '冠心病',
  '慢性阻塞性肺疾病',
  '慢性胃炎',
  '骨关节炎',
  '牙周炎',
  '甲状腺疾病',
  '慢性肾脏病',
  '骨质疏松症',
  '功能性消化不良',
  '慢性疼痛',
  '痔',
  '失眠',
]);
const COMMON = new Set([
  '哮喘',
  '儿童哮喘',
  '儿童肺炎',
  '脑卒中',
  '心力衰竭',
  '心房颤动',
  '慢性乙型肝炎',
  '不孕症',
  '抑郁症',
  '焦虑障碍',
  '银屑病',
  '特应性皮炎',
  '肥胖症',
  '尿路结石',
  '偏头痛',
  '子宫内膜异位症',
  '妊娠期糖尿病',
  '早产儿',
  '新生儿黄疸',
  '腰椎间盘突出症',
  '骨质疏松性骨折',
  '认知障碍',
  '衰弱',
  '脑卒中后遗症',
  '多囊卵巢综合征',
  '肺结核',
  '结核病',
]);
/** The common cancers (China's most frequent): treated in thousands by a cancer centre, hundreds elsewhere. */
const COMMON_CANCERS = new Set(['肺癌', '胃癌', '结直肠癌', '乳腺癌', '肝癌', '食管癌', '甲状腺癌', '宫颈癌']);
const CANCERS = new Set([
  ...COMMON_CANCERS,
  '胰腺癌',
  '卵巢癌',
  '鼻咽癌',
  '前列腺癌',
  '膀胱癌',
  '口腔癌',
  '胶质瘤',
  '淋巴瘤',
  '白血病',
  '急性淋巴细胞白血病',
  '多发性骨髓瘤',
  '神经内分泌肿瘤',
]);
const HEALTHY_VOLUNTEERS = '健康受试者';

function baseVolume(area: string): number {
  if (area === HEALTHY_VOLUNTEERS) return 400;
  if (VERY_COMMON.has(area)) return 6000;
  if (COMMON.has(area)) return 2000;
  if (COMMON_CANCERS.has(area)) return 1500;
  if (CANCERS.has(area)) return 500;
  return 400;
}

/** Specialties that treat cancer as their main work (elsewhere a cancer is a small share of a department's patients). */
const CANCER_SPECIALTIES = new Set([
  'oncology',
  'radiation_oncology',
  'thoracic_surgery',
  'general_surgery',
  'gynecology',
  'hematology',
  'urology',
  'neurosurgery',
  'nuclear_medicine',
  'oral_maxillofacial_surgery',
  'interventional_radiology',
]);

/** Pure: how much more (or less) of an area this kind of hospital sees than a large general one. */
function kindFactor(kind: DemoHospitalKind, area: string, specialtyCode: string): number {
  const cancer = CANCERS.has(area);
  switch (kind) {
    case 'cancer':
      // A provincial cancer hospital is where a province's cancers are treated: several times a general hospital's.
      return cancer ? 5 : 0.3;
    case 'children':
      return 1;
    case 'maternal':
      return 1.3;
    case 'tcm':
      return specialtyCode.startsWith('tcm_') || specialtyCode === 'acupuncture' ? 1 : cancer ? 0.3 : 0.6;
    case 'specialist':
      return 1.5;
    case 'general':
      return 1;
  }
}

/**
 * Pure: invented annual patients for one filed area, deterministic in `jitter` (0–1 from the seed), rounded to 10.
 * `tertiaryA`: a 三级甲等 hospital (others see about half as many).
 */
export function demoAnnualPatients(d: {
  kind: DemoHospitalKind;
  tertiaryA: boolean;
  specialtyCode: string;
  area: string;
  jitter: number;
}): number {
  let n = baseVolume(d.area) * kindFactor(d.kind, d.area, d.specialtyCode);
  // 肺癌 under 呼吸科, 胃癌 under 消化科: a share of the department's patients, not its main work.
  if (CANCERS.has(d.area) && !CANCER_SPECIALTIES.has(d.specialtyCode) && d.specialtyCode !== 'tcm_oncology') n *= 0.4;
  if (!d.tertiaryA) n *= 0.5;
  n *= 0.8 + 0.4 * d.jitter;
  return Math.max(10, Math.round(n / 10) * 10);
}
