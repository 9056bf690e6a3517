import { StarOutlined } from '@ant-design/icons';
import type { ShortlistQuery } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';

/** "Add to shortlist" with the organisation's lists, and a new list made on the spot. */
export function ShortlistButton({ hospitalId, query }: { hospitalId: string; query?: Partial<ShortlistQuery> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const lists = useQuery(trpc.shortlists.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const onError = (e: unknown) => message.error(apiError(e, t('common.networkError')).message);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.shortlists.pathKey() });

  const add = useMutation(trpc.shortlists.addItem.mutationOptions({ onError, onSettled: refresh }));
  const create = useMutation(trpc.shortlists.create.mutationOptions({ onError }));

  const addTo = async (shortlistId: string, listName: string) => {
    await add.mutateAsync({ shortlistId, hospitalId, query });
    message.success(t('search.added', { name: listName }));
  };

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
            else void addTo(key, lists.data?.find((l) => l.id === key)?.name ?? '').catch(() => {});
          },
        }}
      >
        <Button size="small" icon={<StarOutlined />} loading={add.isPending} data-testid={`shortlist-${hospitalId}`}>
          {t('search.addToShortlist')}
        </Button>
      </Dropdown>
      <Modal
        open={creating}
        title={t('search.newShortlist')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !name.trim(), id: 'shortlist-create-ok' }}
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
          data-testid="shortlist-name"
        />
      </Modal>
    </>
  );
}
