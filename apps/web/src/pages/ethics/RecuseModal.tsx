import { useMutation } from '@tanstack/react-query';
import { Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { type OnError, useInvalidateMeeting } from './meeting-ui.tsx';

export type RecuseTarget = { memberId: string; name: string };

/**
 * Recusal with a reason. Not a form of `useEntityModal`: a refusal belongs to the meeting's one Alert
 * (`meeting-error`), where the chair reads the quorum and vote refusals too.
 */
export function RecuseModal({
  meetingId,
  submissionId,
  target,
  isSelf,
  onError,
  onClose,
}: {
  meetingId: string;
  submissionId: string;
  target: RecuseTarget | null;
  isSelf: boolean;
  onError: OnError;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateMeeting();
  const [reason, setReason] = useState('');
  const errorOf = (e: unknown) => onError(apiError(e, t('common.networkError')).message);
  const declareFor = useMutation(
    trpc.meetings.declareConflict.mutationOptions({
      onSuccess: async () => {
        onClose();
        setReason('');
        await invalidate();
      },
      onError: errorOf,
    }),
  );
  const declareSelf = useMutation(trpc.reviews.declare.mutationOptions({ onSuccess: invalidate, onError: errorOf }));
  return (
    <Modal
      open={target !== null}
      title={`${t('meetings.meeting.declareConflict')} · ${target?.name ?? ''}`}
      onCancel={onClose}
      confirmLoading={declareFor.isPending || declareSelf.isPending}
      okButtonProps={{ 'data-testid': 'recuse-ok' } as Record<`data-${string}`, string>}
      onOk={() => {
        if (!target) return;
        if (isSelf)
          declareSelf.mutate(
            { submissionId, meetingId, hasConflict: true, statement: reason },
            { onSuccess: () => onClose() },
          );
        else declareFor.mutate({ submissionId, memberId: target.memberId, reason });
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
  );
}
