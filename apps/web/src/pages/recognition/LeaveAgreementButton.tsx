import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';

/** 退出协议: the EC's secretary takes the committee out of an agreement, with the reason (kept in its history). */
export function LeaveAgreementButton({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const leave = useMutation(
    trpc.recognition.agreements.leave.mutationOptions({
      onSuccess: async () => {
        message.success(t('recognition.agreements.left'));
        setOpen(false);
        setReason('');
        await queryClient.invalidateQueries({ queryKey: trpc.recognition.pathKey() });
      },
      onError: (e) => setError(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="agreement-leave">
        {t('recognition.agreements.leave')}
      </Button>
      <Modal
        open={open}
        title={t('recognition.agreements.leave')}
        onCancel={() => setOpen(false)}
        onOk={() => {
          setError(null);
          leave.mutate({ id: agreementId, reason });
        }}
        confirmLoading={leave.isPending}
        okButtonProps={{
          danger: true,
          ...({ 'data-testid': 'agreement-leave-ok' } as Record<`data-${string}`, string>),
        }}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('recognition.agreements.leaveHelp')} style={{ marginBottom: 12 }} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('recognition.agreements.leaveReason')}
          data-testid="agreement-leave-reason"
        />
      </Modal>
    </>
  );
}
