import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { MetricId } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { CapacityHeat, FunnelChart, ReviewTimesChart, TrendChart, TurnaroundChart } from './charts.tsx';
import { FilterBar, FormulaTip, filterQuery, fmt, unitOf, useMetricFilters } from './commission-ui.tsx';
import { HEADLINE } from './headline-ui.ts';
import type { RouterOutputs } from './types.ts';
import './commission.css';

// The delays card sits below the fold and alone needs antd's Table (≈ 43 KB gzip): it loads after the headline
// figures instead of before them (issue 16: first meaningful paint of the dashboard).
const DelaysCard = lazy(() => import('./DelaysCard.tsx').then((m) => ({ default: m.DelaysCard })));

type Overview = RouterOutputs['metrics']['overview'];

function countsOf(o: Overview, metric: MetricId): [number, number] | null {
  const c = o.counts;
  switch (metric) {
    case 'specialtyActivePct':
      return [c.convertedSpecialties, c.filedSpecialties];
    case 'piActivePct':
      return [c.activeInvestigators, c.filedInvestigators];
    case 'ethicsWithinClockPct':
      return [c.withinClock, c.decidedReviews];
    case 'enrolmentAttainmentPct':
      return [c.enrolled, c.target];
    case 'nonEnrollingPct':
      return [c.nonEnrollingSites, c.dueSites];
    default:
      return null;
  }
}

/** Working-day figures counted over a year the working-day calendar does not know carry a warning (issue 11). */
function calendarUnknownOf(o: Overview, metric: MetricId): boolean {
  if (metric.startsWith('ethics')) return o.ethics.calendarUnknown;
  if (metric === 'recognitionMedianWorkingDays' || metric === 'recognitionWorkingDaysSaved')
    return o.recognition.calendarUnknown;
  return false;
}

function MetricCard({ o, item, query }: { o: Overview; item: (typeof HEADLINE)[number]; query: string }) {
  const { t } = useTranslation();
  const value = item.get(o);
  const prev = item.get(o.previous);
  const delta = value !== null && prev !== null ? Math.round((value - prev) * 10) / 10 : null;
  const good = delta !== null && delta !== 0 && delta > 0 !== Boolean(item.lowerIsBetter);
  const unit = unitOf(item.metric);
  const counts = countsOf(o, item.metric);
  return (
    <Card size="small" data-testid={`card-${item.metric}`} className="ctp-metric-card">
      <Statistic
        title={
          <Space size={4}>
            {t(`commission.cards.${item.metric}`)}
            <FormulaTip metric={item.metric} />
          </Space>
        }
        value={fmt(value)}
        suffix={value === null || !unit ? undefined : t(`commission.units.${unit}`)}
      />
      {calendarUnknownOf(o, item.metric) && (
        <Tooltip title={t('calendar.figuresWarning')}>
          <Tag color="warning" data-testid="figure-calendar-unknown">
            {t('calendar.unknownWarning')}
          </Tag>
        </Tooltip>
      )}
      <div style={{ fontSize: 12, marginTop: 4 }}>
        {delta === null ? (
          <Typography.Text type="secondary">{t('commission.overview.noPrevious')}</Typography.Text>
        ) : (
          <Typography.Text type={delta === 0 ? 'secondary' : good ? 'success' : 'danger'} data-testid="mom">
            {t('commission.overview.mom')} {delta > 0 ? <ArrowUpOutlined /> : delta < 0 ? <ArrowDownOutlined /> : null}{' '}
            {/* With its unit: a change of a percentage is in percentage points (issue 14). */}
            {t(`commission.deltaUnits.${unit || 'count'}`, { count: Math.abs(delta), value: fmt(Math.abs(delta)) })}
          </Typography.Text>
        )}
      </div>
      <div style={{ fontSize: 12, marginTop: 2 }} className="ctp-no-print">
        {counts && (
          <Typography.Text type="secondary">
            {t('commission.overview.counts', { num: counts[0], den: counts[1] })} ·{' '}
          </Typography.Text>
        )}
        <Link
          to={`/commission/records${query}${query ? '&' : '?'}metric=${item.metric}`}
          data-testid={`records-${item.metric}`}
        >
          {t('commission.overview.records')}
        </Link>
      </div>
    </Card>
  );
}

/** 监测总览: the commission's headline figures with month-on-month change, formulas, and the charts. */
export default function CommissionOverviewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { filters } = useMetricFilters();
  const overview = useQuery(trpc.metrics.overview.queryOptions(filters));
  const charts = useQuery(trpc.metrics.charts.queryOptions({ filters }));
  const trend = useQuery(trpc.metrics.trend.queryOptions({ filters, months: 24 }));
  const committees = useQuery(trpc.metrics.byCommittee.queryOptions({ filters }));
  const query = filterQuery(filters);
  const o = overview.data;
  return (
    <>
      <PageHeader
        title={t('commission.overview.title')}
        subtitle={o ? t('commission.overview.subtitle', { from: o.period.from, to: o.period.to }) : undefined}
        extra={
          <Space wrap>
            <Link to={`/commission/drill${query}`}>
              <Button data-testid="open-drill">{t('commission.overview.drill')}</Button>
            </Link>
            <Link to={`/commission/report${query}`}>
              <Button data-testid="open-report">{t('commission.overview.report')}</Button>
            </Link>
          </Space>
        }
      />
      <FilterBar />
      {overview.error && (
        <Alert
          type="error"
          showIcon
          title={apiError(overview.error, t('common.networkError')).message}
          style={{ marginBottom: 16 }}
        />
      )}
      {o && (o.ethics.calendarUnknown || o.recognition.calendarUnknown) && (
        <Alert
          type="warning"
          showIcon
          title={t('calendar.figuresWarning')}
          style={{ marginBottom: 16 }}
          data-testid="metrics-calendar-unknown"
        />
      )}
      {o && !o.recognition.available && (
        <Alert
          type="info"
          showIcon
          title={t('commission.overview.recognitionUnavailable')}
          style={{ marginBottom: 16 }}
        />
      )}
      {!o ? (
        <Skeleton active />
      ) : (
        <Row gutter={[12, 12]} data-testid="overview-cards">
          {HEADLINE.map((item) => (
            <Col key={item.metric} xs={24} sm={12} md={8} xl={6}>
              <MetricCard o={o} item={item} query={query} />
            </Col>
          ))}
        </Row>
      )}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card title={t('commission.charts.funnel')}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('commission.charts.funnelHint')}
            </Typography.Text>
            {charts.data ? <FunnelChart data={charts.data.funnel} /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('commission.charts.reviewTimes')}>
            {charts.data ? <ReviewTimesChart data={charts.data.reviewTimes} /> : <Skeleton active />}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('commission.charts.trend')}>
            {trend.data ? <TrendChart data={trend.data} /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={t('commission.charts.turnaround')}
            extra={<Link to={`/commission/drill${query}#committees`}>{t('commission.overview.committees')}</Link>}
          >
            {committees.data ? <TurnaroundChart data={committees.data} /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('commission.charts.capacity')}>
            {charts.data ? <CapacityHeat data={charts.data.capacity} /> : <Skeleton active />}
          </Card>
        </Col>
        <Col span={24}>
          <Suspense fallback={<Skeleton active />}>
            <DelaysCard filters={filters} />
          </Suspense>
        </Col>
      </Row>
    </>
  );
}
