import { type Db, hospitalSpecialties, investigatorSpecialties, memberships, users } from '@ctp/db';
import { and, asc, eq } from 'drizzle-orm';
import { shanghaiDate, shanghaiMonth } from '../clock/dates.ts';
import type { Actor, ActorCtx, Services } from '../context.ts';
import { inTransaction } from '../transaction.ts';
import { createTrial } from '../trials/create-trial.ts';
import { answerInquiry, sendInquiry } from '../trials/inquiries.ts';
import {
  markEthicsApproved,
  markEthicsSubmitted,
  recordEnrolment,
  recordMilestone,
} from '../trials/record-progress.ts';
import { selectSite } from '../trials/select-site.ts';
import { loadSiteWithTrial } from '../trials/trial-access.ts';

const DAY = 86_400_000;

type Plan = {
  hospital: string;
  specialty: string;
  /** How far the site got, and how many days ago it was selected. */
  reach:
    | 'declined'
    | 'inquiry_sent'
    | 'interested'
    | 'selected'
    | 'ethics_approved'
    | 'contract_signed'
    | 'initiated'
    | 'enrolling';
  selectedDaysAgo?: number;
};

const TRIALS: {
  title: string;
  titleEn: string;
  type: 'drug' | 'iit';
  phase: 'III' | 'II' | 'NA';
  ctrNo?: string;
  conditions: string[];
  target: number;
  cro?: boolean;
  as: string;
  sites: Plan[];
}[] = [
  {
    title: '（演示）XYZ-101 对比多西他赛治疗经治晚期非小细胞肺癌的随机、开放、多中心 III 期研究',
    titleEn:
      '(demo) XYZ-101 vs docetaxel in previously treated advanced NSCLC: a randomised, open-label, multicentre phase III study',
    type: 'drug',
    phase: 'III',
    ctrNo: 'CTR20269001',
    conditions: ['非小细胞肺癌'],
    target: 420,
    cro: true,
    as: 'sponsor@demo.ctp',
    sites: [
      { hospital: 'jsch', specialty: 'oncology', reach: 'enrolling', selectedDaysAgo: 150 },
      { hospital: 'jsph', specialty: 'oncology', reach: 'initiated', selectedDaysAgo: 110 },
      { hospital: 'njglyy', specialty: 'oncology', reach: 'ethics_approved', selectedDaysAgo: 70 },
      { hospital: 'zdyy', specialty: 'oncology', reach: 'selected', selectedDaysAgo: 75 },
      { hospital: 'gljb', specialty: 'oncology', reach: 'inquiry_sent' },
      { hospital: 'njfh', specialty: 'oncology', reach: 'declined' },
    ],
  },
  {
    title: '（演示）ABC-202 治疗 2 型糖尿病的随机、双盲、安慰剂对照 II 期研究',
    titleEn: '(demo) ABC-202 in type 2 diabetes: a randomised, double-blind, placebo-controlled phase II study',
    type: 'drug',
    phase: 'II',
    ctrNo: 'CTR20269002',
    conditions: ['2型糖尿病'],
    target: 180,
    as: 'sponsor@demo.ctp',
    sites: [
      { hospital: 'jsph', specialty: 'endocrinology', reach: 'enrolling', selectedDaysAgo: 120 },
      { hospital: 'njglyy', specialty: 'endocrinology', reach: 'contract_signed', selectedDaysAgo: 50 },
      { hospital: 'zdyy', specialty: 'endocrinology', reach: 'ethics_approved', selectedDaysAgo: 45 },
      { hospital: 'njmu2', specialty: 'endocrinology', reach: 'inquiry_sent' },
    ],
  },
  {
    title: '（演示）DEF-303 治疗中重度活动性类风湿关节炎的多中心 III 期研究',
    titleEn: '(demo) DEF-303 in moderate-to-severe active rheumatoid arthritis: a multicentre phase III study',
    type: 'drug',
    phase: 'III',
    ctrNo: 'CTR20269003',
    conditions: ['类风湿关节炎'],
    target: 240,
    as: 'cro@demo.ctp',
    sites: [
      { hospital: 'njglyy', specialty: 'immunology', reach: 'interested' },
      { hospital: 'jsph', specialty: 'immunology', reach: 'declined' },
    ],
  },
];

function monthsFrom(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let ym = first; ym <= last; ym = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(ym);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function actorCtx(db: Db, email: string, at: number, services: Services): ActorCtx {
  const user = db.select().from(users).where(eq(users.email, email)).get()!;
  const m = db
    .select()
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt))
    .get()!;
  const actor: Actor = {
    userId: user.id,
    email,
    name: user.name,
    sessionId: 'seed',
    membershipId: m.id,
    role: m.role,
    orgId: m.orgId,
    committeeId: m.committeeId,
  };
  return {
    actor,
    db,
    now: () => at,
    requestId: 'seed:demo-trials',
    locale: 'zh-CN',
    ip: null,
    userAgent: 'seed',
    services,
  };
}

/**
 * Demo trials built through the same use-cases a person would use (inquiry → answer → selection → milestones →
 * enrolment), dated in the past so boards show days in state and overdue steps. Ethics approvals go through the
 * domain functions the ethics workflow calls; until that workflow exists they carry no submission record.
 */
