import { EditOutlined, KeyOutlined, StopOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { type Role, USER_STATUSES, type UserStatus } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.tsx';
import { orgLabel } from '../components/OrgName.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { apiError, applyFieldErrors } from '../lib/api-error.ts';
import { personName } from '../lib/proper-name.ts';
import { useTRPC } from '../lib/trpc.ts';
import { MembershipFields } from './users/MembershipFields.tsx';
import { type EditableUser, UserEditModal } from './users/UserEditModal.tsx';

type NewUser = { email: string; name: string; password: string; memberships: { orgId: string; role: Role }[] };

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const { me } = useSession();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<UserStatus | undefined>(undefined);
  const users = useQuery(trpc.users.list.queryOptions({ q: q || undefined, status }));
  const orgs = useQuery(trpc.organisations.list.queryOptions({}));
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<EditableUser | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<NewUser>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
  const onError = (e: unknown) => message.error(apiError(e, t('common.networkError')).message);

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (_, input) => {
        message.success(t('users.created', { email: input.email }));
        setOpen(false);
        form.resetFields();
        await refresh();
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setFormError(err.message);
      },
    }),
  );
  const setDisabled = useMutation(
    trpc.users.setDisabled.mutationOptions({
      onSuccess: async (result) => {
        const email = users.data?.find((u) => u.id === result.id)?.email ?? '';
        message.success(t(result.disabled ? 'users.disabledDone' : 'users.enabledDone', { email }));
        await refresh();
      },
      onError,
    }),
  );
  const resetPassword = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: (result) => {
        const name = users.data?.find((u) => u.id === result.id)?.name ?? '';
        // Shown once: the server keeps only the hash.
        modal.info({
          title: t('users.tempPasswordTitle', { name }),
          width: 520,
          content: (
            <>
              <Typography.Paragraph>{t('users.tempPasswordHelp')}</Typography.Paragraph>
              <Typography.Text
                code
                copyable={{ onCopy: () => message.success(t('users.tempPasswordCopied')) }}
                style={{ fontSize: 18 }}
                data-testid="temp-password"
              >
                {result.temporaryPassword}
              </Typography.Text>
            </>
          ),
        });
      },
      onError,
    }),
  );

  const orgList = orgs.data ?? [];
  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setOpen(true)} data-testid="users-create">
            {t('users.create')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            onSearch={(v) => setQ(v.trim())}
            style={{ width: 280, maxWidth: '100%' }}
            data-testid="users-search"
          />
          <Select
            aria-label={t('users.statusFilter')}
            value={status ?? 'all'}
            onChange={(v) => setStatus(v === 'all' ? undefined : (v as UserStatus))}
            style={{ width: 140 }}
            options={[
              { value: 'all', label: t('users.statusAll') },
              ...USER_STATUSES.map((s) => ({ value: s, label: t(`users.${s}`) })),
            ]}
            data-testid="users-status"
          />
        </Space>
        <Table
          rowKey="id"
          loading={users.isLoading}
          dataSource={users.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('users.empty')} /> }}
          scroll={{ x: 1100 }}
          columns={[
            {
              title: t('users.name'),
              dataIndex: 'name',
              width: 170,
              render: (name: string, u) => (
                <Space size={4} wrap>
                  {personName(name)}
                  {u.id === me.user.id && <Tag>{t('users.self')}</Tag>}
                </Space>
              ),
            },
            { title: t('users.email'), dataIndex: 'email', width: 200 },
            {
              title: t('users.memberships'),
              key: 'memberships',
              render: (_, u) => (
                <Space size={[4, 4]} wrap>
                  {u.memberships.map((m) => (
                    <Tag key={m.membershipId} variant="filled" color="blue" style={{ whiteSpace: 'normal' }}>
                      {orgLabel(m, i18n.language)} · {t(`roles.${m.role}`)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('users.status'),
              key: 'status',
              width: 100,
              render: (_, u) =>
                u.disabledAt ? (
                  <Tag color="red">{t('users.disabled')}</Tag>
                ) : (
                  <Tag color="green">{t('users.active')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 290,
              fixed: 'right',
              render: (_, u) => {
                const self = u.id === me.user.id;
                return (
                  <Space size={0} wrap>
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing(u)}
                      data-testid={`user-edit-${u.email}`}
                    >
                      {t('users.edit')}
                    </Button>
                    {!self && (
                      <Popconfirm
                        title={t(u.disabledAt ? 'users.enableConfirm' : 'users.disableConfirm', { name: u.name })}
                        okText={t(u.disabledAt ? 'users.enable' : 'users.disable')}
                        okButtonProps={{ danger: !u.disabledAt }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => setDisabled.mutateAsync({ userId: u.id, disabled: !u.disabledAt })}
                      >
                        <Button
                          type="link"
                          size="small"
                          danger={!u.disabledAt}
                          icon={u.disabledAt ? <UnlockOutlined /> : <StopOutlined />}
                          data-testid={`user-toggle-${u.email}`}
                        >
                          {t(u.disabledAt ? 'users.enable' : 'users.disable')}
                        </Button>
                      </Popconfirm>
                    )}
                    {!self && (
                      <Popconfirm
                        title={t('users.resetConfirm', { name: u.name })}
                        okText={t('users.resetPassword')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => resetPassword.mutateAsync({ userId: u.id })}
                      >
                        <Button type="link" size="small" icon={<KeyOutlined />} data-testid={`user-reset-${u.email}`}>
                          {t('users.resetPassword')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      {editing && <UserEditModal user={editing} orgs={orgList} onClose={() => setEditing(null)} />}
      <Modal
        open={open}
        title={t('users.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        width={640}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ memberships: [{}] }}
          onFinish={(values) => {
            setFormError(null);
            create.mutate(values);
          }}
        >
          <Form.Item name="name" label={t('users.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('users.email')} rules={[{ required: true, type: 'email' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={t('users.passwordHelp')}
            rules={[{ required: true, min: 10 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <MembershipFields form={form} orgs={orgList} />
        </Form>
      </Modal>
    </>
  );
}
