import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Popconfirm, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../components/DatePicker.tsx';
import { EntityModal, useEntityModal } from '../../components/EntityModal.tsx';
import { apiError } from '../../lib/api-error.ts';
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
  const modal = useEntityModal<MilestoneValues>({ onSaved: refresh });
  const save = useMutation(trpc.projects.setMilestone.mutationOptions());
  const testId = milestone ? `milestone-edit-${milestone.id}` : 'milestone-add';
  const title = milestone ? t('projects.editMilestone') : t('projects.addMilestone');
  return (
    <>
      <Button size="small" type={milestone ? 'link' : 'default'} onClick={() => modal.open()} data-testid={testId}>
        {title}
      </Button>
      <EntityModal<MilestoneValues, undefined>
        modal={modal}
        title={title}
        success={t('projects.milestoneSaved')}
        testId="milestone-form"
        okTestId="milestone-save"
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
        onSubmit={(v) =>
          save.mutateAsync({
            id: projectId,
            version,
            milestoneId: milestone?.id,
            nameZh: v.nameZh,
            nameEn: v.nameEn || undefined,
            plannedDate: dayOf(v.plannedDate),
            actualDate: v.actualDate ? dayOf(v.actualDate) : null,
          })
        }
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
      </EntityModal>
    </>
  );
}

type LinkValues = { kind: 'platform' | 'registry'; trialId?: string; registryId?: string; reason?: string };

/** Links a platform trial or a registry trial (by its number) to the project. */
export function LinkTrialButton({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const modal = useEntityModal<LinkValues>({ onSaved: refresh });
  const kind = Form.useWatch('kind', modal.form) ?? 'platform';
  const options = useQuery({ ...trpc.projects.formOptions.queryOptions(), enabled: modal.isOpen });
  const link = useMutation(trpc.projects.linkTrial.mutationOptions());
  return (
    <>
      <Button type="primary" onClick={() => modal.open()} data-testid="project-link-trial">
        {t('projects.linkTrial')}
      </Button>
      <EntityModal<LinkValues, undefined>
        modal={modal}
        title={t('projects.linkTrial')}
        success={t('projects.linked')}
        width={640}
        testId="project-link-form"
        okTestId="project-link-save"
        initialValues={{ kind: 'platform' }}
        onSubmit={(v) =>
          link.mutateAsync({
            id: projectId,
            ...(v.kind === 'platform' ? { trialId: v.trialId } : { registryId: v.registryId }),
            reason: v.reason || undefined,
          })
        }
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
            <Input placeholder="NCT01234567" data-testid="project-link-registry-id" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('projects.linkReason')} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
      </EntityModal>
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