export function seedDemoTrials(db: Db, services: Services, now: number): number {
  const hasUsers = db.select({ id: users.id }).from(users).where(eq(users.email, 'sponsor@demo.ctp')).get();
  if (!hasUsers) return 0;
  const siteAdminOf: Record<string, string> = {
    jsph: 'site@demo.ctp',
    njglyy: 'site-gulou@demo.ctp',
    jsch: 'site-zhongliu@demo.ctp',
  };
  let count = 0;
  for (const t of TRIALS) {
    const start = now - 180 * DAY;
    const sponsor = (at: number) => actorCtx(db, t.as, at, services);
    const { id: trialId } = createTrial({
      ctx: sponsor(start),
      input: {
        titleZh: t.title,
        titleEn: t.titleEn,
        type: t.type,
        phase: t.phase,
        ctrNo: t.ctrNo,
        conditions: t.conditions,
        targetEnrolment: t.target,
        croOrgId: t.cro ? 'org-cro-changjiang' : undefined,
        leadHospitalId: `hosp-${t.sites[0]!.hospital}`,
      },
    });
    for (const plan of t.sites) {
      const spec = db
        .select({ id: hospitalSpecialties.id })
        .from(hospitalSpecialties)
        .where(
          and(
            eq(hospitalSpecialties.hospitalOrgId, `hosp-${plan.hospital}`),
            eq(hospitalSpecialties.specialtyCode, plan.specialty),
          ),
        )
        .get();
      if (!spec) continue;
      const pi = db
        .select({ id: investigatorSpecialties.investigatorId })
        .from(investigatorSpecialties)
        .where(eq(investigatorSpecialties.hospitalSpecialtyId, spec.id))
        .get();
      const selectedAt = now - (plan.selectedDaysAgo ?? 5) * DAY;
      const inquiryAt = selectedAt - 14 * DAY;
      const { inquiryIds } = sendInquiry({
        ctx: sponsor(inquiryAt),
        input: {
          trialId,
          hospitalSpecialtyIds: [spec.id],
          synopsis: `${t.title}。计划入组 ${t.target} 例，诚邀贵中心参与可行性评估。`,
          replyBy: shanghaiDate(plan.reach === 'inquiry_sent' ? now + DAY : inquiryAt + 10 * DAY),
        },
      });
      if (plan.reach === 'inquiry_sent') continue;
      // A hospital without a demo trial-office account answers through the platform admin's seed context is not
      // allowed, so those sites skip the answer and are selected directly.
      const office = siteAdminOf[plan.hospital];
      if (office) {
        const answerCtx = actorCtx(db, office, inquiryAt + 5 * DAY, services);
        if (plan.reach === 'declined') {
          answerInquiry({
            ctx: answerCtx,
            input: {
              inquiryId: inquiryIds[0]!,
              interested: false,
              declineReason: '同期竞争性试验较多，本专业暂无余力承接。',
            },
          });
          continue;
        }
        answerInquiry({
          ctx: answerCtx,
          input: {
            inquiryId: inquiryIds[0]!,
            interested: true,
            estimatedPerMonth: 3,
            piAvailable: true,
            investigatorId: pi?.id,
            competingTrials: 1,
            earliestStart: shanghaiDate(selectedAt),
            notes: '可配备 2 名 CRC。',
          },
        });
      } else if (plan.reach === 'declined' || plan.reach === 'interested') continue;
      if (plan.reach === 'interested') continue;
      const { trialSiteId } = selectSite({
        ctx: sponsor(selectedAt),
        input: {
          trialId,
          hospitalSpecialtyId: spec.id,
          investigatorId: pi?.id,
          targetEnrolment: Math.round(t.target / 6),
          // Sites without a demo trial office never answer: the sponsor confirmed with them off the platform.
          confirmUnanswered: !office,
        },
      });
      count++;
      if (plan.reach === 'selected') continue;
      const ethicsCtx = { actor: null, now: () => selectedAt + 40 * DAY, requestId: 'seed:demo-ethics' };
      inTransaction(db, (tx) => {
        const { site } = loadSiteWithTrial(db, trialSiteId);
        const submitted = markEthicsSubmitted(
          tx,
          ethicsCtx,
          site,
          shanghaiDate(selectedAt + 10 * DAY),
          selectedAt + 10 * DAY,
        );
        markEthicsApproved(tx, ethicsCtx, submitted, shanghaiDate(selectedAt + 40 * DAY), selectedAt + 40 * DAY);
      });
      if (plan.reach === 'ethics_approved' || !office) continue;
      const siteCtx = (at: number) => actorCtx(db, office, at, services);
      const steps: ['contractSigned' | 'siv' | 'fpi', number][] = [
        ['contractSigned', 55],
        ['siv', 70],
        ['fpi', 85],
      ];
      const stop = { contract_signed: 1, initiated: 2, enrolling: 3 }[plan.reach];
      for (const [milestone, offset] of steps.slice(0, stop)) {
        recordMilestone({
          ctx: siteCtx(selectedAt + offset * DAY),
          input: { trialSiteId, milestone, date: shanghaiDate(selectedAt + offset * DAY) },
        });
      }
      if (plan.reach === 'enrolling') {
        for (const [i, month] of monthsFrom(shanghaiMonth(selectedAt + 85 * DAY), shanghaiMonth(now)).entries()) {
          recordEnrolment({
            ctx: siteCtx(now),
            input: {
              trialSiteId,
              month,
              screened: 6 + i,
              enrolled: 4 + (i % 3),
              screenFailures: 2,
              withdrawn: i > 1 ? 1 : 0,
            },
          });
        }
      }
    }
  }
  return count;
}
