import type { CapabilityCode } from '@ctp/contracts';

/**
 * Invented demo capacity, shaped like real Nanjing hospitals (which specialties a hospital of that kind files,
 * which diseases they treat). Every number is invented; organisations carry is_demo_data = true.
 */

/** Specialty codes (specialty catalogue) filed by each hospital in the demo. */
export const DEMO_SPECIALTIES: Record<string, string[]> = {
  jsph: ['oncology', 'respiratory', 'cardiology', 'gastroenterology', 'neurology', 'endocrinology', 'nephrology', 'hematology', 'immunology', 'general_surgery', 'thoracic_surgery', 'gynecology', 'dermatology', 'phase1_fih', 'phase1_be'],
  njglyy: ['oncology', 'respiratory', 'cardiology', 'gastroenterology', 'neurology', 'endocrinology', 'nephrology', 'hematology', 'immunology', 'orthopedics', 'general_surgery', 'reproductive_medicine', 'phase1_fih', 'phase1_be'],
  jsch: ['oncology', 'radiation_oncology', 'thoracic_surgery', 'general_surgery', 'gynecology', 'hematology', 'nuclear_medicine', 'phase1_fih'],
  zdyy: ['critical_care', 'respiratory', 'cardiology', 'endocrinology', 'neurology', 'nephrology', 'oncology', 'interventional_radiology', 'phase1_fih', 'phase1_be'],
  etcgh: ['nephrology', 'oncology', 'respiratory', 'cardiology', 'general_surgery', 'critical_care', 'hematology', 'phase1_fih'],
  njfh: ['cardiology', 'cardiac_surgery', 'oncology', 'respiratory', 'endocrinology', 'neurology', 'phase1_fih', 'phase1_be'],
  njnk: ['neurology', 'psychiatry', 'neurosurgery', 'clinical_psychology', 'addiction'],
  jszyy: ['tcm_internal', 'tcm_oncology', 'gastroenterology', 'respiratory', 'cardiology', 'acupuncture', 'phase1_fih', 'phase1_be'],
  njmu2: ['gastroenterology', 'nephrology', 'endocrinology', 'oncology', 'respiratory', 'urology', 'pediatrics'],
  njch: ['pediatrics', 'neonatology', 'ped_nephrology', 'respiratory', 'hematology'],
  njfy: ['gynecology', 'obstetrics', 'reproductive_medicine', 'neonatology', 'eugenics'],
  gljb: ['oncology', 'cardiology', 'respiratory', 'orthopedics'],
  jszxy: ['tcm_internal', 'gastroenterology', 'oncology', 'endocrinology', 'tcm_orthopedics'],
  njszyy: ['tcm_internal', 'tcm_anorectal', 'tcm_oncology', 'acupuncture'],
  njsdeyy: ['infectious_diseases', 'hepatitis', 'respiratory'],
  njxk: ['respiratory', 'thoracic_surgery', 'infectious_diseases'],
  jskq: ['stomatology', 'oral_maxillofacial_surgery', 'oral_mucosa'],
  jnyy: ['cardiology', 'respiratory', 'endocrinology', 'orthopedics'],
  js2zy: ['tcm_internal', 'gastroenterology', 'respiratory'],
  benq: ['cardiology', 'gastroenterology', 'oncology'],
  jspoh: ['geriatrics', 'cardiology', 'neurology', 'endocrinology'],
  srrsh: ['cardiology', 'endocrinology', 'oncology', 'gastroenterology'],
  camsdh: ['dermatology', 'std'],
  njkq: ['stomatology', 'oral_maxillofacial_surgery'],
};

