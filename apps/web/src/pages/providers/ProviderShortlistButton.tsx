import { StarOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Input, Modal } from 'antd';
import { useState } from 'react';
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
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const create = useMutation(
    trpc.shortlists.create.mutationOptions({
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.shortlists.pathKey() }),
    }),
  );
  const add = useMutation(
    trpc.providers.shortlist.mutationOptions({
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.providers.shortlisted.pathKey() }),
    }),
  );
  const addTo = (shortlistId: string, listName: string) =>
    add.mutateAsync({ shortlistId, providerId }).then(() => message.success(t('providers.added', { name: listName })));
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
            if (key === '__new') setCreating(true);
            else void addTo(key, lists.data?.find((l) => l.id === key)?.name ?? '').catch(() => {});
          },
        }}
      >
        <Button size="small" icon={<StarOutlined />} loading={add.isPending} data-testid={`shortlist-${providerId}`}>
          {t('providers.addToShortlist')}
        </Button>
      </Dropdown>
      <Modal
        open={creating}
        title={t('search.newShortlist')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !name.trim() }}
        confirmLoading={create.isPending || add.isPending}
        onCancel={() => setCreating(false)}
        onOk={async () => {
          const created = await create.mutateAsync({ name: name.trim() }).catch(() => null);
          if (!created) return;
          await addTo(created.id, name.trim()).catch(() => {});
          setCreating(false);
          setName('');
        }}
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={60}
          placeholder={t('search.newShortlistName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="provider-shortlist-name"
        />
      </Modal>
    </>
  );
}
