import { SendOutlined } from '@ant-design/icons';
import { availableSteps, POLICIES, SITE_TRANSITIONS, titleLabel } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { beijingDate } from '../../lib/beijing-time.ts';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { KeyProjectTag } from '../commission/key-project-tag.tsx';
import { TrialProvidersCard } from '../providers/TrialProvidersCard.tsx';
import { TrialRegistryRecord } from '../registry/TrialRegistryRecord.tsx';
import { QuestionAnswers } from './InquiryQA.tsx';
import { SendInquiryModal } from './SendInquiryModal.tsx';
import { SiteTable } from './site-table-ui.tsx';
import { answerOf, canRecordDelayOn, type InquiryRow, pick, type SiteRow, type TrialDetail } from './site-ui.tsx';
import { RegistryIds } from './trial-ui.tsx';

function useInvalidateTrials() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.trials.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.inquiries.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.trialSites.pathKey() });
  };
}

/** 选定中心: PI of the specialty (from the hospital profile), the site's role and target. */
function SelectSiteModal({ trial, site, onClose }: { trial: TrialDetail; site: SiteRow; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateTrials();
  const [form] = Form.useForm<{ investigatorId?: string; role: 'lead' | 'participating'; targetEnrolment?: number }>();
  const [error, setError] = useState<string | null>(null);
  // The site has an inquiry it has not answered: selecting it anyway must be confirmed (the server asks the same).
  const unanswered = site.state === 'inquiry_sent';
  const [confirmed, setConfirmed] = useState(false);
  const hospital = useQuery(trpc.hospitals.get.queryOptions({ id: site.hospitalId }));
  const pis = (hospital.data?.investigators ?? []).filter((i) => i.specialtyIds.includes(site.specialtyId));
  const hospitalName = pick(en, site.hospitalName, site.hospitalNameEn);
  const select = useMutation(
    trpc.trialSites.select.mutationOptions({
      onSuccess: async () => {
        message.success(t('trials.select.done', { hospital: hospitalName }));
        await invalidate();
        onClose();
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
      open
      title={t('trials.select.title', {
        hospital: hospitalName,
        specialty: pick(en, site.specialtyName, site.specialtyNameEn),
      })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('trials.select.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={select.isPending}
      okButtonProps={
        { disabled: unanswered && !confirmed, 'data-testid': 'select-ok' } as Record<`data-${string}`, string>
      }
    >
      {unanswered && (
        <Alert
          type="warning"
          showIcon
          title={t('trials.select.unanswered')}
          description={
            <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="select-confirm">
              {t('trials.select.confirmUnanswered')}
            </Checkbox>
          }
          style={{ marginBottom: 16 }}
          data-testid="select-unanswered"
        />
      )}
      <Alert type="info" showIcon title={t('trials.select.note')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          investigatorId: site.investigatorId ?? undefined,
          role: site.role,
          targetEnrolment: site.targetEnrolment ?? undefined,
        }}
        onFinish={(v) => {
          setError(null);
          select.mutate({
            trialId: trial.id,
            hospitalSpecialtyId: site.specialtyId,
            investigatorId: v.investigatorId,
            role: v.role,
            targetEnrolment: v.targetEnrolment,
            confirmUnanswered: unanswered ? confirmed : undefined,
          });
        }}
      >
        <Form.Item name="investigatorId" label={t('trials.select.pi')}>
          <Select
            allowClear
            loading={hospital.isLoading}
            placeholder={t('trials.select.piPlaceholder')}
            options={pis.map((p) => ({
              value: p.id,
              label: `${personName(p.name)} · ${titleLabel(p.title, i18n.language)} · ${t('trials.select.piFree', { n: p.freeSlots })}`,
            }))}
            data-testid="select-pi"
          />
        </Form.Item>
        <Form.Item name="role" label={t('trials.select.role')}>
          <Radio.Group
            optionType="button"
            options={(['lead', 'participating'] as const).map((r) => ({ value: r, label: t(`trials.roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="targetEnrolment" label={t('trials.select.target')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 暂停 / 恢复 / 终止, each with a reason that goes to the audit log. */
function StepModal({
  site,
  step,
  onClose,
}: {
  site: SiteRow;
  step: 'suspend' | 'resume' | 'terminate';
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateTrials();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const transition = useMutation(
    trpc.trialSites.transition.mutationOptions({
      onSuccess: async () => {
        message.success(t('trials.step.done'));
        await invalidate();
        onClose();
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
      open
      title={`${t(`trials.step.${step}Title`)} · ${pick(i18n.language === 'en', site.hospitalName, site.hospitalNameEn)}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`trials.board.${step}`)}
      okButtonProps={{ danger: step !== 'resume', 'data-testid': 'step-ok' } as Record<`data-${string}`, string>}
      cancelText={t('common.cancel')}
      confirmLoading={transition.isPending}
    >
      {step === 'terminate' && (
        <Alert type="warning" showIcon title={t('trials.step.terminateWarn')} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => transition.mutate({ trialSiteId: site.id, step, reason: v.reason })}
      >
        <Form.Item
          name="reason"
          label={t('trials.step.reason')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('trials.step.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="step-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** All answers of the trial's inquiries side by side, interested first. */
function InquiryAnswers({ trialId, sites }: { trialId: string; sites: SiteRow[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const list = useQuery(trpc.inquiries.list.queryOptions({ trialId }));
  const pis = new Map(sites.map((s) => [s.id, s.piName]));
  const order = { interested: 0, sent: 1, declined: 2, withdrawn: 3 } as const;
  const rows = [...(list.data ?? [])].sort((a, b) => order[a.status] - order[b.status]);
  const count = (s: InquiryRow['status']) => rows.filter((r) => r.status === s).length;
  const yes = (r: InquiryRow) => {
    const a = answerOf(r);
    return a?.interested ? a : null;
  };
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <>
      {list.error && <Alert type="error" showIcon title={apiError(list.error, t('common.networkError')).message} />}
      {rows.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('trials.answers.summary', {
            sent: rows.length,
            interested: count('interested'),
            declined: count('declined'),
            open: count('sent'),
          })}
        </Typography.Paragraph>
      )}
      <Table<InquiryRow>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1360 }}
        locale={{ emptyText: <Empty description={t('trials.answers.empty')} /> }}
        // Each answer to the sponsor's numbered questions, and the attached files (issue 14).
        expandable={{
          rowExpandable: (r) => r.status !== 'sent' && (r.questionList.length > 0 || r.attachments.length > 0),
          expandedRowRender: (r) => <QuestionAnswers inquiry={r} />,
        }}
        data-testid="inquiry-answers"
        columns={[
          {
            title: t('trials.answers.hospital'),
            key: 'hospital',
            fixed: 'left',
            width: 220,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>{pick(en, r.hospitalName, r.hospitalNameEn)}</span>
                <Typography.Text type="secondary">{pick(en, r.specialtyName, r.specialtyNameEn)}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('trials.answers.status'),
            key: 'status',
            width: 100,
            render: (_, r) => (
              <Tag color={r.status === 'interested' ? 'green' : r.status === 'sent' ? 'blue' : 'default'}>
                {t(`trials.inquiryStatuses.${r.status}`)}
              </Tag>
            ),
          },
          {
            title: t('trials.answers.perMonth'),
            key: 'perMonth',
            width: 110,
            render: (_, r) => (yes(r) ? t('trials.answers.perMonthValue', { n: yes(r)!.estimatedPerMonth }) : dash),
          },
          {
            title: t('trials.answers.piAvailable'),
            key: 'piAvailable',
            width: 100,
            render: (_, r) =>
              yes(r) ? (
                <Tag color={yes(r)!.piAvailable ? 'green' : 'orange'}>
                  {yes(r)!.piAvailable ? t('common.yes') : t('common.no')}
                </Tag>
              ) : (
                dash
              ),
          },
          {
            title: t('trials.answers.pi'),
            key: 'pi',
            width: 110,
            render: (_, r) => (yes(r) && pis.get(r.trialSiteId)) || dash,
          },
          {
            title: t('trials.answers.competing'),
            key: 'competing',
            width: 100,
            render: (_, r) => (yes(r) ? yes(r)!.competingTrials : dash),
          },
          {
            title: t('trials.answers.earliestStart'),
            key: 'start',
            width: 120,
            render: (_, r) => (yes(r) ? yes(r)!.earliestStart : dash),
          },
          {
            title: t('trials.answers.notes'),
            key: 'notes',
            width: 240,
            render: (_, r) => {
              const a = answerOf(r);
              if (!a) return dash;
              const text = a.interested ? a.notes : a.declineReason;
              const extra =
                r.questionList.length || r.attachments.length
                  ? t('trials.qa.summary', { answers: r.questionList.length, files: r.attachments.length })
                  : null;
              return (
                <Space orientation="vertical" size={0}>
                  {text ? <Typography.Text type={a.interested ? undefined : 'danger'}>{text}</Typography.Text> : dash}
                  {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}
                </Space>
              );
            },
          },
          { title: t('trials.answers.replyBy'), dataIndex: 'replyBy', width: 110 },
          {
            title: t('trials.answers.answeredAt'),
            key: 'answeredAt',
            width: 110,
            render: (_, r) => (r.answeredAt ? beijingDate(r.answeredAt) : dash),
          },
        ]}
      />
    </>
  );
}

export default function TrialPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const { actor } = useSession();
  const trial = useQuery(trpc.trials.get.queryOptions({ id }));
  const [selecting, setSelecting] = useState<SiteRow | null>(null);
  const [stepping, setStepping] = useState<{ site: SiteRow; step: 'suspend' | 'resume' | 'terminate' } | null>(null);
  const [sending, setSending] = useState(false);
  const hospitals = useHospitalNames();

  if (trial.error) {
    return (
      <Result
        status="404"
        title={t('trials.board.notFound')}
        subTitle={apiError(trial.error, t('common.networkError')).message}
        extra={
          <Link to="/trials">
            <Button type="primary">{t('trials.board.back')}</Button>
          </Link>
        }
      />
    );
  }
  const data = trial.data;
  const manages = Boolean(data?.canManage);
  // Inquiries start from a shortlist, which only sponsors keep.
  const canSend = manages && POLICIES.keepShortlists.allows(actor);
  const seesAnswers = actor?.role === 'sponsor' || actor?.role === 'site_admin';
  const sites = data?.sites ?? [];
  const activeCount = sites.filter(
    (s) => !['candidate', 'inquiry_sent', 'interested', 'declined'].includes(s.state),
  ).length;
  const overdueCount = sites.filter((s) => s.nextStep?.overdue).length;

  const actions = (s: SiteRow) => {
    const buttons = [];
    // What the lifecycle table offers the sponsor from this state (the server checks again).
    const offered = availableSteps(SITE_TRANSITIONS, s.state, 'sponsor');
    if (offered.includes('select'))
      buttons.push(
        <Button
          key="select"
          size="small"
          type="primary"
          ghost={s.state === 'inquiry_sent'}
          title={s.state === 'inquiry_sent' ? t('trials.select.unanswered') : undefined}
          onClick={() => setSelecting(s)}
          data-testid={`select-${s.hospitalId}`}
        >
          {s.state === 'inquiry_sent' ? t('trials.board.selectUnanswered') : t('trials.board.select')}
        </Button>,
      );
    for (const step of ['suspend', 'resume', 'terminate'] as const)
      if (offered.includes(step))
        buttons.push(
          <Button
            key={step}
            size="small"
            danger={step !== 'resume'}
            type={step === 'resume' ? 'default' : 'text'}
            onClick={() => setStepping({ site: s, step })}
            data-testid={`${step}-${s.id}`}
          >
            {t(`trials.board.${step}`)}
          </Button>,
        );
    return buttons.length ? (
      <Space size={4} wrap>
        {buttons}
      </Space>
    ) : null;
  };

  return (
    <>
      <PageHeader
        title={
          data ? (
            <>
              {pick(en, data.titleZh, data.titleEn)} {data.isKeyProject && <KeyProjectTag />}
            </>
          ) : (
            t('common.loading')
          )
        }
        subtitle={
          <>
            <Link to="/trials">{t('trials.board.back')}</Link>
            {/* The board is the sponsor's and the committees' (the server refuses the others). */}
            {actor &&
              ['sponsor', 'ec_secretary', 'ec_chair', 'ec_member', 'admin', 'commission'].includes(actor.role) && (
                <>
                  {' · '}
                  <Link to={`/trials/${id}/recognition`} data-testid="recognition-board-link">
                    {t('recognition.board.link')}
                  </Link>
                </>
              )}
          </>
        }
        extra={
          canSend && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setSending(true)} data-testid="inquiry-open">
              {t('trials.board.sendInquiry')}
            </Button>
          )
        }
      />
      {data && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="trial-header">
          <Space size={[8, 8]} wrap style={{ marginBottom: 8 }}>
            <Tag color="blue" variant="filled">
              {t(`trials.phases.${data.phase}`)}
            </Tag>
            <Tag variant="filled">{t(`trials.types.${data.type}`)}</Tag>
            <Tag variant="filled">{t(`trials.statuses.${data.status}`)}</Tag>
            {data.titleEn && !en && <Typography.Text type="secondary">{data.titleEn}</Typography.Text>}
          </Space>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
            <Descriptions.Item label={t('trials.list.sponsor')}>
              {pick(en, data.sponsorName ?? '', data.sponsorNameEn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('trials.list.registry')}>
              <RegistryIds trial={data} />
            </Descriptions.Item>
            <Descriptions.Item label={t('trials.board.conditions')}>
              {en ? data.conditionsEn.join(', ') : data.conditions.join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('trials.board.target')}>{data.targetEnrolment}</Descriptions.Item>
            <Descriptions.Item label={t('trials.board.planned')}>
              {data.plannedStart || data.plannedEnd ? `${data.plannedStart ?? '…'} ~ ${data.plannedEnd ?? '…'}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('trials.board.risk')}>
              {t(`trials.riskLevels.${data.riskLevel}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('trials.board.cro')}>
              {(data.croOrgId && hospitals.get(data.croOrgId)) || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('trials.board.leadHospital')}>
              {(data.leadHospitalId && hospitals.get(data.leadHospitalId)) || '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {data && <TrialRegistryRecord trialId={data.id} />}
      <Card>
        <Tabs
          items={[
            {
              key: 'sites',
              label: `${t('trials.board.sitesTab')}${sites.length ? ` (${sites.length})` : ''}`,
              children: (
                <>
                  {sites.length > 0 && (
                    <Typography.Paragraph type="secondary">
                      {t('trials.board.summary', { count: sites.length, active: activeCount, overdue: overdueCount })}
                    </Typography.Paragraph>
                  )}
                  <SiteTable
                    sites={sites}
                    loading={trial.isLoading}
                    actions={manages ? actions : undefined}
                    delayEditable={(s) => canRecordDelayOn(actor, s)}
                  />
                </>
              ),
            },
            ...(seesAnswers
              ? [
                  {
                    key: 'inquiries',
                    label: <span data-testid="tab-inquiries">{t('trials.board.inquiriesTab')}</span>,
                    children: <InquiryAnswers trialId={id} sites={sites} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {data && <TrialProvidersCard trialId={data.id} canRecord={manages} />}
      {data && selecting && <SelectSiteModal trial={data} site={selecting} onClose={() => setSelecting(null)} />}
      {stepping && <StepModal site={stepping.site} step={stepping.step} onClose={() => setStepping(null)} />}
      {canSend && <SendInquiryModal trialId={id} sites={sites} open={sending} onClose={() => setSending(false)} />}
    </>
  );
}

/** Organisation names by id (for the CRO and lead site in the header). */
function useHospitalNames(): Map<string, string> {
  const { i18n } = useTranslation();
  const trpc = useTRPC();
  const orgs = useQuery(trpc.organisations.list.queryOptions({}));
  return new Map((orgs.data ?? []).map((o) => [o.id, pick(i18n.language === 'en', o.nameZh, o.nameEn)]));
}
