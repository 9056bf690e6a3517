import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import type { AppRouter } from '@ctp/api';
import { QUORUM_REASON_LABELS, VOTE_CHOICES, VOTE_OUTCOME, type VoteChoice } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { personName, properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useReadySubmissions } from './meeting-ui.ts';

type Outputs = inferRouterOutputs<AppRouter>;
type Meeting = Outputs['meetings']['get'];
type AgendaItem = Meeting['agenda'][number];
type Quorum = Meeting['quorum'];

function useInvalidateMeeting() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.submissions.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.reviews.pathKey() });
  };
}

/** The live quorum (by the committee's SOP), with the reasons when it is not met. */
export function QuorumIndicator({ quorum, testId = 'quorum-indicator' }: { quorum: Quorum; testId?: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const text = t(quorum.met ? 'meetings.meeting.quorumMet' : 'meetings.meeting.quorumNotMet', {
    present: quorum.present,
    count: quorum.total,
    required: quorum.required,
  });
  return (
    <Alert
      type={quorum.met ? 'success' : 'warning'}
      showIcon
      data-testid={testId}
      data-met={String(quorum.met)}
      title={text}
      description={
        quorum.reasons.length > 0
          ? quorum.reasons
              .map((r) => (en ? QUORUM_REASON_LABELS[r].en : QUORUM_REASON_LABELS[r].zh))
              .join(en ? '; ' : '；')
          : undefined
      }
    />
  );
}

/** A convened meeting: agenda, attendance, live quorum, declarations, votes, decisions and minutes (EC-only). */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const q = useQuery(trpc.meetings.get.queryOptions({ meetingId: id }));
  const [error, setError] = useState<string | null>(null);
  if (q.error) return <Alert type="error" showIcon title={apiError(q.error, t('common.networkError')).message} />;
  const m = q.data;
  const runs = actor?.role === 'ec_secretary' || actor?.role === 'ec_chair';
  return (
    <>
      <PageHeader
        title={m ? `${m.meetingDate} ${m.title ?? ''}` : '…'}
        subtitle={t('meetings.list.subtitle')}
        extra={
          <Link to="/ethics/meetings">
            <ArrowLeftOutlined /> {t('meetings.meeting.back')}
          </Link>
        }
      />
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(null)}
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="meeting-error"
        />
      )}
      {m && (
        <Flex vertical gap={16}>
          <QuorumIndicator quorum={m.quorum} />
          <AttendanceCard meeting={m} runs={runs} onError={setError} />
          <AgendaCard meeting={m} runs={runs} onError={setError} />
          <MinutesCard meetingId={m.id} />
        </Flex>
      )}
    </>
  );
}

