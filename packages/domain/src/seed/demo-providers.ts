import type { ProviderCategory, QualificationKind, TherapeuticArea } from '@ctp/contracts';
import { organisations, providerProfiles, providerQualifications, type Tx } from '@ctp/db';
import { addDays, shanghaiDate } from '../clock/dates.ts';
import { newId } from '../ids.ts';
import { rebuildProviderSearchDocument } from '../providers/provider-search-document.ts';

type DemoProvider = {
  key: string;
  nameZh: string;
  nameEn: string;
  categories: ProviderCategory[];
  districts: string[];
  areas: TherapeuticArea[];
  contact: string;
  /** Qualification kind and days from the seed's Beijing today to its expiry (negative: already expired). */
  quals: [QualificationKind, number][];
};

/**
 * Invented service providers (issue 18): three or more in every category, each name marked （演示）/(demo) and the
 * profile flagged `is_demo`. A few qualifications expire within 60 days (or have expired) so the flags show.
 */
export const DEMO_PROVIDERS: DemoProvider[] = [
  // CRO
  p(
    'prov-zhongshan-cro',
    '钟山临床研究有限公司',
    'Zhongshan Clinical Research',
    ['cro', 'biostatistics'],
    ['玄武区'],
    ['oncology', 'cardiovascular'],
    '赵监查',
    [['iso9001', 400]],
  ),
  p(
    'prov-yangtze-cro',
    '扬子江医药研发服务有限公司',
    'Yangtze Pharma R&D Services',
    ['cro', 'medical_writing'],
    ['建邺区', '江宁区'],
    ['respiratory', 'infectious'],
    '钱项目',
    [['iso9001', 45]],
  ),
  p(
    'prov-jinling-cro',
    '金陵新药临床研究中心',
    'Jinling New Drug Clinical Research Centre',
    ['cro'],
    ['鼓楼区'],
    ['endocrine', 'digestive'],
    '孙经理',
    [
      ['iso9001', 700],
      ['iso27001', 300],
    ],
  ),
  // SMO
  p(
    'prov-qinhuai-smo',
    '秦淮现场管理服务有限公司',
    'Qinhuai Site Management Services',
    ['smo'],
    ['秦淮区', '鼓楼区'],
    ['oncology'],
    '李协调',
    [['iso9001', 500]],
  ),
  p(
    'prov-xuanwu-smo',
    '玄武湖临床协调服务有限公司',
    'Xuanwu Lake Clinical Coordination',
    ['smo'],
    ['玄武区'],
    ['cardiovascular', 'neurology'],
    '周协调',
    [['iso9001', 20]],
  ),
  p(
    'prov-pukou-smo',
    '浦口康研 SMO 服务有限公司',
    'Pukou Kangyan SMO Services',
    ['smo', 'cro'],
    ['浦口区', '六合区'],
    ['paediatrics'],
    '吴主管',
    [['iso9001', 900]],
  ),
  // Central laboratories
  p(
    'prov-xianlin-lab',
    '仙林中心实验室有限公司',
    'Xianlin Central Laboratory',
    ['central_lab', 'testing'],
    ['栖霞区'],
    ['oncology', 'immunology'],
    '顾质控',
    [
      ['cnas', 30],
      ['iso15189', 365],
      ['cap', 500],
    ],
  ),
  p(
    'prov-hexi-lab',
    '河西医学检验中心',
    'Hexi Medical Laboratory Centre',
    ['central_lab'],
    ['建邺区'],
    ['endocrine', 'cardiovascular'],
    '郑主任',
    [
      ['cnas', 800],
      ['iso15189', 800],
    ],
  ),
  p(
    'prov-jiangning-lab',
    '江宁精准检验中心实验室',
    'Jiangning Precision Central Lab',
    ['central_lab', 'biobank'],
    ['江宁区'],
    ['oncology', 'rare_diseases'],
    '王经理',
    [
      ['cnas', 600],
      ['cap', -10],
    ],
  ),
  // Biobanks
  p('prov-zijin-biobank', '紫金生物样本库', 'Zijin Biobank', ['biobank'], ['玄武区'], ['oncology'], '冯库长', [
    ['hgrac', 1000],
    ['iso9001', 50],
  ]),
  p(
    'prov-niushou-biobank',
    '牛首山生物样本保藏中心',
    'Niushoushan Biorepository',
    ['biobank'],
    ['江宁区'],
    ['neurology', 'rare_diseases'],
    '陈库长',
    [['hgrac', 700]],
  ),
  p(
    'prov-gaochun-biobank',
    '高淳健康队列样本库',
    'Gaochun Health Cohort Biobank',
    ['biobank', 'central_lab'],
    ['高淳区', '溧水区'],
    ['cardiovascular', 'endocrine'],
    '褚主任',
    [
      ['hgrac', 400],
      ['cnas', 400],
    ],
  ),
  // Testing and inspection
  p(
    'prov-yuhua-testing',
    '雨花检验检测技术有限公司',
    'Yuhua Testing and Inspection',
    ['testing'],
    ['雨花台区'],
    ['medical_devices'],
    '卫工程师',
    [
      ['cma', 300],
      ['cnas', 300],
    ],
  ),
  p(
    'prov-lishui-testing',
    '溧水医疗器械检测中心',
    'Lishui Medical Device Testing Centre',
    ['testing'],
    ['溧水区'],
    ['medical_devices'],
    '蒋工程师',
    [
      ['cma', 55],
      ['glp', 600],
    ],
  ),
  p(
    'prov-qixia-glp',
    '栖霞药物安全评价中心',
    'Qixia Drug Safety Evaluation Centre',
    ['testing'],
    ['栖霞区'],
    ['oncology', 'tcm'],
    '沈主任',
    [
      ['glp', 900],
      ['aaalac', 500],
    ],
  ),
  // IMP logistics and pharmacy
  p(
    'prov-longpan-logistics',
    '龙蟠冷链医药物流有限公司',
    'Longpan Cold-Chain Pharma Logistics',
    ['imp_logistics'],
    ['秦淮区', '江宁区', '浦口区'],
    [],
    '韩调度',
    [['gsp', 365]],
  ),
  p(
    'prov-jiangbei-pharmacy',
    '江北临床试验药房服务中心',
    'Jiangbei Clinical Trial Pharmacy',
    ['imp_logistics'],
    ['六合区', '浦口区'],
    ['oncology'],
    '杨药师',
    [['gsp', 15]],
  ),
  p(
    'prov-moling-logistics',
    '秣陵试验药物配送有限公司',
    'Moling IMP Distribution',
    ['imp_logistics'],
    ['江宁区'],
    [],
    '朱调度',
    [
      ['gsp', 1200],
      ['iso9001', 1200],
    ],
  ),
  // Statistics and data management
  p(
    'prov-shicheng-stats',
    '石城生物统计有限公司',
    'Shicheng Biostatistics',
    ['biostatistics'],
    ['鼓楼区'],
    ['oncology', 'cardiovascular'],
    '秦统计',
    [['iso27001', 600]],
  ),
  p(
    'prov-yanziji-data',
    '燕子矶临床数据管理有限公司',
    'Yanziji Clinical Data Management',
    ['biostatistics'],
    ['栖霞区'],
    ['neurology'],
    '尤数据',
    [['iso27001', 40]],
  ),
  // Medical writing and translation
  p(
    'prov-wenchang-writing',
    '文昌医学撰写与翻译有限公司',
    'Wenchang Medical Writing and Translation',
    ['medical_writing'],
    ['玄武区'],
    ['oncology', 'infectious'],
    '许编辑',
    [['iso9001', 800]],
  ),
  p(
    'prov-baixia-translation',
    '白下医药翻译服务有限公司',
    'Baixia Medical Translation Services',
    ['medical_writing'],
    ['秦淮区'],
    ['tcm'],
    '何译审',
    [['iso9001', 300]],
  ),
  p(
    'prov-tianyin-writing',
    '天印注册申报咨询有限公司',
    'Tianyin Regulatory Writing Consultancy',
    ['medical_writing', 'tech_transfer'],
    ['江宁区'],
    ['medical_devices'],
    '吕顾问',
    [['iso9001', 250]],
  ),
  // IP and technology transfer
  p(
    'prov-kechuang-ip',
    '南京科创知识产权服务有限公司',
    'Nanjing Kechuang IP Services',
    ['tech_transfer'],
    ['建邺区'],
    ['oncology', 'medical_devices'],
    '施代理',
    [['iso9001', 500]],
  ),
  p(
    'prov-jiangbei-transfer',
    '江北新区医药技术转移中心',
    'Jiangbei New Area Pharma Technology Transfer Centre',
    ['tech_transfer'],
    ['浦口区', '六合区'],
    ['tcm', 'rare_diseases'],
    '张主任',
    [['iso9001', 35]],
  ),
  p(
    'prov-stats-plus',
    '紫台统计咨询有限公司',
    'Zitai Statistical Consulting',
    ['biostatistics', 'tech_transfer'],
    ['玄武区'],
    ['endocrine'],
    '孔统计',
    [['iso27001', 900]],
  ),
];

