import {
  codeLabel,
  DELAY_ATTRIBUTION_LABELS,
  DELAY_REASON_LABELS,
  delayCodeLabel,
  districtLabel,
  type ExportFile,
  metricRecordLabel,
  metricsExportInput,
  POLICIES,
} from '@ctp/contracts';
import type { z } from 'zod';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { toXlsx } from '../exports/xlsx.ts';
import { getIncentiveRanking } from '../incentive/incentive.ts';
import {
  getMetricsDelays,
  getMetricsTrend,
  listMetricRecords,
  listMetricsByCommittee,
  listMetricsByGroup,
} from '../metrics/read-metrics.ts';
import {
  COMMITTEE_COLS,
  DELAY_BY_HOSPITAL_COLS,
  delayCountCols,
  GROUP_COLS,
  INCENTIVE_COLS,
  nameIn,
  PROGRAMME_BASE_COLS,
  PROGRAMME_PROJECT_COLS,
  RECORD_COLS,
  sheet,
  TREND_COLS,
} from '../presentation/metrics-sheets.ts';
import { getProgrammeSections } from './programme-sections.ts';

/**
 * `metrics.export`: any metrics table as XLSX, built from the very use-case result the page shows (same filters),
 * so the file and the table cannot disagree.
 */
export async function exportMetrics({
  ctx,
  input: raw,
}: {
  ctx: Ctx;
  input: z.input<typeof metricsExportInput>;
}): Promise<ExportFile> {
  if (!POLICIES.readMetrics.allows(ctx.actor)) throw forbidden('ROLE_REQUIRED');
  const input = metricsExportInput.parse(raw);
  const l = ctx.locale;
  // The file is dated by Beijing's calendar (issue 14), like every date people read.
  const stamp = shanghaiDate(ctx.now());
  switch (input.table) {
    case 'byHospital': {
      const r = listMetricsByGroup({ ctx, input: { filters: input.filters, groupBy: input.groupBy } });
      // Districts are stored in Chinese; English files name them in English.
      const rows =
        input.groupBy === 'district' ? r.rows.map((row) => ({ ...row, label: districtLabel(row.label, l) })) : r.rows;
      return toXlsx(`metrics-${input.groupBy}-${stamp}.xlsx`, [sheet(l, 'metrics', GROUP_COLS, rows)]);
    }
    case 'byCommittee': {
      const r = listMetricsByCommittee({ ctx, input: { filters: input.filters } });
      return toXlsx(`metrics-committees-${stamp}.xlsx`, [sheet(l, 'committees', COMMITTEE_COLS, r.rows)]);
    }
    case 'trend': {
      const r = getMetricsTrend({ ctx, input: { filters: input.filters } });
      const rows = r.months.map((m) => ({
        month: m.month,
        specialtyActivePct: m.conversion.specialtyActivePct,
        piActivePct: m.conversion.piActivePct,
        startupMedianDays: m.startup.medianDays,
        ethicsMedianWorkingDays: m.ethics.medianWorkingDays,
        ethicsWithinClockPct: m.ethics.withinClockPct,
        enrolledInMonth: m.enrolledInMonth,
      }));
      return toXlsx(`metrics-trend-${stamp}.xlsx`, [sheet(l, 'trend', TREND_COLS, rows)]);
    }
    case 'records': {
      const r = listMetricRecords({
        ctx,
        input: { metric: input.metric ?? 'specialtyActivePct', filters: input.filters },
      });
      return toXlsx(`metrics-records-${r.metric}-${stamp}.xlsx`, [
        sheet(
          l,
          'records',
          RECORD_COLS,
          r.records.map((rec) => ({
            ...rec,
            kind: codeLabel(l, 'recordKinds', rec.kind),
            label: metricRecordLabel(l, rec.kind, rec.label),
          })),
        ),
      ]);
    }
    case 'delays': {
      const r = getMetricsDelays({ ctx, input: { filters: input.filters } });
      const label = (m: Record<string, { zh: string; en: string }>, k: string | null) =>
        k === null ? null : delayCodeLabel(l, m, k);
      const counts = (m: Record<string, { zh: string; en: string }>, by: Record<string, number>) =>
        Object.entries(by).map(([k, n]) => ({
          key: label(m, k),
          count: n,
          pct: r.total ? Math.round((n / r.total) * 1000) / 10 : null,
        }));
      return toXlsx(`metrics-delays-${stamp}.xlsx`, [
        sheet(l, 'byReason', delayCountCols('reason'), counts(DELAY_REASON_LABELS, r.byReason)),
        sheet(l, 'byAttribution', delayCountCols('attribution'), counts(DELAY_ATTRIBUTION_LABELS, r.byAttribution)),
        sheet(
          l,
          'byInstitution',
          DELAY_BY_HOSPITAL_COLS,
          r.byHospital.map((h) => ({ ...h, topReason: label(DELAY_REASON_LABELS, h.topReason) })),
        ),
      ]);
    }
    case 'programmes': {
      const r = getProgrammeSections({ ctx, input: { filters: input.filters } });
      return toXlsx(`report-programmes-${stamp}.xlsx`, [
        sheet(
          l,
          'bases',
          PROGRAMME_BASE_COLS,
          r.bases.map((b) => ({ ...b, name: nameIn(l, b.nameZh, b.nameEn) })),
        ),
        sheet(
          l,
          'projects',
          PROGRAMME_PROJECT_COLS,
          r.projects.map((p) => ({
            ...p,
            name: nameIn(l, p.titleZh, p.titleEn),
            lead: nameIn(l, p.leadName, p.leadNameEn),
          })),
        ),
      ]);
    }
    case 'incentive': {
      const r = getIncentiveRanking({ ctx, input: input.filters });
      const rows = r.rows.map((h) => ({
        rank: h.rank,
        hospitalName: h.hospitalName,
        score: h.score,
        ...Object.fromEntries(h.terms.map((t) => [t.term, t.contribution])),
      }));
      return toXlsx(`incentive-${stamp}.xlsx`, [sheet(l, 'incentive', INCENTIVE_COLS, rows)]);
    }
  }
}
