import type { BaseMemberView } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { UserText } from '../../components/UserText.tsx';
import { apiError } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { personName, properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { BaseActions } from './BaseActions.tsx';
import { BaseFiguresCard } from './BaseFigures.tsx';
import { STATUS_COLOR } from './base-ui.tsx';

/** A base's profile (issue 18): who is in it, what it runs, and what the records say about it. */
export default function BasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const base = useQuery(trpc.bases.get.queryOptions({ id }));
  if (base.isLoading) return <PageLoading />;
  if (base.error || !base.data)
    return <Empty description={apiError(base.error, t('common.networkError')).message} style={{ marginTop: 64 }} />;
  const b = base.data;
  const name = (o: { nameZh: string; nameEn: string | null }) => properName(o.nameZh, o.nameEn, i18n.language);
  const ownPart = b.members.find((m) => m.orgId === actor?.orgId) ?? null;
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {name(b)}
            <Tag color={STATUS_COLOR[b.status]} data-testid="base-status-tag">
              {t(`bases.statuses.${b.status}`)}
            </Tag>
            {b.isDemo && <Tag>{t('bases.demo')}</Tag>}
          </Space>
        }
        subtitle={b.summary ? <UserText text={b.summary} /> : undefined}
        extra={<BaseActions base={{ ...b, ownPart }} />}
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label={t('bases.lead')}>
              {name(b.members.find((m) => m.isLead) ?? { nameZh: '—', nameEn: null })}
            </Descriptions.Item>
            <Descriptions.Item label={t('bases.foundedOn')}>{b.foundedOn}</Descriptions.Item>
            <Descriptions.Item label={t('bases.focus')}>
              <Space size={[0, 4]} wrap>
                {b.focusAreas.map((f) => (
                  <Tag key={f} color="blue">
                    {t(`bases.focusAreas.${f}`)}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('bases.contact')}>
              <UserText text={[b.contactName, b.contactPhone, b.contactEmail].filter(Boolean).join(' · ')} />
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <BaseFiguresCard figures={b.figures} />
        <Card title={t('bases.members')}>
          <Table<BaseMemberView>
            rowKey="orgId"
            size="middle"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={b.members}
            columns={[
              {
                title: t('bases.members'),
                key: 'name',
                render: (_, m) => (
                  <Space>
                    {m.kind === 'hospital' ? <Link to={`/hospitals/${m.orgId}`}>{name(m)}</Link> : name(m)}
                    {m.isLead && <Tag color="gold">{t('bases.lead')}</Tag>}
                  </Space>
                ),
              },
              { title: t('directory.kind'), dataIndex: 'kind', render: (k: string) => t(`bases.kinds.${k}`) },
              { title: t('bases.memberPart'), dataIndex: 'note', render: (v: string | null) => <UserText text={v} /> },
              {
                title: t('bases.memberContact'),
                dataIndex: 'contact',
                render: (v: string | null) => <UserText text={v} />,
              },
            ]}
          />
        </Card>
        <Card title={t('bases.trials')}>
          <Table
            rowKey="id"
            size="middle"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={b.trials}
            locale={{ emptyText: <Empty description={t('bases.noTrials')} /> }}
            columns={[
              {
                title: t('bases.trials'),
                key: 'title',
                render: (_, tr) => (
                  <Link to={`/trials/${tr.id}`}>{properName(tr.titleZh, tr.titleEn, i18n.language)}</Link>
                ),
              },
              {
                title: t('bases.sponsor'),
                key: 'sponsor',
                render: (_, tr) => properName(tr.sponsorName, tr.sponsorNameEn, i18n.language),
              },
              {
                title: t('bases.phase'),
                dataIndex: 'phase',
                render: (v: string) => t(`trials.phases.${v}`, { defaultValue: v }),
              },
              { title: t('bases.sites'), key: 'sites', render: (_, tr) => `${tr.sitesActivated} / ${tr.sites}` },
              {
                title: t('bases.enrolled'),
                key: 'enrolled',
                render: (_, tr) => `${tr.enrolled} / ${tr.targetEnrolment ?? '—'}`,
              },
            ]}
          />
        </Card>
        <Card title={t('bases.versions')}>
          <Timeline
            items={b.versions.map((v) => ({
              children: (
                <Typography.Text>
                  {t('bases.version', { version: v.version })} · {beijingTime(v.changedAt)}
                  {v.changedByName ? ` · ${personName(v.changedByName, i18n.language)}` : ''}
                  {v.reason ? ' · ' : ''}
                  {v.reason && <UserText text={v.reason} />}
                </Typography.Text>
              ),
            }))}
          />
        </Card>
      </Space>
    </>
  );
}
