import { MinusCircleOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { ROLE_ORG_KINDS, ROLES, type Role } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgLabel } from '../components/OrgName.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { apiError, applyFieldErrors } from '../lib/api-error.ts';
import { personName } from '../lib/proper-name.ts';
import { useTRPC } from '../lib/trpc.ts';

type NewUser = { email: string; name: string; password: string; memberships: { orgId: string; role: Role }[] };

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const users = useQuery(trpc.users.list.queryOptions());
  const orgs = useQuery(trpc.organisations.list.queryOptions({}));
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<NewUser>();

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (_, input) => {
        message.success(t('users.created', { email: input.email }));
        setOpen(false);
        form.resetFields();
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setFormError(err.message);
      },
    }),
  );

  const orgKindOf = (orgId: string | undefined) => orgs.data?.find((o) => o.id === orgId)?.kind;

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
        <Table
          rowKey="id"
          loading={users.isLoading}
          dataSource={users.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('users.empty')} /> }}
          scroll={{ x: 760 }}
          columns={[
            { title: t('users.name'), dataIndex: 'name', width: 140, render: (v: string) => personName(v) },
            { title: t('users.email'), dataIndex: 'email', width: 220 },
            {
              title: t('users.memberships'),
              key: 'memberships',
              render: (_, u) => (
                <Space size={[4, 4]} wrap>
                  {u.memberships.map((m) => (
                    <Tag key={m.membershipId} variant="filled" color="blue">
                      {orgLabel(m, i18n.language)} · {t(`roles.${m.role}`)}
                    </Tag>
                  ))}
                  {u.disabledAt && <Tag color="red">{t('users.disabled')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
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
          <Form.List name="memberships">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[field.name, 'orgId']}
                      label={t('users.org')}
                      rules={[{ required: true }]}
                      style={{ width: 320 }}
                    >
                      <Select
                        showSearch
                        optionFilterProp="label"
                        options={(orgs.data ?? []).map((o) => ({ value: o.id, label: orgLabel(o, i18n.language) }))}
                      />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const kind = orgKindOf(form.getFieldValue(['memberships', field.name, 'orgId']));
                        return (
                          <Form.Item
                            name={[field.name, 'role']}
                            label={t('users.role')}
                            rules={[{ required: true }]}
                            style={{ width: 180 }}
                          >
                            <Select
                              options={ROLES.filter((r) => !kind || ROLE_ORG_KINDS[r].includes(kind)).map((r) => ({
                                value: r,
                                label: t(`roles.${r}`),
                              }))}
                            />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('users.addMembership')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
