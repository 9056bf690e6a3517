import {
  MILESTONE_STEP,
  RECORDABLE_MILESTONES,
  type RecordableMilestone,
  SITE_TRANSITIONS,
  type SiteState,
} from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { DatePicker } from '../../components/DatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import {
  beijingMonth,
  dayOf,
  isAfterBeijingMonth,
  isAfterBeijingToday,
  monthOf,
  pickerValue,
} from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { SiteTable } from './site-table-ui.tsx';
import { canRecordDelayOn, pick, type SiteRow } from './site-ui.tsx';

const ENROLMENT_STATES: SiteState[] = ['enrolling', 'enrolment_closed', 'closed'];

/** The milestone the site can record next (its lifecycle step is open from the current state), if any. */
function nextRecordable(site: Pick<SiteRow, 'state' | 'milestones'>): RecordableMilestone | undefined {
  return RECORDABLE_MILESTONES.find((m) => {
    if (site.milestones[m]) return false;
    const tr = SITE_TRANSITIONS.find((x) => x.step === MILESTONE_STEP[m])!;
    return (tr.from as readonly SiteState[]).includes(site.state) && (tr.by as readonly string[]).includes('site');
  });
}

function useInvalidateBoards() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.trialSites.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.trials.pathKey() });
  };
}

