import { HOSPITAL_LEVELS, HOSPITAL_TYPES, NANJING_DISTRICTS } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { Col, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../components/DatePicker.tsx';
import { EntityModal, type EntityModalState } from '../../components/EntityModal.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import { fromDate, type HospitalProfile, notFuture, orNull, toDate } from './profile-ui.ts';

export type ProfileValues = {
  nameEn?: string;
  address?: string;
  district?: string | null;
  level?: string | null;
  hospitalType?: string | null;
  nmpaDrugFilingNo?: string;
  nmpaDrugFilingDate?: Dayjs | null;
  deviceFilingNo?: string;
  phase1Beds?: number | null;
  phase1FilingDate?: Dayjs | null;
  totalBeds?: number | null;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
};

/** The hospital's own details: basics, filings and beds, contact. */
export function ProfileModal({
  profile,
  modal,
}: {
  profile: HospitalProfile;
  modal: EntityModalState<ProfileValues, undefined>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const update = useMutation(trpc.hospitals.updateProfile.mutationOptions());
  const h = profile.hospital;
  return (
    <EntityModal
      modal={modal}
      title={t('hospital.editProfile')}
      success={t('hospital.saved')}
      width={760}
      testId="profile-form"
      initialValues={{
        ...h,
        nameEn: h.nameEn ?? '',
        nmpaDrugFilingDate: fromDate(h.nmpaDrugFilingDate),
        phase1FilingDate: fromDate(h.phase1FilingDate),
      }}
      onSubmit={(v) =>
        update.mutateAsync({
          hospitalId: h.id,
          version: h.version,
          nameEn: orNull(v.nameEn),
          address: orNull(v.address),
          district: (orNull(v.district) as (typeof NANJING_DISTRICTS)[number] | null) ?? null,
          level: (orNull(v.level) as (typeof HOSPITAL_LEVELS)[number] | null) ?? null,
          hospitalType: (orNull(v.hospitalType) as (typeof HOSPITAL_TYPES)[number] | null) ?? null,
          nmpaDrugFilingNo: orNull(v.nmpaDrugFilingNo),
          nmpaDrugFilingDate: toDate(v.nmpaDrugFilingDate),
          deviceFilingNo: orNull(v.deviceFilingNo),
          phase1Beds: v.phase1Beds ?? null,
          phase1FilingDate: toDate(v.phase1FilingDate),
          totalBeds: v.totalBeds ?? null,
          contactName: orNull(v.contactName),
          contactPhone: orNull(v.contactPhone),
          contactEmail: orNull(v.contactEmail),
        })
      }
    >
      <BasicsFields />
      <FilingFields />
      <ContactFields />
    </EntityModal>
  );
}

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

function useFieldLabel() {
  const { t } = useTranslation();
  return (k: string) => t(`hospital.fields.${k}`);
}

function BasicsFields() {
  const { t } = useTranslation();
  const f = useFieldLabel();
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('hospital.sections.basics')}
      </Divider>
      <Form.Item name="nameEn" label={f('nameEn')}>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="district" label={f('district')}>
            <Select allowClear options={options(NANJING_DISTRICTS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="level" label={f('level')}>
            <Select allowClear options={options(HOSPITAL_LEVELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="hospitalType" label={f('hospitalType')}>
            <Select allowClear options={options(HOSPITAL_TYPES)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={f('address')}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}

function FilingFields() {
  const { t } = useTranslation();
  const f = useFieldLabel();
  const date = (
    <DatePicker style={{ width: '100%' }} disabledDate={notFuture} placeholder={t('hospital.datePlaceholder')} />
  );
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('hospital.sections.filings')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name="nmpaDrugFilingNo" label={f('nmpaDrugFilingNo')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="nmpaDrugFilingDate" label={f('nmpaDrugFilingDate')}>
            {date}
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="deviceFilingNo" label={f('deviceFilingNo')}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="totalBeds" label={f('totalBeds')}>
            <InputNumber style={{ width: '100%' }} precision={0} data-testid="profile-total-beds" />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="phase1Beds" label={f('phase1Beds')}>
            <InputNumber style={{ width: '100%' }} precision={0} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="phase1FilingDate" label={f('phase1FilingDate')}>
            {date}
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function ContactFields() {
  const { t } = useTranslation();
  const f = useFieldLabel();
  return (
    <>
      <Divider titlePlacement="start" plain>
        {t('hospital.sections.contact')}
      </Divider>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item name="contactName" label={f('contactName')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactPhone" label={f('contactPhone')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="contactEmail" label={f('contactEmail')}>
            <Input maxLength={254} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
