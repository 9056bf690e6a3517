import { FUNNEL_STAGES } from '@ctp/contracts';
import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { capacityTooltip } from './capacity-tooltip.ts';
import { useCommissionNames } from './commission-ui.tsx';
import { EChart } from './EChart.tsx';
import type { RouterOutputs } from './types.ts';

type Charts = RouterOutputs['metrics']['charts'];
type Trend = RouterOutputs['metrics']['trend'];
type Committees = RouterOutputs['metrics']['byCommittee'];

export function FunnelChart({ data }: { data: Charts['funnel'] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 40, top: 10, bottom: 20 },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: FUNNEL_STAGES.map((s) => t(`commission.charts.stages.${s}`)),
      },
      series: [
        {
          type: 'bar',
          data: FUNNEL_STAGES.map((s) => data[s]),
          label: { show: true, position: 'right' },
          itemStyle: { color: '#1677ff' },
        },
      ],
    }),
    [data, t],
  );
  if (data.inquiry === 0) return <Empty description={t('commission.charts.empty')} />;
  return <EChart option={option} height={260} testId="chart-funnel" />;
}

export function TrendChart({ data }: { data: Trend }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const m = data.months;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 50, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: m.map((x) => x.month) },
      yAxis: [
        { type: 'value', name: '%', max: 100 },
        { type: 'value', name: t('commission.units.workingDays') },
      ],
      series: [
        {
          name: t('commission.cards.specialtyActivePct'),
          type: 'line',
          data: m.map((x) => x.conversion.specialtyActivePct),
        },
        {
          name: t('commission.cards.ethicsWithinClockPct'),
          type: 'line',
          data: m.map((x) => x.ethics.withinClockPct),
        },
        {
          name: t('commission.cards.ethicsMedianWorkingDays'),
          type: 'bar',
          yAxisIndex: 1,
          data: m.map((x) => x.ethics.medianWorkingDays),
          itemStyle: { color: '#91caff' },
        },
        {
          name: t('commission.charts.enrolled'),
          type: 'line',
          yAxisIndex: 1,
          data: m.map((x) => x.enrolledInMonth),
          lineStyle: { type: 'dashed' },
        },
      ],
    };
  }, [data, t]);
  return <EChart option={option} height={320} testId="chart-trend" />;
}

/** Five-number summary (min, Q1, median, Q3, max) for a boxplot, by linear interpolation. */
function fiveNumbers(sorted: number[]): number[] {
  const q = (p: number) => {
    const r = (sorted.length - 1) * p;
    const lo = Math.floor(r);
    return sorted[lo]! + (sorted[Math.ceil(r)]! - sorted[lo]!) * (r - lo);
  };
  return [sorted[0]!, q(0.25), q(0.5), q(0.75), sorted[sorted.length - 1]!];
}

export function TurnaroundChart({ data }: { data: Committees }) {
  const { t } = useTranslation();
  const names = useCommissionNames();
  const rows = data.rows.filter((r) => r.distribution.length > 0).slice(0, 12);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      grid: { left: 50, right: 20, top: 20, bottom: 90 },
      xAxis: {
        type: 'category',
        data: rows.map((r) =>
          names
            .committee(r.committeeId, r.committeeName)
            .replace(/医学伦理委员会$|伦理委员会$/, '')
            .replace(/^Medical Ethics Committee of (the )?|^Ethics Committee of (the )?/, ''),
        ),
        axisLabel: { rotate: 30, fontSize: 11 },
      },
      yAxis: { type: 'value', name: t('commission.units.workingDays') },
      series: [{ type: 'boxplot', data: rows.map((r) => fiveNumbers(r.distribution)) }],
    }),
    [rows, t, names],
  );
  if (rows.length === 0) return <Empty description={t('commission.charts.empty')} />;
  return <EChart option={option} height={320} testId="chart-turnaround" />;
}

export function CapacityHeat({ data: filed }: { data: Charts['capacity'] }) {
  const { t } = useTranslation();
  const names = useCommissionNames();
  const data = useMemo(
    () => ({
      ...filed,
      hospitals: filed.hospitals.map((h) => ({ ...h, name: names.hospital(h.id, h.name) })),
      specialties: filed.specialties.map((s) => ({ ...s, name: names.specialty(s.code, s.name) })),
    }),
    [filed, names],
  );
  const option = useMemo(
    () => ({
      tooltip: {
        formatter: (p: { data: [number, number, number | null, number, number] }) => capacityTooltip(data, p.data),
      },
      grid: { left: 190, right: 20, top: 10, bottom: 80 },
      xAxis: { type: 'category', data: data.specialties.map((s) => s.name), axisLabel: { rotate: 40, fontSize: 11 } },
      yAxis: {
        type: 'category',
        data: data.hospitals.map((h) => (h.name.length > 14 ? `${h.name.slice(0, 13)}…` : h.name)),
        axisLabel: { fontSize: 11 },
      },
      visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, show: false },
      series: [
        {
          type: 'heatmap',
          data: data.cells.map((c) => [
            data.specialties.findIndex((s) => s.code === c.specialtyCode),
            data.hospitals.findIndex((h) => h.id === c.hospitalId),
            c.pct,
            c.active,
            c.max,
          ]),
          label: {
            show: true,
            fontSize: 10,
            formatter: (p: { data: [number, number, number | null] }) => p.data[2] ?? '',
          },
        },
      ],
    }),
    [data],
  );
  if (data.cells.length === 0) return <Empty description={t('commission.charts.empty')} />;
  return <EChart option={option} height={Math.max(260, data.hospitals.length * 26 + 100)} testId="chart-capacity" />;
}

export function ReviewTimesChart({ data }: { data: Charts['reviewTimes'] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: [t('commission.charts.full'), t('commission.charts.recognition')] },
      yAxis: { type: 'value', name: t('commission.units.workingDays') },
      series: [
        {
          name: t('commission.charts.median'),
          type: 'bar',
          data: [data.full.median, data.recognition.median],
          label: { show: true, position: 'top' },
        },
        {
          name: t('commission.charts.p75'),
          type: 'bar',
          data: [data.full.p75, data.recognition.p75],
          label: { show: true, position: 'top' },
        },
      ],
    }),
    [data, t],
  );
  return <EChart option={option} height={260} testId="chart-review-times" />;
}
