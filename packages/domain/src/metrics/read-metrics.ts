import {
  type MetricGrouping,
  type MetricId,
  metricsByHospitalInput,
  metricsFilterInput,
  metricsFiltersOnlyInput,
  metricsRecordsInput,
  metricsTrendInput,
  POLICIES,
} from '@ctp/contracts';
import { bases, ethicsCommittees, organisations, projects, specialtyCatalogue } from '@ctp/db';
import { eq, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import { cachedRegistryExperience } from '../capacity/read-model-reads.ts';
import { countRegistryTrials, type RegistryExperience } from '../capacity/registry-experience.ts';
import { addDays, shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { baseTrialIds, projectTrialIds } from '../trials/key-project-ids.ts';
import { delayBreakdown, stageDelays } from './delays.ts';
import { type MetricFacts, median, type Period, percentile, previousPeriod, shiftMonths } from './facts.ts';
import { capacityLoad, decidedReviews, funnel, overviewOf, recognitionFigures, turnaround } from './figures.ts';
import { factsOf, filterFacts, groupKeys, inGroup } from './grouping.ts';
import { loadMetricFacts } from './load-metric-facts.ts';
import { cachedByMetricsVersion, cachedPerFilter } from './metrics-cache.ts';
import { METRIC_DEFINITIONS } from './records.ts';

type Filters = z.output<typeof metricsFilterInput>;

function authorise(ctx: Ctx) {
  if (!POLICIES.readMetrics.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
}

/** The period asked for, else the 12 months up to today (Asia/Shanghai). */
export function resolvePeriod(f: Pick<Filters, 'from' | 'to'>, now: number): Period {
  const to = f.to ?? shanghaiDate(now);
  return { from: f.from ?? addDays(shiftMonths(to, -12), 1), to };
}

/** The facts narrowed by the filters (a committee filter also narrows capacity to the committee's hospital). */
export function filteredFacts(ctx: Ctx, f: Filters): MetricFacts {
  const committeeHospitalId = f.committeeId
    ? (ctx.db
        .select({ h: ethicsCommittees.hospitalOrgId })
        .from(ethicsCommittees)
        .where(eq(ethicsCommittees.id, f.committeeId))
        .get()?.h ?? '—')
    : undefined;
  // Every write that may change a fact moves the metrics' data version on: never staler than the last write.
  const facts = cachedByMetricsVersion(ctx.db, 'metric-facts', ctx.now(), () => loadMetricFacts(ctx.db));
  return filterFacts(facts, { ...f, committeeHospitalId, trialIds: programmeTrialIds(ctx, f) });
}

/** A base and a project filter each narrow to their trials; both together, to the trials in both. */
function programmeTrialIds(ctx: Ctx, f: Pick<Filters, 'baseId' | 'projectId'>): Set<string> | undefined {
  const sets = [
    f.baseId ? baseTrialIds(ctx.db, f.baseId) : null,
    f.projectId ? projectTrialIds(ctx.db, f.projectId) : null,
  ].filter((x): x is Set<string> => x !== null);
  if (!sets.length) return undefined;
  return new Set([...sets[0]!].filter((id) => sets.every((s) => s.has(id))));
}

/** Public contract `metrics.overview`: the headline figures, the same for the previous month, and their counts. */
export function getMetricsOverview({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof metricsFilterInput> }) {
  authorise(ctx);
  const input = metricsFilterInput.parse(raw);
  const period = resolvePeriod(input, ctx.now());
  // The resolved period is part of the key: "no dates" means a different period tomorrow.
  return cachedPerFilter(ctx.db, 'metrics-overview', ctx.now(), { ...input, ...period }, () => {
    const facts = filteredFacts(ctx, input);
    const current = overviewOf(facts, period);
    const prev = previousPeriod(period);
    const previous = overviewOf(facts, prev);
    return {
      period,
      previousPeriod: prev,
      ...current.figures,
      counts: current.counts,
      previous: previous.figures,
      previousCounts: previous.counts,
    };
  });
}

export type MetricRow = ReturnType<typeof rowOf>;
/** The public registries' trials at the group's hospitals (issue 13), beside the platform's own figures. */
function registryOf(facts: MetricFacts, registry: RegistryExperience, specialtyCode: string | null) {
  const hospitals = new Set([...facts.specialties.map((f) => f.hospitalId), ...facts.sites.map((s) => s.hospitalId)]);
  const r = countRegistryTrials(registry, hospitals, specialtyCode);
  return { registryTrials: r.trials, registryRecruiting: r.recruiting };
}

function rowOf(
  facts: MetricFacts,
  period: Period,
  key: string,
  label: string,
  registry: ReturnType<typeof registryOf> = { registryTrials: 0, registryRecruiting: 0 },
) {
  const { figures, counts } = overviewOf(facts, period);
  const load = capacityLoad(facts, period.to);
  return {
    key,
    label,
    district: facts.specialties[0]?.district ?? facts.sites[0]?.district ?? null,
    specialtyActivePct: figures.conversion.specialtyActivePct,
    piActivePct: figures.conversion.piActivePct,
    startupMedianDays: figures.startup.medianDays,
    ethicsMedianWorkingDays: figures.ethics.medianWorkingDays,
    ethicsP75WorkingDays: figures.ethics.p75WorkingDays,
    ethicsWithinClockPct: figures.ethics.withinClockPct,
    recognitionAdoptionPct: figures.recognition.available ? figures.recognition.adoptionPct : null,
    enrolmentAttainmentPct: figures.enrolment.attainmentPct,
    nonEnrollingPct: figures.enrolment.nonEnrollingPct,
    capacityLoadPct: load.pct,
    activeSites: load.active,
    ...registry,
    ...counts,
  };
}

/** Public contract `metrics.byHospital`: one row per district, hospital or specialty (the drill-down levels). */
export function listMetricsByGroup({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof metricsByHospitalInput> }) {
  authorise(ctx);
  const input = metricsByHospitalInput.parse(raw);
  const period = resolvePeriod(input.filters, ctx.now());
  const facts = filteredFacts(ctx, input.filters);
  const registry = cachedRegistryExperience(ctx.db, ctx.now());
  const bySpecialty = input.groupBy === 'specialty';
  return {
    period,
    groupBy: input.groupBy as MetricGrouping,
    rows: groupKeys(facts, input.groupBy)
      .map(({ key, label }) => {
        const group = factsOf(facts, inGroup(input.groupBy, key));
        return rowOf(group, period, key, label, registryOf(group, registry, bySpecialty ? key : null));
      })
      .sort((a, b) => (b.specialtyActivePct ?? -1) - (a.specialtyActivePct ?? -1) || a.label.localeCompare(b.label)),
    total: rowOf(facts, period, 'total', '', registryOf(facts, registry, null)),
  };
}

/** Public contract `metrics.byCommittee`: turnaround per ethics committee, by path, with the distribution. */
export function listMetricsByCommittee({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof metricsFiltersOnlyInput>;
}) {
  authorise(ctx);
  const input = metricsFiltersOnlyInput.parse(raw);
  const period = resolvePeriod(input.filters, ctx.now());
  const facts = filteredFacts(ctx, input.filters);
  const decided = decidedReviews(facts.submissions, period);
  const committees = new Map<string, { name: string; hospitalId: string; hospitalName: string }>();
  for (const s of decided)
    committees.set(s.committeeId, { name: s.committeeName, hospitalId: s.hospitalId, hospitalName: s.hospitalName });
  const rec = recognitionFigures(facts, period);
  for (const r of rec.recognised)
    committees.set(r.committeeId, { name: r.committeeName, hospitalId: r.hospitalId, hospitalName: r.hospitalName });
  const rows = [...committees].map(([committeeId, c]) => {
    const own = decided.filter((s) => s.committeeId === committeeId);
    const all = turnaround(own);
    const byPath = (path: string) => turnaround(own.filter((s) => s.reviewPath === path));
    const recognised = rec.recognised.filter((r) => r.committeeId === committeeId);
    return {
      committeeId,
      committeeName: c.name,
      hospitalId: c.hospitalId,
      hospitalName: c.hospitalName,
      decided: all.count,
      medianWorkingDays: all.medianWorkingDays,
      p75WorkingDays: all.p75WorkingDays,
      withinClockPct: all.withinClockPct,
      convenedMedian: byPath('convened').medianWorkingDays,
      expeditedMedian: byPath('expedited').medianWorkingDays,
      recognitions: recognised.length,
      recognitionMedian: median(recognised.map((r) => r.workingDays)),
      /** Working days of every decided review (the distribution chart). */
      distribution: own.map((s) => s.workingDays).sort((a, b) => a - b),
    };
  });
  return { period, rows: rows.sort((a, b) => b.decided - a.decided || a.committeeName.localeCompare(b.committeeName)) };
}

const monthEnd = (month: string) => addDays(shiftMonths(`${month}-01`, 1), -1);

/** Public contract `metrics.trend`: the headline figures month by month (each month its own period). */
export function getMetricsTrend({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof metricsTrendInput> }) {
  authorise(ctx);
  const input = metricsTrendInput.parse(raw);
  const to = input.filters.to ?? shanghaiDate(ctx.now());
  const facts = filteredFacts(ctx, input.filters);
  const months: string[] = [];
  for (let i = input.months - 1; i >= 0; i--) months.push(shiftMonths(`${to.slice(0, 7)}-01`, -i).slice(0, 7));
  return {
    months: months.map((month) => {
      const period = { from: `${month}-01`, to: month === to.slice(0, 7) ? to : monthEnd(month) };
      const { figures, counts } = overviewOf(facts, period);
      const enrolled = facts.sites.reduce(
        (sum, s) => sum + s.enrolment.filter((e) => e.month === month).reduce((a, e) => a + e.enrolled, 0),
        0,
      );
      return { month, ...figures, counts, enrolledInMonth: enrolled };
    }),
  };
}

/** The chart data of the overview: funnel, capacity load (hospital × specialty), recognition vs full review. */
export function getMetricsCharts({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof metricsFiltersOnlyInput> }) {
  authorise(ctx);
  const input = metricsFiltersOnlyInput.parse(raw);
  const period = resolvePeriod(input.filters, ctx.now());
  const facts = filteredFacts(ctx, input.filters);
  const load = capacityLoad(facts, period.to);
  // The busiest hospitals and specialties, so the heat table stays readable.
  const top = <K extends 'hospitalId' | 'specialtyCode'>(k: K, n: number) =>
    [
      ...load.cells.reduce(
        (m, c) => m.set(c[k], (m.get(c[k]) ?? 0) + c.active + c.max / 100),
        new Map<string, number>(),
      ),
    ]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key]) => key);
  const hospitals = top('hospitalId', 15);
  const specialties = top('specialtyCode', 12);
  const rec = recognitionFigures(facts, period);
  const full = decidedReviews(facts.submissions, period).filter(
    (s) => (s.type === 'initial' || s.type === 'resubmission') && s.reviewPath !== 'recognition',
  );
  return {
    period,
    funnel: funnel(facts.sites, period),
    capacity: {
      hospitals: hospitals.map((id) => ({ id, name: load.cells.find((c) => c.hospitalId === id)!.hospitalName })),
      specialties: specialties.map((code) => ({
        code,
        name: load.cells.find((c) => c.specialtyCode === code)!.specialtyName,
      })),
      cells: load.cells
        .filter((c) => hospitals.includes(c.hospitalId) && specialties.includes(c.specialtyCode))
        .map((c) => ({
          hospitalId: c.hospitalId,
          specialtyCode: c.specialtyCode,
          active: c.active,
          max: c.max,
          pct: c.pct,
        })),
    },
    reviewTimes: {
      recognitionAvailable: facts.recognitionAvailable,
      full: {
        count: full.length,
        median: median(full.map((s) => s.workingDays)),
        p75: percentile(
          full.map((s) => s.workingDays),
          0.75,
        ),
      },
      recognition: {
        count: rec.recognised.length,
        median: rec.medianWorkingDays,
        p75: percentile(
          rec.recognised.map((r) => r.workingDays),
          0.75,
        ),
      },
    },
  };
}

