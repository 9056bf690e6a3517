import { canLeadDrugTrial, INVESTIGATOR_TITLES, type InvestigatorTitle, TITLE_LEVEL } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../components/DatePicker.tsx';
import { EntityModal, type EntityModalState } from '../../components/EntityModal.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import {
  fromDate,
  type HospitalProfile,
  type InvestigatorRow,
  notFuture,
  specialtyLabel,
  toDate,
} from './profile-ui.ts';

export type InvestigatorValues = {
  name: string;
  title: InvestigatorTitle;
  gcpTrainingDate?: Dayjs | null;
  maxConcurrentTrials: number;
  specialtyIds: string[];
};

/** Adds an investigator (target null) or edits one; the title's level says whether they may lead a drug trial. */
export function InvestigatorModal({
  profile,
  modal,
}: {
  profile: HospitalProfile;
  modal: EntityModalState<InvestigatorValues, InvestigatorRow | null>;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const investigator = modal.target ?? null;
  const add = useMutation(trpc.hospitals.addInvestigator.mutationOptions());
  const update = useMutation(trpc.hospitals.updateInvestigator.mutationOptions());
  const title = Form.useWatch('title', modal.form);
  const level = title ? TITLE_LEVEL[title] : null;
  const live = new Set(profile.specialties.map((s) => s.id));
  const submit = (v: InvestigatorValues) => {
    const common = {
      name: v.name,
      title: v.title,
      gcpTrainingDate: toDate(v.gcpTrainingDate),
      maxConcurrentTrials: v.maxConcurrentTrials,
      specialtyIds: v.specialtyIds ?? [],
    };
    return investigator
      ? update.mutateAsync({ id: investigator.id, version: investigator.version, ...common })
      : add.mutateAsync({ hospitalId: profile.hospital.id, ...common });
  };
  return (
    <EntityModal
      modal={modal}
      title={investigator ? t('hospital.editInvestigator') : t('hospital.addInvestigator')}
      success={t('hospital.saved')}
      width={640}
      testId="investigator-form"
      initialValues={
        investigator
          ? {
              name: investigator.name,
              title: investigator.title,
              gcpTrainingDate: fromDate(investigator.gcpTrainingDate),
              maxConcurrentTrials: investigator.maxConcurrentTrials,
              // Links to retired specialties are dropped on save.
              specialtyIds: investigator.specialtyIds.filter((id) => live.has(id)),
            }
          : { maxConcurrentTrials: 5, specialtyIds: [] }
      }
      onSubmit={submit}
    >
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item name="name" label={t('hospital.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input data-testid="investigator-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item
            name="title"
            label={t('hospital.title')}
            rules={[{ required: true }]}
            extra={level ? t('hospital.levelHint', { level: t(`hospital.levels.${level}`) }) : undefined}
          >
            <Select
              data-testid="investigator-title"
              options={INVESTIGATOR_TITLES.map((x) => ({
                value: x,
                label: en ? `${t(`hospital.titles.${x}`)} (${x})` : x,
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {level && !canLeadDrugTrial(level) && (
        <Alert type="warning" showIcon title={t('hospital.notEligibleHint')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="specialtyIds" label={t('hospital.investigatorSpecialties')} rules={[{ required: true }]}>
        <Select
          mode="multiple"
          data-testid="investigator-specialties"
          showSearch={{ optionFilterProp: 'label' }}
          options={profile.specialties.map((s) => ({ value: s.id, label: specialtyLabel(s, en) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="gcpTrainingDate" label={t('hospital.gcpTrainingDate')}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={notFuture}
              placeholder={t('hospital.datePlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="maxConcurrentTrials" label={t('hospital.maxConcurrent')} rules={[{ required: true }]}>
            <InputNumber style={{ width: '100%' }} precision={0} data-testid="investigator-max" />
          </Form.Item>
        </Col>
      </Row>
    </EntityModal>
  );
}
