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
import { useCaseCtx } from '../context.ts';
import { guarded, router } from '../trpc.ts';

/** The commission's view (issue 7): metrics, drill-downs, the records behind each figure, exports. */
export const metricsRouter = router({
  overview: guarded(POLICIES.readMetrics)
    .input(metricsFilterInput.default({}))
    .query(({ ctx, input }) => getMetricsOverview({ ctx: useCaseCtx(ctx), input })),
  byHospital: guarded(POLICIES.readMetrics)
    .input(metricsByHospitalInput)
    .query(({ ctx, input }) => listMetricsByGroup({ ctx: useCaseCtx(ctx), input })),
  byCommittee: guarded(POLICIES.readMetrics)
    .input(metricsFiltersOnlyInput)
    .query(({ ctx, input }) => listMetricsByCommittee({ ctx: useCaseCtx(ctx), input })),
  trend: guarded(POLICIES.readMetrics)
    .input(metricsTrendInput)
    .query(({ ctx, input }) => getMetricsTrend({ ctx: useCaseCtx(ctx), input })),
  charts: guarded(POLICIES.readMetrics)
    .input(metricsFiltersOnlyInput)
    .query(({ ctx, input }) => getMetricsCharts({ ctx: useCaseCtx(ctx), input })),
  delays: guarded(POLICIES.readMetrics)
    .input(metricsFiltersOnlyInput)
    .query(({ ctx, input }) => getMetricsDelays({ ctx: useCaseCtx(ctx), input })),
  records: guarded(POLICIES.readMetrics)
    .input(metricsRecordsInput)
    .query(({ ctx, input }) => listMetricRecords({ ctx: useCaseCtx(ctx), input })),
  /** The monthly report's sections for the collaborative bases and the key technology projects (issue 18). */
  programmes: guarded(POLICIES.readMetrics)
    .input(metricsFiltersOnlyInput)
    .query(({ ctx, input }) => getProgrammeSections({ ctx: useCaseCtx(ctx), input })),
  filterOptions: guarded(POLICIES.readMetrics).query(({ ctx }) => getMetricFilterOptions({ ctx: useCaseCtx(ctx) })),
  export: guarded(POLICIES.readMetrics)
    .input(metricsExportInput)
    .mutation(({ ctx, input }) => exportMetrics({ ctx: useCaseCtx(ctx), input })),
});

/** Incentive index (激励指数): ranking, weights (versioned, audited), a hospital's own score. */
export const incentiveRouter = router({
  ranking: guarded(POLICIES.readMetrics)
    .input(metricsFilterInput.default({}))
    .query(({ ctx, input }) => getIncentiveRanking({ ctx: useCaseCtx(ctx), input })),
  weights: guarded(POLICIES.readMetrics).query(({ ctx }) => listIncentiveWeights({ ctx: useCaseCtx(ctx) })),
  setWeights: guarded(POLICIES.steerMetrics)
    .input(setIncentiveWeightsInput)
    .mutation(({ ctx, input }) => setIncentiveWeights({ ctx: useCaseCtx(ctx), input })),
  own: guarded(POLICIES.readOwnIncentive).query(({ ctx }) => getOwnIncentive({ ctx: useCaseCtx(ctx) })),
});

/** City key projects (重点攻关项目). */
export const keyProjectsRouter = router({
  flag: guarded(POLICIES.steerMetrics)
    .input(keyProjectFlagInput)
    .mutation(({ ctx, input }) => flagKeyProject({ ctx: useCaseCtx(ctx), input })),
  board: guarded(POLICIES.readMetrics).query(({ ctx }) => getKeyProjectBoard({ ctx: useCaseCtx(ctx) })),
});
