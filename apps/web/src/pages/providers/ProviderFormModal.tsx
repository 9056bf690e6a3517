import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  NANJING_DISTRICTS,
  PROVIDER_CATEGORIES,
  type ProviderProfile,
  type ProvidersUpdateInput,
  QUALIFICATION_KINDS,
  type QualificationInput,
  THERAPEUTIC_AREAS,
} from '@ctp/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../components/DatePicker.tsx';
import { EntityModal, type EntityModalState } from '../../components/EntityModal.tsx';
import { districtLabel } from '../../components/place-labels.ts';
import { dayOf, pickerValue } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { areaLabel, categoryLabel, qualificationLabel } from './provider-ui.tsx';

type Picked = ReturnType<typeof pickerValue>;
type QualificationValues = Omit<QualificationInput, 'issuedOn' | 'expiresOn'> & {
  issuedOn?: Picked;
  expiresOn: Picked;
};
export type ProviderFormValues = Omit<ProvidersUpdateInput, 'id' | 'version' | 'qualifications'> & {
  qualifications: QualificationValues[];
};

/** The provider admin keeps its own profile: services, coverage, contacts and qualifications (whole lists). */
export function ProviderFormModal({
  provider,
  modal,
}: {
  provider: ProviderProfile;
  modal: EntityModalState<ProviderFormValues, undefined>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.providers.update.mutationOptions());
  const initialValues: ProviderFormValues = {
    nameEn: provider.nameEn ?? '',
    summary: provider.summary ?? '',
    website: provider.website ?? '',
    categories: provider.categories,
    districts: provider.districts as ProviderFormValues['districts'],
    therapeuticAreas: provider.therapeuticAreas,
    contacts: provider.contacts,
    qualifications: provider.qualifications.map((q) => ({
      kind: q.kind,
      number: q.number,
      scope: q.scope ?? undefined,
      issuedOn: q.issuedOn ? pickerValue(q.issuedOn) : undefined,
      expiresOn: pickerValue(q.expiresOn),
    })),
  };
  return (
    <EntityModal<ProviderFormValues, undefined>
      modal={modal}
      title={t('providers.editTitle')}
      success={t('providers.saved')}
      width={760}
      testId="provider-form"
      okTestId="provider-save"
      initialValues={initialValues}
      onSubmit={async (v) => {
        await save.mutateAsync({
          ...v,
          id: provider.id,
          version: provider.version,
          qualifications: v.qualifications.map((q) => ({
            ...q,
            scope: q.scope || undefined,
            issuedOn: q.issuedOn ? dayOf(q.issuedOn) : undefined,
            expiresOn: dayOf(q.expiresOn),
          })),
        });
        // The profile, search results and the provider admin's home (expiring qualifications) show what changed.
        await queryClient.invalidateQueries({ queryKey: trpc.providers.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.home.pathKey() });
      }}
    >
      <Form.Item name="nameEn" label={t('providers.nameEn')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="categories" label={t('providers.category')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Select
          mode="multiple"
          options={PROVIDER_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, lang) }))}
          data-testid="provider-categories"
        />
      </Form.Item>
      <Form.Item name="districts" label={t('providers.district')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Select mode="multiple" options={NANJING_DISTRICTS.map((d) => ({ value: d, label: districtLabel(d, lang) }))} />
      </Form.Item>
      <Form.Item name="therapeuticAreas" label={t('providers.areas')}>
        <Select mode="multiple" options={THERAPEUTIC_AREAS.map((a) => ({ value: a, label: areaLabel(a, lang) }))} />
      </Form.Item>
      <Form.Item label={t('providers.qualifications')}>
        <Form.List name="qualifications">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 220 }}
                      placeholder={t('providers.qualification')}
                      options={QUALIFICATION_KINDS.map((k) => ({ value: k, label: qualificationLabel(k, lang) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'number']} rules={[{ required: true, min: 2, max: 60 }]}>
                    <Input placeholder={t('providers.number')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'expiresOn']} rules={[{ required: true }]}>
                    <DatePicker placeholder={t('providers.expiresOn')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('providers.remove')} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} data-testid="provider-add-qual">
                {t('providers.addQualification')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('providers.contacts')}>
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, min: 2, max: 50 }]}>
                    <Input placeholder={t('providers.contactName')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} rules={[{ max: 50 }]}>
                    <Input placeholder={t('providers.contactTitle')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'phone']} rules={[{ max: 30 }]}>
                    <Input placeholder={t('providers.phone')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'email']} rules={[{ type: 'email', max: 200 }]}>
                    <Input placeholder={t('providers.email')} style={{ width: 200 }} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('providers.remove')} />
                  )}
                </Space>
              ))}
              {fields.length < 5 && (
                <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                  {t('providers.addContact')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="website" label={t('providers.website')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="summary" label={t('providers.summary')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </EntityModal>
  );
}
