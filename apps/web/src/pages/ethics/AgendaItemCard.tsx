import { VOTE_OUTCOME } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { AgendaBrief } from './AgendaBrief.tsx';
import { RecordDecision } from './AgendaDecision.tsx';
import { AgendaVotesTable, VoteTally } from './AgendaVotes.tsx';
import { type AgendaItem, type Meeting, type OnError, QuorumIndicator, useInvalidateMeeting } from './meeting-ui.tsx';
import { RecuseModal, type RecuseTarget } from './RecuseModal.tsx';

/**
 * One agenda item in the meeting: the brief, its quorum, declarations, the present members' votes, the tally and
 * majority, and the decision the secretary or chair records from it. Each part is its own component.
 */
export function AgendaItemCard({
  meeting,
  item,
  runs,
  onError,
  onRemove,
}: {
  meeting: Meeting;
  item: AgendaItem;
  runs: boolean;
  onError: OnError;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { actor } = useSession();
  const [recuse, setRecuse] = useState<RecuseTarget | null>(null);
  const open = item.state === 'scheduled';
  const me = meeting.members.find((m) => m.userId === actor?.userId);
  const recused = new Set(item.recusedMemberIds);
  const majorityOutcome = item.majority && item.majority !== 'abstain' ? VOTE_OUTCOME[item.majority] : null;
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
          <SelfDeclaration
            meetingId={meeting.id}
            submissionId={item.id}
            onError={onError}
            onConflict={() => setRecuse({ memberId: me.id, name: me.name })}
          />
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
        <AgendaVotesTable meeting={meeting} item={item} runs={runs} onError={onError} onRecuse={setRecuse} />
        {!item.isRecused && <VoteTally item={item} majorityOutcome={majorityOutcome} />}
        {runs && open && <RecordDecision item={item} majorityOutcome={majorityOutcome} onError={onError} />}
      </Flex>
      <RecuseModal
        meetingId={meeting.id}
        submissionId={item.id}
        target={recuse}
        // A member recusing themselves declares (a statement); the secretary or chair records another's conflict.
        isSelf={Boolean(me && recuse?.memberId === me.id && !runs)}
        onError={onError}
        onClose={() => setRecuse(null)}
      />
    </Card>
  );
}

/** A present member declares, for this item, no conflict or a conflict (which opens the recusal modal). */
function SelfDeclaration({
  meetingId,
  submissionId,
  onError,
  onConflict,
}: {
  meetingId: string;
  submissionId: string;
  onError: OnError;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateMeeting();
  const declareSelf = useMutation(
    trpc.reviews.declare.mutationOptions({
      onSuccess: invalidate,
      onError: (e) => onError(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <Space wrap>
      <Typography.Text>
        {t('meetings.meeting.declare')}
        {t('punct.colon')}
      </Typography.Text>
      <Button
        size="small"
        onClick={() => declareSelf.mutate({ submissionId, meetingId, hasConflict: false })}
        data-testid="self-declare-none"
      >
        {t('meetings.meeting.declareNone')}
      </Button>
      <Button size="small" danger onClick={onConflict} data-testid="self-declare-conflict">
        {t('meetings.meeting.declareConflict')}
      </Button>
    </Space>
  );
}
