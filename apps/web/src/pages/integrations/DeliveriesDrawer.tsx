import type { DeliveryState, WebhookDeliveryView, WebhookView } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Drawer, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { beijingTime } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';

const STATE_COLOR: Record<DeliveryState, string> = { pending: 'processing', delivered: 'green', failed: 'red' };

/** Each delivery of one webhook with its state, attempts and last result: what the CTMS's admin checks first. */
export function DeliveriesDrawer({ webhook, onClose }: { webhook: WebhookView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const deliveries = useQuery({
    ...trpc.webhooks.deliveries.queryOptions({ webhookId: webhook?.id ?? '' }),
    enabled: webhook !== null,
    refetchInterval: 10_000,
  });
  const at = (ms: number | null) => (ms ? beijingTime(ms, true) : '—');
  return (
    <Drawer
      open={webhook !== null}
      onClose={onClose}
      width="min(960px, 100vw)"
      title={webhook ? t('integrations.deliveries.title', { url: webhook.url }) : ''}
    >
      <Table<WebhookDeliveryView>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={deliveries.isLoading}
        dataSource={deliveries.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('integrations.deliveries.empty')} /> }}
        columns={[
          { title: t('integrations.deliveries.createdAt'), dataIndex: 'createdAt', render: at },
          {
            title: t('integrations.deliveries.event'),
            dataIndex: 'event',
            render: (e: string) => t(`integrations.webhooks.eventNames.${e}`),
          },
          {
            title: t('integrations.deliveries.state'),
            dataIndex: 'state',
            render: (s: DeliveryState) => <Tag color={STATE_COLOR[s]}>{t(`integrations.deliveries.states.${s}`)}</Tag>,
          },
          { title: t('integrations.deliveries.attempts'), dataIndex: 'attempts' },
          { title: t('integrations.deliveries.lastAttempt'), dataIndex: 'lastAttemptAt', render: at },
          { title: t('integrations.deliveries.nextAttempt'), dataIndex: 'nextAttemptAt', render: at },
          {
            title: t('integrations.deliveries.result'),
            key: 'result',
            render: (_, d) => d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : '—'),
          },
          {
            title: t('integrations.deliveries.key'),
            dataIndex: 'id',
            render: (id: string) => (
              <Typography.Text code copyable>
                {id}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
