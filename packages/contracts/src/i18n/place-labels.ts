/** English forms of Chinese district and hospital-level values stored as filed; shared by the web and the server's exports. */
const DISTRICTS_EN: Record<string, string> = {
  玄武区: 'Xuanwu',
  秦淮区: 'Qinhuai',
  建邺区: 'Jianye',
  鼓楼区: 'Gulou',
  浦口区: 'Pukou',
  栖霞区: 'Qixia',
  雨花台区: 'Yuhuatai',
  江宁区: 'Jiangning',
  六合区: 'Luhe',
  溧水区: 'Lishui',
  高淳区: 'Gaochun',
};

const LEVELS_EN: Record<string, string> = {
  三级甲等: 'Tertiary A',
  三级乙等: 'Tertiary B',
  三级: 'Tertiary',
  二级甲等: 'Secondary A',
  二级: 'Secondary',
  其他: 'Other',
};

const TYPES_EN: Record<string, string> = {
  综合: 'General',
  专科: 'Specialist',
  中医: 'TCM',
  中西医结合: 'Integrated TCM',
  妇幼: 'Maternal & child',
  儿童: "Children's",
  其他: 'Other',
};

const pick =
  (map: Record<string, string>) =>
  (value: string | null | undefined, lang: string): string | null =>
    value == null ? null : lang === 'en' ? (map[value] ?? value) : value;

export const districtLabel = pick(DISTRICTS_EN);
export const levelLabel = pick(LEVELS_EN);
export const hospitalTypeLabel = pick(TYPES_EN);
