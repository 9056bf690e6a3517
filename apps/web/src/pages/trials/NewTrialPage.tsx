import { type CreateTrialInput, RISK_LEVELS, TRIAL_PHASES, TRIAL_TYPES } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { DatePicker } from '../../components/DatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { dayOf } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { pick } from './site-ui.tsx';

type Values = {
  titleZh: string;
  titleEn?: string;
  type: CreateTrialInput['type'];
  phase: CreateTrialInput['phase'];
  ctrNo?: string;
  nctNo?: string;
  chictrNo?: string;
  conditions: string[];
  targetEnrolment: number;
  croOrgId?: string;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
  riskLevel: CreateTrialInput['riskLevel'];
  leadHospitalId?: string;
};

const day = (d: Dayjs | null | undefined) => (d ? dayOf(d) : undefined);

export default function NewTrialPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { actor } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  // Sponsors create drug and device trials; a hospital's trial office creates investigator-initiated ones.
  const types = TRIAL_TYPES.filter((ty) => (actor?.role === 'site_admin' ? ty === 'iit' : ty !== 'iit'));
  const cros = useQuery(trpc.organisations.list.queryOptions({ kind: 'cro' }));
  const hospitals = useQuery(trpc.organisations.list.queryOptions({ kind: 'hospital' }));
  const create = useMutation(
    trpc.trials.create.mutationOptions({
      onSuccess: async ({ id }) => {
        message.success(t('trials.form.created'));
        await queryClient.invalidateQueries({ queryKey: trpc.trials.pathKey() });
        navigate(`/trials/${id}`);
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
      },
    }),
  );
  const orgOptions = (orgs: { id: string; nameZh: string; nameEn: string | null }[] | undefined) =>
    (orgs ?? []).map((o) => ({ value: o.id, label: pick(en, o.nameZh, o.nameEn) }));
  const required = { required: true, message: t('trials.form.required') };

  const submit = (v: Values) => {
    setError(null);
    create.mutate({
      titleZh: v.titleZh,
      titleEn: v.titleEn?.trim() || undefined,
      type: v.type,
      phase: v.phase,
      ctrNo: v.ctrNo?.trim() || undefined,
      nctNo: v.nctNo?.trim() || undefined,
      chictrNo: v.chictrNo?.trim() || undefined,
      conditions: v.conditions,
      targetEnrolment: v.targetEnrolment,
      croOrgId: v.croOrgId || undefined,
      plannedStart: day(v.plannedStart),
      plannedEnd: day(v.plannedEnd),
      riskLevel: v.riskLevel,
      leadHospitalId: v.leadHospitalId || undefined,
    });
  };

  return (
    <>
      <PageHeader title={t('trials.form.title')} subtitle={<Link to="/trials">{t('trials.board.back')}</Link>} />
      <Card style={{ maxWidth: 960 }}>
        <Alert type="info" showIcon title={t('trials.form.subtitle')} style={{ marginBottom: 16 }} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ type: types[0], phase: 'III', riskLevel: 'medium', conditions: [] }}
          data-testid="trial-form"
        >
          <Form.Item
            name="titleZh"
            label={t('trials.form.titleZh')}
            extra={t('trials.form.titleZhHelp')}
            rules={[required, { min: 4, message: t('trials.form.titleZhHelp') }]}
          >
            <Input maxLength={300} data-testid="trial-title-zh" />
          </Form.Item>
          <Form.Item name="titleEn" label={t('trials.form.titleEn')}>
            <Input maxLength={300} data-testid="trial-title-en" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="type" label={t('trials.form.type')} rules={[required]}>
                <Select
                  options={types.map((v) => ({ value: v, label: t(`trials.types.${v}`) }))}
                  data-testid="trial-type"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="phase" label={t('trials.form.phase')} rules={[required]}>
                <Select
                  options={TRIAL_PHASES.map((v) => ({ value: v, label: t(`trials.phases.${v}`) }))}
                  data-testid="trial-phase"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="riskLevel" label={t('trials.form.riskLevel')}>
                <Radio.Group
                  optionType="button"
                  options={RISK_LEVELS.map((v) => ({ value: v, label: t(`trials.riskLevels.${v}`) }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="ctrNo" label={t('trials.form.ctrNo')}>
                <Input placeholder={t('trials.form.ctrPlaceholder')} className="ctp-mono" data-testid="trial-ctr" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="nctNo" label={t('trials.form.nctNo')}>
                <Input placeholder={t('trials.form.nctPlaceholder')} className="ctp-mono" data-testid="trial-nct" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="chictrNo" label={t('trials.form.chictrNo')}>
                <Input
                  placeholder={t('trials.form.chictrPlaceholder')}
                  className="ctp-mono"
                  data-testid="trial-chictr"
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item
                name="conditions"
                label={t('trials.form.conditions')}
                extra={t('trials.form.conditionsHelp')}
                rules={[{ required: true, type: 'array', min: 1, message: t('trials.form.conditionsRequired') }]}
              >
                <Select
                  mode="tags"
                  open={false}
                  suffixIcon={null}
                  tokenSeparators={[',', '，', '、']}
                  data-testid="trial-conditions"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="targetEnrolment" label={t('trials.form.targetEnrolment')} rules={[required]}>
                <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} data-testid="trial-target" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="croOrgId" label={t('trials.form.cro')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('trials.form.croPlaceholder')}
                  loading={cros.isLoading}
                  options={orgOptions(cros.data)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="leadHospitalId" label={t('trials.form.leadHospital')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('trials.form.leadHospitalPlaceholder')}
                  loading={hospitals.isLoading}
                  options={orgOptions(hospitals.data)}
                  data-testid="trial-lead"
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="plannedStart" label={t('trials.form.plannedStart')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="plannedEnd" label={t('trials.form.plannedEnd')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="trial-submit">
              {t('trials.form.submit')}
            </Button>
            <Button onClick={() => navigate('/trials')}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
