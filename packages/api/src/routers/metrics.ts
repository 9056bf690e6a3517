import {
  keyProjectFlagInput,
  metricsByHospitalInput,
  metricsExportInput,
  metricsFilterInput,
  metricsFiltersOnlyInput,
  metricsRecordsInput,
  metricsTrendInput,
  POLICIES,
  setIncentiveWeightsInput,
} from '@ctp/contracts';
import {
  exportMetrics,
  flagKeyProject,
  getIncentiveRanking,
  getKeyProjectBoard,
  getMetricFilterOptions,
  getMetricsCharts,
  getMetricsDelays,
  getMetricsOverview,
  getMetricsTrend,
  getOwnIncentive,
  getProgrammeSections,
  listIncentiveWeights,
  listMetricRecords,
  listMetricsByCommittee,
  listMetricsByGroup,
  setIncentiveWeights,
} from '@ctp/domain';
import { guarded, router } from '../trpc.ts';

/** The commission's view (issue 7): metrics, drill-downs, the records behind each figure, exports. */
export const metricsRouter = router({
  overview: guarded(POLICIES.readMetrics)
    .input(metricsFilterInput.default({}))
    .query(({ ctx, input }) => getMetricsOverview({ ctx: ctx.uc, input })),
  byHospital: guarded(POLICIES.readMetrics)
    .input(metricsByHospitalInput)
    .query(({ ctx, input }) => listMetricsByGroup({ ctx: ctx.uc, input })),
  byCommittee: guarded(POLICIES.readMetrics)
    .input(metricsFiltersOnlyInput)
    .query(({ ctx, input }) => listMetricsByCommittee({ ctx: ctx.uc, input })),
  trend: guarded(POLICIES.readMetrics)
    .input(metricsTrendInput)
    .query(({ ctx, input }) => getMetricsTrend({ ctx: ctx.uc, input })),
  charts: guarded(POLICIES.readMetrics)
    .input(metricsFiltersOnlyInput)
    .query(({ ctx, input }) => getMetricsCharts({ ctx: ctx.uc, input })),
  delays: guarded(POLICIES.readMetrics)
    .input(metricsFiltersOnlyInput)
    .query(({ ctx, input }) => getMetricsDelays({ ctx: ctx.uc, input })),
  records: guarded(POLICIES.readMetrics)
    .input(metricsRecordsInput)
    .query(({ ctx, input }) => listMetricRecords({ ctx: ctx.uc, input })),
  /** The monthly report's sections for the collaborative bases and the key technology projects (issue 18). */
  programmes: guarded(POLICIES.readMetrics)
    .input(metricsFiltersOnlyInput)
    .query(({ ctx, input }) => getProgrammeSections({ ctx: ctx.uc, input })),
  filterOptions: guarded(POLICIES.readMetrics).query(({ ctx }) => getMetricFilterOptions({ ctx: ctx.uc })),
  export: guarded(POLICIES.readMetrics)
    .input(metricsExportInput)
    .mutation(({ ctx, input }) => exportMetrics({ ctx: ctx.uc, input })),
});

/** Incentive index (激励指数): ranking, weights (versioned, audited), a hospital's own score. */
export const incentiveRouter = router({
  ranking: guarded(POLICIES.readMetrics)
    .input(metricsFilterInput.default({}))
    .query(({ ctx, input }) => getIncentiveRanking({ ctx: ctx.uc, input })),
  weights: guarded(POLICIES.readMetrics).query(({ ctx }) => listIncentiveWeights({ ctx: ctx.uc })),
  setWeights: guarded(POLICIES.steerMetrics)
    .input(setIncentiveWeightsInput)
    .mutation(({ ctx, input }) => setIncentiveWeights({ ctx: ctx.uc, input })),
  own: guarded(POLICIES.readOwnIncentive).query(({ ctx }) => getOwnIncentive({ ctx: ctx.uc })),
});

/** City key projects (重点攻关项目). */
export const keyProjectsRouter = router({
  flag: guarded(POLICIES.steerMetrics)
    .input(keyProjectFlagInput)
    .mutation(({ ctx, input }) => flagKeyProject({ ctx: ctx.uc, input })),
  board: guarded(POLICIES.readMetrics).query(({ ctx }) => getKeyProjectBoard({ ctx: ctx.uc })),
});
