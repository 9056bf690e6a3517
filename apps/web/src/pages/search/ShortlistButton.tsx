import { StarOutlined } from '@ant-design/icons';
import type { ShortlistQuery } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';

// Loaded when a user asks for a new list: antd's Form is not part of the search page's first load.
const NewShortlistDialog = lazy(() => import('./NewShortlistDialog.tsx'));

/** "Add to shortlist" with the organisation's lists, and a new list made on the spot. */
export function ShortlistButton({ hospitalId, query }: { hospitalId: string; query?: Partial<ShortlistQuery> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const lists = useQuery(trpc.shortlists.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.shortlists.pathKey() });

  const add = useMutation(trpc.shortlists.addItem.mutationOptions({ onSettled: refresh }));
  const addTo = (shortlistId: string) => add.mutateAsync({ shortlistId, hospitalId, query });
  const addToExisting = (shortlistId: string, listName: string) =>
    addTo(shortlistId).then(
      () => message.success(t('search.added', { name: listName })),
      (e: unknown) => message.error(apiError(e, t('common.networkError')).message),
    );

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...(lists.data ?? []).map((l) => ({ key: l.id, label: `${l.name}（${l.items}）` })),
            ...(lists.data?.length ? [{ type: 'divider' as const }] : []),
            { key: '__new', label: t('search.newShortlist') },
          ],
          onClick: ({ key }) => {
            if (key === '__new') setCreating(true);
            else void addToExisting(key, lists.data?.find((l) => l.id === key)?.name ?? '');
          },
        }}
      >
        <Button size="small" icon={<StarOutlined />} loading={add.isPending} data-testid={`shortlist-${hospitalId}`}>
          {t('search.addToShortlist')}
        </Button>
      </Dropdown>
      {creating && (
        <Suspense fallback={null}>
          <NewShortlistDialog
            addTo={addTo}
            added={(name) => t('search.added', { name })}
            onClosed={() => setCreating(false)}
          />
        </Suspense>
      )}
    </>
  );
}
