import type { Role } from '@ctp/contracts';

export const DEMO_PASSWORD = 'ctp-demo-2026';

/** Demo users (README lists them). `org` is a hospital code from the reference data or a demo org key. */
export const DEMO_ACCOUNTS: { email: string; name: string; memberships: { org: string; role: Role }[] }[] = [
  { email: 'admin@demo.ctp', name: '平台管理员', memberships: [{ org: 'platform', role: 'admin' }] },
  { email: 'commission@demo.ctp', name: '市卫健委科教处', memberships: [{ org: 'commission', role: 'commission' }] },
  { email: 'sponsor@demo.ctp', name: '陈申办', memberships: [{ org: 'sponsor-zijin', role: 'sponsor' }] },
  { email: 'cro@demo.ctp', name: '林监查', memberships: [{ org: 'cro-changjiang', role: 'sponsor' }] },
  { email: 'site@demo.ctp', name: '周机构', memberships: [{ org: 'jsph', role: 'site_admin' }] },
  { email: 'pi@demo.ctp', name: '吴研究', memberships: [{ org: 'jsph', role: 'investigator' }] },
  { email: 'ec@demo.ctp', name: '孙秘书', memberships: [{ org: 'jsph', role: 'ec_secretary' }] },
  { email: 'member@demo.ctp', name: '郑委员', memberships: [{ org: 'jsph', role: 'ec_member' }] },
  { email: 'chair@demo.ctp', name: '王主任委员', memberships: [{ org: 'jsph', role: 'ec_chair' }] },
  { email: 'ec-gulou@demo.ctp', name: '钱秘书', memberships: [{ org: 'njglyy', role: 'ec_secretary' }] },
  { email: 'ec-zhongliu@demo.ctp', name: '冯秘书', memberships: [{ org: 'jsch', role: 'ec_secretary' }] },
  { email: 'site-gulou@demo.ctp', name: '何机构', memberships: [{ org: 'njglyy', role: 'site_admin' }] },
  { email: 'site-zhongliu@demo.ctp', name: '许机构', memberships: [{ org: 'jsch', role: 'site_admin' }] },
  // A service provider's own administrator (issue 18): the demo central lab 仙林中心实验室.
  { email: 'provider@demo.ctp', name: '顾质控', memberships: [{ org: 'prov-xianlin-lab', role: 'provider_admin' }] },
  {
    email: 'multi@demo.ctp',
    name: '蒋兼职',
    memberships: [
      { org: 'njglyy', role: 'site_admin' },
      { org: 'njglyy', role: 'ec_member' },
    ],
  },
];
