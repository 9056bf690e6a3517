import { METRIC_IDS, type MetricId } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { personName, properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ExportButton, FilterBar, fmt, useCommissionNames, useMetricFilters } from './commission-ui.tsx';
import type { RouterOutputs } from './types.ts';

type Record = RouterOutputs['metrics']['records']['records'][number];

/** The records a figure is computed from (the figure's numerator marked), with the same filters and an export. */
export default function RecordsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { filters, params } = useMetricFilters();
  const names = useCommissionNames();
  const raw = params.get('metric');
  const metric: MetricId = (METRIC_IDS as readonly string[]).includes(raw ?? '') ? (raw as MetricId) : 'activeSites';
  const records = useQuery(trpc.metrics.records.queryOptions({ metric, filters }));
  const data = records.data;
  /** Review labels come as `type · path`, site labels as `specialty · state`: shown in the user's language. */
  const labelOf = (r: Record) => {
    const [head, tail] = r.label.split(' · ');
    if (r.kind === 'submission')
      return [
        t(`ethics.types.${head}`, { defaultValue: head }),
        tail && t(`ethics.paths.${tail}`, { defaultValue: tail }),
      ]
        .filter(Boolean)
        .join(' · ');
    if (r.kind === 'delay') {
      const [stage, reason, attribution] = r.label.split(' · ');
      return [
        t(`delays.stages.${stage}`, { defaultValue: stage }),
        t(`delays.reasons.${reason}`, { defaultValue: reason }),
        attribution && t(`delays.attributions.${attribution}`, { defaultValue: attribution }),
      ]
        .filter(Boolean)
        .join(' · ');
    }
    if (r.kind === 'site' && tail)
      return `${names.specialty(null, head ?? '')} · ${t(`trials.states.${tail}`, { defaultValue: tail })}`;
    if (r.kind === 'specialty') return names.specialty(null, r.label);
    if (r.kind === 'investigator') return personName(r.label, names.lang);
    return r.label;
  };
  return (
    <>
      <PageHeader
        title={t('commission.records.title', { metric: t(`commission.cards.${metric}`) })}
        subtitle={
          data ? t('commission.records.subtitle', { count: data.records.length, counted: data.counted }) : undefined
        }
        extra={<ExportButton table="records" filters={filters} metric={metric} />}
      />
      <FilterBar />
      <Typography.Paragraph type="secondary">{t(`commission.formulas.${metric}`)}</Typography.Paragraph>
      {records.error && (
        <Alert type="error" showIcon title={apiError(records.error, t('common.networkError')).message} />
      )}
      <Card>
        <Table<Record>
          rowKey={(r) => `${r.kind}-${r.id}`}
          size="small"
          loading={records.isLoading}
          dataSource={data?.records ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="records-table"
          locale={{ emptyText: <Empty description={t('commission.overview.noData')} /> }}
          columns={[
            {
              title: t('commission.records.kind'),
              key: 'kind',
              width: 100,
              render: (_, r) => t(`commission.records.kinds.${r.kind}`),
            },
            {
              title: t('commission.records.hospital'),
              key: 'h',
              render: (_, r) => (
                <Link to={`/directory/${r.hospitalId}`}>{names.hospital(r.hospitalId, r.hospitalName)}</Link>
              ),
            },
            { title: t('commission.records.label'), key: 'label', render: (_, r) => labelOf(r) },
            {
              title: t('commission.records.trial'),
              key: 'trial',
              render: (_, r) =>
                r.trialId ? <Link to={`/trials/${r.trialId}`}>{properName(r.trialTitle, r.trialTitleEn)}</Link> : '—',
            },
            {
              title: t('commission.records.committee'),
              key: 'c',
              render: (_, r) => (r.committeeName ? names.committee(null, r.committeeName) : '—'),
            },
            { title: t('commission.records.date'), key: 'd', width: 110, render: (_, r) => r.date ?? '—' },
            {
              title: t('commission.records.value'),
              key: 'v',
              align: 'right',
              width: 80,
              render: (_, r) => fmt(r.value),
            },
            {
              title: t('commission.records.counted'),
              key: 'counted',
              width: 90,
              filters: [
                { text: t('commission.records.yes'), value: true },
                { text: t('commission.records.no'), value: false },
              ],
              onFilter: (v, r) => r.counted === v,
              render: (_, r) =>
                r.counted ? (
                  <Tag color="green">{t('commission.records.yes')}</Tag>
                ) : (
                  <Tag>{t('commission.records.no')}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
