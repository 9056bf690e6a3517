import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, List, Row, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.tsx';
import { orgLabel } from '../components/OrgName.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { apiError, applyFieldErrors } from '../lib/api-error.ts';
import { personName, properName } from '../lib/proper-name.ts';
import { useTRPC } from '../lib/trpc.ts';

type PasswordForm = { currentPassword: string; newPassword: string; confirm: string };

export default function ProfilePage() {
  const { t, i18n } = useTranslation();
  const { me, active } = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string | null>(null);

  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        message.success(t('profile.passwordChanged'));
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
      },
    }),
  );
  const switchRole = useMutation(
    trpc.auth.switchMembership.mutationOptions({
      onSuccess: async (_, input) => {
        const m = me.memberships.find((x) => x.membershipId === input.membershipId);
        await queryClient.invalidateQueries();
        if (m) message.success(t('profile.switched', { org: orgLabel(m, i18n.language), role: t(`roles.${m.role}`) }));
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );

  return (
    <>
      <PageHeader title={t('profile.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('profile.account')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('users.name')}>{personName(me.user.name, i18n.language)}</Descriptions.Item>
              <Descriptions.Item label={t('users.email')}>{me.user.email}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={t('profile.memberships')} style={{ marginTop: 16 }}>
            <List
              dataSource={me.memberships}
              renderItem={(m) => (
                <List.Item
                  actions={[
                    m.membershipId === active?.membershipId ? (
                      <Tag color="green" key="active">
                        {t('profile.active')}
                      </Tag>
                    ) : (
                      <Button
                        key="use"
                        size="small"
                        onClick={() => switchRole.mutate({ membershipId: m.membershipId })}
                      >
                        {t('profile.use')}
                      </Button>
                    ),
                  ]}
                >
                  <List.Item.Meta
                    title={orgLabel(m, i18n.language)}
                    description={[
                      t(`roles.${m.role}`),
                      m.committeeName && properName(m.committeeName, m.committeeNameEn),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('profile.changePassword')}>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
            <Form
              form={form}
              layout="vertical"
              onFinish={(v) => {
                setError(null);
                change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword });
              }}
            >
              <Form.Item name="currentPassword" label={t('profile.currentPassword')} rules={[{ required: true }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label={t('profile.newPassword')}
                extra={t('profile.passwordHelp')}
                rules={[{ required: true, min: 10 }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label={t('profile.confirmPassword')}
                dependencies={['newPassword']}
                rules={[
                  { required: true },
                  ({ getFieldValue }) => ({
                    validator: (_, v) =>
                      !v || v === getFieldValue('newPassword')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('profile.passwordMismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={change.isPending}>
                {t('common.save')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}