function AttendanceCard({ meeting, runs, onError }: { meeting: Meeting; runs: boolean; onError: (e: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateMeeting();
  const record = useMutation(
    trpc.meetings.recordAttendance.mutationOptions({
      onSuccess: invalidate,
      onError: (e) => onError(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <Card title={t('meetings.meeting.attendance')} data-testid="attendance-card">
      {meeting.members.length === 0 ? (
        <Typography.Text type="secondary">{t('meetings.meeting.noMembers')}</Typography.Text>
      ) : (
        <Flex wrap gap={12}>
          {meeting.members.map((mb) => (
            <Card key={mb.id} size="small" style={{ minWidth: 200 }}>
              <Space direction="vertical" size={2}>
                <Typography.Text strong>{personName(mb.name)}</Typography.Text>
                <Typography.Text type="secondary">
                  {t(`meetings.roles.${mb.role}`)} · {t(`meetings.expertise.${mb.expertise}`)} ·{' '}
                  {mb.isAffiliated ? t('meetings.committee.affiliated') : t('meetings.committee.unaffiliated')}
                </Typography.Text>
                <Switch
                  checked={mb.isPresent}
                  disabled={!runs}
                  loading={record.isPending && record.variables?.memberId === mb.id}
                  checkedChildren={t('meetings.meeting.present')}
                  unCheckedChildren={t('meetings.meeting.absent')}
                  onChange={(present) => record.mutate({ meetingId: meeting.id, memberId: mb.id, present })}
                  data-testid="attendance-toggle"
                  data-member={mb.name}
                />
              </Space>
            </Card>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function AgendaCard({ meeting, runs, onError }: { meeting: Meeting; runs: boolean; onError: (e: string) => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateMeeting();
  const ready = useReadySubmissions(runs);
  const [pick, setPick] = useState<string | undefined>();
  const errorOf = (e: unknown) => onError(apiError(e, t('common.networkError')).message);
  const add = useMutation(
    trpc.meetings.addToAgenda.mutationOptions({
      onSuccess: async () => {
        setPick(undefined);
        await invalidate();
      },
      onError: errorOf,
    }),
  );
  const remove = useMutation(
    trpc.meetings.removeFromAgenda.mutationOptions({ onSuccess: invalidate, onError: errorOf }),
  );
  return (
    <Card
      title={t('meetings.meeting.agenda')}
      data-testid="agenda-card"
      extra={
        runs && (
          <Space>
            <Select
              style={{ minWidth: 320 }}
              value={pick}
              onChange={setPick}
              placeholder={t('meetings.meeting.addPlaceholder')}
              data-testid="agenda-add-select"
              options={ready
                .filter((s) => !meeting.agenda.some((a) => a.id === s.id))
                .map((s) => ({
                  value: s.id,
                  label: `${s.acceptanceNo ?? ''} ${(i18n.language === 'en' && s.trialTitleEn) || s.trialTitle}`,
                }))}
            />
            <Button
              disabled={!pick}
              loading={add.isPending}
              onClick={() => pick && add.mutate({ meetingId: meeting.id, submissionId: pick })}
              data-testid="agenda-add"
            >
              {t('meetings.meeting.addItem')}
            </Button>
          </Space>
        )
      }
    >
      {meeting.agenda.length === 0 ? (
        <Typography.Text type="secondary">{t('meetings.meeting.noAgenda')}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          {meeting.agenda.map((item) => (
            <AgendaItemCard
              key={item.id}
              meeting={meeting}
              item={item}
              runs={runs}
              onError={onError}
              onRemove={() => remove.mutate({ meetingId: meeting.id, submissionId: item.id })}
            />
          ))}
        </Flex>
      )}
    </Card>
  );
}

/** The item as the chair needs it (issue 14): trial, PI, sponsor, risk and the primary reviewers' opinions. */
function AgendaBrief({ item }: { item: AgendaItem }) {
  const { t, i18n } = useTranslation();
  const _en = i18n.language === 'en';
  return (
    <Flex vertical gap={8} data-testid="agenda-brief">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'trial',
            label: t('meetings.meeting.trial'),
            span: 2,
            children: properName(item.trialTitle, item.trialTitleEn),
          },
          { key: 'pi', label: t('meetings.meeting.pi'), children: item.piName ? personName(item.piName) : '—' },
          {
            key: 'sponsor',
            label: t('meetings.meeting.sponsor'),
            children: properName(item.sponsorName, item.sponsorNameEn),
          },
          {
            key: 'risk',
            label: t('meetings.meeting.risk'),
            children: (
              <Tag color={item.riskLevel === 'high' ? 'red' : item.riskLevel === 'medium' ? 'orange' : 'green'}>
                {t(`ethics.risk.${item.riskLevel}`)}
              </Tag>
            ),
          },
        ]}
      />
      <div data-testid="primary-reviews">
        <Typography.Text strong>{t('meetings.meeting.primaryReviews')}</Typography.Text>
        {item.primaryReviews.length === 0 ? (
          <Typography.Text type="secondary"> {t('meetings.meeting.noPrimaryReviewers')}</Typography.Text>
        ) : (
          item.primaryReviews.map((r) => (
            <div key={r.memberId} className="ctp-muted-inline" data-testid="primary-review">
              <Typography.Text>{r.name}</Typography.Text>
              {' · '}
              {r.recommendedOutcome ? (
                <>
                  <Tag>{t(`ethics.outcomes.${r.recommendedOutcome}`)}</Tag>
                  <Typography.Text type="secondary">{r.opinion}</Typography.Text>
                </>
              ) : (
                <Typography.Text type="secondary">
                  {r.submitted ? t('meetings.meeting.reviewHidden') : t('meetings.meeting.reviewPending')}
                </Typography.Text>
              )}
            </div>
          ))
        )}
      </div>
    </Flex>
  );
}

function AgendaItemCard({
  meeting,
  item,
  runs,
  onError,
  onRemove,
}: {
  meeting: Meeting;
  item: AgendaItem;
  runs: boolean;
  onError: (e: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const { message } = App.useApp();
  const invalidate = useInvalidateMeeting();
  const errorOf = (e: unknown) => onError(apiError(e, t('common.networkError')).message);
  const [conditions, setConditions] = useState('');
  const [recuse, setRecuse] = useState<{ memberId: string; name: string } | null>(null);
  const [reason, setReason] = useState('');
  const vote = useMutation(
    trpc.meetings.vote.mutationOptions({
      onSuccess: async () => {
        message.success(t('meetings.meeting.voted'));
        await invalidate();
      },
      onError: errorOf,
    }),
  );
  const declareFor = useMutation(
    trpc.meetings.declareConflict.mutationOptions({
      onSuccess: async () => {
        setRecuse(null);
        setReason('');
        await invalidate();
      },
      onError: errorOf,
    }),
  );
  const declareSelf = useMutation(trpc.reviews.declare.mutationOptions({ onSuccess: invalidate, onError: errorOf }));
  const decide = useMutation(
    trpc.submissions.decide.mutationOptions({
      onSuccess: async () => {
        message.success(t('meetings.meeting.decided'));
        await invalidate();
      },
      onError: errorOf,
    }),
  );
  const open = item.state === 'scheduled';
  const me = meeting.members.find((m) => m.userId === actor?.userId);
  const voteOf = new Map(item.votes.map((v) => [v.memberId, v.choice]));
  const recused = new Set(item.recusedMemberIds);
  const present = meeting.members.filter((m) => m.isPresent);
  const majorityOutcome = item.majority && item.majority !== 'abstain' ? VOTE_OUTCOME[item.majority] : null;
  const tally = VOTE_CHOICES.map(
    (c) => [c, item.votes.filter((v) => v.choice === c && !recused.has(v.memberId)).length] as const,
  ).filter(([, n]) => n > 0);
  return (
    <Card
      type="inner"
      data-testid="agenda-item"
      data-submission={item.id}
      title={
        <Space wrap>
          <Link to={`/ethics/submissions/${item.id}`}>{item.acceptanceNo ?? item.id}</Link>
          <Typography.Text>{item.title ?? t(`ethics.types.${item.type}`)}</Typography.Text>
          <Tag>{t(`ethics.states.${item.state}`)}</Tag>
          {item.outcome && <Tag color="green">{t(`ethics.outcomes.${item.outcome}`)}</Tag>}
        </Space>
      }
      extra={
        runs &&
        open && (
          <Popconfirm title={t('meetings.meeting.removeConfirm')} onConfirm={onRemove}>
            <Button size="small" danger data-testid="agenda-remove">
              {t('meetings.meeting.remove')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Flex vertical gap={12}>
        <AgendaBrief item={item} />
        <QuorumIndicator quorum={item.quorum} testId="item-quorum" />
        {me?.isPresent && open && !recused.has(me.id) && (
          <Space wrap>
            <Typography.Text>
              {t('meetings.meeting.declare')}
              {t('punct.colon')}
            </Typography.Text>
            <Button
              size="small"
              onClick={() => declareSelf.mutate({ submissionId: item.id, meetingId: meeting.id, hasConflict: false })}
              data-testid="self-declare-none"
            >
              {t('meetings.meeting.declareNone')}
            </Button>
            <Button
              size="small"
              danger
              onClick={() => setRecuse({ memberId: me.id, name: me.name })}
              data-testid="self-declare-conflict"
            >
              {t('meetings.meeting.declareConflict')}
            </Button>
          </Space>
        )}
        {item.isRecused && (
          // The server sends no vote of an item the viewer is recused from (issue 12): say so instead of "—".
          <Alert
            type="warning"
            showIcon
            title={t('meetings.meeting.recusedSelf')}
            description={t('meetings.meeting.recusedSelfHint')}
            data-testid="item-recused"
          />
        )}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={present}
          locale={{
            emptyText:
              meeting.members.length === 0
                ? t('meetings.meeting.noMembers')
                : t('meetings.meeting.nonePresent', { total: meeting.members.length, required: item.quorum.required }),
          }}
          onRow={(m) => ({ 'data-member': m.name }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('meetings.meeting.member'),
              render: (_, m) => (
                <Space>
                  {personName(m.name)}
                  {recused.has(m.id) && <Tag color="red">{t('meetings.meeting.recused')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('meetings.meeting.vote'),
              // The recused viewer gets no vote from the server: no column rather than a row of "—".
              hidden: item.isRecused,
              render: (_, m) =>
                open && (runs || m.userId === actor?.userId) ? (
                  <Radio.Group
                    size="small"
                    optionType="button"
                    value={voteOf.get(m.id) ?? null} // controlled even before a vote: a refused vote must not look recorded
                    onChange={(e) =>
                      vote.mutate({
                        meetingId: meeting.id,
                        submissionId: item.id,
                        memberId: m.id,
                        choice: e.target.value as VoteChoice,
                      })
                    }
                  >
                    {VOTE_CHOICES.map((c) => (
                      <Radio.Button key={c} value={c}>
                        {/* On the visible label (antd puts extra props on its hidden input). */}
                        <span data-testid={`vote-${c}`} data-member={m.name}>
                          {t(`meetings.votes.${c}`)}
                        </span>
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                ) : voteOf.get(m.id) ? (
                  t(`meetings.votes.${voteOf.get(m.id)}`)
                ) : (
                  '—'
                ),
            },
            ...(runs && open
              ? [
                  {
                    title: '',
                    render: (_: unknown, m: Meeting['members'][number]) =>
                      !recused.has(m.id) && (
                        <Button
                          size="small"
                          onClick={() => setRecuse({ memberId: m.id, name: m.name })}
                          data-testid="recuse-member"
                          data-member={m.name}
                        >
                          {t('meetings.meeting.recused')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
        {!item.isRecused && (
          <Space wrap data-testid="vote-tally">
            <Typography.Text strong>
              {t('meetings.meeting.tally')}
              {t('punct.colon')}
            </Typography.Text>
            {tally.length ? tally.map(([c, n]) => <Tag key={c}>{`${t(`meetings.votes.${c}`)} ${n}`}</Tag>) : '—'}
            <Typography.Text strong>
              {t('meetings.meeting.majority')}
              {t('punct.colon')}
            </Typography.Text>
            <span data-testid="vote-majority">
              {majorityOutcome ? t(`ethics.outcomes.${majorityOutcome}`) : t('meetings.meeting.noMajority')}
            </span>
          </Space>
        )}
        {runs && open && (
          <Flex vertical gap={8}>
            {majorityOutcome === 'approved_with_modifications' && (
              <Input.TextArea
                rows={2}
                value={conditions}
                onChange={(e) => setConditions(e.target.value)}
                placeholder={t('meetings.meeting.decisionConditions')}
                data-testid="decision-conditions"
              />
            )}
            <div>
              <Button
                type="primary"
                disabled={!majorityOutcome}
                loading={decide.isPending}
                onClick={() =>
                  majorityOutcome &&
                  decide.mutate({ id: item.id, outcome: majorityOutcome, conditions: conditions.trim() || undefined })
                }
                data-testid="record-decision"
              >
                {t('meetings.meeting.recordDecision')}
              </Button>
            </div>
          </Flex>
        )}
      </Flex>
      <Modal
        open={recuse !== null}
        title={`${t('meetings.meeting.declareConflict')} · ${recuse?.name ?? ''}`}
        onCancel={() => setRecuse(null)}
        confirmLoading={declareFor.isPending || declareSelf.isPending}
        okButtonProps={{ 'data-testid': 'recuse-ok' } as Record<`data-${string}`, string>}
        onOk={() => {
          if (!recuse) return;
          if (me && recuse.memberId === me.id && !runs)
            declareSelf.mutate(
              { submissionId: item.id, meetingId: meeting.id, hasConflict: true, statement: reason },
              { onSuccess: () => setRecuse(null) },
            );
          else declareFor.mutate({ submissionId: item.id, memberId: recuse.memberId, reason });
        }}
      >
        <Input.TextArea
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('meetings.meeting.conflictReason')}
          data-testid="recuse-reason"
        />
      </Modal>
    </Card>
  );
}

function MinutesCard({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const q = useQuery(trpc.meetings.minutes.queryOptions({ meetingId }));
  const [summary, setSummary] = useState<string | null>(null);
  const [discussions, setDiscussions] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const after = (key: string) => async () => {
    setError(null);
    message.success(t(key));
    await queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() });
  };
  const onError = (e: unknown) => setError(apiError(e, t('common.networkError')).message);
  const save = useMutation(
    trpc.meetings.saveMinutes.mutationOptions({ onSuccess: after('meetings.minutes.saved'), onError }),
  );
  const approve = useMutation(
    trpc.meetings.approveMinutes.mutationOptions({ onSuccess: after('meetings.minutes.approved'), onError }),
  );
  const m = q.data;
  if (!m) return <Card title={t('meetings.minutes.title')} loading={q.isLoading} />;
  const mayDraft = actor?.role === 'ec_secretary' && !m.isLocked;
  const mayApprove = actor?.role === 'ec_chair' && m.status === 'draft';
  const status = m.status === 'approved' ? 'statusApproved' : m.status === 'draft' ? 'statusDraft' : 'statusNone';
  const discussionOf = (id: string, saved: string) => discussions[id] ?? saved;
  return (
    <Card
      title={t('meetings.minutes.title')}
      data-testid="minutes-card"
      extra={
        <Tag
          color={m.isLocked ? 'green' : 'default'}
          icon={m.isLocked ? <LockOutlined /> : undefined}
          data-testid="minutes-status"
        >
          {t(`meetings.minutes.${status}`)}
        </Tag>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="minutes-error" />}
      <Flex vertical gap={12}>
        <Typography.Text strong>{t('meetings.minutes.summary')}</Typography.Text>
        {mayDraft ? (
          <Input.TextArea
            rows={3}
            value={summary ?? m.summary}
            onChange={(e) => setSummary(e.target.value)}
            data-testid="minutes-summary"
          />
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.summary || '—'}</Typography.Paragraph>
        )}
        <Typography.Text>
          {t('meetings.meeting.attendance')}
          {t('punct.colon')}
          {m.record.attendance
            .filter((a) => a.present)
            .map((a) => personName(a.name))
            .join(t('punct.list')) || t('meetings.minutes.none')}
        </Typography.Text>
        {m.record.items.map((i) => (
          <Card
            key={i.submissionId}
            type="inner"
            size="small"
            title={`${i.acceptanceNo ?? ''} ${properName(i.trialTitle, 'trialTitleEn' in i ? (i.trialTitleEn as string | null) : null)}`}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text data-testid="minutes-item-quorum">
                {t(i.quorumAt ? 'meetings.minutes.quorumAtVote' : 'meetings.meeting.quorum')}
                {t('punct.colon')}
                {t(i.quorum.met ? 'meetings.meeting.quorumMet' : 'meetings.meeting.quorumNotMet', {
                  present: i.quorum.present,
                  count: i.quorum.total,
                  required: i.quorum.required,
                })}
                {i.quorumAt && (
                  <Typography.Text type="secondary">
                    {' '}
                    {t('punct.open')}
                    {t('meetings.minutes.quorumAtVoteHelp')}
                    {t('punct.close')}
                  </Typography.Text>
                )}
              </Typography.Text>
              {i.isRecused && (
                <Tag color="orange" data-testid="minutes-item-recused">
                  {t('meetings.meeting.recusedHidden')}
                </Tag>
              )}
              {(i.votes ?? []).length > 0 && (
                <Typography.Text data-testid="minutes-item-votes">
                  {t('meetings.minutes.votes')}
                  {t('punct.colon')}
                  {(i.votes ?? [])
                    .map((v) =>
                      t('meetings.minutes.voteQuorum', {
                        name: personName(v.name),
                        choice: t(`meetings.votes.${v.choice}`),
                        present: v.quorum?.present ?? '—',
                        total: v.quorum?.total ?? '—',
                      }),
                    )
                    .join(t('punct.semi'))}
                </Typography.Text>
              )}
              <Typography.Text>
                {t('meetings.minutes.recusals')}
                {t('punct.colon')}
                {i.recusals.map((r) => personName(r.name)).join(t('punct.list')) || t('meetings.minutes.none')}
              </Typography.Text>
              <Typography.Text hidden={i.isRecused}>
                {t('meetings.meeting.tally')}
                {t('punct.colon')}
                {VOTE_CHOICES.filter((c) => i.tally[c] > 0)
                  .map((c) => `${t(`meetings.votes.${c}`)} ${i.tally[c]}`)
                  .join(t('punct.comma')) || '—'}
              </Typography.Text>
              <Typography.Text>
                {t('meetings.minutes.decision')}
                {t('punct.colon')}
                {i.outcome ? t(`ethics.outcomes.${i.outcome}`) : '—'}
                {i.conditions ? `${t('punct.open')}${i.conditions}${t('punct.close')}` : ''}
              </Typography.Text>
              <Typography.Text strong>{t('meetings.minutes.discussion')}</Typography.Text>
              {mayDraft ? (
                <Input.TextArea
                  rows={2}
                  value={discussionOf(i.submissionId, i.discussion)}
                  onChange={(e) => setDiscussions({ ...discussions, [i.submissionId]: e.target.value })}
                  data-testid="minutes-discussion"
                />
              ) : (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{i.discussion || '—'}</Typography.Paragraph>
              )}
            </Space>
          </Card>
        ))}
        <Space>
          {mayDraft && (
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate({
                  meetingId,
                  summary: summary ?? m.summary,
                  items: m.record.items.map((i) => ({
                    submissionId: i.submissionId,
                    discussion: discussionOf(i.submissionId, i.discussion),
                  })),
                  version: m.version ?? undefined,
                })
              }
              data-testid="minutes-save"
            >
              {t('meetings.minutes.save')}
            </Button>
          )}
          {mayApprove && (
            <Popconfirm
              title={t('meetings.minutes.approveConfirm')}
              onConfirm={() => approve.mutate({ meetingId, version: m.version ?? undefined })}
            >
              <Button type="primary" loading={approve.isPending} data-testid="minutes-approve">
                {t('meetings.minutes.approve')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
    </Card>
  );
}
