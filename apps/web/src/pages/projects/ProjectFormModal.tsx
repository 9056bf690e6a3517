import { PROJECT_TECH_AREAS, type ProjectsCreateInput } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DatePicker } from '../../components/DatePicker.tsx';
import { EntityModal, type EntityModalState } from '../../components/EntityModal.tsx';
import { dayOf, type pickerValue } from '../../lib/beijing-time.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';

export type ProjectFormValues = Omit<ProjectsCreateInput, 'startDate' | 'milestones'> & {
  startDate: ReturnType<typeof pickerValue>;
};

/** The commission registers a key technology project (milestones are added on its page); then its page opens. */
export function ProjectFormModal({ modal }: { modal: EntityModalState<ProjectFormValues, undefined> }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useQuery({ ...trpc.projects.formOptions.queryOptions(), enabled: modal.isOpen });
  const create = useMutation(trpc.projects.create.mutationOptions());
  return (
    <EntityModal<ProjectFormValues, undefined>
      modal={modal}
      title={t('projects.create')}
      success={t('projects.saved')}
      width={640}
      testId="project-form"
      okTestId="project-save"
      onSubmit={async (v) => {
        const { id } = await create.mutateAsync({ ...v, startDate: dayOf(v.startDate), milestones: [] });
        await queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey() });
        navigate(`/projects/${id}`);
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
    </EntityModal>
  );
}