/**
 * `metrics.delays`: start-up stage targets missed in the period (DESIGN §5) by reason and by attribution — whose
 * delays they are — overall and per hospital.
 */
export function getMetricsDelays({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof metricsFiltersOnlyInput> }) {
  authorise(ctx);
  const input = metricsFiltersOnlyInput.parse(raw);
  const period = resolvePeriod(input.filters, ctx.now());
  const delays = stageDelays(filteredFacts(ctx, input.filters).sites, period);
  const hospitals = new Map<string, string>();
  for (const d of delays) hospitals.set(d.site.hospitalId, d.site.hospitalName);
  const byHospital = [...hospitals]
    .map(([hospitalId, hospitalName]) => {
      const b = delayBreakdown(delays.filter((d) => d.site.hospitalId === hospitalId));
      return {
        hospitalId,
        hospitalName,
        total: b.total,
        recorded: b.recorded,
        sponsor: b.byAttribution.sponsor,
        hospital: b.byAttribution.hospital,
        both: b.byAttribution.both,
        unrecorded: b.byAttribution.unrecorded,
        topReason:
          (Object.entries(b.byReason) as [string, number][])
            .filter(([k, n]) => k !== 'unrecorded' && n > 0)
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null,
      };
    })
    .sort((a, b) => b.total - a.total || a.hospitalName.localeCompare(b.hospitalName));
  return { period, ...delayBreakdown(delays), byHospital };
}

