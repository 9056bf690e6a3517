import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { AppRouter } from '@ctp/api';
import {
  CAPABILITIES,
  type CapabilityCode,
  canLeadDrugTrial,
  HOSPITAL_LEVELS,
  HOSPITAL_TYPES,
  INVESTIGATOR_TITLES,
  type InvestigatorTitle,
  NANJING_DISTRICTS,
  SPECIALTY_SCOPES,
  TITLE_LEVEL,
} from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Divider,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../components/DatePicker.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { dayOf, isAfterBeijingToday, pickerValue } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';

export type HospitalProfile = inferRouterOutputs<AppRouter>['hospitals']['get'];
export type SpecialtyRow = HospitalProfile['specialties'][number];
export type InvestigatorRow = HospitalProfile['investigators'][number];

/** Form dates are dayjs; the API takes YYYY-MM-DD or null. */
const toDate = (d: Dayjs | null | undefined) => (d ? dayOf(d) : null);
const fromDate = (s: string | null | undefined) => (s ? pickerValue(s) : null);
/** Empty inputs clear a field. */
const orNull = <T,>(v: T | '' | undefined | null): T | null => (v === '' || v === undefined || v === null ? null : v);
/** Filing and training dates cannot be in the future (the server checks too, with its own clock). */
const notFuture = isAfterBeijingToday;

/**
 * Runs a profile mutation from a modal form: success closes and reloads; field errors land on the fields and the
 * general message in the modal's Alert; a stale version (someone else saved first) says so and reloads.
 */
function useSave(hospitalId: string) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const reload = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.hospitals.get.queryKey({ id: hospitalId }) });
    // Search results show the same capacity; let them refetch too.
    await queryClient.invalidateQueries({ queryKey: [['sites']] });
  };
  const run = async (call: () => Promise<unknown>, form: FormInstance | null, close: () => void) => {
    setError(null);
    try {
      await call();
      message.success(t('hospital.saved'));
      close();
      await reload();
    } catch (e) {
      const err = apiError(e, t('common.networkError'));
      if (err.detail === 'STALE_VERSION' || err.detail === 'ALREADY_RETIRED') {
        message.warning(`${err.message} ${t('hospital.reloaded')}`);
        close();
        await reload();
        return;
      }
      if (form) applyFieldErrors(form, err);
      setError(err.message);
    }
  };
  return { error, setError, run, reload };
}

function EditModal({
  open,
  title,
  onClose,
  onOk,
  pending,
  error,
  width = 640,
  children,
  testId,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onOk: () => void;
  pending: boolean;
  error: string | null;
  width?: number;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onOk}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      width={width}
      destroyOnHidden
      okButtonProps={{ 'data-testid': `${testId}-save` } as Record<`data-${string}`, string>}
    >
      <div data-testid={testId}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
        {children}
      </div>
    </Modal>
  );
}

/* ---------- hospital details ---------- */

type ProfileValues = {
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

export function ProfileModal({
  profile,
  open,
  onClose,
}: {
  profile: HospitalProfile;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [form] = Form.useForm<ProfileValues>();
  const save = useSave(profile.hospital.id);
  const update = useMutation(trpc.hospitals.updateProfile.mutationOptions());
  const h = profile.hospital;
  const close = () => {
    save.setError(null);
    onClose();
  };
  const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
  const f = (k: string) => t(`hospital.fields.${k}`);
  return (
    <EditModal
      open={open}
      title={t('hospital.editProfile')}
      onClose={close}
      onOk={() => form.submit()}
      pending={update.isPending}
      error={save.error}
      width={760}
      testId="profile-form"
    >
      <Form<ProfileValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          ...h,
          nameEn: h.nameEn ?? '',
          nmpaDrugFilingDate: fromDate(h.nmpaDrugFilingDate),
          phase1FilingDate: fromDate(h.phase1FilingDate),
        }}
        onFinish={(v) =>
          save.run(
            () =>
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
              }),
            form,
            close,
          )
        }
      >
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
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={notFuture}
                placeholder={t('hospital.datePlaceholder')}
              />
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
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={notFuture}
                placeholder={t('hospital.datePlaceholder')}
              />
            </Form.Item>
          </Col>
        </Row>
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
      </Form>
    </EditModal>
  );
}

