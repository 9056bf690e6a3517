import type { MetricGrouping, MetricId } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import {
  ExportButton,
  FilterBar,
  FormulaTip,
  filterQuery,
  fmt,
  useCommissionNames,
  useMetricFilters,
} from './commission-ui.tsx';
import type { RouterOutputs } from './types.ts';

type GroupRow = RouterOutputs['metrics']['byHospital']['rows'][number];
type CommitteeRow = RouterOutputs['metrics']['byCommittee']['rows'][number];

const COLUMNS: MetricId[] = [
  'specialtyActivePct',
  'piActivePct',
  'startupMedianDays',
  'ethicsMedianWorkingDays',
  'ethicsWithinClockPct',
  'enrolmentAttainmentPct',
  'nonEnrollingPct',
  'capacityLoadPct',
];

/** District → hospital → specialty → trial sites, and the committees' turnaround; every figure links to its records. */
export default function DrillDownPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { filters } = useMetricFilters();
  const level: MetricGrouping = filters.hospitalId ? 'specialty' : filters.district ? 'hospital' : 'district';
  const groups = useQuery(trpc.metrics.byHospital.queryOptions({ filters, groupBy: level }));
  const committees = useQuery(trpc.metrics.byCommittee.queryOptions({ filters }));
  const options = useQuery(trpc.metrics.filterOptions.queryOptions());
  const names = useCommissionNames();
  const hospitalZh = options.data?.hospitals.find((h) => h.value === filters.hospitalId)?.label;
  const hospitalName = filters.hospitalId && hospitalZh ? names.hospital(filters.hospitalId, hospitalZh) : undefined;
  const rowName = (r: GroupRow) =>
    level === 'district'
      ? names.district(r.label)
      : level === 'hospital'
        ? names.hospital(r.key, r.label)
        : names.specialty(r.key, r.label);

  /** The filters of one row, for its records and its next level. */
  const rowFilters = (r: GroupRow) =>
    level === 'district'
      ? { ...filters, district: r.key }
      : level === 'hospital'
        ? { ...filters, hospitalId: r.key }
        : { ...filters, specialtyCode: r.key };
  const recordsLink = (r: GroupRow, metric: MetricId) => `/commission/records${filterQuery(rowFilters(r), { metric })}`;

  return (
    <>
      <PageHeader
        title={t('commission.drill.title')}
        extra={<ExportButton table="byHospital" filters={filters} groupBy={level} />}
      />
      <FilterBar />
      <Breadcrumb
        style={{ marginBottom: 12 }}
        data-testid="drill-breadcrumb"
        items={[
          {
            title: (
              <Link
                to={`/commission/drill${filterQuery({ ...filters, district: undefined, hospitalId: undefined, specialtyCode: undefined })}`}
              >
                {t('commission.drill.all')}
              </Link>
            ),
          },
          ...(filters.district
            ? [
                {
                  title: (
                    <Link
                      to={`/commission/drill${filterQuery({ ...filters, hospitalId: undefined, specialtyCode: undefined })}`}
                    >
                      {names.district(filters.district)}
                    </Link>
                  ),
                },
              ]
            : []),
          ...(filters.hospitalId ? [{ title: hospitalName ?? filters.hospitalId }] : []),
        ]}
      />
      {groups.error && <Alert type="error" showIcon title={apiError(groups.error, t('common.networkError')).message} />}
      <Card title={t(`commission.drill.levels.${level}`)}>
        <Table<GroupRow>
          rowKey="key"
          size="small"
          loading={groups.isLoading}
          dataSource={groups.data?.rows ?? []}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          data-testid="drill-table"
          locale={{ emptyText: <Empty description={t('commission.overview.noData')} /> }}
          columns={[
            {
              title: t('commission.drill.name'),
              key: 'label',
              fixed: 'left',
              width: 220,
              render: (_, r) =>
                level === 'specialty' ? (
                  <Link to={recordsLink(r, 'activeSites')} data-testid={`drill-row-${r.key}`}>
                    {rowName(r)}
                  </Link>
                ) : (
                  <Link to={`/commission/drill${filterQuery(rowFilters(r))}`} data-testid={`drill-row-${r.key}`}>
                    {rowName(r)}
                  </Link>
                ),
            },
            ...COLUMNS.map((metric) => ({
              title: (
                <Space size={4}>
                  {t(`commission.cards.${metric}`)}
                  <FormulaTip metric={metric} />
                </Space>
              ),
              key: metric,
              align: 'right' as const,
              sorter: (a: GroupRow, b: GroupRow) =>
                ((a[metric as keyof GroupRow] as number) ?? -1) - ((b[metric as keyof GroupRow] as number) ?? -1),
              render: (_: unknown, r: GroupRow) => (
                <Link to={recordsLink(r, metric)} className="ctp-mono" data-testid={`cell-${r.key}-${metric}`}>
                  {fmt(r[metric as keyof GroupRow] as number | null)}
                </Link>
              ),
            })),
            {
              title: t('commission.drill.activeSites'),
              key: 'activeSites',
              align: 'right' as const,
              render: (_, r) => <Link to={recordsLink(r, 'activeSites')}>{r.activeSites}</Link>,
            },
            {
              title: (
                <span title={t('commission.drill.registryTrialsTip')}>{t('commission.drill.registryTrials')}</span>
              ),
              key: 'registryTrials',
              align: 'right' as const,
              sorter: (a: GroupRow, b: GroupRow) => a.registryTrials - b.registryTrials,
              render: (_, r) => (
                <span className="ctp-mono" data-testid={`cell-${r.key}-registryTrials`}>
                  {r.registryTrials} ({r.registryRecruiting})
                </span>
              ),
            },
          ]}
        />
      </Card>
      <Card
        id="committees"
        title={t('commission.drill.committeesTitle')}
        style={{ marginTop: 16 }}
        extra={<ExportButton table="byCommittee" filters={filters} />}
      >
        {committees.error && (
          <Alert type="error" showIcon title={apiError(committees.error, t('common.networkError')).message} />
        )}
        <Table<CommitteeRow>
          rowKey="committeeId"
          size="small"
          loading={committees.isLoading}
          dataSource={committees.data?.rows ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="committee-table"
          locale={{ emptyText: <Empty description={t('commission.overview.noData')} /> }}
          columns={[
            {
              title: t('commission.filters.committee'),
              key: 'name',
              render: (_, r) => (
                <Link
                  to={`/commission/records${filterQuery({ ...filters, committeeId: r.committeeId }, { metric: 'ethicsWithinClockPct' })}`}
                >
                  {names.committee(r.committeeId, r.committeeName)}
                </Link>
              ),
            },
            { title: t('commission.drill.decided'), dataIndex: 'decided', align: 'right' },
            {
              title: t('commission.drill.median'),
              key: 'm',
              align: 'right',
              render: (_, r) => fmt(r.medianWorkingDays),
            },
            { title: t('commission.drill.p75'), key: 'p', align: 'right', render: (_, r) => fmt(r.p75WorkingDays) },
            { title: t('commission.drill.within'), key: 'w', align: 'right', render: (_, r) => fmt(r.withinClockPct) },
            {
              title: t('commission.drill.convened'),
              key: 'c',
              align: 'right',
              render: (_, r) => fmt(r.convenedMedian),
            },
            {
              title: t('commission.drill.expedited'),
              key: 'e',
              align: 'right',
              render: (_, r) => fmt(r.expeditedMedian),
            },
            { title: t('commission.drill.recognitions'), dataIndex: 'recognitions', align: 'right' },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('commission.formulas.ethicsMedianWorkingDays')}
        </Typography.Text>
      </Card>
    </>
  );
}
