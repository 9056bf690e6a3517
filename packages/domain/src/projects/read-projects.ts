import {
  milestoneStatus,
  POLICIES,
  type ProjectListItem,
  type ProjectTechArea,
  projectsListInput,
} from '@ctp/contracts';
import {
  organisations,
  projectMilestones,
  projects,
  projectTrials,
  registrySites,
  registryTrials,
  trials,
} from '@ctp/db';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { boardSitesOf } from '../metrics/trial-board.ts';
import { loadProject, milestonesOf } from './load-project.ts';

function reader(ctx: Ctx) {
  if (!POLICIES.readProjects.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
}

const ownTrial = alias(trials, 'project_own_trial');

/** Open links of these projects: platform trials with their site boards (delays against the stage targets). */
function openLinks(ctx: Ctx, projectIds: string[]) {
  if (!projectIds.length) return [];
  return ctx.db
    .select({ link: projectTrials })
    .from(projectTrials)
    .where(and(inArray(projectTrials.projectId, projectIds), isNull(projectTrials.unlinkedAt)))
    .orderBy(desc(projectTrials.linkedAt), desc(projectTrials.id))
    .all()
    .map((r) => r.link);
}

/** Public contract `projects.list` {q?, includeUnnamed?}: the projects with their trials, delays and milestones. */
export function listProjects({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof projectsListInput> }): {
  items: ProjectListItem[];
  total: number;
} {
  reader(ctx);
  const input = projectsListInput.parse(raw);
  const today = shanghaiDate(ctx.now());
  const rows = ctx.db
    .select({
      p: projects,
      leadName: organisations.nameZh,
      leadNameEn: organisations.nameEn,
      ownTitle: ownTrial.titleZh,
      ownTitleEn: ownTrial.titleEn,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.leadOrgId))
    .leftJoin(ownTrial, eq(ownTrial.id, projects.ownTrialId))
    .where(input.includeUnnamed ? undefined : isNull(projects.ownTrialId))
    .orderBy(desc(projects.updatedAt), projects.id)
    .all();
  const q = input.q?.toLowerCase();
  const matching = rows.filter(
    (r) =>
      !q ||
      [r.p.titleZh, r.p.titleEn, r.p.fundingProgramme, r.leadName, r.leadNameEn, r.ownTitle]
        .filter(Boolean)
        .join(' ')
        .toLowerCase()
        .includes(q),
  );
  const ids = matching.map((r) => r.p.id);
  const links = openLinks(ctx, ids);
  const platformIds = [...new Set(links.flatMap((l) => (l.trialId ? [l.trialId] : [])))];
  const boards = boardSitesOf(ctx, platformIds, today);
  const milestones = ids.length
    ? ctx.db.select().from(projectMilestones).where(inArray(projectMilestones.projectId, ids)).all()
    : [];
  return {
    items: matching.map(({ p, leadName, leadNameEn, ownTitle, ownTitleEn }) => {
      const own = links.filter((l) => l.projectId === p.id);
      return {
        id: p.id,
        titleZh: p.titleZh,
        titleEn: p.titleEn,
        ownTrialId: p.ownTrialId,
        ownTrialTitle: ownTitle,
        ownTrialTitleEn: ownTitleEn,
        leadOrgId: p.leadOrgId,
        leadOrgName: leadName,
        leadOrgNameEn: leadNameEn,
        technologyArea: p.technologyArea as ProjectTechArea | null,
        fundingProgramme: p.fundingProgramme,
        startDate: p.startDate,
        trialCount: own.length,
        milestonesOverdue: milestones.filter((m) => m.projectId === p.id && milestoneStatus(m, today) === 'overdue')
          .length,
        sitesDelayed: own.reduce(
          (n, l) => n + (l.trialId ? (boards.get(l.trialId) ?? []).filter((s) => s.delayed).length : 0),
          0,
        ),
        isDemo: p.isDemo,
      };
    }),
    total: matching.length,
  };
}

/**
 * Public contract `projects.get` {id}: "core technology, clinical research and application" on one page — the
 * project, its milestones (late/overdue against plan), every linked trial with its sites, their ethics status and
 * open review clock, and each site's stages against the 60/60/30 targets (the boards' delay logic), plus the
 * registry trials it links.
 */
export function getProject({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  reader(ctx);
  const project = loadProject(ctx.db, input.id);
  const today = shanghaiDate(ctx.now());
  const lead = ctx.db
    .select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn })
    .from(organisations)
    .where(eq(organisations.id, project.leadOrgId))
    .get()!;
  const links = openLinks(ctx, [project.id]);
  const platformIds = links.flatMap((l) => (l.trialId ? [l.trialId] : []));
  const boards = boardSitesOf(ctx, platformIds, today);
  const sponsor = alias(organisations, 'project_trial_sponsor');
  const trialRows = platformIds.length
    ? ctx.db
        .select({ t: trials, sponsorName: sponsor.nameZh, sponsorNameEn: sponsor.nameEn })
        .from(trials)
        .innerJoin(sponsor, eq(sponsor.id, trials.sponsorOrgId))
        .where(inArray(trials.id, platformIds))
        .all()
    : [];
  const registryIds = links.flatMap((l) => (l.registryTrialId ? [l.registryTrialId] : []));
  const registryRows = registryIds.length
    ? ctx.db.select().from(registryTrials).where(inArray(registryTrials.id, registryIds)).all()
    : [];
  const registryHospitals = registryIds.length
    ? ctx.db
        .select({ trialId: registrySites.registryTrialId, n: sql<number>`count(distinct ${registrySites.hospitalId})` })
        .from(registrySites)
        .where(and(inArray(registrySites.registryTrialId, registryIds), isNotNull(registrySites.hospitalId)))
        .groupBy(registrySites.registryTrialId)
        .all()
    : [];
  const milestones = milestonesOf(ctx.db, project.id).map((m) => ({
    id: m.id,
    nameZh: m.nameZh,
    nameEn: m.nameEn,
    plannedDate: m.plannedDate,
    actualDate: m.actualDate,
    status: milestoneStatus(m, today),
  }));
  const trialViews = links.flatMap((l) => {
    const row = l.trialId ? trialRows.find((r) => r.t.id === l.trialId) : undefined;
    if (!row) return [];
    const sites = boards.get(row.t.id) ?? [];
    return [
      {
        id: row.t.id,
        titleZh: row.t.titleZh,
        titleEn: row.t.titleEn,
        phase: row.t.phase,
        type: row.t.type,
        status: row.t.status,
        sponsorName: row.sponsorName,
        sponsorNameEn: row.sponsorNameEn,
        linkedAt: l.linkedAt,
        reason: l.reason,
        sites,
        sitesDelayed: sites.filter((s) => s.delayed).length,
      },
    ];
  });
  const allSites = trialViews.flatMap((t) => t.sites);
  return {
    id: project.id,
    titleZh: project.titleZh,
    titleEn: project.titleEn,
    ownTrialId: project.ownTrialId,
    lead,
    technologyArea: project.technologyArea as ProjectTechArea | null,
    fundingProgramme: project.fundingProgramme,
    startDate: project.startDate,
    summary: project.summary,
    isDemo: project.isDemo,
    version: project.version,
    milestones,
    trials: trialViews,
    registryTrials: links.flatMap((l) => {
      const r = l.registryTrialId ? registryRows.find((x) => x.id === l.registryTrialId) : undefined;
      if (!r) return [];
      return [
        {
          registryId: r.registryId,
          title: r.briefTitle,
          status: r.status,
          leadSponsor: r.leadSponsor,
          startDate: r.startDate,
          hospitalsOnPlatform: registryHospitals.find((h) => h.trialId === r.id)?.n ?? 0,
          linkedAt: l.linkedAt,
        },
      ];
    }),
    figures: {
      trials: trialViews.length + registryRows.length,
      sites: allSites.length,
      sitesEthicsApproved: allSites.filter((s) => s.ethicsApprovedDate).length,
      sitesActivated: allSites.filter((s) => s.sivDate).length,
      sitesEnrolling: allSites.filter((s) => s.fpiDate).length,
      sitesDelayed: allSites.filter((s) => s.delayed).length,
      milestonesDone: milestones.filter((m) => m.status === 'done' || m.status === 'late').length,
      milestonesOverdue: milestones.filter((m) => m.status === 'overdue').length,
    },
    can: { steer: POLICIES.steerProjects.allows(ctx.actor) && !project.ownTrialId },
  };
}

/** The choices of the project forms: lead enterprises and the platform trials that can be linked. */
export function projectFormOptions({ ctx }: { ctx: Ctx }) {
  reader(ctx);
  return {
    enterprises: ctx.db
      .select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn })
      .from(organisations)
      .where(inArray(organisations.kind, ['sponsor', 'cro']))
      .orderBy(asc(organisations.nameZh))
      .all(),
    trials: ctx.db
      .select({ id: trials.id, titleZh: trials.titleZh, titleEn: trials.titleEn })
      .from(trials)
      .orderBy(desc(trials.updatedAt))
      .limit(500)
      .all(),
  };
}
