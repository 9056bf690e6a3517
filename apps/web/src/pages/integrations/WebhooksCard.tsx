import { ApiOutlined } from '@ant-design/icons';
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookView } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DeliveriesDrawer } from './DeliveriesDrawer.tsx';
import { OnceSecretModal } from './OnceSecretModal.tsx';

type WebhookForm = { url: string; events: WebhookEvent[] };

export function WebhooksCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const hooks = useQuery(trpc.webhooks.list.queryOptions());
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [viewing, setViewing] = useState<WebhookView | null>(null);
  const [form] = Form.useForm<WebhookForm>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });

  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: async (result) => {
        setOpen(false);
        form.resetFields();
        setSecret(result.secret);
        await refresh();
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setFormError(err.message);
      },
    }),
  );
  const disable = useMutation(
    trpc.webhooks.disable.mutationOptions({
      onSuccess: refresh,
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );

  return (
    <Card
      title={t('integrations.webhooks.title')}
      extra={
        <Button icon={<ApiOutlined />} onClick={() => setOpen(true)} data-testid="webhook-create">
          {t('integrations.webhooks.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('integrations.webhooks.intro')}</Typography.Paragraph>
      <Table<WebhookView>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={hooks.isLoading}
        dataSource={hooks.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('integrations.webhooks.empty')} /> }}
        columns={[
          {
            title: t('integrations.webhooks.url'),
            dataIndex: 'url',
            width: 260,
            render: (url: string) => <Typography.Text style={{ wordBreak: 'break-all' }}>{url}</Typography.Text>,
          },
          {
            title: t('integrations.webhooks.events'),
            dataIndex: 'events',
            width: 320,
            render: (events: WebhookEvent[]) => (
              <Space size={[0, 4]} wrap>
                {events.map((e) => (
                  <Tag key={e}>{t(`integrations.webhooks.eventNames.${e}`)}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('integrations.webhooks.counts'),
            key: 'counts',
            render: (_, h) => t('integrations.webhooks.countsValue', h),
          },
          {
            title: t('integrations.tokens.status'),
            key: 'status',
            render: (_, h) =>
              h.disabledAt ? (
                <Tag>{`${t('integrations.webhooks.disabled')} ${beijingTime(h.disabledAt)}`}</Tag>
              ) : (
                <Tag color="green">{t('integrations.webhooks.active')}</Tag>
              ),
          },
          {
            key: 'actions',
            render: (_, h) => (
              <Space>
                <Button size="small" onClick={() => setViewing(h)} data-testid={`webhook-deliveries-${h.id}`}>
                  {t('integrations.webhooks.deliveries')}
                </Button>
                {!h.disabledAt && (
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      modal.confirm({
                        title: t('integrations.webhooks.disable'),
                        content: t('integrations.webhooks.disableConfirm', { url: h.url }),
                        okButtonProps: { danger: true },
                        onOk: () => disable.mutateAsync({ webhookId: h.id }),
                      })
                    }
                  >
                    {t('integrations.webhooks.disable')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('integrations.webhooks.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okButtonProps={{ 'data-testid': 'webhook-submit' } as Record<`data-${string}`, string>}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
        <Form<WebhookForm>
          form={form}
          layout="vertical"
          initialValues={{ events: [...WEBHOOK_EVENTS] }}
          onFinish={(values) => {
            setFormError(null);
            create.mutate(values);
          }}
        >
          <Form.Item name="url" label={t('integrations.webhooks.url')} rules={[{ required: true, type: 'url' }]}>
            <Input placeholder={t('integrations.webhooks.urlPlaceholder')} data-testid="webhook-url" />
          </Form.Item>
          <Form.Item
            name="events"
            label={t('integrations.webhooks.events')}
            rules={[{ required: true, type: 'array', min: 1 }]}
          >
            <Checkbox.Group
              style={{ display: 'grid', gap: 4 }}
              options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: t(`integrations.webhooks.eventNames.${e}`) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <OnceSecretModal
        title={t('integrations.webhooks.secretShown')}
        help={t('integrations.webhooks.secretHelp')}
        secret={secret}
        onClose={() => setSecret(null)}
      />
      <DeliveriesDrawer webhook={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}
