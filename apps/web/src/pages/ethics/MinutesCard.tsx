import { LockOutlined } from '@ant-design/icons';
import type { AppRouter } from '@ctp/api';
import { VOTE_CHOICES } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { apiError } from '../../lib/api-error.ts';
import { personName, properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';

type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The minutes: drafted by the secretary, approved by the chair, which freezes them. */
export function MinutesCard({ meetingId }: { meetingId: string }) {
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
          <MinutesItem
            key={i.submissionId}
            item={i}
            discussion={mayDraft ? discussionOf(i.submissionId, i.discussion) : null}
            onDiscussion={(text) => setDiscussions({ ...discussions, [i.submissionId]: text })}
          />
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

type MinutesRecordItem = RouterOutputs['meetings']['minutes']['record']['items'][number];

/** One item as the minutes record it: quorum at the vote, votes, recusals, tally, decision; and its discussion. */
function MinutesItem({
  item: i,
  discussion,
  onDiscussion,
}: {
  item: MinutesRecordItem;
  /** The discussion being drafted, or null when the minutes are read. */
  discussion: string | null;
  onDiscussion: (text: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
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
        {discussion !== null ? (
          <Input.TextArea
            rows={2}
            value={discussion}
            onChange={(e) => onDiscussion(e.target.value)}
            data-testid="minutes-discussion"
          />
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{i.discussion || '—'}</Typography.Paragraph>
        )}
      </Space>
    </Card>
  );
}