/** 登记里程碑: contract, SIV, FPI, LPI, close — never in the future; the server keeps their order. */
function MilestoneModal({ site, onClose }: { site: SiteRow; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateBoards();
  const [form] = Form.useForm<{ milestone: RecordableMilestone; date?: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const milestone = Form.useWatch('milestone', form);
  const recorded = milestone ? site.milestones[milestone] : null;
  const record = useMutation(
    trpc.trialSites.recordMilestone.mutationOptions({
      onSuccess: async (_, input) => {
        message.success(t('trials.milestone.done', { milestone: t(`trials.milestones.${input.milestone}`) }));
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
  const initial = nextRecordable(site) ?? RECORDABLE_MILESTONES.find((m) => site.milestones[m]) ?? 'contractSigned';
  return (
    <Modal
      open
      title={t('trials.milestone.title', { trial: pick(i18n.language === 'en', site.trialTitle, site.trialTitleEn) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('trials.milestone.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'milestone-ok' } as Record<`data-${string}`, string>}
    >
      <div data-testid="milestone-modal">
        <Typography.Paragraph type="secondary">{t('trials.milestone.ethicsNote')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            milestone: initial,
            date: site.milestones[initial] ? pickerValue(site.milestones[initial]) : undefined,
          }}
          onValuesChange={(changed) => {
            if ('milestone' in changed) {
              const d = site.milestones[changed.milestone as RecordableMilestone];
              form.setFieldValue('date', d ? pickerValue(d) : undefined);
              setError(null);
            }
          }}
          onFinish={(v) => {
            setError(null);
            record.mutate({ trialSiteId: site.id, milestone: v.milestone, date: dayOf(v.date!) });
          }}
        >
          <Form.Item name="milestone" label={t('trials.milestone.which')}>
            <Select
              data-testid="milestone-which"
              options={RECORDABLE_MILESTONES.map((m) => ({
                value: m,
                label: site.milestones[m]
                  ? `${t(`trials.milestones.${m}`)}${t('punct.open')}${t('trials.milestone.recorded')} ${site.milestones[m]}${t('punct.close')}`
                  : t(`trials.milestones.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="date"
            label={t('trials.milestone.date')}
            rules={[{ required: true, message: t('trials.milestone.dateRequired') }]}
            extra={recorded ? t('trials.milestone.correction', { date: recorded }) : undefined}
          >
            <DatePicker disabledDate={isAfterBeijingToday} data-testid="milestone-date" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

type EnrolmentValues = {
  month?: Dayjs;
  screened: number;
  enrolled: number;
  screenFailures: number;
  withdrawn: number;
  correctionReason?: string;
};

const NO_COUNTS = { screened: 0, enrolled: 0, screenFailures: 0, withdrawn: 0 };

/**
 * 登记月度入组: a month's own counts (the totals are their sum), never patient data. The form opens at the chosen
 * month's saved counts, so re-saving a month changes only what is edited; lowering a saved count needs a reason.
 */
function EnrolmentModal({ site, onClose }: { site: SiteRow; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateBoards();
  const [form] = Form.useForm<EnrolmentValues>();
  const [error, setError] = useState<string | null>(null);
  const [monthSaved, setMonthSaved] = useState(Boolean(site.enrolmentByMonth[beijingMonth()]));
  const record = useMutation(
    trpc.trialSites.recordEnrolment.mutationOptions({
      onSuccess: async (_, input) => {
        message.success(t('trials.enrolment.done', { month: input.month }));
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
  const fpiMonth = site.milestones.fpi?.slice(0, 7) ?? null;
  const count = (name: 'screened' | 'enrolled' | 'screenFailures' | 'withdrawn') => (
    <Form.Item
      name={name}
      label={t(`trials.enrolment.${name}`)}
      rules={[{ required: true, message: t('trials.answer.required') }]}
    >
      <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 120 }} data-testid={`enrolment-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={t('trials.enrolment.title', { trial: pick(i18n.language === 'en', site.trialTitle, site.trialTitleEn) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('trials.enrolment.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'enrolment-ok' } as Record<`data-${string}`, string>}
    >
      <div data-testid="enrolment-modal">
        <Typography.Paragraph type="secondary">{t('trials.enrolment.totals', site.enrolment)}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
        <Form<EnrolmentValues>
          form={form}
          layout="vertical"
          initialValues={{
            month: pickerValue(beijingMonth()),
            ...(site.enrolmentByMonth[beijingMonth()] ?? NO_COUNTS),
          }}
          onValuesChange={(changed: Partial<EnrolmentValues>) => {
            if (!changed.month) return;
            setMonthSaved(Boolean(site.enrolmentByMonth[monthOf(changed.month)]));
            form.setFieldsValue(site.enrolmentByMonth[monthOf(changed.month)] ?? NO_COUNTS);
          }}
          onFinish={(v) => {
            setError(null);
            record.mutate({
              trialSiteId: site.id,
              month: monthOf(v.month!),
              screened: v.screened,
              enrolled: v.enrolled,
              screenFailures: v.screenFailures,
              withdrawn: v.withdrawn,
              correctionReason: v.correctionReason?.trim() || undefined,
            });
          }}
        >
          <Form.Item
            name="month"
            label={t('trials.enrolment.month')}
            rules={[{ required: true, message: t('trials.enrolment.monthRequired') }]}
          >
            <DatePicker
              picker="month"
              disabledDate={(d) => isAfterBeijingMonth(d) || Boolean(fpiMonth && monthOf(d) < fpiMonth)}
              data-testid="enrolment-month"
            />
          </Form.Item>
          <Typography.Paragraph type="secondary" data-testid="enrolment-month-note">
            {monthSaved ? t('trials.enrolment.savedMonth') : t('trials.enrolment.newMonth')}
          </Typography.Paragraph>
          <Space size={12} wrap align="start">
            {count('screened')}
            {count('enrolled')}
            {count('screenFailures')}
            {count('withdrawn')}
          </Space>
          <Form.Item
            name="correctionReason"
            label={t('trials.enrolment.correctionReason')}
            extra={t('trials.enrolment.correctionHelp')}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="enrolment-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

/**
 * 送伦理审查: opens the site's initial submission, creating it as a draft first when there is none — the applicant
 * attaches the protocol, ICF and other documents on the submission page and submits from there.
 */
function SubmitToEthicsButton({ site }: { site: SiteRow }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateBoards();
  const create = useMutation(trpc.submissions.create.mutationOptions());
  const run = async () => {
    try {
      const existing = (
        await queryClient.fetchQuery(trpc.submissions.list.queryOptions({ trialSiteId: site.id }))
      ).find((s) => s.type === 'initial' && s.state !== 'withdrawn');
      if (existing) {
        navigate(`/ethics/submissions/${existing.id}`);
        return;
      }
      const { id } = await create.mutateAsync({ trialSiteId: site.id, type: 'initial' });
      message.success(t('ethics.siteBoard.done'));
      await queryClient.invalidateQueries({ queryKey: trpc.submissions.pathKey() });
      await invalidate();
      navigate(`/ethics/submissions/${id}`);
    } catch (e) {
      message.error(apiError(e, t('common.networkError')).message);
    }
  };
  return (
    <Popconfirm
      title={t('ethics.siteBoard.confirm')}
      onConfirm={() => void run()}
      okText={t('ethics.actions.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'ethics-submit-ok' } as Record<`data-${string}`, string>}
    >
      <Button size="small" type="primary" loading={create.isPending} data-testid={`ethics-submit-${site.id}`}>
        {t('ethics.siteBoard.submit')}
      </Button>
    </Popconfirm>
  );
}

export default function SiteBoardPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const board = useQuery(trpc.trialSites.board.queryOptions());
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [milestoneFor, setMilestoneFor] = useState<SiteRow | null>(null);
  const [enrolmentFor, setEnrolmentFor] = useState<SiteRow | null>(null);
  const rows = (board.data ?? []).filter((s) => !overdueOnly || s.nextStep?.overdue);
  const canRecord = (s: SiteRow) =>
    !['candidate', 'inquiry_sent', 'interested', 'declined', 'terminated', 'suspended'].includes(s.state);

  return (
    <>
      <PageHeader
        title={t('trials.siteBoard.title')}
        subtitle={
          actor?.role === 'investigator' ? t('trials.siteBoard.subtitlePi') : t('trials.siteBoard.subtitleAdmin')
        }
        extra={
          <Space>
            <Switch checked={overdueOnly} onChange={setOverdueOnly} />
            <span>{t('trials.siteBoard.overdueOnly')}</span>
          </Space>
        }
      />
      {board.error && (
        <Alert
          type="error"
          showIcon
          title={apiError(board.error, t('common.networkError')).message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <SiteTable
          sites={rows}
          loading={board.isLoading}
          showTrial
          emptyText={t('trials.siteBoard.empty')}
          delayEditable={(s) => canRecordDelayOn(actor, s)}
          actions={(s) =>
            canRecord(s) ? (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setMilestoneFor(s)} data-testid={`milestone-${s.id}`}>
                  {t('trials.siteBoard.recordMilestone')}
                </Button>
                {s.state === 'selected' && <SubmitToEthicsButton site={s} />}
                {ENROLMENT_STATES.includes(s.state) && s.milestones.fpi && (
                  <Button size="small" onClick={() => setEnrolmentFor(s)} data-testid={`enrolment-${s.id}`}>
                    {t('trials.siteBoard.recordEnrolment')}
                  </Button>
                )}
              </Space>
            ) : null
          }
        />
      </Card>
      {milestoneFor && <MilestoneModal site={milestoneFor} onClose={() => setMilestoneFor(null)} />}
      {enrolmentFor && <EnrolmentModal site={enrolmentFor} onClose={() => setEnrolmentFor(null)} />}
    </>
  );
}
