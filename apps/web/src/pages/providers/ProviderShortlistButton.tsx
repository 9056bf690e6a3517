import { StarOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEntityModal } from '../../components/EntityModal.tsx';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { NewShortlistModal, type NewShortlistValues } from '../search/shortlist-ui.tsx';

/** "Add to shortlist" for a provider: the sponsor's own lists, as for hospitals. */
export function ProviderShortlistButton({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const lists = useQuery(trpc.shortlists.list.queryOptions());
  const creating = useEntityModal<NewShortlistValues>();
  const add = useMutation(
    trpc.providers.shortlist.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.providers.shortlisted.pathKey() }),
    }),
  );
  const addTo = (shortlistId: string) => add.mutateAsync({ shortlistId, providerId });
  const addToExisting = (shortlistId: string, listName: string) =>
    addTo(shortlistId).then(
      () => message.success(t('providers.added', { name: listName })),
      (e: unknown) => message.error(apiError(e, t('common.networkError')).message),
    );
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...(lists.data ?? []).map((l) => ({ key: l.id, label: l.name })),
            ...(lists.data?.length ? [{ type: 'divider' as const }] : []),
            { key: '__new', label: t('search.newShortlist') },
          ],
          onClick: ({ key }) => {
            if (key === '__new') creating.open();
            else void addToExisting(key, lists.data?.find((l) => l.id === key)?.name ?? '');
          },
        }}
      >
        <Button size="small" icon={<StarOutlined />} loading={add.isPending} data-testid={`shortlist-${providerId}`}>
          {t('providers.addToShortlist')}
        </Button>
      </Dropdown>
      <NewShortlistModal modal={creating} addTo={addTo} added={(name) => t('providers.added', { name })} />
    </>
  );
}
