import { DELAY_ATTRIBUTIONS, DELAY_REASONS, type MetricsFilter } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Skeleton, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ExportButton, FormulaTip, filterQuery, fmt, useCommissionNames } from './commission-ui.tsx';
import { EChart } from './EChart.tsx';
import type { RouterOutputs } from './types.ts';

type Delays = RouterOutputs['metrics']['delays'];

const REASON_KEYS = [...DELAY_REASONS, 'unrecorded'] as const;
const ATTRIBUTION_KEYS = [...DELAY_ATTRIBUTIONS, 'unrecorded'] as const;
const ATTRIBUTION_COLOURS: Record<(typeof ATTRIBUTION_KEYS)[number], string> = {
  sponsor: '#fa8c16',
  hospital: '#1677ff',
  both: '#722ed1',
  unrecorded: '#bfbfbf',
};

function DelayCharts({ data }: { data: Delays }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const reasons = REASON_KEYS.filter((k) => data.byReason[k] > 0);
    return {
      tooltip: { trigger: 'axis' },
      grid: [
        { left: 130, right: '40%', top: 24, bottom: 20 },
        { left: '72%', right: 30, top: 24, bottom: 20 },
      ],
      title: undefined,
      xAxis: [
        { type: 'value', gridIndex: 0, minInterval: 1 },
        { type: 'category', gridIndex: 1, data: ATTRIBUTION_KEYS.map((k) => t(`delays.attributions.${k}`)) },
      ],
      yAxis: [
        {
          type: 'category',
          gridIndex: 0,
          inverse: true,
          name: t('delays.metrics.byReason'),
          data: reasons.map((k) => t(`delays.reasons.${k}`)),
        },
        { type: 'value', gridIndex: 1, minInterval: 1, name: t('delays.metrics.byAttribution') },
      ],
      series: [
        {
          type: 'bar',
          xAxisIndex: 0,
          yAxisIndex: 0,
          name: t('delays.metrics.count'),
          data: reasons.map((k) => ({
            value: data.byReason[k],
            itemStyle: { color: k === 'unrecorded' ? '#bfbfbf' : '#fa541c' },
          })),
          label: { show: true, position: 'right' },
        },
        {
          type: 'bar',
          xAxisIndex: 1,
          yAxisIndex: 1,
          name: t('delays.metrics.count'),
          data: ATTRIBUTION_KEYS.map((k) => ({
            value: data.byAttribution[k],
            itemStyle: { color: ATTRIBUTION_COLOURS[k] },
          })),
          label: { show: true, position: 'top' },
        },
      ],
    };
  }, [data, t]);
  return <EChart option={option} height={260} testId="chart-delays" />;
}

/**
 * Start-up delays by reason and by attribution (DESIGN §5) — whose delays they are — with the institutions' table,
 * each row linking to its records, and the XLSX export.
 */
export function DelaysCard({ filters }: { filters: MetricsFilter }) {
  const { t } = useTranslation();
  const names = useCommissionNames();
  const trpc = useTRPC();
  const delays = useQuery(trpc.metrics.delays.queryOptions({ filters }));
  const data = delays.data;
  const recordsLink = (extra: MetricsFilter = {}) =>
    `/commission/records${filterQuery({ ...filters, ...extra }, { metric: 'startupDelays' })}`;
  const share = (n: number) => (data?.total ? `${fmt((n / data.total) * 100)}%` : '—');
  return (
    <Card
      title={
        <Space size={4}>
          {t('delays.metrics.title')}
          <FormulaTip metric="startupDelays" />
        </Space>
      }
      extra={
        <Space>
          <Link to={recordsLink()} data-testid="records-startupDelays">
            {t('delays.metrics.records')}
          </Link>
          <ExportButton table="delays" filters={filters} />
        </Space>
      }
      data-testid="delays-card"
    >
      {delays.error && <Alert type="error" showIcon title={apiError(delays.error, t('common.networkError')).message} />}
      {!data ? (
        !delays.error && <Skeleton active />
      ) : data.total === 0 ? (
        <Empty description={t('delays.metrics.empty')} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('delays.metrics.subtitle', { count: data.total, recorded: data.recorded })}
          </Typography.Paragraph>
          <DelayCharts data={data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={9}>
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                data-testid="delays-by-reason"
                dataSource={REASON_KEYS.map((k) => ({ key: k, count: data.byReason[k] }))}
                columns={[
                  { title: t('delays.metrics.reason'), key: 'r', render: (_, r) => t(`delays.reasons.${r.key}`) },
                  { title: t('delays.metrics.count'), dataIndex: 'count', align: 'right', width: 80 },
                  {
                    title: t('delays.metrics.share'),
                    key: 's',
                    align: 'right',
                    width: 80,
                    render: (_, r) => share(r.count),
                  },
                ]}
              />
            </Col>
            <Col xs={24} lg={15}>
              <Table
                size="small"
                rowKey="hospitalId"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                data-testid="delays-by-hospital"
                dataSource={data.byHospital}
                columns={[
                  {
                    title: t('delays.metrics.hospital'),
                    key: 'h',
                    render: (_, h) => (
                      <Link to={recordsLink({ hospitalId: h.hospitalId })}>
                        {names.hospital(h.hospitalId, h.hospitalName)}
                      </Link>
                    ),
                  },
                  { title: t('delays.metrics.total'), dataIndex: 'total', align: 'right', width: 70 },
                  ...ATTRIBUTION_KEYS.map((k) => ({
                    title: t(`delays.attributions.${k}`),
                    dataIndex: k,
                    align: 'right' as const,
                    width: 70,
                  })),
                  {
                    title: t('delays.metrics.topReason'),
                    key: 'top',
                    render: (_, h) => (h.topReason ? t(`delays.reasons.${h.topReason}`) : '—'),
                  },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
