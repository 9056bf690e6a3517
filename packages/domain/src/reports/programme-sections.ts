import { metricsFiltersOnlyInput, milestoneStatus, POLICIES } from '@ctp/contracts';
import { bases, organisations, projectMilestones, projects } from '@ctp/db';
import { eq, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { stageDelays } from '../metrics/delays.ts';
import type { MetricFacts, Period } from '../metrics/facts.ts';
import { overviewOf } from '../metrics/figures.ts';
import { filteredFacts, resolvePeriod } from '../metrics/read-metrics.ts';

/** One row of the report's base or project section: the same figures as the dashboard, narrowed to its trials. */
function programmeRow(facts: MetricFacts, period: Period) {
  const o = overviewOf(facts, period);
  return {
    trials: new Set(facts.sites.map((s) => s.trialId)).size,
    sites: facts.sites.filter((s) => s.selectedDate !== null && s.selectedDate <= period.to).length,
    sitesActivated: facts.sites.filter((s) => s.sivDate !== null && s.sivDate <= period.to).length,
    startupMedianDays: o.figures.startup.medianDays,
    ethicsMedianWorkingDays: o.figures.ethics.medianWorkingDays,
    enrolmentAttainmentPct: o.figures.enrolment.attainmentPct,
    delays: stageDelays(facts.sites, period).length,
  };
}

/**
 * The monthly report's sections for the collaborative bases and the key technology projects (issue 18): each base
 * and each named project with the dashboard's figures over its own trials (the `baseId` / `projectId` filters), and
 * for a project its milestones reached and overdue at the period's end.
 */
export function getProgrammeSections({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof metricsFiltersOnlyInput>;
}) {
  if (!POLICIES.readMetrics.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const { filters } = metricsFiltersOnlyInput.parse(raw);
  const period = resolvePeriod(filters, ctx.now());
  const baseRows = ctx.db
    .select({ id: bases.id, nameZh: bases.nameZh, nameEn: bases.nameEn, status: bases.status })
    .from(bases)
    .orderBy(bases.nameZh)
    .all()
    .filter((b) => !filters.baseId || b.id === filters.baseId);
  const projectRows = ctx.db
    .select({
      id: projects.id,
      titleZh: projects.titleZh,
      titleEn: projects.titleEn,
      leadName: organisations.nameZh,
      leadNameEn: organisations.nameEn,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.leadOrgId))
    .where(isNotNull(projects.titleZh))
    .orderBy(projects.titleZh)
    .all()
    .filter((p) => !filters.projectId || p.id === filters.projectId);
  const milestones = ctx.db.select().from(projectMilestones).all();
  return {
    period,
    bases: baseRows.map((b) => ({
      ...b,
      ...programmeRow(filteredFacts(ctx, { ...filters, baseId: b.id }), period),
    })),
    projects: projectRows.map((p) => {
      const own = milestones.filter((m) => m.projectId === p.id);
      return {
        ...p,
        titleZh: p.titleZh ?? '',
        ...programmeRow(filteredFacts(ctx, { ...filters, projectId: p.id }), period),
        milestonesReached: own.filter((m) => m.actualDate !== null && m.actualDate <= period.to).length,
        milestonesOverdue: own.filter(
          (m) =>
            milestoneStatus(
              { ...m, actualDate: m.actualDate && m.actualDate <= period.to ? m.actualDate : null },
              period.to,
            ) === 'overdue',
        ).length,
        milestones: own.length,
      };
    }),
  };
}
