import {
  CAPABILITY_CODES,
  COMMITTEE_MEMBER_ROLES,
  DISEASE_AREA_EN,
  HOSPITAL_LEVELS,
  type InvestigatorTitle,
  MEMBER_EXPERTISE,
  TITLE_LEVEL,
} from '@ctp/contracts';
import {
  bulkInserter,
  committeeMembers,
  type DbHandle,
  ethicsCommittees,
  hospitalCapabilities,
  hospitalSpecialties,
  investigatorSpecialties,
  investigators,
  organisationAliases,
  organisations,
  specialtyCatalogue,
  specialtyDiseaseAreas,
} from '@ctp/db';
import { isNotNull } from 'drizzle-orm';
import { normaliseInstitutionName } from '../../organisations/normalise-name.ts';
import type { Rng } from './prng.ts';
import type { ScalePlan } from './scale-plan.ts';

/** Provinces and a city in each: where the generated hospitals are. */
const CITIES: readonly (readonly [province: string, city: string, en: string])[] = [
  ['北京市', '北京市', 'Beijing'],
  ['上海市', '上海市', 'Shanghai'],
  ['天津市', '天津市', 'Tianjin'],
  ['重庆市', '重庆市', 'Chongqing'],
  ['广东省', '广州市', 'Guangzhou'],
  ['广东省', '深圳市', 'Shenzhen'],
  ['浙江省', '杭州市', 'Hangzhou'],
  ['江苏省', '苏州市', 'Suzhou'],
  ['江苏省', '无锡市', 'Wuxi'],
  ['山东省', '济南市', 'Jinan'],
  ['山东省', '青岛市', 'Qingdao'],
  ['四川省', '成都市', 'Chengdu'],
  ['湖北省', '武汉市', 'Wuhan'],
  ['湖南省', '长沙市', 'Changsha'],
  ['河南省', '郑州市', 'Zhengzhou'],
  ['河北省', '石家庄市', 'Shijiazhuang'],
  ['陕西省', '西安市', "Xi'an"],
  ['辽宁省', '沈阳市', 'Shenyang'],
  ['吉林省', '长春市', 'Changchun'],
  ['黑龙江省', '哈尔滨市', 'Harbin'],
  ['安徽省', '合肥市', 'Hefei'],
  ['福建省', '福州市', 'Fuzhou'],
  ['福建省', '厦门市', 'Xiamen'],
  ['江西省', '南昌市', 'Nanchang'],
  ['广西壮族自治区', '南宁市', 'Nanning'],
  ['云南省', '昆明市', 'Kunming'],
  ['贵州省', '贵阳市', 'Guiyang'],
  ['山西省', '太原市', 'Taiyuan'],
  ['甘肃省', '兰州市', 'Lanzhou'],
  ['新疆维吾尔自治区', '乌鲁木齐市', 'Urumqi'],
];
const DISTRICT_SUFFIXES = ['东城区', '西城区', '高新区', '新城区', '南湖区'];
const KINDS = [
  { zh: '人民医院', en: "People's Hospital", type: '综合' },
  { zh: '中心医院', en: 'Central Hospital', type: '综合' },
  { zh: '中医院', en: 'Hospital of Traditional Chinese Medicine', type: '中医' },
  { zh: '肿瘤医院', en: 'Cancer Hospital', type: '专科' },
  { zh: '妇幼保健院', en: 'Maternal and Child Health Hospital', type: '妇幼' },
  { zh: '儿童医院', en: "Children's Hospital", type: '儿童' },
] as const;
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力宁海波林东雪琳晨浩宇';
const TITLES: readonly InvestigatorTitle[] = ['主任医师', '主任医师', '副主任医师', '副主任医师', '主治医师'];
export const DISEASES = Object.keys(DISEASE_AREA_EN);

export type ScaleHospital = {
  id: string;
  committeeId: string;
  district: string;
  specialties: { id: string; investigators: string[] }[];
};

