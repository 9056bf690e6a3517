import { CheckCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useReloadProfile } from './profile-ui.ts';

/** "Confirm the profile is current" (resets the staleness clock), with a confirmation. */
export function ConfirmCapacityButton({ hospitalId }: { hospitalId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const reload = useReloadProfile(hospitalId);
  const { message } = App.useApp();
  const confirm = useMutation(
    trpc.hospitals.confirmCapacity.mutationOptions({
      onSuccess: async () => {
        message.success(t('hospital.confirmed'));
        await reload();
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <Popconfirm
      title={t('hospital.confirmTitle')}
      description={t('hospital.confirmBody')}
      okText={t('hospital.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() => confirm.mutateAsync({ hospitalId })}
    >
      <Button type="primary" icon={<CheckCircleOutlined />} loading={confirm.isPending} data-testid="confirm-capacity">
        {t('hospital.confirm')}
      </Button>
    </Popconfirm>
  );
}
