import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { SPECIALTY_SCOPES } from '@ctp/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../components/DatePicker.tsx';
import { EntityModal, type EntityModalState } from '../../components/EntityModal.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { fromDate, type HospitalProfile, notFuture, orNull, type SpecialtyRow, toDate } from './profile-ui.ts';

export type SpecialtyValues = {
  specialtyCode: string;
  nameAsFiled?: string;
  filingDate?: Dayjs | null;
  scope: (typeof SPECIALTY_SCOPES)[number];
  trialBeds: number;
  maxConcurrentTrials: number;
  diseaseAreas: { diseaseArea: string; annualPatients?: number | null }[];
};

/** Files a specialty (target null) or edits a filed one: beds, concurrent trials, disease areas. */
export function SpecialtyModal({
  profile,
  modal,
}: {
  profile: HospitalProfile;
  modal: EntityModalState<SpecialtyValues, SpecialtyRow | null>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const specialty = modal.target ?? null;
  const catalogue = useQuery({
    ...trpc.hospitals.specialtyCatalogue.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: modal.isOpen,
  });
  const add = useMutation(trpc.hospitals.addSpecialty.mutationOptions());
  const update = useMutation(trpc.hospitals.updateSpecialty.mutationOptions());
  const submit = (v: SpecialtyValues) => {
    const common = {
      nameAsFiled: orNull(v.nameAsFiled),
      filingDate: toDate(v.filingDate),
      scope: v.scope,
      trialBeds: v.trialBeds,
      maxConcurrentTrials: v.maxConcurrentTrials,
      diseaseAreas: (v.diseaseAreas ?? []).map((a) => ({
        diseaseArea: a.diseaseArea ?? '',
        annualPatients: a.annualPatients ?? null,
      })),
    };
    return specialty
      ? update.mutateAsync({ id: specialty.id, version: specialty.version, ...common })
      : add.mutateAsync({ hospitalId: profile.hospital.id, specialtyCode: v.specialtyCode, ...common });
  };
  return (
    <EntityModal
      modal={modal}
      title={specialty ? t('hospital.editSpecialty') : t('hospital.addSpecialty')}
      success={t('hospital.saved')}
      width={720}
      testId="specialty-form"
      initialValues={
        specialty
          ? {
              specialtyCode: specialty.code,
              nameAsFiled: specialty.nameAsFiled ?? '',
              filingDate: fromDate(specialty.filingDate),
              scope: specialty.scope,
              trialBeds: specialty.trialBeds,
              maxConcurrentTrials: specialty.maxConcurrentTrials,
              diseaseAreas: specialty.diseaseAreas,
            }
          : { scope: 'drug', trialBeds: 0, maxConcurrentTrials: 5, diseaseAreas: [{}] }
      }
      onSubmit={submit}
      onValuesChange={(changed: Partial<SpecialtyValues>) => {
        // A new filing usually has the catalogue's scope (Phase I items are drug-only).
        const scope = catalogue.data?.find((c) => c.code === changed.specialtyCode)?.scope;
        if (!specialty && scope) modal.form.setFieldValue('scope', scope);
      }}
    >
      <SpecialtyCodeField profile={profile} specialty={specialty} catalogue={catalogue} />
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name="nameAsFiled" label={t('hospital.nameAsFiled')} extra={t('hospital.nameAsFiledHelp')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="filingDate" label={t('hospital.filingDate')}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={notFuture}
              placeholder={t('hospital.datePlaceholder')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name="scope" label={t('hospital.scope')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={SPECIALTY_SCOPES.map((s) => ({ value: s, label: t(`hospital.scopes.${s}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item name="trialBeds" label={t('hospital.trialBeds')} rules={[{ required: true }]}>
            <InputNumber style={{ width: '100%' }} precision={0} data-testid="specialty-trial-beds" />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item name="maxConcurrentTrials" label={t('hospital.maxConcurrent')} rules={[{ required: true }]}>
            <InputNumber style={{ width: '100%' }} precision={0} data-testid="specialty-max" />
          </Form.Item>
        </Col>
      </Row>
      <DiseaseAreasField />
    </EntityModal>
  );
}

type Catalogue = {
  data?: { code: string; nameZh: string; nameEn: string; aliases: readonly string[] }[];
  isLoading: boolean;
};

/** The catalogue's specialties, searchable in both languages and by alias; one already filed cannot be filed again. */
function SpecialtyCodeField({
  profile,
  specialty,
  catalogue,
}: {
  profile: HospitalProfile;
  specialty: SpecialtyRow | null;
  catalogue: Catalogue;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const filed = new Set(profile.specialties.map((s) => s.code));
  return (
    <Form.Item name="specialtyCode" label={t('hospital.specialty')} rules={[{ required: true }]}>
      <Select
        showSearch={{
          filterOption: (input, option) => String(option?.search ?? '').includes(input.trim().toLowerCase()),
        }}
        disabled={Boolean(specialty)}
        loading={catalogue.isLoading}
        placeholder={t('hospital.specialtyPlaceholder')}
        data-testid="specialty-code"
        options={(catalogue.data ?? []).map((c) => ({
          value: c.code,
          disabled: !specialty && filed.has(c.code),
          search: [c.nameZh, c.nameEn, c.code, ...c.aliases].join(' ').toLowerCase(),
          label: (
            <span>
              {en ? c.nameEn : c.nameZh} <span className="ctp-muted">{en ? c.nameZh : c.nameEn}</span>
            </span>
          ),
        }))}
      />
    </Form.Item>
  );
}

function DiseaseAreasField() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong>{t('hospital.diseaseAreas')}</Typography.Text>
      <Form.List name="diseaseAreas">
        {(fields, { add: addRow, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item
                  name={[field.name, 'diseaseArea']}
                  rules={[{ required: true, whitespace: true }]}
                  style={{ width: 280 }}
                >
                  <Input
                    placeholder={t('hospital.diseaseArea')}
                    maxLength={50}
                    data-testid={`disease-area-${field.name}`}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'annualPatients']} style={{ width: 180 }}>
                  <InputNumber
                    placeholder={t('hospital.annualPatients')}
                    precision={0}
                    style={{ width: '100%' }}
                    data-testid={`annual-patients-${field.name}`}
                  />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('hospital.retire')} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => addRow({})}>
              {t('hospital.addDiseaseArea')}
            </Button>
          </div>
        )}
      </Form.List>
    </>
  );
}
