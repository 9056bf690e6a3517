import { KeyOutlined } from '@ant-design/icons';
import { type ApiTokenView, TOKEN_MAX_DAYS, TOKEN_SCOPES, type TokenRole, type TokenScope } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { DatePicker } from '../../components/DatePicker.tsx';
import { UserText } from '../../components/UserText.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { addDays, beijingTime, beijingToday, dayOf, pickerValue } from '../../lib/beijing-time.ts';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { OnceSecretModal } from './OnceSecretModal.tsx';

type TokenForm = { name: string; scopes: TokenScope[]; expiresAt: ReturnType<typeof pickerValue> };
const STATUS_COLOR = { active: 'green', expired: 'default', revoked: 'red' } as const;

export function TokensCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const { actor } = useSession();
  const tokens = useQuery(trpc.tokens.list.queryOptions());
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [form] = Form.useForm<TokenForm>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });

  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: async (result) => {
        setOpen(false);
        form.resetFields();
        setShown(result.token);
        await refresh();
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setFormError(err.message);
      },
    }),
  );
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: async () => {
        message.success(t('integrations.tokens.revoked'));
        await refresh();
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );

  const today = beijingToday();
  const submit = (values: TokenForm) => {
    setFormError(null);
    create.mutate({
      name: values.name,
      role: actor!.role as TokenRole,
      scopes: values.scopes,
      expiresAt: dayOf(values.expiresAt),
    });
  };

  return (
    <Card
      title={t('integrations.tokens.title')}
      extra={
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid="token-create">
          {t('integrations.tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('integrations.tokens.intro')}</Typography.Paragraph>
      <Table<ApiTokenView>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={tokens.isLoading}
        dataSource={tokens.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('integrations.tokens.empty')} /> }}
        columns={[
          { title: t('integrations.tokens.name'), dataIndex: 'name', render: (v: string) => <UserText text={v} /> },
          {
            title: t('integrations.tokens.prefix'),
            dataIndex: 'prefix',
            render: (p: string) => <Typography.Text code>{p}…</Typography.Text>,
          },
          { title: t('integrations.tokens.role'), dataIndex: 'role', render: (r: string) => t(`roles.${r}`) },
          {
            title: t('integrations.tokens.scopes'),
            dataIndex: 'scopes',
            render: (scopes: TokenScope[]) => (
              <Space size={[0, 4]} wrap>
                {scopes.map((s) => (
                  <Tag key={s}>{t(`integrations.tokens.scopeNames.${s}`)}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('integrations.tokens.expiresAt'), dataIndex: 'expiresAt' },
          {
            title: t('integrations.tokens.lastUsed'),
            key: 'lastUsed',
            render: (_, r) =>
              r.lastUsedAt ? `${beijingTime(r.lastUsedAt)} · ${r.lastUsedIp ?? '—'}` : t('integrations.tokens.never'),
          },
          {
            title: t('integrations.tokens.createdBy'),
            dataIndex: 'createdByName',
            render: (v: string) => personName(v),
          },
          {
            title: t('integrations.tokens.status'),
            dataIndex: 'status',
            render: (s: ApiTokenView['status']) => (
              <Tag color={STATUS_COLOR[s]}>{t(`integrations.tokens.statuses.${s}`)}</Tag>
            ),
          },
          {
            key: 'actions',
            render: (_, r) =>
              r.status === 'revoked' ? null : (
                <Button
                  danger
                  size="small"
                  data-testid={`token-revoke-${r.id}`}
                  onClick={() =>
                    modal.confirm({
                      title: t('integrations.tokens.revoke'),
                      content: t('integrations.tokens.revokeConfirm', { name: r.name }),
                      okButtonProps: { danger: true },
                      onOk: () => revoke.mutateAsync({ id: r.id }),
                    })
                  }
                >
                  {t('integrations.tokens.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('integrations.tokens.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okButtonProps={{ 'data-testid': 'token-submit' } as Record<`data-${string}`, string>}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon message={formError} style={{ marginBottom: 16 }} />}
        <Form<TokenForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ scopes: ['read'], expiresAt: pickerValue(addDays(today, 365)) }}
        >
          <Form.Item name="name" label={t('integrations.tokens.name')} rules={[{ required: true, min: 2, max: 80 }]}>
            <Input placeholder={t('integrations.tokens.namePlaceholder')} data-testid="token-name" />
          </Form.Item>
          <Form.Item label={t('integrations.tokens.role')}>
            <Typography.Text>{actor ? t(`roles.${actor.role}`) : ''}</Typography.Text>
          </Form.Item>
          <Form.Item
            name="scopes"
            label={t('integrations.tokens.scopes')}
            rules={[{ required: true, type: 'array', min: 1 }]}
          >
            <Checkbox.Group
              options={TOKEN_SCOPES.map((s) => ({ value: s, label: t(`integrations.tokens.scopeNames.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('integrations.tokens.expiresAt')} rules={[{ required: true }]}>
            <DatePicker
              disabledDate={(d) => dayOf(d) < today || dayOf(d) > addDays(today, TOKEN_MAX_DAYS)}
              data-testid="token-expires"
            />
          </Form.Item>
        </Form>
      </Modal>
      <OnceSecretModal
        title={t('integrations.tokens.shownOnce')}
        help={t('integrations.tokens.shownOnceHelp')}
        secret={shown}
        onClose={() => setShown(null)}
      />
    </Card>
  );
}
