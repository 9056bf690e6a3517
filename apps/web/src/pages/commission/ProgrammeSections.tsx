import type { MetricsFilter } from '@ctp/contracts';
import { Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { properName } from '../../lib/proper-name.ts';
import { ExportButton, filterQuery, fmt } from './commission-ui.tsx';
import type { RouterOutputs } from './types.ts';

type Sections = RouterOutputs['metrics']['programmes'];

/**
 * The monthly report's sections 5 and 6 (issue 18): each collaborative base and each key technology project with the
 * dashboard's figures over its own trials; a name opens the dashboard filtered to it.
 */
export function ProgrammeSections({
  data,
  loading,
  filters,
}: {
  data: Sections | undefined;
  loading: boolean;
  filters: MetricsFilter;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const figureCols = [
    { title: t('commission.report.cols.trials'), dataIndex: 'trials', align: 'right' as const },
    {
      title: t('commission.report.cols.sitesActivated'),
      key: 'sa',
      align: 'right' as const,
      render: (_: unknown, r: { sitesActivated: number; sites: number }) => `${r.sitesActivated} / ${r.sites}`,
    },
    {
      title: t('commission.report.cols.startupMedianDays'),
      dataIndex: 'startupMedianDays',
      align: 'right' as const,
      render: (v: number | null) => fmt(v),
    },
    {
      title: t('commission.report.cols.ethicsMedianWorkingDays'),
      dataIndex: 'ethicsMedianWorkingDays',
      align: 'right' as const,
      render: (v: number | null) => fmt(v),
    },
    {
      title: t('commission.report.cols.enrolmentAttainmentPct'),
      dataIndex: 'enrolmentAttainmentPct',
      align: 'right' as const,
      render: (v: number | null) => fmt(v),
    },
    { title: t('commission.report.cols.delays'), dataIndex: 'delays', align: 'right' as const },
  ];
  const dashboard = (key: 'baseId' | 'projectId', id: string) =>
    `/commission${filterQuery({ ...filters, from: undefined, to: undefined }, { [key]: id })}`;
  return (
    <div data-testid="report-programmes">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4}>{t('commission.report.bases')}</Typography.Title>
        <ExportButton table="programmes" filters={filters} />
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        loading={loading}
        scroll={{ x: 'max-content' }}
        dataSource={data?.bases ?? []}
        locale={{ emptyText: <Empty description={t('commission.report.noBases')} /> }}
        data-testid="report-bases"
        columns={[
          {
            title: t('commission.report.cols.base'),
            key: 'name',
            render: (_, b) => <Link to={dashboard('baseId', b.id)}>{properName(b.nameZh, b.nameEn, lang)}</Link>,
          },
          ...figureCols,
        ]}
      />
      <Typography.Title level={4}>{t('commission.report.projects')}</Typography.Title>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        loading={loading}
        scroll={{ x: 'max-content' }}
        dataSource={data?.projects ?? []}
        locale={{ emptyText: <Empty description={t('commission.report.noProjects')} /> }}
        data-testid="report-projects"
        columns={[
          {
            title: t('commission.report.cols.project'),
            key: 'name',
            render: (_, p) => <Link to={`/projects/${p.id}`}>{properName(p.titleZh, p.titleEn, lang)}</Link>,
          },
          {
            title: t('commission.report.cols.lead'),
            key: 'lead',
            render: (_, p) => properName(p.leadName, p.leadNameEn, lang),
          },
          ...figureCols,
          {
            title: t('commission.report.cols.milestones'),
            key: 'ms',
            align: 'right' as const,
            render: (_, p) => `${p.milestonesReached} / ${p.milestonesOverdue} / ${p.milestones}`,
          },
        ]}
      />
    </div>
  );
}
