import type { SubmissionOutcome } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { type AgendaItem, type OnError, useInvalidateMeeting } from './meeting-ui.tsx';

/** The secretary or chair records the majority's outcome as the decision (with conditions when it asks for them). */
export function RecordDecision({
  item,
  majorityOutcome,
  onError,
}: {
  item: AgendaItem;
  majorityOutcome: SubmissionOutcome | null;
  onError: OnError;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const invalidate = useInvalidateMeeting();
  const [conditions, setConditions] = useState('');
  const decide = useMutation(
    trpc.submissions.decide.mutationOptions({
      onSuccess: async () => {
        message.success(t('meetings.meeting.decided'));
        await invalidate();
      },
      onError: (e) => onError(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
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
  );
}