/** `metrics.records`: the records a figure is computed from, each marked whether it counts in the numerator. */
export function listMetricRecords({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof metricsRecordsInput> }) {
  authorise(ctx);
  const input = metricsRecordsInput.parse(raw);
  const period = resolvePeriod(input.filters, ctx.now());
  const facts = filteredFacts(ctx, input.filters);
  const { records, numerator, denominator } = METRIC_DEFINITIONS[input.metric as MetricId].select(facts, period);
  return {
    period,
    metric: input.metric,
    records,
    counted: records.filter((r) => r.counted).length,
    numerator,
    denominator,
  };
}

/** `metrics.filterOptions`: the districts, hospitals, committees and specialties the filters can choose from. */
export function getMetricFilterOptions({ ctx }: { ctx: Ctx }) {
  authorise(ctx);
  const facts = loadMetricFacts(ctx.db);
  const uniq = <T extends { value: string }>(xs: T[]) =>
    [...new Map(xs.map((x) => [x.value, x])).values()].sort((a, b) => a.value.localeCompare(b.value));
  // English forms on record, for the English pages (issue 14): null where none is on file.
  const hospitalEn = new Map(
    ctx.db
      .select({ id: organisations.id, en: organisations.nameEn })
      .from(organisations)
      .all()
      .map((o) => [o.id, o.en]),
  );
  const specialtyEn = new Map(
    ctx.db
      .select({ code: specialtyCatalogue.code, en: specialtyCatalogue.nameEn })
      .from(specialtyCatalogue)
      .all()
      .map((c) => [c.code, c.en]),
  );
  return {
    districts: [...new Set(facts.specialties.map((s) => s.district).filter((d): d is string => d !== null))].sort(),
    hospitals: uniq(
      facts.specialties.map((s) => ({
        value: s.hospitalId,
        label: s.hospitalName,
        labelEn: hospitalEn.get(s.hospitalId) ?? null,
        district: s.district,
      })),
    ),
    committees: uniq(
      ctx.db
        .select({
          value: ethicsCommittees.id,
          label: ethicsCommittees.nameZh,
          labelEn: ethicsCommittees.nameEn,
          hospitalId: ethicsCommittees.hospitalOrgId,
        })
        .from(ethicsCommittees)
        .all()
        .filter((c) => facts.specialties.some((s) => s.hospitalId === c.hospitalId)),
    ),
    specialties: uniq(
      facts.specialties.map((s) => ({ value: s.code, label: s.name, labelEn: specialtyEn.get(s.code) ?? null })),
    ),
    bases: ctx.db
      .select({ value: bases.id, label: bases.nameZh, labelEn: bases.nameEn })
      .from(bases)
      .orderBy(bases.nameZh)
      .all(),
    // Named projects only: an unnamed one is a single flagged trial.
    projects: ctx.db
      .select({ value: projects.id, label: projects.titleZh, labelEn: projects.titleEn })
      .from(projects)
      .where(isNotNull(projects.titleZh))
      .orderBy(projects.titleZh)
      .all()
      .map((p) => ({ ...p, label: p.label ?? '' })),
  };
}
