import { StarOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';

/** "Add to shortlist" for a provider: the sponsor's own lists, as for hospitals. */
export function ProviderShortlistButton({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const lists = useQuery(trpc.shortlists.list.queryOptions());
  const add = useMutation(
    trpc.providers.shortlist.mutationOptions({
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.providers.shortlisted.pathKey() }),
    }),
  );
  return (
    <Dropdown
      trigger={['click']}
      disabled={!lists.data?.length}
      menu={{
        items: (lists.data ?? []).map((l) => ({ key: l.id, label: l.name })),
        onClick: ({ key }) => {
          const name = lists.data?.find((l) => l.id === key)?.name ?? '';
          add.mutate(
            { shortlistId: key, providerId },
            { onSuccess: () => message.success(t('providers.added', { name })) },
          );
        },
      }}
    >
      <Button size="small" icon={<StarOutlined />} loading={add.isPending} data-testid={`shortlist-${providerId}`}>
        {t('providers.addToShortlist')}
      </Button>
    </Dropdown>
  );
}
