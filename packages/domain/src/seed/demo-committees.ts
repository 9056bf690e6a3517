import { type AddCommitteeMemberInput, type CommitteeProcedures, DEFAULT_COMMITTEE_PROCEDURES } from '@ctp/contracts';
import { type Db, users } from '@ctp/db';
import { eq } from 'drizzle-orm';
import type { Services } from '../context.ts';
import { updateCommitteeProcedures } from '../ethics/committee-procedures.ts';
import { addCommitteeMember } from '../ethics/manage-committee.ts';
import { actorCtx } from './demo-trials.ts';

type Seat = Omit<AddCommitteeMemberInput, 'committeeId' | 'userId' | 'termStart' | 'termEnd'> & { email?: string };

/**
 * Demo rosters (GCP 2020 / 涉及人的生命科学和医学研究伦理审查办法: medical and non-medical members, a lawyer, a lay
 * member, members not employed by the hospital, both genders). Demo users sit on the committee their EC membership
 * names; the others are external members by name (invented). 8 members at 江苏省人民医院: a quorum is 5 present
 * with a non-medical and an unaffiliated one.
 */
/**
 * Screening checklists (形式审查清单) per submission type, after the submission lists that Chinese hospital ECs
 * publish under GCP 2020 and the 2023 办法 (送审文件清单, 版本号/版本日期 on every reviewed document).
 */
export const DEMO_CHECKLISTS: CommitteeProcedures['checklists'] = {
  initial: [
    '送审文件清单',
    '初始审查申请表（主要研究者签名并注明日期）',
    '临床试验方案（注明版本号和版本日期）',
    '知情同意书（注明版本号和版本日期）',
    '研究者手册',
    '招募受试者的材料（如适用）',
    '病例报告表及受试者日记卡等书面资料',
    '主要研究者履历及 GCP 培训证书',
    '药物临床试验批件/临床试验通知书',
    '申办者资质证明及对 CRO 的委托函（如适用）',
    '临床试验责任保险证明',
    '组长单位伦理审查批件（多中心研究，如适用）',
  ],
  amendment: [
    '修正案审查申请表',
    '修正内容说明（修改前后对照表）',
    '修正后的方案/知情同意书（新版本号和日期，修订痕迹版）',
    '组长单位对修正案的批件（如适用）',
  ],
  continuing: [
    '研究进展报告（年度/定期）',
    '入组、完成、脱落例数',
    '严重不良事件及方案偏离汇总',
    '现行方案和知情同意书的版本',
  ],
  sae: ['严重不良事件报告表', '与研究药物的相关性判断', '受试者处理与随访情况', 'SUSAR 快速报告（如适用）'],
  deviation: ['偏离方案报告表', '对受试者安全和数据的影响评估', '纠正与预防措施'],
  suspension: ['暂停/终止研究报告', '暂停/终止的原因', '已入组受试者的后续安排'],
  closure: [
    '结题报告（研究完成报告）',
    '入组、完成、脱落例数',
    '严重不良事件汇总',
    '剩余药物、数据与生物样本的处置说明',
  ],
  resubmission: ['复审申请表', '对审查意见的逐条答复', '修改后的文件（注明新版本号和日期）'],
};

