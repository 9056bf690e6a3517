import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  evaluateChecklist,
  MAX_FOLLOW_UP_MONTHS,
  SUBMISSION_OUTCOMES,
  type SubmissionOutcome,
  type SubmissionStep,
  TRIAGE_PATHS,
} from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DueDateMoved } from '../../components/DueDateMoved.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UserText } from '../../components/UserText.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { KeyProjectTag } from '../commission/key-project-tag.tsx';
import { pick } from '../trials/site-ui.tsx';
import { DocumentsPanel } from './DocumentsPanel.tsx';
import { ClockTags, type SubmissionDetail, SubmissionStateTag } from './ethics-ui.tsx';
import { LetterPanel } from './LetterPanel.tsx';
import { ModificationsPanel, ReviewersPanel } from './ReviewersPanel.tsx';

/** Steps with a modal form; `accept` and `submit`/`resubmit` are one click with a confirmation. */
type FormStep = 'accept' | 'return' | 'triage' | 'request_info' | 'decide' | 'respond';
type StepValues = {
  /** The checklist items ticked as met (形式审查清单). */
  checked?: string[];
  reasons?: string;
  path?: (typeof TRIAGE_PATHS)[number];
  comment?: string;
  questions?: string;
  outcome?: SubmissionOutcome;
  conditions?: string;
  followUpMonths?: number | null;
  answer?: string;
};

function useInvalidateSubmissions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.submissions.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.trialSites.pathKey() });
  };
}

const TITLES: Record<FormStep, string> = {
  accept: 'ethics.actions.acceptTitle',
  return: 'ethics.actions.returnTitle',
  triage: 'ethics.actions.triageTitle',
  request_info: 'ethics.actions.requestInfo',
  decide: 'ethics.actions.decideTitle',
  respond: 'ethics.actions.respond',
};
const DONE: Record<FormStep, string> = {
  accept: 'ethics.actions.acceptedShort',
  return: 'ethics.actions.returned',
  triage: 'ethics.actions.triaged',
  request_info: 'ethics.actions.infoRequested',
  decide: 'ethics.actions.decided',
  respond: 'ethics.actions.responded',
};

