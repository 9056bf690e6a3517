import type { MetricId } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Skeleton, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../components/DatePicker.tsx';
import {
  addMonths,
  beijingMonth,
  beijingTime,
  isAfterBeijingMonth,
  lastDayOfMonth,
  monthOf,
  pickerValue,
} from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { TrendChart, TurnaroundChart } from './charts.tsx';
import { fmt, unitOf, useCommissionNames, useMetricFilters } from './commission-ui.tsx';
import { HEADLINE } from './headline-ui.ts';
import { ProgrammeSections } from './ProgrammeSections.tsx';
import './commission.css';

/** The monthly report: one calendar month, printable (print CSS hides the app chrome; "save as PDF" in the dialog). */
export default function MonthlyReportPage() {
  const { t } = useTranslation();
  const names = useCommissionNames();
  const trpc = useTRPC();
  const { filters, params, setFilters } = useMetricFilters();
  // Last month in Beijing by default; a malformed ?month= falls back to it rather than breaking the page.
  const asked = params.get('month');
  const month = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : addMonths(beijingMonth(), -1);
  const from = `${month}-01`;
  const to = lastDayOfMonth(month);
  const period = { ...filters, from, to };
  const overview = useQuery(trpc.metrics.overview.queryOptions(period));
  const trend = useQuery(trpc.metrics.trend.queryOptions({ filters: { ...filters, to }, months: 12 }));
  const committees = useQuery(trpc.metrics.byCommittee.queryOptions({ filters: period }));
  const ranking = useQuery(trpc.incentive.ranking.queryOptions(period));
  const programmes = useQuery(trpc.metrics.programmes.queryOptions({ filters: period }));
  const o = overview.data;
  const withUnit = (metric: MetricId, v: number | null) => {
    const unit = unitOf(metric);
    return v === null || !unit ? fmt(v) : `${fmt(v)} ${t(`commission.units.${unit}`)}`;
  };
  return (
    <div className="ctp-report" data-testid="monthly-report">
      <Space className="ctp-no-print" style={{ marginBottom: 16 }}>
        <span>{t('commission.report.month')}</span>
        <DatePicker
          picker="month"
          allowClear={false}
          value={pickerValue(month)}
          disabledDate={isAfterBeijingMonth}
          onChange={(d) => d && setFilters({ month: monthOf(d) })}
        />
        <Button type="primary" onClick={() => window.print()} data-testid="print-report">
          {t('commission.report.print')}
        </Button>
      </Space>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        {t('commission.report.title', { month })}
      </Typography.Title>
      <Typography.Text type="secondary">{t('commission.report.subtitle')}</Typography.Text>
      <Typography.Title level={4}>{t('commission.report.headline')}</Typography.Title>
      {!o ? (
        <Skeleton active />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="metric"
          dataSource={HEADLINE.filter((h) => o.recognition.available || !h.metric.startsWith('recognition'))}
          columns={[
            { title: t('commission.drill.name'), key: 'n', render: (_, h) => t(`commission.cards.${h.metric}`) },
            {
              title: t('commission.report.value'),
              key: 'v',
              align: 'right',
              render: (_, h) => <b>{withUnit(h.metric, h.get(o))}</b>,
            },
            {
              title: t('commission.report.previous'),
              key: 'p',
              align: 'right',
              render: (_, h) => withUnit(h.metric, h.get(o.previous)),
            },
            {
              title: t('commission.overview.formula'),
              key: 'f',
              render: (_, h) => <span style={{ fontSize: 12 }}>{t(`commission.formulas.${h.metric}`)}</span>,
            },
          ]}
        />
      )}
      <Typography.Title level={4}>{t('commission.report.trend')}</Typography.Title>
      <Card size="small">{trend.data ? <TrendChart data={trend.data} /> : <Skeleton active />}</Card>
      <Row gutter={16} className="ctp-report-break">
        <Col span={24}>
          <Typography.Title level={4}>{t('commission.report.committees')}</Typography.Title>
          <Card size="small">{committees.data ? <TurnaroundChart data={committees.data} /> : <Skeleton active />}</Card>
        </Col>
      </Row>
      <Typography.Title level={4}>{t('commission.report.hospitals')}</Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="hospitalId"
        loading={ranking.isLoading}
        dataSource={(ranking.data?.rows ?? []).slice(0, 10)}
        columns={[
          { title: t('commission.incentive.rank'), dataIndex: 'rank', width: 60 },
          {
            title: t('commission.incentive.hospital'),
            key: 'hospital',
            render: (_, r) => names.hospital(r.hospitalId, r.hospitalName),
          },
          { title: t('commission.incentive.score'), key: 's', align: 'right', render: (_, r) => fmt(r.score) },
        ]}
      />
      <ProgrammeSections data={programmes.data} loading={programmes.isLoading} filters={period} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('commission.report.generated', { at: beijingTime(Date.now()) })}
      </Typography.Paragraph>
    </div>
  );
}