/* ---------- specialties ---------- */

type SpecialtyValues = {
  specialtyCode: string;
  nameAsFiled?: string;
  filingDate?: Dayjs | null;
  scope: (typeof SPECIALTY_SCOPES)[number];
  trialBeds: number;
  maxConcurrentTrials: number;
  diseaseAreas: { diseaseArea: string; annualPatients?: number | null }[];
};

export function SpecialtyModal({
  profile,
  specialty,
  open,
  onClose,
}: {
  profile: HospitalProfile;
  /** Null to add a new one. */
  specialty: SpecialtyRow | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const [form] = Form.useForm<SpecialtyValues>();
  const save = useSave(profile.hospital.id);
  const catalogue = useQuery({
    ...trpc.hospitals.specialtyCatalogue.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: open,
  });
  const add = useMutation(trpc.hospitals.addSpecialty.mutationOptions());
  const update = useMutation(trpc.hospitals.updateSpecialty.mutationOptions());
  const filed = new Set(profile.specialties.map((s) => s.code));
  const close = () => {
    save.setError(null);
    onClose();
  };
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
    return save.run(
      () =>
        specialty
          ? update.mutateAsync({ id: specialty.id, version: specialty.version, ...common })
          : add.mutateAsync({ hospitalId: profile.hospital.id, specialtyCode: v.specialtyCode, ...common }),
      form,
      close,
    );
  };
  return (
    <EditModal
      open={open}
      title={specialty ? t('hospital.editSpecialty') : t('hospital.addSpecialty')}
      onClose={close}
      onOk={() => form.submit()}
      pending={add.isPending || update.isPending}
      error={save.error}
      width={720}
      testId="specialty-form"
    >
      <Form<SpecialtyValues>
        form={form}
        layout="vertical"
        preserve={false}
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
        onFinish={submit}
        onValuesChange={(changed: Partial<SpecialtyValues>) => {
          // A new filing usually has the catalogue's scope (Phase I items are drug-only).
          const scope = catalogue.data?.find((c) => c.code === changed.specialtyCode)?.scope;
          if (!specialty && scope) form.setFieldValue('scope', scope);
        }}
      >
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
      </Form>
    </EditModal>
  );
}

/* ---------- investigators ---------- */

type InvestigatorValues = {
  name: string;
  title: InvestigatorTitle;
  gcpTrainingDate?: Dayjs | null;
  maxConcurrentTrials: number;
  specialtyIds: string[];
};

export function specialtyLabel(s: Pick<SpecialtyRow, 'name' | 'nameEn' | 'nameAsFiled'>, en: boolean): string {
  return en ? s.nameEn : (s.nameAsFiled ?? s.name);
}

