import { type Db, memberships, users } from '@ctp/db';
import { asc, eq } from 'drizzle-orm';
import { createAgreement, joinAgreement } from '../agreements/agreements.ts';
import { saveLocalContext } from '../agreements/local-context.ts';
import type { ActorCtx, Services } from '../context.ts';

/** The demo's committees in the recognition agreement; 东南大学附属中大医院 (zdyy) and others are left out on purpose. */
export const DEMO_AGREEMENT_HOSPITALS = ['jsph', 'njglyy', 'jsch', 'njfh', 'njmu2'] as const;

function ctxOf(db: Db, email: string, at: number, services: Services): ActorCtx | null {
  const user = db.select().from(users).where(eq(users.email, email)).get();
  if (!user) return null;
  const m = db
    .select()
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.createdAt))
    .get();
  if (!m) return null;
  return {
    actor: {
      userId: user.id,
      email,
      name: user.name,
      sessionId: 'seed',
      membershipId: m.id,
      role: m.role,
      orgId: m.orgId,
      committeeId: m.committeeId,
    },
    db,
    now: () => at,
    requestId: 'seed:demo-recognition',
    locale: 'zh-CN',
    ip: null,
    userAgent: 'seed',
    services,
  };
}

/**
 * The demo's recognition agreement (南京市医学伦理审查互认协议), made through the use-cases: the commission creates
 * it and invites five ECs; the three with demo secretaries (省人医, 鼓楼, 省肿瘤) confirm; the other two stay invited.
 * Two hospitals' local-context profiles are filled in so their packets come pre-filled. `since` dates it all (the
 * demo history's recognitions need the agreement in place before its first request); by default `now`.
 */
export function seedDemoRecognition(db: Db, services: Services, now: number, since = now): string | null {
  const at = Math.min(since, now);
  const commission = ctxOf(db, 'commission@demo.ctp', at, services);
  if (!commission) return null;
  const { id } = createAgreement({
    ctx: commission,
    input: {
      nameZh: '南京市医学伦理审查互认协议（演示）',
      nameEn: 'Nanjing ethics review mutual recognition agreement (demo)',
      committeeIds: DEMO_AGREEMENT_HOSPITALS.map((h) => `ec-${h}`),
    },
  });
  for (const email of ['ec@demo.ctp', 'ec-gulou@demo.ctp', 'ec-zhongliu@demo.ctp']) {
    const ctx = ctxOf(db, email, at, services);
    if (ctx) joinAgreement({ ctx, input: { id } });
  }
  const profiles = [
    {
      email: 'site-gulou@demo.ctp',
      hospitalOrgId: 'hosp-njglyy',
      reviewFeeYuan: 3000,
      feeSchedule: '伦理审查费于受理时一次性缴纳（演示）',
      insuranceRequirements: '须提供覆盖本中心受试者的临床试验责任险保单（演示）',
      localIcfClauses: '本中心联系人：鼓楼医院伦理委员会办公室 025-8310xxxx（演示）',
      hgrContactName: '何老师（演示）',
      languages: ['中文', 'English'],
    },
    {
      email: 'site-zhongliu@demo.ctp',
      hospitalOrgId: 'hosp-jsch',
      reviewFeeYuan: 2000,
      feeSchedule: '互认确认审查费 2000 元（演示）',
      insuranceRequirements: '保险金额不低于每例 50 万元（演示）',
      localIcfClauses: '知情同意书须注明本院受试者投诉电话（演示）',
      hgrContactName: '许老师（演示）',
      languages: ['中文'],
    },
  ];
  for (const { email, ...p } of profiles) {
    const ctx = ctxOf(db, email, at, services);
    if (ctx) saveLocalContext({ ctx, input: p });
  }
  return id;
}
