import type { MembershipView, Role } from '@ctp/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { MembershipFields } from './MembershipFields.tsx';

type EditValues = { name: string; memberships: { orgId: string; role: Role }[] };
export type EditableUser = { id: string; email: string; name: string; memberships: MembershipView[] };
type Org = { id: string; kind: string; nameZh: string; nameEn: string | null };

/** Edits a user's name and roles; the server revokes what is left out and ends the sessions acting in it. */
export function UserEditModal({ user, orgs, onClose }: { user: EditableUser; orgs: Org[]; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async (result) => {
        message.success(result.changed ? t('users.updated', { email: user.email }) : t('users.unchanged'));
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onClose();
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setFormError(err.message);
      },
    }),
  );
  return (
    <Modal
      open
      title={t('users.editTitle', { email: user.email })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.editHelp')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: user.name,
          memberships: user.memberships.map((m) => ({ orgId: m.orgId, role: m.role })),
        }}
        onFinish={(values) => {
          setFormError(null);
          update.mutate({ userId: user.id, ...values });
        }}
      >
        <Form.Item name="name" label={t('users.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="user-edit-name" />
        </Form.Item>
        <MembershipFields form={form} orgs={orgs} />
      </Form>
    </Modal>
  );
}
