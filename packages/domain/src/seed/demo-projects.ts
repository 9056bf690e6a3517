import { type Db, registrySites, registryTrials, trials } from '@ctp/db';
import { asc, eq, isNotNull } from 'drizzle-orm';
import { addDays, shanghaiDate } from '../clock/dates.ts';
import type { Services } from '../context.ts';
import { milestonesOf } from '../projects/load-project.ts';
import { createProject, linkProjectTrial, setProjectMilestone } from '../projects/manage-projects.ts';
import { actorCtx } from './demo-trials.ts';

/**
 * Two invented key technology projects (issue 18), marked as demo data, linking the demo trials in different states
 * (one with sites enrolling, initiated, waiting for ethics past the 60-day target; one still at inquiry) and, when the
 * registries are loaded, a registry trial. Milestones are dated from `now`: one reached on time, one late, one
 * overdue, one ahead.
 */
export function seedDemoProjects(db: Db, services: Services, now: number): number {
  const ctx = { ...actorCtx(db, 'commission@demo.ctp', now, services), requestId: 'seed:demo-projects' };
  const today = shanghaiDate(now);
  const day = (n: number) => addDays(today, n);
  const trialByCtr = (ctrNo: string) =>
    db.select({ id: trials.id }).from(trials).where(eq(trials.ctrNo, ctrNo)).get()?.id;
  const registryTrial = db
    .select({ registryId: registryTrials.registryId })
    .from(registryTrials)
    .innerJoin(registrySites, eq(registrySites.registryTrialId, registryTrials.id))
    .where(isNotNull(registrySites.hospitalId))
    .orderBy(asc(registryTrials.registryId))
    .limit(1)
    .get()?.registryId;
  const plans = [
    {
      titleZh: '（演示）新一代肺癌靶向药物关键核心技术攻关',
      titleEn: '(demo) Next-generation targeted drugs for lung cancer: core technology project',
      leadOrgId: 'org-sponsor-zijin',
      technologyArea: 'antibodies' as const,
      fundingProgramme: '（演示）市科技计划·生物医药关键核心技术攻关专项',
      startDate: day(-540),
      milestones: [
        { nameZh: '候选药物确定', nameEn: 'Candidate selected', plannedDate: day(-420), actual: day(-430) },
        { nameZh: 'IND 获批', nameEn: 'IND approved', plannedDate: day(-300), actual: day(-260) },
        { nameZh: 'III 期全部中心启动', nameEn: 'All phase III sites initiated', plannedDate: day(-20), actual: null },
        { nameZh: '完成入组', nameEn: 'Enrolment complete', plannedDate: day(300), actual: null },
      ],
      trials: ['CTR20269001'],
      registry: registryTrial,
    },
    {
      titleZh: '（演示）自身免疫病与代谢病创新药协同攻关',
      titleEn: '(demo) Innovative drugs for autoimmune and metabolic diseases: joint project',
      leadOrgId: 'org-cro-changjiang',
      technologyArea: 'peptide_drugs' as const,
      fundingProgramme: '（演示）省重点研发计划（社会发展）',
      startDate: day(-200),
      milestones: [
        { nameZh: '临床方案定稿', nameEn: 'Protocol final', plannedDate: day(-150), actual: day(-150) },
        { nameZh: '首例入组', nameEn: 'First patient in', plannedDate: day(-60), actual: day(-90) },
        { nameZh: '中期分析', nameEn: 'Interim analysis', plannedDate: day(120), actual: null },
      ],
      trials: ['CTR20269002', 'CTR20269003'],
      registry: undefined,
    },
  ];
  let made = 0;
  for (const p of plans) {
    const { id } = createProject({
      ctx,
      input: {
        titleZh: p.titleZh,
        titleEn: p.titleEn,
        leadOrgId: p.leadOrgId,
        technologyArea: p.technologyArea,
        fundingProgramme: p.fundingProgramme,
        startDate: p.startDate,
        summary: '演示数据：项目名称、牵头企业、资助计划与里程碑均为虚构，仅用于展示平台功能。',
        milestones: p.milestones.map(({ nameZh, nameEn, plannedDate }) => ({ nameZh, nameEn, plannedDate })),
        isDemo: true,
      },
    });
    made++;
    let version = 1;
    const stored = milestonesOf(db, id);
    for (const m of p.milestones) {
      const milestoneId = stored.find((s) => s.nameZh === m.nameZh)!.id;
      if (m.actual)
        version = setProjectMilestone({ ctx, input: { id, version, milestoneId, ...m, actualDate: m.actual } }).version;
    }
    for (const ctr of p.trials) {
      const trialId = trialByCtr(ctr);
      if (trialId) linkProjectTrial({ ctx, input: { id, trialId, reason: '演示：纳入攻关项目' } });
    }
    if (p.registry)
      linkProjectTrial({ ctx, input: { id, registryId: p.registry, reason: '演示：登记平台上的同类试验' } });
  }
  return made;
}
