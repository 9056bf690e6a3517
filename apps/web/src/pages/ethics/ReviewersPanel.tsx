import { LockOutlined } from '@ant-design/icons';
import {
  isEcRole,
  SUBMISSION_OUTCOMES,
  WORKSHEET_ASSESSMENTS,
  WORKSHEET_ITEMS,
  type WorksheetAssessment,
  type WorksheetItem,
} from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { apiError } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import type { SubmissionDetail } from './ethics-ui.tsx';

type WorksheetValues = {
  items: Record<WorksheetItem, { assessment: WorksheetAssessment | null; comment: string }>;
  recommendedOutcome: (typeof SUBMISSION_OUTCOMES)[number] | null;
  opinion: string;
};

function useInvalidateReviews() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.reviews.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.submissions.pathKey() });
  };
}

/**
 * Primary reviewers (主审), conflict declaration and the reviewer's worksheet on a submission — EC-only. The
 * secretary assigns; a reviewer declares before the worksheet opens; the server enforces both again.
 */
export function ReviewersPanel({ sub }: { sub: SubmissionDetail }) {
  const { actor } = useSession();
  if (!actor || !isEcRole(actor.role)) return null;
  return <ReviewersCard sub={sub} />;
}

function ReviewersCard({ sub }: { sub: SubmissionDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateReviews();
  const q = useQuery(trpc.reviews.forSubmission.queryOptions({ submissionId: sub.id }));
  const [error, setError] = useState<string | null>(null);
  const [pick, setPick] = useState<string | undefined>();
  const onError = (e: unknown) => setError(apiError(e, t('common.networkError')).message);
  const assign = useMutation(
    trpc.reviews.assign.mutationOptions({
      onSuccess: async () => {
        setError(null);
        setPick(undefined);
        message.success(t('meetings.reviewers.assigned'));
        await invalidate();
      },
      onError,
    }),
  );
  const unassign = useMutation(trpc.reviews.unassign.mutationOptions({ onSuccess: invalidate, onError }));
  if (q.error) return <Alert type="error" showIcon title={apiError(q.error, t('common.networkError')).message} />;
  const r = q.data;
  const statusTag = (x: NonNullable<typeof r>['reviewers'][number]) => {
    if (x.removedReason === 'conflict') return <Tag color="red">{t('meetings.reviewers.conflict')}</Tag>;
    if (x.removedAt) return <Tag>{t('meetings.reviewers.removed')}</Tag>;
    if (x.hasConflict === false) return <Tag color="green">{t('meetings.reviewers.declared')}</Tag>;
    return <Tag color="orange">{t('meetings.reviewers.undeclared')}</Tag>;
  };
  const active = r?.reviewers.filter((x) => !x.removedAt) ?? [];
  return (
    <Card
      title={t('meetings.reviewers.title')}
      loading={q.isLoading}
      data-testid="reviewers-panel"
      extra={
        <Typography.Text type="secondary">
          <LockOutlined /> {t('meetings.reviewers.confidential')}
        </Typography.Text>
      }
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="reviewers-error" />
      )}
      {r && (
        <Flex vertical gap={16}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={r.reviewers}
            locale={{ emptyText: t('meetings.reviewers.none') }}
            columns={[
              { title: t('meetings.meeting.member'), dataIndex: 'name', render: (v: string) => personName(v) },
              { title: t('meetings.committee.expertise'), render: (_, x) => t(`meetings.expertise.${x.expertise}`) },
              {
                title: t('meetings.reviewers.declared'),
                render: (_, x) => (
                  <Space direction="vertical" size={0}>
                    {statusTag(x)}
                    {x.conflictStatement && <Typography.Text type="secondary">{x.conflictStatement}</Typography.Text>}
                  </Space>
                ),
              },
              {
                title: t('meetings.reviewers.worksheetStatus'),
                render: (_, x) =>
                  x.worksheetStatus ? t(`meetings.reviewers.${x.worksheetStatus}`) : t('meetings.reviewers.notStarted'),
              },
              ...(r.canAssign && r.isUnderReview
                ? [
                    {
                      title: '',
                      render: (_: unknown, x: (typeof r.reviewers)[number]) =>
                        !x.removedAt && (
                          <Button
                            size="small"
                            onClick={() => unassign.mutate({ submissionId: sub.id, memberId: x.memberId })}
                          >
                            {t('meetings.reviewers.unassign')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
          {r.canAssign && r.isUnderReview && (
            <Space wrap>
              <Select
                style={{ minWidth: 260 }}
                value={pick}
                onChange={setPick}
                placeholder={t('meetings.reviewers.assignPlaceholder')}
                data-testid="reviewer-select"
                options={r.roster
                  .filter((m) => !m.isRecused && !active.some((a) => a.memberId === m.id))
                  .map((m) => ({
                    value: m.id,
                    label: `${personName(m.name)} · ${t(`meetings.roles.${m.role}`)} · ${t(`meetings.expertise.${m.expertise}`)}`,
                  }))}
              />
              <Button
                type="primary"
                disabled={!pick}
                loading={assign.isPending}
                onClick={() => pick && assign.mutate({ submissionId: sub.id, memberId: pick })}
                data-testid="reviewer-assign"
              >
                {t('meetings.reviewers.assign')}
              </Button>
              <Typography.Text type="secondary">{t('meetings.reviewers.max', { max: r.maxReviewers })}</Typography.Text>
            </Space>
          )}
          {r.isRecused && (
            <Typography.Text type="secondary" data-testid="reviewers-recused">
              <Tag color="orange">{t('meetings.meeting.recusedHidden')}</Tag>
              {t('meetings.meeting.recusedSelfHint')}
            </Typography.Text>
          )}
          {r.me.isReviewer && !r.me.declaration && <DeclareForm submissionId={sub.id} onError={setError} />}
          {r.me.isReviewer && r.mayOpenFiles && (
            <WorksheetForm submissionId={sub.id} worksheet={r.me.worksheet} editable={r.isUnderReview} />
          )}
          {r.me.isReviewer && r.mayOpenFiles && sub.reviewPath === 'expedited' && sub.state === 'in_review' && (
            <ExpeditedViewForm sub={sub} memberIds={r.me.memberIds} onError={setError} />
          )}
          {!r.mayOpenFiles && !r.me.isReviewer && !r.canAssign && (
            <Typography.Text type="secondary">{t('meetings.reviewers.mayNotOpen')}</Typography.Text>
          )}
          {r.canAssign &&
            r.reviewers
              .filter((x) => x.worksheet?.status === 'submitted')
              .map((x) => <WorksheetView key={x.id} name={personName(x.name)} worksheet={x.worksheet!} />)}
        </Flex>
      )}
    </Card>
  );
}

/**
 * An assigned, declared primary reviewer's expedited view (简易程序审查意见, issue 12): approve, approve with
 * modifications, or a "no" that sends the submission to a convened meeting. The chair signs once the committee's SOP
 * number of views is in.
 */
function ExpeditedViewForm({
  sub,
  memberIds,
  onError,
}: {
  sub: SubmissionDetail;
  memberIds: string[];
  onError: (m: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateReviews();
  const mine = sub.review?.expeditedViews.find((v) => memberIds.includes(v.memberId));
  const vote = useMutation(
    trpc.meetings.vote.mutationOptions({
      onSuccess: async (res) => {
        message.success(t(res.referredToMeeting ? 'meetings.reviewers.viewReferred' : 'meetings.reviewers.viewSaved'));
        await invalidate();
      },
      onError: (e) => onError(apiError(e, t('common.networkError')).message),
    }),
  );
  const choices = ['approve', 'approve_with_modifications', 'disapprove'] as const;
  return (
    <Space wrap data-testid="expedited-view">
      <Typography.Text strong>
        {t('meetings.reviewers.expeditedView')}
        {t('punct.colon')}
      </Typography.Text>
      <Radio.Group
        optionType="button"
        value={mine?.choice ?? null}
        disabled={vote.isPending}
        onChange={(e) => vote.mutate({ submissionId: sub.id, choice: e.target.value })}
      >
        {choices.map((c) => (
          <Radio.Button key={c} value={c}>
            <span data-testid={`expedited-view-${c}`}>{t(`meetings.reviewers.view.${c}`)}</span>
          </Radio.Button>
        ))}
      </Radio.Group>
      {sub.review && (
        <Typography.Text type="secondary">
          {t('meetings.reviewers.viewsNeeded', { count: sub.review.expedited.reviewers })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The reviewer's declaration: none, or a conflict with a statement (which removes them as reviewer). */
function DeclareForm({
  submissionId,
  meetingId,
  onError,
}: {
  submissionId: string;
  meetingId?: string;
  onError: (m: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateReviews();
  const [hasConflict, setHasConflict] = useState(false);
  const [statement, setStatement] = useState('');
  const declare = useMutation(
    trpc.reviews.declare.mutationOptions({
      onSuccess: async () => {
        message.success(t('meetings.reviewers.declaredOk'));
        await invalidate();
      },
      onError: (e) => onError(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <Alert
      type="warning"
      showIcon
      title={t('meetings.reviewers.declareTitle')}
      data-testid="declare-form"
      description={
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Radio.Group value={hasConflict} onChange={(e) => setHasConflict(e.target.value)}>
            <Radio value={false} data-testid="declare-none">
              {t('meetings.reviewers.declareNone')}
            </Radio>
            <Radio value={true} data-testid="declare-conflict">
              {t('meetings.reviewers.declareConflict')}
            </Radio>
          </Radio.Group>
          {hasConflict && (
            <Input.TextArea
              rows={2}
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
              placeholder={t('meetings.reviewers.statement')}
              data-testid="declare-statement"
            />
          )}
          <div>
            <Button
              type="primary"
              loading={declare.isPending}
              onClick={() =>
                declare.mutate({ submissionId, meetingId, hasConflict, statement: hasConflict ? statement : undefined })
              }
              data-testid="declare-submit"
            >
              {t('common.save')}
            </Button>
          </div>
        </Flex>
      }
    />
  );
}

function WorksheetForm({
  submissionId,
  worksheet,
  editable,
}: {
  submissionId: string;
  worksheet: (WorksheetValues & { status: 'draft' | 'submitted'; version: number }) | null;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateReviews();
  const [form] = Form.useForm<WorksheetValues>();
  const [error, setError] = useState<string | null>(null);
  const locked = worksheet?.status === 'submitted' || !editable;
  const save = useMutation(
    trpc.reviews.saveWorksheet.mutationOptions({
      onSuccess: async (w) => {
        setError(null);
        message.success(t(w.status === 'submitted' ? 'meetings.reviewers.submittedOk' : 'meetings.reviewers.saved'));
        await invalidate();
      },
      onError: (e) => setError(apiError(e, t('common.networkError')).message),
    }),
  );
  const initial: WorksheetValues = worksheet ?? {
    items: Object.fromEntries(
      WORKSHEET_ITEMS.map((k) => [k, { assessment: null, comment: '' }]),
    ) as WorksheetValues['items'],
    recommendedOutcome: null,
    opinion: '',
  };
  const send = (submit: boolean) => {
    const v = form.getFieldsValue(true) as WorksheetValues;
    save.mutate({
      submissionId,
      items: Object.fromEntries(
        WORKSHEET_ITEMS.map((k) => [
          k,
          { assessment: v.items[k]?.assessment ?? null, comment: v.items[k]?.comment ?? '' },
        ]),
      ) as WorksheetValues['items'],
      recommendedOutcome: v.recommendedOutcome ?? null,
      opinion: v.opinion ?? '',
      submit,
      version: worksheet?.version,
    });
  };
  return (
    <Card
      type="inner"
      title={t('meetings.reviewers.worksheet')}
      extra={locked && worksheet ? <Tag icon={<LockOutlined />}>{t('meetings.reviewers.locked')}</Tag> : null}
      data-testid="worksheet-form"
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="worksheet-error" />
      )}
      <Form form={form} layout="vertical" initialValues={initial} disabled={locked}>
        {WORKSHEET_ITEMS.map((k) => (
          <Flex key={k} gap={12} wrap align="start">
            <Form.Item label={t(`meetings.items.${k}`)} name={['items', k, 'assessment']} style={{ minWidth: 280 }}>
              <Radio.Group
                optionType="button"
                size="small"
                options={WORKSHEET_ASSESSMENTS.map((a) => ({ value: a, label: t(`meetings.assessments.${a}`) }))}
              />
            </Form.Item>
            <Form.Item
              label={t('meetings.reviewers.comment')}
              name={['items', k, 'comment']}
              style={{ flex: 1, minWidth: 240 }}
            >
              <Input.TextArea rows={1} autoSize maxLength={4000} />
            </Form.Item>
          </Flex>
        ))}
        <Form.Item label={t('meetings.reviewers.recommendedOutcome')} name="recommendedOutcome">
          <Select
            allowClear
            style={{ maxWidth: 320 }}
            options={SUBMISSION_OUTCOMES.map((o) => ({ value: o, label: t(`ethics.outcomes.${o}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('meetings.reviewers.opinion')} name="opinion">
          <Input.TextArea rows={3} maxLength={8000} />
        </Form.Item>
        {!locked && (
          <Space>
            <Button onClick={() => send(false)} loading={save.isPending} data-testid="worksheet-save">
              {t('meetings.reviewers.saveDraft')}
            </Button>
            <Popconfirm title={t('meetings.reviewers.submitConfirm')} onConfirm={() => send(true)}>
              <Button type="primary" loading={save.isPending} data-testid="worksheet-submit">
                {t('meetings.reviewers.submit')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Form>
    </Card>
  );
}

function WorksheetView({
  name,
  worksheet,
}: {
  name: string;
  worksheet: WorksheetValues & { submittedAt: number | null };
}) {
  const { t } = useTranslation();
  return (
    <Card type="inner" size="small" title={`${t('meetings.reviewers.worksheet')} · ${name}`}>
      {WORKSHEET_ITEMS.map((k) => (
        <div key={k}>
          <Typography.Text strong>
            {t(`meetings.items.${k}`)}
            {t('punct.colon')}
          </Typography.Text>
          {worksheet.items[k].assessment ? t(`meetings.assessments.${worksheet.items[k].assessment}`) : '—'}
          {worksheet.items[k].comment && (
            <Typography.Text type="secondary"> — {worksheet.items[k].comment}</Typography.Text>
          )}
        </div>
      ))}
      <div style={{ marginTop: 8 }}>
        <Typography.Text strong>
          {t('meetings.reviewers.recommendedOutcome')}
          {t('punct.colon')}
        </Typography.Text>
        {worksheet.recommendedOutcome ? t(`ethics.outcomes.${worksheet.recommendedOutcome}`) : '—'}
        {worksheet.submittedAt && (
          <Typography.Text type="secondary"> ({beijingTime(worksheet.submittedAt)})</Typography.Text>
        )}
      </div>
      <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>{worksheet.opinion}</Typography.Paragraph>
    </Card>
  );
}

/**
 * After 必要的修改后同意: the applicant submits the modifications, the secretary verifies them or asks again. Shown
 * to everyone who sees the submission (applicant and sponsor see that they were verified).
 */
export function ModificationsPanel({ sub }: { sub: SubmissionDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const needed = sub.outcome === 'approved_with_modifications';
  const q = useQuery({ ...trpc.modifications.get.queryOptions({ id: sub.id }), enabled: needed });
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const done = (key: string) => async () => {
    setError(null);
    setText('');
    message.success(t(key));
    await queryClient.invalidateQueries({ queryKey: trpc.modifications.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.submissions.pathKey() });
  };
  const onError = (e: unknown) => setError(apiError(e, t('common.networkError')).message);
  const submit = useMutation(
    trpc.modifications.submit.mutationOptions({ onSuccess: done('meetings.modifications.submitted_ok'), onError }),
  );
  const verify = useMutation(
    trpc.modifications.verify.mutationOptions({ onSuccess: done('meetings.modifications.verifiedOk'), onError }),
  );
  const ask = useMutation(
    trpc.modifications.verify.mutationOptions({ onSuccess: done('meetings.modifications.askedOk'), onError }),
  );
  if (!needed) return null;
  const m = q.data;
  const isApplicant = actor?.role === 'site_admin' || actor?.role === 'investigator';
  const isSecretary = actor?.role === 'ec_secretary';
  const open = m?.state === 'decided';
  return (
    <Card title={t('meetings.modifications.title')} loading={q.isLoading} data-testid="modifications-panel">
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="modifications-error" />
      )}
      {m?.status && (
        <Flex vertical gap={12}>
          <div>
            <Typography.Text strong>
              {t('meetings.modifications.status')}
              {t('punct.colon')}
            </Typography.Text>
            <Tag color={m.status === 'verified' ? 'green' : 'orange'} data-testid="modifications-status">
              {t(`meetings.modifications.${m.status}`)}
            </Tag>
          </div>
          {m.conditions && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              <Typography.Text strong>
                {t('meetings.modifications.conditions')}
                {t('punct.colon')}
              </Typography.Text>
              {m.conditions}
            </Typography.Paragraph>
          )}
          {m.rounds.map((r) => (
            <Card key={r.round} type="inner" size="small" title={t('meetings.modifications.round', { round: r.round })}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.response}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {r.submittedByName} · {beijingTime(r.submittedAt)}
              </Typography.Text>
              {r.verdict && (
                <div style={{ marginTop: 8 }}>
                  <Tag color={r.verdict === 'verified' ? 'green' : 'orange'}>
                    {t(
                      r.verdict === 'verified' ? 'meetings.modifications.verified' : 'meetings.modifications.askAgain',
                    )}
                  </Tag>
                  {r.verdictComment}
                </div>
              )}
            </Card>
          ))}
          {open && isApplicant && m.status === 'awaiting_submission' && (
            <Flex vertical gap={8}>
              <Input.TextArea
                rows={3}
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={t('meetings.modifications.response')}
                data-testid="modifications-response"
              />
              <div>
                <Button
                  type="primary"
                  loading={submit.isPending}
                  onClick={() => submit.mutate({ id: sub.id, version: m.version, response: text })}
                  data-testid="modifications-submit"
                >
                  {t('meetings.modifications.submit')}
                </Button>
              </div>
            </Flex>
          )}
          {open && isSecretary && m.status === 'submitted' && (
            <Flex vertical gap={8}>
              <Input.TextArea
                rows={2}
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={t('meetings.modifications.askReason')}
                data-testid="modifications-comment"
              />
              <Space>
                <Button
                  type="primary"
                  loading={verify.isPending}
                  onClick={() =>
                    verify.mutate({ id: sub.id, version: m.version, verdict: 'verified', comment: text || undefined })
                  }
                  data-testid="modifications-verify"
                >
                  {t('meetings.modifications.verify')}
                </Button>
                <Button
                  loading={ask.isPending}
                  onClick={() =>
                    ask.mutate({ id: sub.id, version: m.version, verdict: 'more_requested', comment: text })
                  }
                  data-testid="modifications-ask-again"
                >
                  {t('meetings.modifications.askAgain')}
                </Button>
              </Space>
            </Flex>
          )}
        </Flex>
      )}
    </Card>
  );
}

export { DeclareForm };
