import { isEcRole, SUBMISSION_STATES, type SubmissionState } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UserText } from '../../components/UserText.tsx';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { KeyProjectTag } from '../commission/key-project-tag.tsx';
import { pick } from '../trials/site-ui.tsx';
import { DueCell, type SubmissionListItem, SubmissionStateTag } from './ethics-ui.tsx';

/** The EC's work queue (the server sorts it: overdue first, then by due date); applicants see their own submissions. */
export default function EthicsQueuePage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const { actor } = useSession();
  const [state, setState] = useState<SubmissionState | undefined>(undefined);
  const list = useQuery(trpc.submissions.list.queryOptions(state ? { state } : {}));
  const isEc = actor !== null && isEcRole(actor.role);

  return (
    <>
      <PageHeader
        title={t('ethics.queue.title')}
        subtitle={isEc ? t('ethics.queue.subtitleEc') : t('ethics.queue.subtitleOther')}
        extra={
          <Space>
            <span>{t('ethics.queue.stateFilter')}</span>
            <Select<SubmissionState | 'all'>
              value={state ?? 'all'}
              onChange={(v) => setState(v === 'all' ? undefined : v)}
              style={{ width: 180 }}
              data-testid="queue-state-filter"
              options={[
                { value: 'all', label: t('ethics.queue.allStates') },
                ...SUBMISSION_STATES.filter((s) => !isEc || s !== 'draft').map((s) => ({
                  value: s,
                  label: t(`ethics.states.${s}`),
                })),
              ]}
            />
          </Space>
        }
      />
      {list.error && (
        <Alert
          type="error"
          showIcon
          title={apiError(list.error, t('common.networkError')).message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <Table<SubmissionListItem>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="ethics-queue"
          onRow={(r) => ({ 'data-testid': `submission-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty description={t('ethics.queue.empty')} /> }}
          columns={[
            {
              title: t('ethics.queue.acceptanceNo'),
              key: 'acceptanceNo',
              width: 150,
              render: (_, r) =>
                r.acceptanceNo ? (
                  <span className="ctp-mono" data-testid="acceptance-no">
                    {r.acceptanceNo}
                  </span>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            {
              title: t('ethics.queue.trial'),
              key: 'trial',
              render: (_, r) => (
                <Space orientation="vertical" size={2}>
                  <span>
                    <Link to={`/ethics/submissions/${r.id}`} className="ctp-trial-title" data-testid="submission-link">
                      {pick(en, r.trialTitle, r.trialTitleEn)}
                    </Link>{' '}
                    {r.isKeyProject && <KeyProjectTag />}
                  </span>
                  {r.title && (
                    // The title as its applicant wrote it (or as the server wrote it for them, in their language).
                    <Typography.Text type="secondary" className="ctp-muted-inline">
                      <UserText text={r.title} />
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('ethics.queue.site'),
              key: 'site',
              width: 200,
              render: (_, r) => pick(en, r.hospitalName, r.hospitalNameEn),
            },
            {
              title: t('ethics.queue.type'),
              key: 'type',
              width: 140,
              render: (_, r) => <Tag variant="filled">{t(`ethics.types.${r.type}`)}</Tag>,
            },
            {
              title: t('ethics.queue.state'),
              key: 'state',
              width: 130,
              render: (_, r) => <SubmissionStateTag state={r.state} />,
            },
            { title: t('ethics.queue.due'), key: 'due', width: 230, render: (_, r) => <DueCell clock={r.clock} /> },
          ]}
        />
      </Card>
    </>
  );
}