function p(
  key: string,
  nameZh: string,
  nameEn: string,
  categories: ProviderCategory[],
  districts: string[],
  areas: TherapeuticArea[],
  contact: string,
  quals: [QualificationKind, number][],
): DemoProvider {
  return { key, nameZh: `${nameZh}（演示）`, nameEn: `${nameEn} (demo)`, categories, districts, areas, contact, quals };
}

export const demoProviderId = (key: string) => `org-${key}`;
export const isDemoProviderKey = (key: string) => DEMO_PROVIDERS.some((d) => d.key === key);

const QUAL_PREFIX: Record<QualificationKind, string> = {
  cnas: 'CNAS ML',
  cma: 'CMA ',
  glp: 'GLP',
  cap: 'CAP-',
  iso15189: 'CNAS MT',
  iso9001: 'ISO9001-',
  iso27001: 'ISO27001-',
  gsp: '苏AA025',
  hgrac: '遗保-',
  aaalac: 'AAALAC-',
};

/** Inserts the demo providers (organisation, profile, qualifications, search document) inside the seed's transaction. */
export function seedDemoProviders(tx: Tx, now: number): number {
  const today = shanghaiDate(now);
  for (const [i, d] of DEMO_PROVIDERS.entries()) {
    const id = demoProviderId(d.key);
    tx.insert(organisations)
      .values({
        id,
        code: d.key,
        kind: 'provider',
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        city: '南京市',
        district: d.districts[0] ?? null,
        contactName: d.contact,
        isDemoData: true,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    tx.insert(providerProfiles)
      .values({
        orgId: id,
        categoriesJson: JSON.stringify(d.categories),
        districtsJson: JSON.stringify(d.districts),
        areasJson: JSON.stringify(d.areas),
        contactsJson: JSON.stringify([
          { name: d.contact, phone: `025-8${String(4000000 + i * 7919).slice(0, 7)}`, email: `${d.key}@demo.ctp` },
        ]),
        summary: `${d.nameZh}：演示用虚构机构，数据不代表真实单位。`,
        isDemo: true,
        updatedAt: now,
      })
      .run();
    for (const [j, [kind, days]] of d.quals.entries())
      tx.insert(providerQualifications)
        .values({
          id: newId(),
          orgId: id,
          kind,
          number: `${QUAL_PREFIX[kind]}${String(1000 + i * 37 + j * 11).padStart(4, '0')}`,
          issuedOn: addDays(today, days - 5 * 365),
          expiresOn: addDays(today, days),
        })
        .run();
    rebuildProviderSearchDocument(tx, id);
  }
  return DEMO_PROVIDERS.length;
}