const personName = (rng: Rng) =>
  rng.pick([...SURNAMES]) + rng.pick([...GIVEN]) + (rng.chance(0.6) ? rng.pick([...GIVEN]) : '');

export const dateOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Hospitals with their specialties (备案专业), disease areas, investigators, capabilities, an alias and an ethics
 * committee with a roster, written through the schema. The demo's hospitals are kept and counted in.
 */
export function generateCapacity(
  handle: DbHandle,
  plan: ScalePlan,
  rng: Rng,
  now: number,
  demoHospitals: ScaleHospital[],
): ScaleHospital[] {
  const catalogue = handle.db
    .select({ code: specialtyCatalogue.code, scope: specialtyCatalogue.scope })
    .from(specialtyCatalogue)
    .where(isNotNull(specialtyCatalogue.parentCode))
    .all();
  const insOrg = bulkInserter(handle.sqlite, organisations, [
    'id',
    'code',
    'kind',
    'nameZh',
    'nameEn',
    'city',
    'district',
    'level',
    'hospitalType',
    'address',
    'lat',
    'lon',
    'nmpaDrugFilingNo',
    'nmpaDrugFilingDate',
    'phase1Beds',
    'totalBeds',
    'capacityConfirmedAt',
    'isDemoData',
    'createdAt',
    'updatedAt',
  ]);
  const insAlias = bulkInserter(handle.sqlite, organisationAliases, [
    'orgId',
    'alias',
    'aliasNorm',
    'lang',
    'source',
    'kind',
  ]);
  const insCommittee = bulkInserter(handle.sqlite, ethicsCommittees, [
    'id',
    'hospitalOrgId',
    'nameZh',
    'registrationNo',
    'createdAt',
    'updatedAt',
  ]);
  const insMember = bulkInserter(handle.sqlite, committeeMembers, [
    'id',
    'committeeId',
    'name',
    'role',
    'expertise',
    'isAffiliated',
    'gender',
    'termStart',
    'createdAt',
    'updatedAt',
  ]);
  const insSpec = bulkInserter(handle.sqlite, hospitalSpecialties, [
    'id',
    'hospitalOrgId',
    'specialtyCode',
    'filingDate',
    'scope',
    'trialBeds',
    'maxConcurrentTrials',
    'createdAt',
    'updatedAt',
  ]);
  const insArea = bulkInserter(handle.sqlite, specialtyDiseaseAreas, [
    'hospitalSpecialtyId',
    'diseaseArea',
    'annualPatients',
  ]);
  const insInv = bulkInserter(handle.sqlite, investigators, [
    'id',
    'hospitalOrgId',
    'name',
    'title',
    'level',
    'gcpTrainingDate',
    'maxConcurrentTrials',
    'createdAt',
    'updatedAt',
  ]);
  const insLink = bulkInserter(handle.sqlite, investigatorSpecialties, ['investigatorId', 'hospitalSpecialtyId']);
  const insCap = bulkInserter(handle.sqlite, hospitalCapabilities, ['hospitalOrgId', 'capabilityCode', 'createdAt']);

  const out: ScaleHospital[] = [...demoHospitals];
  const perCity = new Map<string, number>();
  const seenAliases = new Set(
    handle.db
      .select({ n: organisationAliases.aliasNorm })
      .from(organisationAliases)
      .all()
      .map((a) => a.n),
  );
  for (let h = 0; out.length < plan.hospitals; h++) {
    const [province, city, cityEn] = CITIES[h % CITIES.length]!;
    const kind = KINDS[Math.floor(h / CITIES.length) % KINDS.length]!;
    const k = (perCity.get(city + kind.zh) ?? 0) + 1;
    perCity.set(city + kind.zh, k);
    const id = `hs-${h}`;
    const nameZh = `${city}第${k}${kind.zh}`;
    const nameEn = `${cityEn} No. ${k} ${kind.en}`;
    const district = `${city.replace(/市$/u, '')}${DISTRICT_SUFFIXES[k % DISTRICT_SUFFIXES.length]}`;
    const filed = dateOf(now - rng.int(400, 3000) * 86_400_000);
    insOrg({
      id,
      code: null,
      kind: 'hospital',
      nameZh,
      nameEn,
      city,
      district,
      level: HOSPITAL_LEVELS[rng.chance(0.7) ? 0 : rng.int(1, 3)]!,
      hospitalType: kind.type,
      address: `${province}${city}${district}健康路${rng.int(1, 300)}号`,
      lat: 22 + rng.next() * 20,
      lon: 100 + rng.next() * 22,
      nmpaDrugFilingNo: `药物临床机构备字${filed.slice(0, 4)}${String(h).padStart(6, '0')}`,
      nmpaDrugFilingDate: filed,
      phase1Beds: rng.chance(0.25) ? rng.int(10, 60) : null,
      totalBeds: rng.int(500, 4000),
      capacityConfirmedAt: now - rng.int(0, 200) * 86_400_000,
      isDemoData: true,
      createdAt: now,
      updatedAt: now,
    });
    for (const [alias, lang] of [
      [nameZh, 'zh'],
      [nameEn, 'en'],
    ] as const) {
      const aliasNorm = normaliseInstitutionName(alias);
      if (aliasNorm && !seenAliases.has(aliasNorm)) {
        seenAliases.add(aliasNorm);
        insAlias({ orgId: id, alias, aliasNorm, lang, source: 'scale', kind: lang === 'zh' ? 'name' : 'english' });
      }
    }
    const committeeId = `ec-${id}`;
    insCommittee({
      id: committeeId,
      hospitalOrgId: id,
      nameZh: `${nameZh}医学伦理委员会`,
      registrationNo: `EC${h}`,
      createdAt: now,
      updatedAt: now,
    });
    for (let m = 0; m < 9; m++)
      insMember({
        id: `${committeeId}-m${m}`,
        committeeId,
        name: personName(rng),
        role: m === 0 ? 'chair' : m === 1 ? 'vice_chair' : m === 2 ? 'secretary' : COMMITTEE_MEMBER_ROLES[0],
        expertise: m < 5 ? 'medical' : MEMBER_EXPERTISE[m - 3]!,
        isAffiliated: m < 6,
        gender: rng.chance(0.5) ? 'female' : 'male',
        termStart: dateOf(now - 700 * 86_400_000),
        createdAt: now,
        updatedAt: now,
      });
    const specialties: ScaleHospital['specialties'] = [];
    for (const cat of rng.sample(catalogue, Math.min(plan.specialtiesPerHospital, catalogue.length))) {
      const specId = `${id}-${cat.code}`;
      insSpec({
        id: specId,
        hospitalOrgId: id,
        specialtyCode: cat.code,
        filingDate: filed,
        scope: cat.scope,
        trialBeds: rng.int(0, 20),
        maxConcurrentTrials: rng.int(5, 40),
        createdAt: now,
        updatedAt: now,
      });
      for (const area of rng.sample(DISEASES, 2))
        insArea({ hospitalSpecialtyId: specId, diseaseArea: area, annualPatients: rng.int(100, 20_000) });
      const invIds: string[] = [];
      for (let p = 0; p < plan.investigatorsPerSpecialty; p++) {
        const invId = `${specId}-pi${p}`;
        const title = rng.pick(TITLES);
        insInv({
          id: invId,
          hospitalOrgId: id,
          name: personName(rng),
          title,
          level: TITLE_LEVEL[title],
          gcpTrainingDate: dateOf(now - rng.int(30, 1000) * 86_400_000),
          maxConcurrentTrials: rng.int(3, 12),
          createdAt: now,
          updatedAt: now,
        });
        insLink({ investigatorId: invId, hospitalSpecialtyId: specId });
        invIds.push(invId);
      }
      specialties.push({ id: specId, investigators: invIds });
    }
    for (const code of rng.sample(CAPABILITY_CODES, rng.int(2, 6)))
      insCap({ hospitalOrgId: id, capabilityCode: code, createdAt: now });
    out.push({ id, committeeId, district, specialties });
  }
  return out;
}
