import { FileExcelOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Popconfirm, Result, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { downloadFile } from '../../lib/download.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ShortlistProvidersCard } from '../providers/ShortlistProvidersCard.tsx';

function NoteEditor({
  shortlistId,
  hospitalId,
  note,
}: {
  shortlistId: string;
  hospitalId: string;
  note: string | null;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [value, setValue] = useState(note ?? '');
  useEffect(() => setValue(note ?? ''), [note]);
  const save = useMutation(
    trpc.shortlists.updateNote.mutationOptions({
      onSuccess: async () => {
        message.success(t('search.shortlists.noteSaved'));
        await queryClient.invalidateQueries({ queryKey: trpc.shortlists.pathKey() });
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        maxLength={500}
        placeholder={t('search.shortlists.notePlaceholder')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        data-testid={`note-${hospitalId}`}
      />
      <Button
        disabled={value === (note ?? '')}
        loading={save.isPending}
        onClick={() => save.mutate({ shortlistId, hospitalId, note: value.trim() || undefined })}
      >
        {t('search.shortlists.saveNote')}
      </Button>
    </Space.Compact>
  );
}

export default function ShortlistPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const list = useQuery(trpc.shortlists.get.queryOptions({ id }));
  const onError = (e: unknown) => message.error(apiError(e, t('common.networkError')).message);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.shortlists.pathKey() });
  const remove = useMutation(trpc.shortlists.removeItem.mutationOptions({ onSuccess: refresh, onError }));
  const archive = useMutation(
    trpc.shortlists.archive.mutationOptions({
      onSuccess: async () => {
        await refresh();
        navigate('/shortlists');
      },
      onError,
    }),
  );
  const exportXlsx = useMutation(trpc.shortlists.export.mutationOptions({ onSuccess: downloadFile, onError }));

  if (list.error) {
    return (
      <Result
        status="404"
        title={t('search.shortlists.notFound')}
        subTitle={apiError(list.error, t('common.networkError')).message}
        extra={
          <Link to="/shortlists">
            <Button type="primary">{t('search.shortlists.back')}</Button>
          </Link>
        }
      />
    );
  }
  const data = list.data;
  return (
    <>
      <PageHeader
        title={data?.name ?? t('common.loading')}
        subtitle={<Link to="/shortlists">{t('search.shortlists.back')}</Link>}
        extra={
          <Space wrap>
            <Button
              icon={<SwapOutlined />}
              disabled={!data || data.items.length < 2}
              onClick={() =>
                navigate(
                  `/compare?ids=${data!.items
                    .slice(0, 5)
                    .map((i) => i.hospitalId)
                    .join(',')}`,
                )
              }
            >
              {t('search.shortlists.compareAll')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              disabled={!data?.items.length}
              loading={exportXlsx.isPending}
              onClick={() => exportXlsx.mutate({ id })}
              data-testid="shortlist-export"
            >
              {t('search.export')}
            </Button>
            <Popconfirm
              title={t('search.shortlists.archiveConfirm')}
              okText={t('search.shortlists.archive')}
              cancelText={t('common.cancel')}
              onConfirm={() => archive.mutate({ id })}
            >
              <Button danger>{t('search.shortlists.archive')}</Button>
            </Popconfirm>
          </Space>
        }
      />
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        {data && data.items.length === 0 && (
          <Card>
            <Empty description={t('search.shortlists.listEmpty')}>
              <Link to="/search">
                <Button type="primary">{t('nav.search')}</Button>
              </Link>
            </Empty>
          </Card>
        )}
        {data?.items.map((i) => (
          <Card key={i.hospitalId} size="small" data-testid="shortlist-item">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Link to={`/hospitals/${i.hospitalId}`} className="ctp-result-name">
                  {properName(i.site.name, i.site.nameEn, i18n.language)}
                </Link>
                <Tag color="blue" variant="filled">
                  {t('search.score')} {i.site.score}
                </Tag>
                <Tag variant="filled">{t('search.freeSlots', { n: i.site.freeSlots })}</Tag>
                {i.site.stale && <Tag color="orange">{t('search.stale')}</Tag>}
                <Popconfirm
                  title={t('search.shortlists.remove')}
                  onConfirm={() => remove.mutate({ shortlistId: id, hospitalId: i.hospitalId })}
                >
                  <Button size="small" type="link" danger>
                    {t('search.shortlists.remove')}
                  </Button>
                </Popconfirm>
              </Space>
              <Typography.Text type="secondary" data-testid="shortlist-query">
                {i.queryText
                  ? t(i.matchesQuery ? 'search.shortlists.scoredFor' : 'search.shortlists.noLongerMatches', {
                      query: i.queryText,
                    })
                  : t('search.shortlists.noQuery')}
              </Typography.Text>
              <Typography.Text type="secondary" data-testid="shortlist-reasons">
                {i.site.reasons.slice(0, 3).join(' · ')}
              </Typography.Text>
              <NoteEditor shortlistId={id} hospitalId={i.hospitalId} note={i.note} />
            </Space>
          </Card>
        ))}
        <ShortlistProvidersCard shortlistId={id} />
      </Space>
    </>
  );
}