export function InvestigatorModal({
  profile,
  investigator,
  open,
  onClose,
}: {
  profile: HospitalProfile;
  investigator: InvestigatorRow | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const [form] = Form.useForm<InvestigatorValues>();
  const save = useSave(profile.hospital.id);
  const add = useMutation(trpc.hospitals.addInvestigator.mutationOptions());
  const update = useMutation(trpc.hospitals.updateInvestigator.mutationOptions());
  const title = Form.useWatch('title', form);
  const level = title ? TITLE_LEVEL[title] : null;
  const live = new Set(profile.specialties.map((s) => s.id));
  const close = () => {
    save.setError(null);
    onClose();
  };
  const submit = (v: InvestigatorValues) => {
    const common = {
      name: v.name,
      title: v.title,
      gcpTrainingDate: toDate(v.gcpTrainingDate),
      maxConcurrentTrials: v.maxConcurrentTrials,
      specialtyIds: v.specialtyIds ?? [],
    };
    return save.run(
      () =>
        investigator
          ? update.mutateAsync({ id: investigator.id, version: investigator.version, ...common })
          : add.mutateAsync({ hospitalId: profile.hospital.id, ...common }),
      form,
      close,
    );
  };
  return (
    <EditModal
      open={open}
      title={investigator ? t('hospital.editInvestigator') : t('hospital.addInvestigator')}
      onClose={close}
      onOk={() => form.submit()}
      pending={add.isPending || update.isPending}
      error={save.error}
      testId="investigator-form"
    >
      <Form<InvestigatorValues>
        form={form}
        layout="vertical"
        preserve={false}
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
        onFinish={submit}
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
      </Form>
    </EditModal>
  );
}

/* ---------- retire ---------- */

export function RetireModal({
  profile,
  target,
  onClose,
}: {
  profile: HospitalProfile;
  target: { kind: 'specialty' | 'investigator'; id: string; version: number; label: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [form] = Form.useForm<{ reason: string }>();
  const save = useSave(profile.hospital.id);
  const retireSpecialty = useMutation(trpc.hospitals.retireSpecialty.mutationOptions());
  const retireInvestigator = useMutation(trpc.hospitals.retireInvestigator.mutationOptions());
  const close = () => {
    save.setError(null);
    onClose();
  };
  return (
    <EditModal
      open={target !== null}
      title={`${target?.kind === 'investigator' ? t('hospital.retireInvestigator') : t('hospital.retireSpecialty')}${t('punct.colon')}${target?.label ?? ''}`}
      onClose={close}
      onOk={() => form.submit()}
      pending={retireSpecialty.isPending || retireInvestigator.isPending}
      error={save.error}
      width={520}
      testId="retire-form"
    >
      <Typography.Paragraph type="secondary">{t('hospital.retireHelp')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          target &&
          save.run(
            () =>
              (target.kind === 'specialty' ? retireSpecialty : retireInvestigator).mutateAsync({
                id: target.id,
                version: target.version,
                reason: v.reason,
              }),
            form,
            close,
          )
        }
      >
        <Form.Item name="reason" label={t('hospital.reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input.TextArea rows={2} placeholder={t('hospital.reasonPlaceholder')} data-testid="retire-reason" />
        </Form.Item>
      </Form>
    </EditModal>
  );
}

/* ---------- capabilities ---------- */

const GROUPS = [...new Set(CAPABILITIES.map((c) => c.group))];

export function CapabilitiesModal({
  profile,
  open,
  onClose,
}: {
  profile: HospitalProfile;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const [form] = Form.useForm<{ capabilities: CapabilityCode[] }>();
  const save = useSave(profile.hospital.id);
  const set = useMutation(trpc.hospitals.setCapabilities.mutationOptions());
  const close = () => {
    save.setError(null);
    onClose();
  };
  return (
    <EditModal
      open={open}
      title={t('hospital.editCapabilities')}
      onClose={close}
      onOk={() => form.submit()}
      pending={set.isPending}
      error={save.error}
      testId="capabilities-form"
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ capabilities: profile.capabilities }}
        onFinish={(v) =>
          save.run(
            () => set.mutateAsync({ hospitalId: profile.hospital.id, capabilities: v.capabilities ?? [] }),
            form,
            close,
          )
        }
      >
        <Form.Item name="capabilities" noStyle>
          <Checkbox.Group style={{ width: '100%' }}>
            <Row gutter={[8, 4]}>
              {GROUPS.map((g) => (
                <Col span={24} key={g}>
                  <Typography.Text type="secondary">{t(`hospital.capabilityGroups.${g}`)}</Typography.Text>
                  <Row gutter={[8, 4]} style={{ margin: '4px 0 8px' }}>
                    {CAPABILITIES.filter((c) => c.group === g).map((c) => (
                      <Col xs={24} md={12} key={c.code}>
                        <Checkbox value={c.code}>{en ? c.en : c.zh}</Checkbox>
                      </Col>
                    ))}
                  </Row>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </EditModal>
  );
}
