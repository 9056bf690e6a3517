import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { apiError } from '../../lib/api-error.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import type { RouterOutputs } from '../commission/types.ts';
import { LinkTrialButton, MilestoneButton, UnlinkTrialButton } from './ProjectActions.tsx';
import { MILESTONE_COLOR } from './project-ui.tsx';
import { SiteStages } from './SiteStages.tsx';

type Project = RouterOutputs['projects']['get'];
type ProjectTrial = Project['trials'][number];
type Site = ProjectTrial['sites'][number];

/**
 * A key technology project on one page (issue 18): the project and its milestones, then every linked trial with its
 * sites, their ethics status and each start-up stage against the 60/60/30 targets, as the boards flag delays.
 */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const trpc = useTRPC();
  const project = useQuery(trpc.projects.get.queryOptions({ id }));
  if (project.isLoading) return <PageLoading />;
  if (project.error || !project.data)
    return <Empty description={apiError(project.error, t('common.networkError')).message} style={{ marginTop: 64 }} />;
  const p = project.data;
  const title = p.titleZh ? properName(p.titleZh, p.titleEn, lang) : t('projects.unnamed');
  const f = p.figures;
  const figures: [keyof typeof f, number][] = Object.entries(f) as [keyof typeof f, number][];
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {title}
            {p.isDemo && <Tag>{t('projects.demo')}</Tag>}
          </Space>
        }
        subtitle={p.summary ? <UserText text={p.summary} /> : undefined}
        extra={p.can.steer && <LinkTrialButton projectId={p.id} />}
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          {/* Two columns up to very wide screens: four squeezed the area tag and the date into broken lines. */}
          <Descriptions column={{ xs: 1, md: 2, xxl: 4 }} size="small">
            <Descriptions.Item label={t('projects.lead')}>
              {properName(p.lead.nameZh, p.lead.nameEn, lang)}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.area')}>
              {p.technologyArea ? (
                <Tag color="blue" style={{ whiteSpace: 'nowrap' }}>
                  {t(`bases.focusAreas.${p.technologyArea}`)}
                </Tag>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.funding')}>
              <UserText text={p.fundingProgramme} />
            </Descriptions.Item>
            <Descriptions.Item label={t('projects.startDate')}>{p.startDate ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card data-testid="project-figures">
          <Row gutter={[16, 16]}>
            {figures.map(([key, value]) => (
              <Col key={key} xs={12} md={6} xl={3}>
                <Statistic
                  title={t(`projects.figures.${key}`)}
                  value={value}
                  valueStyle={
                    (key === 'sitesDelayed' || key === 'milestonesOverdue') && value > 0
                      ? { color: '#cf1322' }
                      : undefined
                  }
                />
              </Col>
            ))}
          </Row>
        </Card>
        <Card
          title={t('projects.milestones')}
          extra={p.can.steer && <MilestoneButton projectId={p.id} version={p.version} />}
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.milestones}
            data-testid="project-milestones"
            columns={[
              { title: t('projects.milestone'), key: 'name', render: (_, m) => properName(m.nameZh, m.nameEn, lang) },
              { title: t('projects.planned'), dataIndex: 'plannedDate' },
              { title: t('projects.actual'), dataIndex: 'actualDate', render: (v: string | null) => v ?? '—' },
              {
                title: t('projects.progress'),
                dataIndex: 'status',
                render: (s: keyof typeof MILESTONE_COLOR) => (
                  <Tag color={MILESTONE_COLOR[s]} data-testid={`milestone-${s}`}>
                    {t(`projects.milestoneStatus.${s}`)}
                  </Tag>
                ),
              },
              ...(p.can.steer
                ? [
                    {
                      title: '',
                      key: 'edit',
                      render: (_: unknown, m: Project['milestones'][number]) => (
                        <MilestoneButton projectId={p.id} version={p.version} milestone={m} />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('projects.trials')}
        </Typography.Title>
        {p.trials.length === 0 && p.registryTrials.length === 0 && <Empty description={t('projects.noTrials')} />}
        {p.trials.map((tr) => (
          <TrialCard key={tr.id} trial={tr} projectId={p.id} canSteer={p.can.steer} />
        ))}
        {p.registryTrials.length > 0 && (
          <Card title={t('projects.registryTrials')}>
            <Table
              rowKey="registryId"
              size="small"
              pagination={false}
              dataSource={p.registryTrials}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('projects.linkRegistry'), dataIndex: 'registryId' },
                { title: t('projects.titleZh'), dataIndex: 'title', render: (v: string) => <UserText text={v} /> },
                {
                  title: t('projects.registryStatus'),
                  dataIndex: 'status',
                  render: (v: string) => t(`registry.statuses.${v}`, { defaultValue: v }),
                },
                { title: t('projects.hospitalsOnPlatform'), dataIndex: 'hospitalsOnPlatform' },
              ]}
            />
          </Card>
        )}
      </Space>
    </>
  );
}

function TrialCard({ trial, projectId, canSteer }: { trial: ProjectTrial; projectId: string; canSteer: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card
      data-testid={`project-trial-${trial.id}`}
      title={
        <Space wrap>
          <Link to={`/trials/${trial.id}`}>{properName(trial.titleZh, trial.titleEn, lang)}</Link>
          {trial.sitesDelayed > 0 && <Tag color="red">{t('projects.sitesDelayed', { count: trial.sitesDelayed })}</Tag>}
        </Space>
      }
      extra={
        <Space>
          <Typography.Text type="secondary">
            {properName(trial.sponsorName, trial.sponsorNameEn, lang)} ·{' '}
            {t(`trials.phases.${trial.phase}`, { defaultValue: trial.phase })}
          </Typography.Text>
          {canSteer && <UnlinkTrialButton projectId={projectId} trialId={trial.id} />}
        </Space>
      }
    >
      <Table<Site>
        rowKey="trialSiteId"
        size="small"
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 960 }}
        dataSource={trial.sites}
        columns={[
          {
            title: t('projects.site'),
            key: 'site',
            width: '32%',
            render: (_, s) => (
              <Space direction="vertical" size={0}>
                <Link to={`/hospitals/${s.hospitalId}`}>{properName(s.hospitalName, s.hospitalNameEn, lang)}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {properName(s.specialtyName, s.specialtyNameEn, lang)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('projects.siteState'),
            dataIndex: 'state',
            width: '13%',
            render: (v: string) => t(`trials.states.${v}`),
          },
          { title: t('projects.ethics'), key: 'ethics', width: '20%', render: (_, s) => <EthicsStatus site={s} /> },
          { title: t('projects.stages'), key: 'stages', render: (_, s) => <SiteStages stages={s.stages} /> },
        ]}
      />
    </Card>
  );
}

/** Ethics status of a site: approved (date), a review open with its working-day clock, or none yet. */
function EthicsStatus({ site }: { site: Site }) {
  const { t } = useTranslation();
  if (site.ethicsApprovedDate)
    return <Tag color="green">{t('projects.ethicsApproved', { date: site.ethicsApprovedDate })}</Tag>;
  const clock = site.openSubmission?.clock;
  if (clock)
    return clock.isOverdue ? (
      <Tag color="red">{t('projects.ethicsOpenOverdue', { date: clock.dueDate })}</Tag>
    ) : (
      <Tag color="processing">{t('projects.ethicsOpen', { date: clock.dueDate })}</Tag>
    );
  return (
    <Typography.Text type="secondary">
      {site.state === 'ethics_submitted' ? t('trials.states.ethics_submitted') : t('projects.ethicsNone')}
    </Typography.Text>
  );
}