/** Disease areas treated under a specialty (the first few are used, by the size of the hospital). */
export const DISEASE_AREAS: Record<string, string[]> = {
  oncology: ['肺癌', '乳腺癌', '胃癌', '结直肠癌', '肝癌', '食管癌'],
  radiation_oncology: ['鼻咽癌', '食管癌', '宫颈癌'],
  thoracic_surgery: ['肺癌', '食管癌'],
  respiratory: ['慢性阻塞性肺疾病', '哮喘', '肺癌', '间质性肺病', '肺结核'],
  cardiology: ['高血压', '心力衰竭', '冠心病', '心房颤动'],
  cardiac_surgery: ['冠心病', '心脏瓣膜病'],
  gastroenterology: ['炎症性肠病', '胃癌', '肝硬化', '功能性消化不良'],
  neurology: ['脑卒中', '阿尔茨海默病', '帕金森病', '癫痫', '偏头痛'],
  endocrinology: ['2型糖尿病', '甲状腺疾病', '肥胖症', '骨质疏松症'],
  nephrology: ['慢性肾脏病', 'IgA肾病', '狼疮性肾炎'],
  hematology: ['淋巴瘤', '白血病', '多发性骨髓瘤'],
  immunology: ['类风湿关节炎', '系统性红斑狼疮', '强直性脊柱炎'],
  general_surgery: ['结直肠癌', '胃癌', '胰腺癌'],
  gynecology: ['宫颈癌', '卵巢癌', '子宫内膜异位症'],
  obstetrics: ['妊娠期糖尿病', '子痫前期'],
  reproductive_medicine: ['不孕症', '多囊卵巢综合征'],
  dermatology: ['银屑病', '特应性皮炎', '白癜风'],
  std: ['梅毒', '尖锐湿疣'],
  psychiatry: ['抑郁症', '精神分裂症', '双相情感障碍'],
  clinical_psychology: ['焦虑障碍', '失眠'],
  addiction: ['酒精依赖'],
  neurosurgery: ['胶质瘤', '脑出血'],
  pediatrics: ['儿童哮喘', '川崎病', '儿童肺炎'],
  neonatology: ['早产儿', '新生儿黄疸'],
  ped_nephrology: ['肾病综合征'],
  infectious_diseases: ['慢性乙型肝炎', '艾滋病', '结核病'],
  hepatitis: ['慢性乙型肝炎', '丙型肝炎'],
  tcm_internal: ['慢性胃炎', '失眠', '慢性肾脏病'],
  tcm_oncology: ['肺癌', '胃癌'],
  tcm_anorectal: ['痔', '肛瘘'],
  tcm_orthopedics: ['骨关节炎', '腰椎间盘突出症'],
  acupuncture: ['慢性疼痛', '脑卒中后遗症'],
  orthopedics: ['骨关节炎', '骨质疏松性骨折'],
  urology: ['前列腺癌', '膀胱癌', '尿路结石'],
  critical_care: ['脓毒症', '急性呼吸窘迫综合征'],
  interventional_radiology: ['肝癌', '外周血管病'],
  nuclear_medicine: ['甲状腺癌', '神经内分泌肿瘤'],
  geriatrics: ['衰弱', '认知障碍'],
  stomatology: ['牙周炎', '口腔黏膜病'],
  oral_maxillofacial_surgery: ['口腔癌'],
  oral_mucosa: ['口腔扁平苔藓'],
  eugenics: ['出生缺陷'],
  phase1_fih: ['健康受试者'],
  phase1_be: ['健康受试者'],
};

/** Capabilities per hospital in the demo. */
export const DEMO_CAPABILITIES: Record<string, CapabilityCode[]> = {
  jsph: ['pet_ct', 'mri_3t', 'biobank', 'freezer_80', 'pk_ward_24h', 'central_lab', 'gcp_pharmacy', 'icu', 'genomics', 'hgrac_experience'],
  njglyy: ['pet_ct', 'mri_3t', 'biobank', 'freezer_80', 'pk_ward_24h', 'central_lab', 'gcp_pharmacy', 'icu', 'pathology_digital', 'edc_integration'],
  jsch: ['pet_ct', 'biobank', 'freezer_80', 'liquid_nitrogen', 'pk_ward_24h', 'gcp_pharmacy', 'genomics', 'pathology_digital', 'hgrac_experience'],
  zdyy: ['mri_3t', 'freezer_80', 'pk_ward_24h', 'central_lab', 'gcp_pharmacy', 'icu', 'dsa'],
  etcgh: ['mri_3t', 'biobank', 'freezer_80', 'pk_ward_24h', 'gcp_pharmacy', 'icu', 'dsa'],
  njfh: ['dsa', 'freezer_80', 'pk_ward_24h', 'gcp_pharmacy', 'ecg_central', 'icu'],
  njnk: ['mri_3t', 'freezer_80', 'gcp_pharmacy'],
  jszyy: ['freezer_80', 'pk_ward_24h', 'gcp_pharmacy', 'biobank'],
  njmu2: ['freezer_80', 'gcp_pharmacy', 'central_lab'],
  njch: ['freezer_80', 'gcp_pharmacy', 'icu'],
  njfy: ['freezer_80', 'gcp_pharmacy', 'liquid_nitrogen'],
  gljb: ['freezer_80', 'gcp_pharmacy'],
  jszxy: ['freezer_80', 'gcp_pharmacy'],
  njszyy: ['gcp_pharmacy'],
  njsdeyy: ['freezer_80', 'gcp_pharmacy', 'rescue_room'],
  njxk: ['freezer_80', 'gcp_pharmacy'],
  jskq: ['gcp_pharmacy'],
  jnyy: ['freezer_80', 'gcp_pharmacy'],
  js2zy: ['gcp_pharmacy'],
  benq: ['freezer_80', 'gcp_pharmacy', 'edc_integration'],
  jspoh: ['gcp_pharmacy'],
  srrsh: ['freezer_80', 'gcp_pharmacy'],
  camsdh: ['freezer_80', 'gcp_pharmacy', 'biobank'],
  njkq: ['gcp_pharmacy'],
};

/** Invented names for demo investigators. */
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '萧', '田', '董', '袁', '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈'];
export const GIVEN_NAMES = ['建国', '卫东', '立新', '晓明', '海燕', '志强', '丽华', '文斌', '红梅', '永刚', '雪松', '静', '敏', '峰', '磊', '洁', '勇', '涛', '琳', '颖', '俊杰', '思远', '雅婷', '宏伟', '秀英', '春华', '国平', '晓燕', '玉兰', '明辉'];

/** Hospitals whose demo capacity was last confirmed long ago, to show the "stale" flag in search. */
export const STALE_DEMO_HOSPITALS = new Set(['njszyy', 'jspoh', 'njkq']);
