import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';

export default function ShortlistsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const lists = useQuery(trpc.shortlists.list.queryOptions());
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const create = useMutation(
    trpc.shortlists.create.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        setName('');
        await queryClient.invalidateQueries({ queryKey: trpc.shortlists.pathKey() });
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <>
      <PageHeader
        title={t('search.shortlists.title')}
        subtitle={t('search.shortlists.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('search.shortlists.create')}
          </Button>
        }
      />
      <Card>
        <List
          loading={lists.isLoading}
          dataSource={lists.data ?? []}
          locale={{ emptyText: <Empty description={t('search.shortlists.empty')} /> }}
          renderItem={(l) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/shortlists/${l.id}`}>{l.name}</Link>}
                description={
                  <Space split="·">
                    <span>{t('search.shortlists.items', { count: l.items })}</span>
                    <span>{t('search.shortlists.updated', { time: beijingTime(l.updatedAt) })}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Modal
        open={open}
        title={t('search.shortlists.create')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !name.trim() }}
        confirmLoading={create.isPending}
        onOk={() => create.mutate({ name: name.trim() })}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Text>{t('search.newShortlistName')}</Typography.Text>
        <Input autoFocus maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
      </Modal>
    </>
  );
}
