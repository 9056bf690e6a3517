import { type SubmissionOutcome, VOTE_CHOICES, type VoteChoice } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Radio, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { apiError } from '../../lib/api-error.ts';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import {
  type AgendaItem,
  type Meeting,
  type MeetingMember,
  type OnError,
  useInvalidateMeeting,
} from './meeting-ui.tsx';
import type { RecuseTarget } from './RecuseModal.tsx';

/**
 * The present members and their votes on the item: each member votes for themself, the secretary or chair records
 * anyone's; the secretary or chair also recuses a member.
 */
export function AgendaVotesTable({
  meeting,
  item,
  runs,
  onError,
  onRecuse,
}: {
  meeting: Meeting;
  item: AgendaItem;
  runs: boolean;
  onError: OnError;
  onRecuse: (target: RecuseTarget) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const { message } = App.useApp();
  const invalidate = useInvalidateMeeting();
  const vote = useMutation(
    trpc.meetings.vote.mutationOptions({
      onSuccess: async () => {
        message.success(t('meetings.meeting.voted'));
        await invalidate();
      },
      onError: (e) => onError(apiError(e, t('common.networkError')).message),
    }),
  );
  const open = item.state === 'scheduled';
  const voteOf = new Map(item.votes.map((v) => [v.memberId, v.choice]));
  const recused = new Set(item.recusedMemberIds);
  const voteCell = (m: MeetingMember) =>
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
    );
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={meeting.members.filter((m) => m.isPresent)}
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
        // The recused viewer gets no vote from the server: no column rather than a row of "—".
        { title: t('meetings.meeting.vote'), hidden: item.isRecused, render: (_, m) => voteCell(m) },
        ...(runs && open
          ? [
              {
                title: '',
                render: (_: unknown, m: MeetingMember) =>
                  !recused.has(m.id) && (
                    <Button
                      size="small"
                      onClick={() => onRecuse({ memberId: m.id, name: m.name })}
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
  );
}

/** The tally of the votes that count (recused members' left out) and the majority's outcome. */
export function VoteTally({ item, majorityOutcome }: { item: AgendaItem; majorityOutcome: SubmissionOutcome | null }) {
  const { t } = useTranslation();
  const recused = new Set(item.recusedMemberIds);
  const tally = VOTE_CHOICES.map(
    (c) => [c, item.votes.filter((v) => v.choice === c && !recused.has(v.memberId)).length] as const,
  ).filter(([, n]) => n > 0);
  return (
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
  );
}
