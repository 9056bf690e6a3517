import { PlusOutlined } from '@ant-design/icons';
import { POLICIES, SITE_STATES } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { beijingDate } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { KeyProjectTag } from '../commission/key-project-tag.tsx';
import { pick, STATE_COLOURS, type TrialListItem } from './site-ui.tsx';
import { RegistryIds } from './trial-ui.tsx';

export default function TrialsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { actor } = useSession();
  const canCreate = POLICIES.createTrials.allows(actor);
  const trials = useQuery(trpc.trials.list.queryOptions({}));
  const newButton = canCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/trials/new')} data-testid="trial-new">
      {t('trials.list.new')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('trials.list.title')}
        subtitle={t('trials.list.subtitle')}
        extra={trials.data?.length ? newButton : null}
      />
      {trials.error && (
        <Alert
          type="error"
          showIcon
          title={apiError(trials.error, t('common.networkError')).message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <Table<TrialListItem>
          rowKey="id"
          loading={trials.isLoading}
          dataSource={trials.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="trials-table"
          locale={{
            emptyText: (
              <Empty description={canCreate ? t('trials.list.empty') : t('trials.list.emptyOther')}>{newButton}</Empty>
            ),
          }}
          columns={[
            {
              title: t('trials.list.trial'),
              key: 'title',
              render: (_, r) => (
                <Space orientation="vertical" size={2}>
                  <span>
                    <Link to={`/trials/${r.id}`} className="ctp-trial-title" data-testid="trial-link">
                      {pick(en, r.titleZh, r.titleEn)}
                    </Link>{' '}
                    {r.isKeyProject && <KeyProjectTag />}
                  </span>
                  <Typography.Text type="secondary" className="ctp-muted-inline">
                    {pick(en, r.sponsorName ?? '', r.sponsorNameEn)} ·{' '}
                    {en ? r.conditionsEn.join(', ') : r.conditions.join('、')}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('trials.list.phase'), key: 'phase', width: 96, render: (_, r) => t(`trials.phases.${r.phase}`) },
            {
              title: t('trials.list.type'),
              key: 'type',
              width: 120,
              render: (_, r) => <Tag variant="filled">{t(`trials.types.${r.type}`)}</Tag>,
            },
            {
              title: t('trials.list.registry'),
              key: 'registry',
              width: 170,
              render: (_, r) => <RegistryIds trial={r} />,
            },
            {
              title: t('trials.list.sites'),
              key: 'sites',
              width: 280,
              render: (_, r) => {
                const states = SITE_STATES.filter((s) => r.sitesByState[s]);
                if (!states.length)
                  return <Typography.Text type="secondary">{t('trials.list.noSites')}</Typography.Text>;
                return (
                  <Space size={[0, 4]} wrap data-testid="trial-site-counts">
                    {states.map((s) => (
                      <Tag key={s} color={STATE_COLOURS[s]}>
                        {t(`trials.states.${s}`)} {r.sitesByState[s]}
                      </Tag>
                    ))}
                  </Space>
                );
              },
            },
            {
              title: t('trials.list.created'),
              key: 'created',
              width: 110,
              render: (_, r) => beijingDate(r.createdAt),
            },
          ]}
        />
      </Card>
    </>
  );
}
