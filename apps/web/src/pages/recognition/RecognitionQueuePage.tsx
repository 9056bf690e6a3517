import { isEcRole } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DueCell } from '../ethics/ethics-ui.tsx';
import { pick } from '../trials/site-ui.tsx';
import { type RecognitionListItem, RecognitionStateTag } from './recognition-ui.tsx';

/** The EC's recognition queue (requests, amendment acknowledgements, SAE reports); sites and sponsors see their own. */
export default function RecognitionQueuePage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { actor } = useSession();
  const isEc = actor !== null && isEcRole(actor.role);
  const list = useQuery(trpc.recognition.requests.list.queryOptions({}));
  const acks = useQuery({ ...trpc.recognition.acks.list.queryOptions(), enabled: isEc });
  const safety = useQuery({ ...trpc.recognition.safetyReports.list.queryOptions(), enabled: isEc });
  const markRead = useMutation(
    trpc.recognition.safetyReports.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.recognition.safetyReports.list.queryKey() }),
    }),
  );

  const requests = (
    <Table<RecognitionListItem>
      rowKey="id"
      loading={list.isLoading}
      dataSource={list.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="recognition-queue"
      onRow={(r) => ({ 'data-testid': `recognition-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty description={t('recognition.queue.empty')} /> }}
      columns={[
        {
          title: t('recognition.queue.trial'),
          key: 'trial',
          render: (_, r) => (
            <Link to={`/recognition/requests/${r.id}`} data-testid="recognition-link">
              {pick(en, r.trialTitle, r.trialTitleEn)}
            </Link>
          ),
        },
        {
          title: t('recognition.queue.hospital'),
          key: 'h',
          render: (_, r) => pick(en, r.hospitalName, r.hospitalNameEn),
        },
        {
          title: t('recognition.queue.committee'),
          key: 'c',
          render: (_, r) => pick(en, r.committeeName, r.committeeNameEn),
        },
        {
          title: t('recognition.queue.state'),
          key: 's',
          width: 170,
          render: (_, r) => <RecognitionStateTag state={r.state} outcome={r.outcome} />,
        },
        { title: t('recognition.queue.due'), key: 'd', width: 200, render: (_, r) => <DueCell clock={r.clock} /> },
      ]}
    />
  );

  return (
    <>
      <PageHeader
        title={t('recognition.queue.title')}
        subtitle={isEc ? t('recognition.queue.subtitleEc') : t('recognition.queue.subtitleOther')}
        extra={
          <Space>
            <Link to="/recognition/agreements">
              <Button data-testid="agreements-link">{t('recognition.queue.agreements')}</Button>
            </Link>
            {actor?.role === 'site_admin' && (
              <Link to="/recognition/local-context">
                <Button data-testid="local-context-link">{t('recognition.queue.localContext')}</Button>
              </Link>
            )}
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
        {isEc ? (
          <Tabs
            items={[
              { key: 'requests', label: t('recognition.queue.requests'), children: requests },
              {
                key: 'acks',
                label: (
                  <span data-testid="tab-acks">
                    {t('recognition.queue.acks')}{' '}
                    {(acks.data ?? []).filter((a) => a.state === 'ack_pending').length > 0 && (
                      <Tag color="orange">{(acks.data ?? []).filter((a) => a.state === 'ack_pending').length}</Tag>
                    )}
                  </span>
                ),
                children: (
                  <Table
                    rowKey="id"
                    dataSource={acks.data ?? []}
                    pagination={false}
                    locale={{ emptyText: <Empty description={t('recognition.request.noAcks')} /> }}
                    columns={[
                      {
                        title: t('recognition.queue.trial'),
                        key: 't',
                        render: (_, a) => (
                          <Link to={`/recognition/requests/${a.requestId}`}>
                            {pick(en, a.trialTitle, a.trialTitleEn)}
                          </Link>
                        ),
                      },
                      {
                        title: t('recognition.queue.state'),
                        key: 's',
                        render: (_, a) => (
                          <Tag color={a.state === 'ack_pending' ? 'orange' : a.state === 'objected' ? 'red' : 'green'}>
                            {t(`recognition.request.ackStates.${a.state}`)}
                          </Tag>
                        ),
                      },
                      { title: '', key: 'at', render: (_, a) => beijingTime(a.createdAt) },
                    ]}
                  />
                ),
              },
              {
                key: 'safety',
                label: t('recognition.queue.safety'),
                children: (
                  <Table
                    rowKey="id"
                    dataSource={safety.data ?? []}
                    pagination={false}
                    locale={{ emptyText: <Empty description={t('recognition.safety.empty')} /> }}
                    columns={[
                      {
                        title: t('recognition.safety.trial'),
                        key: 't',
                        render: (_, r) => pick(en, r.trialTitle, r.trialTitleEn),
                      },
                      { title: t('recognition.safety.title'), key: 'ti', render: (_, r) => r.title ?? '—' },
                      { title: t('recognition.safety.from'), key: 'f', render: (_, r) => r.committeeName },
                      {
                        title: t('recognition.safety.submittedAt'),
                        key: 'at',
                        render: (_, r) => (r.submittedAt ? beijingTime(r.submittedAt) : '—'),
                      },
                      {
                        title: t('recognition.safety.read'),
                        key: 'r',
                        render: (_, r) =>
                          r.isLead ? (
                            <Typography.Text>
                              {t('recognition.safety.receipts')}: {r.receipts.length} / {r.expectedCommittees}
                            </Typography.Text>
                          ) : r.ownReadAt ? (
                            <Tag color="green">{beijingTime(r.ownReadAt)}</Tag>
                          ) : (
                            <Button size="small" onClick={() => markRead.mutate({ submissionId: r.id })}>
                              {t('recognition.safety.markRead')}
                            </Button>
                          ),
                      },
                    ]}
                  />
                ),
              },
            ]}
          />
        ) : (
          requests
        )}
      </Card>
    </>
  );
}
