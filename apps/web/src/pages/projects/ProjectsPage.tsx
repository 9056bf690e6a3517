import { PlusOutlined } from '@ant-design/icons';
import { POLICIES, type ProjectListItem } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { useEntityModal } from '../../components/EntityModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UserText } from '../../components/UserText.tsx';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ProjectFormModal, type ProjectFormValues } from './ProjectFormModal.tsx';

/** 关键核心技术攻关项目 (issue 18): the commission's list, with each project's delays and overdue milestones. */
export default function ProjectsPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const [q, setQ] = useState('');
  const creating = useEntityModal<ProjectFormValues>();
  const list = useQuery(trpc.projects.list.queryOptions({ q: q || undefined }));
  const lang = i18n.language;
  return (
    <>
      <PageHeader
        title={t('projects.title')}
        subtitle={t('projects.subtitle')}
        extra={
          POLICIES.steerProjects.allows(actor) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => creating.open()} data-testid="project-create">
              {t('projects.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('projects.searchPlaceholder')}
            onSearch={(v) => setQ(v.trim())}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="projects-q"
          />
          <Link to="/commission/key-projects">{t('projects.keyProjectsLink')}</Link>
        </Space>
        <Table<ProjectListItem>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: <Empty description={t('projects.empty')} /> }}
          data-testid="projects-table"
          columns={[
            {
              title: t('projects.titleZh'),
              key: 'title',
              render: (_, p) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/projects/${p.id}`}>{properName(p.titleZh, p.titleEn, lang)}</Link>
                  {p.isDemo && <Tag>{t('projects.demo')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('projects.progress'),
              key: 'progress',
              render: (_, p) => (
                <Space size={[4, 4]} wrap>
                  <Typography.Text>{t('projects.trialCount', { count: p.trialCount })}</Typography.Text>
                  {p.sitesDelayed > 0 && <Tag color="red">{t('projects.sitesDelayed', { count: p.sitesDelayed })}</Tag>}
                  {p.milestonesOverdue > 0 && (
                    <Tag color="orange">{t('projects.milestonesOverdue', { count: p.milestonesOverdue })}</Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t('projects.lead'),
              key: 'lead',
              render: (_, p) => properName(p.leadOrgName, p.leadOrgNameEn, lang),
            },
            {
              title: t('projects.area'),
              dataIndex: 'technologyArea',
              render: (a: string | null) => (a ? <Tag color="blue">{t(`bases.focusAreas.${a}`)}</Tag> : '—'),
            },
            {
              title: t('projects.funding'),
              dataIndex: 'fundingProgramme',
              render: (v: string | null) => <UserText text={v} />,
            },
            { title: t('projects.startDate'), dataIndex: 'startDate' },
          ]}
        />
      </Card>
      <ProjectFormModal modal={creating} />
    </>
  );
}