/** One modal for every step that needs input; the server's refusal shows in an Alert and on its fields. */
function StepModal({ sub, step, onClose }: { sub: SubmissionDetail; step: FormStep; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateSubmissions();
  const [form] = Form.useForm<StepValues>();
  const [error, setError] = useState<string | null>(null);
  const handlers = {
    onSuccess: async () => {
      message.success(t(DONE[step]));
      await invalidate();
      onClose();
    },
    onError: (e: unknown) => {
      const err = apiError(e, t('common.networkError'));
      applyFieldErrors(form, err);
      setError(err.message);
    },
  };
  const screen = useMutation(trpc.submissions.screen.mutationOptions(handlers));
  const triage = useMutation(trpc.submissions.triage.mutationOptions(handlers));
  const requestInfo = useMutation(trpc.submissions.requestInfo.mutationOptions(handlers));
  const decide = useMutation(trpc.submissions.decide.mutationOptions(handlers));
  const respond = useMutation(trpc.submissions.respond.mutationOptions(handlers));
  const pending = [screen, triage, requestInfo, decide, respond].some((m) => m.isPending);
  const outcome = Form.useWatch('outcome', form);
  const base = { id: sub.id, version: sub.version };
  const expedited = sub.review?.expedited;
  const required = (key: string) => [{ required: true, whitespace: true, message: t(key) }];

  // The committee's checklist: an item whose document kind is uploaded is met; the others start unticked.
  const checklistItems = sub.screening.items;
  const checked = Form.useWatch('checked', form) ?? [];
  const screened = evaluateChecklist(
    checklistItems,
    new Set(checked),
    new Set(checklistItems.filter((i) => i.documented).map((i) => i.kind!)),
  );
  const unmetRequired = screened.filter((c) => c.required && !c.ok).map((c) => c.item);
  const checklistOf = (v: StepValues) =>
    checklistItems.length > 0
      ? checklistItems.map((i) => ({ item: i.label, ok: (v.checked ?? []).includes(i.label) }))
      : undefined;
  const missingLine = (item: string) => t('ethics.actions.checklistMissing', { item });
  /** Returning: the reasons start from the unmet items (lines typed by hand are kept). */
  const onChecklistChange = (values: string[]) => {
    if (step !== 'return') return;
    const typed = (form.getFieldValue('reasons') ?? '')
      .split('\n')
      .map((l: string) => l.trim())
      .filter((l: string) => l && !checklistItems.some((i) => l === missingLine(i.label)));
    const missing = checklistItems
      .filter((i) => !i.documented && !values.includes(i.label))
      .map((i) => missingLine(i.label));
    form.setFieldValue('reasons', [...missing, ...typed].join('\n'));
  };
  const initialReasons = checklistItems
    .filter((i) => i.required && !i.documented)
    .map((i) => missingLine(i.label))
    .join('\n');

  const onFinish = (v: StepValues) => {
    setError(null);
    if (step === 'accept')
      screen.mutate({ ...base, accept: true, checklist: checklistOf(v), comment: v.comment?.trim() || undefined });
    else if (step === 'return')
      screen.mutate({
        ...base,
        accept: false,
        checklist: checklistOf(v),
        reasons: (v.reasons ?? '')
          .split('\n')
          .map((r) => r.trim())
          .filter(Boolean),
      });
    else if (step === 'triage') triage.mutate({ ...base, path: v.path!, comment: v.comment?.trim() || undefined });
    else if (step === 'request_info') requestInfo.mutate({ ...base, questions: v.questions!.trim() });
    else if (step === 'respond') respond.mutate({ ...base, answer: v.answer!.trim() });
    else
      decide.mutate({
        ...base,
        outcome: v.outcome!,
        conditions: v.conditions?.trim() || undefined,
        followUpMonths: v.followUpMonths ?? undefined,
      });
  };

  return (
    <Modal
      open
      title={t(TITLES[step])}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ethics.actions.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      okButtonProps={
        {
          'data-testid': 'step-ok',
          // Accepting with a required item unmet is refused by the server; the form says why before trying.
          disabled: step === 'accept' && unmetRequired.length > 0,
        } as Record<`data-${string}`, string>
      }
    >
      <div data-testid={`step-modal-${step}`}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
        <Form<StepValues>
          form={form}
          layout="vertical"
          initialValues={{
            path: 'convened',
            outcome: 'approved',
            // Nothing is ticked to start with (issue 14): an upload of an item's kind meets it (shown ticked, fixed),
            // the secretary ticks the rest.
            checked: checklistItems.filter((i) => i.documented).map((i) => i.label),
            reasons: step === 'return' ? initialReasons : undefined,
          }}
          onFinish={onFinish}
        >
          {(step === 'accept' || step === 'return') && checklistItems.length > 0 && (
            <Form.Item name="checked" label={t('ethics.actions.checklist')} extra={t('ethics.actions.checklistHelp')}>
              <Checkbox.Group
                data-testid="step-checklist"
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                onChange={(v) => onChecklistChange(v as string[])}
              >
                {checklistItems.map((i) => (
                  <Checkbox
                    key={i.label}
                    value={i.label}
                    // An uploaded document of the item's kind meets it: ticked from the start, not to be unticked.
                    disabled={i.documented}
                    data-testid="checklist-item"
                  >
                    <Space size={4} wrap>
                      <span>{i.label}</span>
                      {i.required ? (
                        <Tag color="red">{t('ethics.actions.checklistRequired')}</Tag>
                      ) : (
                        <Tag>{t('ethics.actions.checklistOptional')}</Tag>
                      )}
                      {i.documented && (
                        <Tag color="green" data-testid="checklist-documented">
                          {t('ethics.actions.checklistUploaded', { kind: t(`documents.kinds.${i.kind}`) })}
                        </Tag>
                      )}
                    </Space>
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
          )}
          {step === 'accept' && unmetRequired.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="checklist-unmet"
              title={t('ethics.actions.requiredUnmet', { count: unmetRequired.length })}
              description={unmetRequired.join(i18n.language === 'en' ? '; ' : '；')}
            />
          )}
          {step === 'accept' && (
            <Form.Item name="comment" label={t('ethics.actions.acceptComment')}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="step-comment" />
            </Form.Item>
          )}
          {step === 'return' && (
            <Form.Item
              name="reasons"
              label={t('ethics.actions.reasons')}
              rules={required('ethics.actions.reasonsRequired')}
            >
              <Input.TextArea rows={4} maxLength={2000} data-testid="step-reasons" />
            </Form.Item>
          )}
          {step === 'triage' && (
            <>
              <Form.Item name="path" label={t('ethics.actions.path')}>
                <Radio.Group
                  data-testid="step-path"
                  options={TRIAGE_PATHS.map((p) => ({
                    value: p,
                    label: t(`ethics.paths.${p}`),
                    disabled: p === 'expedited' && Boolean(expedited?.refusal),
                  }))}
                />
              </Form.Item>
              {expedited && (
                <Alert
                  type={expedited.refusal ? 'warning' : 'info'}
                  showIcon
                  style={{ marginBottom: 16 }}
                  data-testid="expedited-rule"
                  title={
                    expedited.refusal
                      ? t(`ethics.actions.expeditedRefusal.${expedited.refusal}`, {
                          type: t(`ethics.types.${sub.type}`),
                          risk: t(`ethics.risk.${sub.riskLevel}`),
                          maxRisk: t(`ethics.risk.${expedited.ceiling}`),
                        })
                      : t('ethics.actions.expeditedOpen', { count: expedited.reviewers })
                  }
                  description={expedited.isDefault ? t('ethics.actions.expeditedDefaultRules') : undefined}
                />
              )}
              <Form.Item name="comment" label={t('ethics.actions.comment')}>
                <Input.TextArea rows={2} maxLength={2000} data-testid="step-comment" />
              </Form.Item>
            </>
          )}
          {step === 'request_info' && (
            <Form.Item
              name="questions"
              label={t('ethics.actions.questions')}
              rules={required('ethics.actions.questionsRequired')}
            >
              <Input.TextArea rows={4} maxLength={2000} data-testid="step-questions" />
            </Form.Item>
          )}
          {step === 'respond' && (
            <Form.Item
              name="answer"
              label={t('ethics.actions.answer')}
              rules={required('ethics.actions.answerRequired')}
            >
              <Input.TextArea rows={4} maxLength={2000} data-testid="step-answer" />
            </Form.Item>
          )}
          {step === 'decide' && (
            <>
              <Form.Item name="outcome" label={t('ethics.actions.outcome')}>
                <Select
                  data-testid="step-outcome"
                  options={SUBMISSION_OUTCOMES.map((o) => ({ value: o, label: t(`ethics.outcomes.${o}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="conditions"
                label={t('ethics.actions.conditions')}
                rules={outcome === 'approved_with_modifications' ? required('ethics.actions.conditions') : undefined}
              >
                <Input.TextArea rows={3} maxLength={4000} data-testid="step-conditions" />
              </Form.Item>
              <Form.Item
                name="followUpMonths"
                label={t('ethics.actions.followUpMonths')}
                extra={t('ethics.actions.followUpHelp')}
              >
                <InputNumber min={1} max={MAX_FOLLOW_UP_MONTHS} precision={0} data-testid="step-follow-up" />
              </Form.Item>
            </>
          )}
        </Form>
      </div>
    </Modal>
  );
}

/** The buttons of `availableSteps` that have a procedure; the server checks each again. */
function StepButtons({ sub }: { sub: SubmissionDetail }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateSubmissions();
  const [open, setOpen] = useState<FormStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onError = (e: unknown) => setError(apiError(e, t('common.networkError')).message);
  const accept = useMutation(
    trpc.submissions.screen.mutationOptions({
      onSuccess: async (r) => {
        message.success(t('ethics.actions.accepted', { no: r.acceptanceNo ?? '' }));
        await invalidate();
      },
      onError,
    }),
  );
  const startScreening = useMutation(
    trpc.submissions.startScreening.mutationOptions({
      onSuccess: async () => {
        message.success(t('ethics.actions.screeningStarted'));
        await invalidate();
      },
      onError,
    }),
  );
  const submit = useMutation(
    trpc.submissions.submit.mutationOptions({
      onSuccess: async (r) => {
        message.success(t(r.state === 'screening' ? 'ethics.actions.resubmitted' : 'ethics.actions.submitted'));
        await invalidate();
      },
      onError,
    }),
  );
  const steps = sub.availableSteps as SubmissionStep[];
  const has = (s: SubmissionStep) => steps.includes(s);
  const base = { id: sub.id, version: sub.version };
  const buttons = [
    has('start_screening') && (
      <Button
        key="start_screening"
        loading={startScreening.isPending}
        onClick={() => {
          setError(null);
          startScreening.mutate(base);
        }}
        data-testid="step-start-screening"
      >
        {t('ethics.steps.start_screening')}
      </Button>
    ),
    has('accept') && sub.screening.items.length > 0 && (
      <Button key="accept" type="primary" onClick={() => setOpen('accept')} data-testid="step-accept">
        {t('ethics.actions.accept')}
      </Button>
    ),
    has('accept') && sub.screening.items.length === 0 && (
      <Popconfirm
        key="accept"
        title={t('ethics.actions.acceptConfirm')}
        onConfirm={() => {
          setError(null);
          accept.mutate({ ...base, accept: true });
        }}
        okText={t('ethics.actions.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'accept-ok' } as Record<`data-${string}`, string>}
      >
        <Button type="primary" loading={accept.isPending} data-testid="step-accept">
          {t('ethics.actions.accept')}
        </Button>
      </Popconfirm>
    ),
    has('return') && (
      <Button key="return" danger onClick={() => setOpen('return')} data-testid="step-return">
        {t('ethics.actions.return')}
      </Button>
    ),
    has('triage') && (
      <Button key="triage" type="primary" onClick={() => setOpen('triage')} data-testid="step-triage">
        {t('ethics.actions.triage')}
      </Button>
    ),
    has('request_info') && (
      <Button key="request_info" onClick={() => setOpen('request_info')} data-testid="step-request-info">
        {t('ethics.actions.requestInfo')}
      </Button>
    ),
    has('decide') && (
      <Button key="decide" type="primary" onClick={() => setOpen('decide')} data-testid="step-decide">
        {t('ethics.actions.decide')}
      </Button>
    ),
    (has('submit') || has('resubmit')) && (
      <Button
        key="submit"
        type="primary"
        loading={submit.isPending}
        onClick={() => {
          setError(null);
          // Submitting cannot be taken back (the file is the EC's until returned): confirm, saying what is missing.
          const missing = sub.screening.missingKinds.map((k) => t(`documents.kinds.${k}`));
          modal.confirm({
            title: t('ethics.actions.submitConfirm'),
            content: (
              <div data-testid="submit-confirm">
                {missing.length > 0
                  ? t('ethics.actions.submitMissing', { kinds: missing.join(i18n.language === 'en' ? ', ' : '、') })
                  : t('ethics.actions.submitReady')}
              </div>
            ),
            okText: missing.length > 0 ? t('ethics.actions.submitAnyway') : t('ethics.actions.ok'),
            cancelText: t('common.cancel'),
            okButtonProps: { 'data-testid': 'submit-confirm-ok' } as Record<`data-${string}`, string>,
            onOk: () => submit.mutate(base),
          });
        }}
        data-testid="step-submit"
      >
        {has('resubmit') ? t('ethics.actions.resubmit') : t('ethics.actions.submit')}
      </Button>
    ),
    has('respond') && (
      <Button key="respond" type="primary" onClick={() => setOpen('respond')} data-testid="step-respond">
        {t('ethics.actions.respond')}
      </Button>
    ),
  ].filter(Boolean);
  return (
    <Card title={t('ethics.detail.actions')} data-testid="submission-actions">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="step-error" />}
      {buttons.length ? (
        <Space wrap>{buttons}</Space>
      ) : (
        <Typography.Text type="secondary">{t('ethics.detail.noActions')}</Typography.Text>
      )}
      {open && <StepModal key={open} sub={sub} step={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function ClockCard({ sub }: { sub: SubmissionDetail }) {
  const { t } = useTranslation();
  const c = sub.clock;
  return (
    <Card title={t('ethics.detail.clock')} data-testid="submission-clock" style={{ height: '100%' }}>
      {!c ? (
        <Typography.Text type="secondary">{t('ethics.detail.clockNone')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic
                title={t('ethics.detail.dueDate')}
                value={c.dueDate}
                styles={{ content: c.isOverdue ? { color: '#cf1322' } : undefined }}
              />
            </Col>
            <Col span={8}>
              {/* One string, spaced on both sides of the slash ("0/ 15" had the suffix's margin on one side only). */}
              <Statistic
                title={t('ethics.detail.used')}
                value={`${c.usedDays} / ${c.limitDays}`}
                data-testid="clock-used"
              />
            </Col>
            <Col span={8}>
              <Statistic title={t('ethics.detail.stopped')} value={c.stoppedDays} />
            </Col>
          </Row>
          <span>
            <ClockTags clock={c} />
          </span>
          {sub.stops.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('ethics.detail.stops')}</Typography.Text>
              {sub.stops.map((s) => (
                <div key={`${s.kind}-${s.from}`} className="ctp-muted-inline">
                  {t(`ethics.detail.stopKinds.${s.kind}`)} · {s.from} – {s.to ?? t('ethics.detail.open')}
                </div>
              ))}
            </div>
          )}
        </Flex>
      )}
    </Card>
  );
}

function reasonsOf(detail: unknown): string[] {
  const r = (detail as { reasons?: unknown } | null)?.reasons;
  return Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : [];
}

type ScreenedLine = { item: string; ok: boolean; by?: 'document' | 'secretary' | null };
/** The screening checklist recorded on an accept/return event (形式审查清单; `by` since issue 14). */
function checklistOf(detail: unknown): ScreenedLine[] {
  const c = (detail as { checklist?: unknown } | null)?.checklist;
  return Array.isArray(c)
    ? c.filter((x): x is ScreenedLine => typeof x?.item === 'string' && typeof x?.ok === 'boolean')
    : [];
}

/** What the screening found, truthfully: how many items were met, by an upload or the secretary, and which were not. */
function ChecklistSummary({ checklist }: { checklist: ScreenedLine[] }) {
  const { t, i18n } = useTranslation();
  const met = checklist.filter((c) => c.ok);
  const unmet = checklist.filter((c) => !c.ok);
  const recordedBy = checklist.some((c) => c.by !== undefined);
  return (
    <Typography.Text type="secondary" data-testid="timeline-checklist">
      {t('ethics.detail.checklistMet', { met: met.length, count: checklist.length })}
      {recordedBy &&
        t('ethics.detail.checklistMetBy', {
          docs: met.filter((c) => c.by === 'document').length,
          ticks: met.filter((c) => c.by === 'secretary').length,
        })}
      {unmet.length > 0 &&
        t('ethics.detail.checklistUnmet', {
          items: unmet.map((c) => c.item).join(i18n.language === 'en' ? '; ' : '；'),
        })}
    </Typography.Text>
  );
}

function TimelineCard({ sub }: { sub: SubmissionDetail }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Card title={t('ethics.detail.timeline')} data-testid="submission-timeline" style={{ height: '100%' }}>
      {sub.timeline.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ethics.detail.timelineEmpty')} />
      ) : (
        <Timeline
          items={sub.timeline.map((e, i) => {
            const reasons = reasonsOf(e.detail);
            const checklist = checklistOf(e.detail);
            return {
              key: `${e.at}-${i}`,
              color: e.step === 'return' ? 'orange' : e.step === 'decide' ? 'green' : 'blue',
              content: (
                <Flex vertical gap={2} data-testid="timeline-event">
                  <span>
                    <Typography.Text strong>{t(`ethics.steps.${e.step}`, { defaultValue: e.step })}</Typography.Text>
                    {e.toState && <span> → {t(`ethics.states.${e.toState}`, { defaultValue: e.toState })}</span>}
                  </span>
                  {reasons.length > 0 && (
                    <Typography.Text type="secondary">
                      {t('ethics.detail.reasons', { reasons: reasons.join(en ? '; ' : '；') })}
                    </Typography.Text>
                  )}
                  {checklist.length > 0 && <ChecklistSummary checklist={checklist} />}
                  {e.comment && (
                    <Typography.Text type="secondary">
                      <UserText text={e.comment} />
                    </Typography.Text>
                  )}
                  <DueDateMoved detail={e.detail} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {beijingTime(e.at)} ·{' '}
                    {e.byCommittee
                      ? // Outside the committee its acts are its own, never a named member's (issue 12).
                        (en ? sub.committeeNameEn : null) || sub.committeeName
                      : e.actorName
                        ? personName(e.actorName)
                        : e.step === 'due_date_moved'
                          ? t('calendar.system')
                          : '—'}
                    {e.actorRole && ` · ${t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}`}
                  </Typography.Text>
                </Flex>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}

function DecisionCard({ sub }: { sub: SubmissionDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('ethics.detail.decision')} data-testid="submission-decision">
      {!sub.outcome ? (
        <Typography.Text type="secondary">{t('ethics.detail.noDecision')}</Typography.Text>
      ) : (
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'outcome',
              label: t('ethics.detail.outcome'),
              children: (
                <Tag color={sub.outcome.startsWith('approved') ? 'green' : 'red'} data-testid="decision-outcome">
                  {t(`ethics.outcomes.${sub.outcome}`)}
                </Tag>
              ),
            },
            { key: 'date', label: t('ethics.detail.decidedDate'), children: sub.decidedDate ?? '—' },
            { key: 'conditions', label: t('ethics.detail.conditions'), children: sub.conditions ?? '—' },
            { key: 'followUp', label: t('ethics.detail.followUp'), children: sub.followUpDate ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}

/** EC-only: expedited views, meeting votes and conflict declarations (the server sends `review` to the EC alone). */
function ReviewCard({ review }: { review: NonNullable<SubmissionDetail['review']> }) {
  const { t } = useTranslation();
  const votes = [...review.expeditedViews, ...review.meetingVotes];
  return (
    <Card title={t('ethics.detail.review')} data-testid="submission-review">
      <Typography.Text strong>
        {t('ethics.detail.expeditedViews')} / {t('ethics.detail.meetingVotes')}
      </Typography.Text>
      {review.isRecused ? (
        // A member recused for this submission gets no individual vote from the server (issue 12).
        <div data-testid="review-recused">
          <Tag color="orange">{t('meetings.meeting.recusedHidden')}</Tag>
          <Typography.Text type="secondary">{t('meetings.meeting.recusedSelfHint')}</Typography.Text>
        </div>
      ) : votes.length === 0 ? (
        <div className="ctp-muted-inline">{t('ethics.detail.none')}</div>
      ) : (
        votes.map((v) => (
          <div key={`${v.memberId}-${v.meetingId ?? 'x'}`}>
            {personName(v.memberName)} — {t(`ethics.choices.${v.choice}`, { defaultValue: v.choice })}
            <Typography.Text type="secondary">
              {' '}
              · {v.meetingId ? t('ethics.meeting') : t('ethics.expedited')} · {beijingTime(v.at)}
            </Typography.Text>
          </div>
        ))
      )}
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>{t('ethics.detail.conflicts')}</Typography.Text>
        {review.conflicts.length === 0 ? (
          <div className="ctp-muted-inline">{t('ethics.detail.none')}</div>
        ) : (
          review.conflicts.map((c) => (
            <div key={`${c.memberId}-${c.at}`}>
              {personName(c.memberName)} — {c.reason}
            </div>
          ))
        )}
      </div>
    </Card>
  );
}

export default function SubmissionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const q = useQuery(trpc.submissions.get.queryOptions({ id }));
  const back = (
    <Link to="/ethics">
      <ArrowLeftOutlined /> {t('ethics.detail.back')}
    </Link>
  );
  if (q.isLoading) return <Card loading />;
  if (q.error || !q.data) {
    const err = q.error ? apiError(q.error, t('common.networkError')) : null;
    return (
      <Result
        status={err?.code === 'NOT_FOUND' || !err ? '404' : 'error'}
        title={err?.code === 'NOT_FOUND' || !err ? t('ethics.detail.notFound') : err.message}
        extra={back}
      />
    );
  }
  const s = q.data;
  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={
          <span data-testid="submission-title">
            {t(`ethics.types.${s.type}`)} · {pick(en, s.trialTitle, s.trialTitleEn)}
            {s.isKeyProject && (
              <>
                {' '}
                <KeyProjectTag />
              </>
            )}
          </span>
        }
        subtitle={s.title ?? undefined}
        extra={<SubmissionStateTag state={s.state} />}
      />
      <Flex vertical gap={16}>
        <Card data-testid="submission-header">
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            size="small"
            items={[
              {
                key: 'acceptanceNo',
                label: t('ethics.queue.acceptanceNo'),
                children: s.acceptanceNo ? (
                  <span className="ctp-mono" data-testid="acceptance-no">
                    {s.acceptanceNo}
                  </span>
                ) : (
                  t('ethics.queue.notAccepted')
                ),
              },
              {
                key: 'trial',
                label: t('ethics.queue.trial'),
                children: <Link to={`/trials/${s.trialId}`}>{pick(en, s.trialTitle, s.trialTitleEn)}</Link>,
              },
              { key: 'site', label: t('ethics.queue.site'), children: pick(en, s.hospitalName, s.hospitalNameEn) },
              { key: 'type', label: t('ethics.queue.type'), children: t(`ethics.types.${s.type}`) },
              { key: 'state', label: t('ethics.queue.state'), children: <SubmissionStateTag state={s.state} /> },
              {
                key: 'committee',
                label: t('ethics.detail.committee'),
                children: pick(en, s.committeeName, s.committeeNameEn),
              },
              {
                key: 'risk',
                label: t('ethics.detail.risk'),
                children: s.riskLevel ? t(`ethics.risk.${s.riskLevel}`) : '—',
              },
              {
                key: 'path',
                label: t('ethics.detail.path'),
                children: s.reviewPath ? t(`ethics.paths.${s.reviewPath}`) : '—',
              },
              {
                key: 'submittedAt',
                label: t('ethics.detail.submittedAt'),
                children: s.submittedAt ? beijingTime(s.submittedAt) : '—',
              },
              { key: 'acceptedDate', label: t('ethics.detail.acceptedDate'), children: s.acceptedDate ?? '—' },
            ]}
          />
        </Card>
        <StepButtons sub={s} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Flex vertical gap={16}>
              <ClockCard sub={s} />
              <DecisionCard sub={s} />
              <LetterPanel sub={s} />
            </Flex>
          </Col>
          <Col xs={24} xl={14}>
            <TimelineCard sub={s} />
          </Col>
        </Row>
        <DocumentsPanel sub={s} />
        <ModificationsPanel sub={s} />
        <ReviewersPanel sub={s} />
        {s.review && <ReviewCard review={s.review} />}
      </Flex>
    </>
  );
}
