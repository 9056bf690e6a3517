import {
  type AddCommitteeMemberInput,
  type CommitteeProcedures,
  DEFAULT_COMMITTEE_PROCEDURES,
  RECOMMENDED_CHECKLISTS,
} from '@ctp/contracts';
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
/** The demo committees screen with the recommended 送审文件清单 (document kinds, required items). */
export const DEMO_CHECKLISTS: CommitteeProcedures['checklists'] = RECOMMENDED_CHECKLISTS;

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
