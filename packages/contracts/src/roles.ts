/** Roles of DESIGN §2. A role is always held within one organisation (membership). */
export const ROLES = [
  'sponsor',
  'site_admin',
  'investigator',
  'ec_secretary',
  'ec_member',
  'ec_chair',
  'commission',
  'admin',
  /** A service provider's own administrator (服务机构管理员, issue 18): keeps the provider's profile. */
  'provider_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** `university`: universities and research institutes (高校/科研院所), members of collaborative bases (issue 18). */
/** `provider`: service providers (专业服务平台, issue 18) — central labs, SMOs, biobanks, CROs offering services… */
export const ORG_KINDS = ['hospital', 'sponsor', 'cro', 'commission', 'platform', 'university', 'provider'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** EC roles act for the ethics committee (伦理委员会) of their hospital, not for the hospital's trial office. */
export const EC_ROLES = ['ec_secretary', 'ec_member', 'ec_chair'] as const satisfies readonly Role[];
export type EcRole = (typeof EC_ROLES)[number];
export function isEcRole(role: Role): role is EcRole {
  return (EC_ROLES as readonly Role[]).includes(role);
}

/** Which organisation kinds may hold each role; a membership outside this table is refused. */
export const ROLE_ORG_KINDS: Record<Role, readonly OrgKind[]> = {
  sponsor: ['sponsor', 'cro'],
  site_admin: ['hospital'],
  investigator: ['hospital'],
  ec_secretary: ['hospital'],
  ec_member: ['hospital'],
  ec_chair: ['hospital'],
  commission: ['commission'],
  admin: ['platform'],
  provider_admin: ['provider'],
};

/** '三级' alone is used where the 甲/乙 grade is not confirmed by a source. */
export const HOSPITAL_LEVELS = ['三级甲等', '三级乙等', '三级', '二级甲等', '二级', '其他'] as const;
export type HospitalLevel = (typeof HOSPITAL_LEVELS)[number];
export const HOSPITAL_TYPES = ['综合', '专科', '中医', '中西医结合', '妇幼', '儿童', '其他'] as const;
export type HospitalType = (typeof HOSPITAL_TYPES)[number];

export const NANJING_DISTRICTS = [
  '玄武区',
  '秦淮区',
  '建邺区',
  '鼓楼区',
  '浦口区',
  '栖霞区',
  '雨花台区',
  '江宁区',
  '六合区',
  '溧水区',
  '高淳区',
] as const;
