import { availableSteps, BASE_TRANSITIONS, type BaseStatus, type BaseStep, targetOf } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';

type Base = {
  id: string;
  version: number;
  status: BaseStatus;
  can: { editWhole: boolean; editOwnPart: boolean; review: boolean };
  ownPart: { note: string | null; contact: string | null } | null;
};
type Dialog = 'status' | 'part' | 'link' | null;

/** What the reader may do on a base, by the same pure policy the server enforces (`can` from `bases.get`). */
export function BaseActions({ base }: { base: Base }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const linkable = useQuery({ ...trpc.bases.linkableTrials.queryOptions({ id: base.id }), enabled: dialog === 'link' });
  const done = async () => {
    message.success(t('bases.saved'));
    setDialog(null);
    setError(null);
    form.resetFields();
    await queryClient.invalidateQueries({ queryKey: trpc.bases.get.queryKey({ id: base.id }) });
  };
  const fail = (e: unknown) => setError(apiError(e, t('common.networkError')).message);
  const setStatus = useMutation(trpc.bases.setStatus.mutationOptions({ onSuccess: done, onError: fail }));
  const update = useMutation(trpc.bases.update.mutationOptions({ onSuccess: done, onError: fail }));
  const link = useMutation(trpc.bases.linkTrial.mutationOptions({ onSuccess: done, onError: fail }));
  const open = (d: Dialog) => {
    setError(null);
    setDialog(d);
  };
  const submit = (values: Record<string, string>) => {
    if (dialog === 'status') {
      const step = values.step as BaseStep;
      setStatus.mutate({
        id: base.id,
        version: base.version,
        step,
        status: targetOf(BASE_TRANSITIONS, step, base.status) ?? base.status,
        reason: values.reason!,
      });
    }
    if (dialog === 'part')
      update.mutate({
        id: base.id,
        version: base.version,
        memberNote: values.note ?? '',
        memberContact: values.contact ?? '',
      });
    if (dialog === 'link') link.mutate({ id: base.id, trialId: values.trialId!, linked: true });
  };
  const canLink = base.can.editWhole || base.can.editOwnPart;
  // The review's steps from the table the server enforces; the commission is the only side that has any.
  const steps = availableSteps(BASE_TRANSITIONS, base.status, base.can.review ? 'commission' : null);
  return (
    <Space wrap>
      {steps.length > 0 && (
        <Button onClick={() => open('status')} data-testid="base-set-status">
          {t('bases.setStatus')}
        </Button>
      )}
      {base.can.editOwnPart && (
        <Button onClick={() => open('part')} data-testid="base-own-part">
          {t('bases.editOwnPart')}
        </Button>
      )}
      {canLink && (
        <Button type="primary" onClick={() => open('link')} data-testid="base-link-trial">
          {t('bases.linkTrial')}
        </Button>
      )}
      <Modal
        open={dialog !== null}
        title={
          dialog === 'status' ? t('bases.setStatus') : dialog === 'part' ? t('bases.editOwnPart') : t('bases.linkTrial')
        }
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        confirmLoading={setStatus.isPending || update.isPending || link.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'base-dialog-ok' } as Record<`data-${string}`, string>}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={
            dialog === 'part' ? { note: base.ownPart?.note ?? '', contact: base.ownPart?.contact ?? '' } : {}
          }
        >
          {dialog === 'status' && (
            <>
              <Form.Item name="step" label={t('bases.newStatus')} rules={[{ required: true }]}>
                <Select options={steps.map((s) => ({ value: s, label: t(`bases.steps.${s}`) }))} />
              </Form.Item>
              <Form.Item name="reason" label={t('bases.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
          {dialog === 'part' && (
            <>
              <Form.Item name="note" label={t('bases.memberNote')} rules={[{ max: 500 }]}>
                <Input.TextArea rows={3} data-testid="base-part-note" />
              </Form.Item>
              <Form.Item name="contact" label={t('bases.memberContact')} rules={[{ max: 100 }]}>
                <Input />
              </Form.Item>
            </>
          )}
          {dialog === 'link' && (
            <Form.Item name="trialId" label={t('bases.chooseTrial')} rules={[{ required: true }]}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={linkable.isLoading}
                options={(linkable.data ?? []).map((tr) => ({ value: tr.id, label: tr.titleZh }))}
                data-testid="base-trial-select"
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
