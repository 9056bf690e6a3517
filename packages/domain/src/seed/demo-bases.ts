import type { BaseFocusArea, BaseStatus } from '@ctp/contracts';
import { type Db, trials } from '@ctp/db';
import { asc, eq } from 'drizzle-orm';
import { createBase, linkBaseTrial, setBaseStatus } from '../bases/manage-bases.ts';
import type { Services } from '../context.ts';
import { actorCtx } from './demo-trials.ts';

/** Invented bases around real Nanjing institutions, each marked as demo data (issue 18). */
const DEMO_BASES: {
  nameZh: string;
  nameEn: string;
  lead: string;
  members: string[];
  focus: BaseFocusArea[];
  foundedOn: string;
  status: BaseStatus[];
  trialsOf?: string;
}[] = [
  {
    nameZh: '南京细胞与基因治疗医研企协同创新基地（演示）',
    nameEn: 'Nanjing Cell and Gene Therapy Collaborative Innovation Base (demo)',
    lead: 'hosp-jsph',
    members: ['hosp-jsph', 'hosp-njglyy', 'org-sponsor-zijin', 'org-univ-njmu'],
    focus: ['cell_therapy', 'gene_therapy'],
    foundedOn: '2024-06-18',
    status: ['recognised', 'operating'],
    trialsOf: 'org-sponsor-zijin',
  },
  {
    nameZh: '多肽与抗体药物医研企协同创新基地（演示）',
    nameEn: 'Peptide and Antibody Drugs Collaborative Innovation Base (demo)',
    lead: 'org-univ-cpu',
    members: ['org-univ-cpu', 'hosp-jsch', 'org-sponsor-qinhuai'],
    focus: ['peptide_drugs', 'antibodies'],
    foundedOn: '2025-03-08',
    status: ['recognised'],
    trialsOf: 'org-sponsor-qinhuai',
  },
  {
    nameZh: '智能诊断与医疗器械医研企协同创新基地（演示）',
    nameEn: 'AI Diagnostics and Medical Devices Collaborative Innovation Base (demo)',
    lead: 'hosp-zdyy',
    members: ['hosp-zdyy', 'org-univ-seu', 'org-cro-changjiang'],
    focus: ['ai_diagnostics', 'medical_devices'],
    foundedOn: '2024-11-20',
    status: ['recognised', 'operating'],
  },
  {
    nameZh: '中医药传承创新协同基地（演示）',
    nameEn: 'Chinese Medicine Innovation Collaborative Base (demo)',
    lead: 'hosp-jszyy',
    members: ['hosp-jszyy', 'org-univ-njucm', 'hosp-njszyy'],
    focus: ['tcm_innovation'],
    foundedOn: '2026-05-12',
    status: [],
  },
  {
    nameZh: '疫苗与感染性疾病协同创新基地（演示）',
    nameEn: 'Vaccines and Infectious Diseases Collaborative Innovation Base (demo)',
    lead: 'hosp-njsdeyy',
    members: ['hosp-njsdeyy', 'org-univ-nju', 'org-sponsor-zijin'],
    focus: ['vaccines'],
    foundedOn: '2026-09-01',
    status: [],
  },
];

export function seedDemoBases(db: Db, services: Services, now: number): number {
  const ctx = { ...actorCtx(db, 'commission@demo.ctp', now, services), requestId: 'seed:demo-bases' };
  for (const b of DEMO_BASES) {
    const { id } = createBase({
      ctx,
      input: {
        nameZh: b.nameZh,
        nameEn: b.nameEn,
        leadOrgId: b.lead,
        memberOrgIds: b.members,
        focusAreas: b.focus,
        foundedOn: b.foundedOn,
        contactName: '基地办公室（演示）',
        summary: '演示数据：基地名称、成员构成与研究方向均为虚构，仅用于展示平台功能。',
        isDemo: true,
      },
    });
    let version = 1;
    for (const status of b.status)
      version = setBaseStatus({ ctx, input: { id, version, status, reason: '演示：卫健委评审' } }).version;
    if (b.trialsOf) {
      const own = db
        .select({ id: trials.id })
        .from(trials)
        .where(eq(trials.sponsorOrgId, b.trialsOf))
        .orderBy(asc(trials.createdAt))
        .limit(2)
        .all();
      for (const t of own) linkBaseTrial({ ctx, input: { id, trialId: t.id } });
    }
  }
  return DEMO_BASES.length;
}
