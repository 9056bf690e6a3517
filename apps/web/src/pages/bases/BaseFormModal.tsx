import { BASE_FOCUS_AREAS, type BasesCreateInput } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DatePicker } from '../../components/DatePicker.tsx';
import { EntityModal, type EntityModalState } from '../../components/EntityModal.tsx';
import { orgLabel } from '../../components/OrgName.tsx';
import { dayOf, isAfterBeijingToday, type pickerValue } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';

export type BaseFormValues = Omit<BasesCreateInput, 'foundedOn'> & { foundedOn: ReturnType<typeof pickerValue> };
const MEMBER_KINDS = ['hospital', 'sponsor', 'cro', 'university'];

/** The commission registers a base: its members from the directory, the lead among them; then its page opens. */
export function BaseFormModal({ modal }: { modal: EntityModalState<BaseFormValues, undefined> }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const orgs = useQuery({ ...trpc.organisations.list.queryOptions({}), enabled: modal.isOpen });
  const members = Form.useWatch('memberOrgIds', modal.form) ?? [];
  const options = (orgs.data ?? [])
    .filter((o) => MEMBER_KINDS.includes(o.kind))
    .map((o) => ({ value: o.id, label: `${orgLabel(o, i18n.language)} · ${t(`bases.kinds.${o.kind}`)}` }));
  const create = useMutation(trpc.bases.create.mutationOptions());
  return (
    <EntityModal<BaseFormValues, undefined>
      modal={modal}
      title={t('bases.create')}
      success={t('bases.saved')}
      width={640}
      testId="base-form"
      okTestId="base-save"
      onSubmit={async (v) => {
        const { id } = await create.mutateAsync({ ...v, foundedOn: dayOf(v.foundedOn) });
        await queryClient.invalidateQueries({ queryKey: trpc.bases.list.queryKey() });
        navigate(`/bases/${id}`);
      }}
    >
      <Form.Item name="nameZh" label={t('bases.nameZh')} rules={[{ required: true, min: 4, max: 100 }]}>
        <Input data-testid="base-name" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('bases.nameEn')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="memberOrgIds" label={t('bases.members')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Select mode="multiple" showSearch optionFilterProp="label" options={options} data-testid="base-members" />
      </Form.Item>
      <Form.Item name="leadOrgId" label={t('bases.lead')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={options.filter((o) => members.includes(o.value))}
          data-testid="base-lead"
        />
      </Form.Item>
      <Form.Item name="focusAreas" label={t('bases.focus')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Select
          mode="multiple"
          options={BASE_FOCUS_AREAS.map((f) => ({ value: f, label: t(`bases.focusAreas.${f}`) }))}
        />
      </Form.Item>
      <Form.Item name="foundedOn" label={t('bases.foundedOn')} rules={[{ required: true }]}>
        <DatePicker disabledDate={isAfterBeijingToday} />
      </Form.Item>
      <Form.Item name="contactName" label={t('bases.contactName')} rules={[{ required: true, min: 2, max: 50 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('bases.contactPhone')} rules={[{ max: 30 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="contactEmail" label={t('bases.contactEmail')} rules={[{ type: 'email', max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="summary" label={t('bases.summary')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </EntityModal>
  );
}