const ROSTERS: { committee: string; secretary: string; expeditedReviewers: 1 | 2; seats: Seat[] }[] = [
  {
    committee: 'ec-jsph',
    secretary: 'ec@demo.ctp',
    expeditedReviewers: 2,
    seats: [
      { email: 'chair@demo.ctp', role: 'chair', expertise: 'medical', isAffiliated: true, gender: 'male' },
      { name: '刘建华', role: 'vice_chair', expertise: 'medical', isAffiliated: true, gender: 'male' },
      { email: 'member@demo.ctp', role: 'member', expertise: 'medical', isAffiliated: true, gender: 'female' },
      { name: '陈晓燕', role: 'member', expertise: 'pharmacy', isAffiliated: true, gender: 'female' },
      { name: '黄丽萍', role: 'member', expertise: 'nursing', isAffiliated: true, gender: 'female' },
      { name: '周明远', role: 'member', expertise: 'ethics', isAffiliated: false, gender: 'male' },
      { name: '吴志刚', role: 'member', expertise: 'law', isAffiliated: false, gender: 'male' },
      { name: '赵淑芬', role: 'member', expertise: 'lay', isAffiliated: false, gender: 'female' },
    ],
  },
  {
    committee: 'ec-njglyy',
    secretary: 'ec-gulou@demo.ctp',
    expeditedReviewers: 2,
    seats: [
      { name: '孙国平', role: 'chair', expertise: 'medical', isAffiliated: true, gender: 'male' },
      { name: '李慧敏', role: 'vice_chair', expertise: 'medical', isAffiliated: true, gender: 'female' },
      { email: 'multi@demo.ctp', role: 'member', expertise: 'medical', isAffiliated: true, gender: 'male' },
      { name: '钱立新', role: 'member', expertise: 'pharmacy', isAffiliated: true, gender: 'male' },
      { name: '杨秀兰', role: 'member', expertise: 'nursing', isAffiliated: true, gender: 'female' },
      { name: '马文博', role: 'member', expertise: 'ethics', isAffiliated: false, gender: 'male' },
      { name: '郭静', role: 'member', expertise: 'law', isAffiliated: false, gender: 'female' },
      { name: '林桂英', role: 'member', expertise: 'lay', isAffiliated: false, gender: 'female' },
    ],
  },
  {
    committee: 'ec-jsch',
    secretary: 'ec-zhongliu@demo.ctp',
    expeditedReviewers: 1,
    seats: [
      { name: '冯振东', role: 'chair', expertise: 'medical', isAffiliated: true, gender: 'male' },
      { name: '蒋雅琴', role: 'vice_chair', expertise: 'medical', isAffiliated: true, gender: 'female' },
      { name: '许海峰', role: 'member', expertise: 'pharmacy', isAffiliated: true, gender: 'male' },
      { name: '韩晓梅', role: 'member', expertise: 'nursing', isAffiliated: true, gender: 'female' },
      { name: '曹永明', role: 'member', expertise: 'ethics', isAffiliated: false, gender: 'male' },
      { name: '彭丽娟', role: 'member', expertise: 'law', isAffiliated: false, gender: 'female' },
      { name: '袁德华', role: 'member', expertise: 'lay', isAffiliated: false, gender: 'male' },
    ],
  },
];

/**
 * Seeds the demo rosters through `committees.addMember`'s use-case and the procedures through
 * `committees.updateProcedures`, as each committee's secretary.
 */
export function seedDemoCommittees(db: Db, services: Services, now: number): number {
  let count = 0;
  const termStart = new Date(now - 400 * 86_400_000).toISOString().slice(0, 10);
  const termEnd = `${Number(termStart.slice(0, 4)) + 5}${termStart.slice(4)}`;
  for (const r of ROSTERS) {
    const secretary = db.select({ id: users.id }).from(users).where(eq(users.email, r.secretary)).get();
    if (!secretary) continue;
    const ctx = { ...actorCtx(db, r.secretary, now, services), requestId: 'seed:demo-committees' };
    for (const { email, ...seat } of r.seats) {
      const userId = email
        ? db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id
        : undefined;
      if (email && !userId) continue;
      addCommitteeMember({ ctx, input: { ...seat, committeeId: r.committee, userId, termStart, termEnd } });
      count++;
    }
    // Their SOP procedures, through `committees.updateProcedures`: the platform's expedited rules with the
    // committee's number of primary reviewers, and the screening checklists.
    updateCommitteeProcedures({
      ctx,
      input: {
        committeeId: r.committee,
        expedited: { ...DEFAULT_COMMITTEE_PROCEDURES.expedited, reviewers: r.expeditedReviewers },
        checklists: DEMO_CHECKLISTS,
      },
    });
  }
  return count;
}
