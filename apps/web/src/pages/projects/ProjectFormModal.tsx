import { PROJECT_TECH_AREAS, type ProjectsCreateInput } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DatePicker } from '../../components/DatePicker.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { dayOf, type pickerValue } from '../../lib/beijing-time.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';

type FormValues = Omit<ProjectsCreateInput, 'startDate' | 'milestones'> & {
  startDate: ReturnType<typeof pickerValue>;
};

/** The commission registers a key technology project; milestones are added on its page. */
export function ProjectFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const options = useQuery({ ...trpc.projects.formOptions.queryOptions(), enabled: open });
  const create = useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess: async ({ id }) => {
        message.success(t('projects.saved'));
        await queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
        onClose();
        navigate(`/projects/${id}`);
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
      },
    }),
  );
  return (
    <Modal
      open={open}
      title={t('projects.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'project-save' } as Record<`data-${string}`, string>}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          create.mutate({ ...v, startDate: dayOf(v.startDate), milestones: [] });
        }}
      >
        <Form.Item name="titleZh" label={t('projects.titleZh')} rules={[{ required: true, min: 4, max: 150 }]}>
          <Input data-testid="project-title" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('projects.titleEn')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="leadOrgId" label={t('projects.lead')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(options.data?.enterprises ?? []).map((o) => ({
              value: o.id,
              label: properName(o.nameZh, o.nameEn, i18n.language),
            }))}
            data-testid="project-lead"
          />
        </Form.Item>
        <Form.Item name="technologyArea" label={t('projects.area')} rules={[{ required: true }]}>
          <Select options={PROJECT_TECH_AREAS.map((a) => ({ value: a, label: t(`bases.focusAreas.${a}`) }))} />
        </Form.Item>
        <Form.Item name="fundingProgramme" label={t('projects.funding')} rules={[{ required: true, min: 2, max: 150 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="startDate" label={t('projects.startDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="summary" label={t('projects.summary')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
