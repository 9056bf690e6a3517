import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../components/DatePicker.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { dayOf, isAfterBeijingToday, pickerValue } from '../../lib/beijing-time.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';

type Milestone = { id: number; nameZh: string; nameEn: string | null; plannedDate: string; actualDate: string | null };
type MilestoneValues = {
  nameZh: string;
  nameEn?: string;
  plannedDate: ReturnType<typeof pickerValue>;
  actualDate?: ReturnType<typeof pickerValue> | null;
};

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.projects.pathKey() });
}

/** Adds a milestone, or records a milestone's plan and the date it was reached (never after today, Beijing). */
export function MilestoneButton({
  projectId,
  version,
  milestone,
}: {
  projectId: string;
  version: number;
  milestone?: Milestone;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<MilestoneValues>();
  const save = useMutation(
    trpc.projects.setMilestone.mutationOptions({
      onSuccess: async () => {
        message.success(t('projects.milestoneSaved'));
        await refresh();
        setOpen(false);
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
      },
    }),
  );
  const testId = milestone ? `milestone-edit-${milestone.id}` : 'milestone-add';
  return (
    <>
      <Button size="small" type={milestone ? 'link' : 'default'} onClick={() => setOpen(true)} data-testid={testId}>
        {milestone ? t('projects.editMilestone') : t('projects.addMilestone')}
      </Button>
      <Modal
        open={open}
        title={milestone ? t('projects.editMilestone') : t('projects.addMilestone')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'milestone-save' } as Record<`data-${string}`, string>}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form<MilestoneValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={
            milestone
              ? {
                  nameZh: milestone.nameZh,
                  nameEn: milestone.nameEn ?? undefined,
                  plannedDate: pickerValue(milestone.plannedDate),
                  actualDate: milestone.actualDate ? pickerValue(milestone.actualDate) : null,
                }
              : undefined
          }
          onFinish={(v) => {
            setError(null);
            save.mutate({
              id: projectId,
              version,
              milestoneId: milestone?.id,
              nameZh: v.nameZh,
              nameEn: v.nameEn || undefined,
              plannedDate: dayOf(v.plannedDate),
              actualDate: v.actualDate ? dayOf(v.actualDate) : null,
            });
          }}
        >
          <Form.Item name="nameZh" label={t('projects.milestone')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input data-testid="milestone-name" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('projects.milestoneEn')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="plannedDate" label={t('projects.planned')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="actualDate" label={t('projects.actual')}>
            <DatePicker disabledDate={isAfterBeijingToday} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

type LinkValues = { kind: 'platform' | 'registry'; trialId?: string; registryId?: string; reason?: string };

/** Links a platform trial or a registry trial (by its number) to the project. */
export function LinkTrialButton({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<LinkValues>();
  const kind = Form.useWatch('kind', form) ?? 'platform';
  const options = useQuery({ ...trpc.projects.formOptions.queryOptions(), enabled: open });
  const link = useMutation(
    trpc.projects.linkTrial.mutationOptions({
      onSuccess: async () => {
        message.success(t('projects.linked'));
        await refresh();
        setOpen(false);
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
      },
    }),
  );
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="project-link-trial">
        {t('projects.linkTrial')}
      </Button>
      <Modal
        open={open}
        title={t('projects.linkTrial')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={link.isPending}
        destroyOnHidden
        width={640}
        okButtonProps={{ 'data-testid': 'project-link-save' } as Record<`data-${string}`, string>}
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form<LinkValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ kind: 'platform' }}
          onFinish={(v) => {
            setError(null);
            link.mutate({
              id: projectId,
              ...(v.kind === 'platform' ? { trialId: v.trialId } : { registryId: v.registryId }),
              reason: v.reason || undefined,
            });
          }}
        >
          <Form.Item name="kind">
            <Radio.Group
              options={[
                { value: 'platform', label: t('projects.linkPlatform') },
                { value: 'registry', label: t('projects.linkRegistry') },
              ]}
            />
          </Form.Item>
          {kind === 'platform' ? (
            <Form.Item name="trialId" label={t('projects.linkPlatform')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(options.data?.trials ?? []).map((tr) => ({
                  value: tr.id,
                  label: properName(tr.titleZh, tr.titleEn, i18n.language),
                }))}
                data-testid="project-link-trial-select"
              />
            </Form.Item>
          ) : (
            <Form.Item name="registryId" label={t('projects.linkRegistry')} rules={[{ required: true, min: 4 }]}>
              <Input placeholder="NCT01234567" />
            </Form.Item>
          )}
          <Form.Item name="reason" label={t('projects.linkReason')} rules={[{ max: 500 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function UnlinkTrialButton({ projectId, trialId }: { projectId: string; trialId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const { message } = App.useApp();
  const unlink = useMutation(
    trpc.projects.linkTrial.mutationOptions({
      onSuccess: async () => {
        message.success(t('projects.unlinked'));
        await refresh();
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <Popconfirm
      title={t('projects.unlink')}
      onConfirm={() => unlink.mutate({ id: projectId, trialId, linked: false, reason: t('projects.unlink') })}
    >
      <Button size="small" loading={unlink.isPending}>
        {t('projects.unlink')}
      </Button>
    </Popconfirm>
  );
}
