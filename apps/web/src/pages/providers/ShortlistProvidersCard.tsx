import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UserText } from '../../components/UserText.tsx';
import { apiError } from '../../lib/api-error.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { categoryLabel, QualificationTag } from './provider-ui.tsx';

/** The service providers on a shortlist (issue 18), below its hospitals. */
export function ShortlistProvidersCard({ shortlistId }: { shortlistId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const providers = useQuery(trpc.providers.shortlisted.queryOptions({ shortlistId }));
  const remove = useMutation(
    trpc.providers.unshortlist.mutationOptions({
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.providers.shortlisted.pathKey() }),
    }),
  );
  return (
    <Card title={t('providers.shortlisted')} size="small" data-testid="shortlist-providers">
      {providers.data?.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('providers.shortlistedEmpty')} />
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {providers.data?.map((p) => (
          <Space key={p.id} orientation="vertical" size={2} style={{ width: '100%' }} data-testid="shortlist-provider">
            <Space wrap>
              <Link to={`/providers/${p.id}`}>{properName(p.nameZh, p.nameEn, lang)}</Link>
              {p.categories.map((c) => (
                <Tag key={c} color="blue">
                  {categoryLabel(c, lang)}
                </Tag>
              ))}
              {p.qualifications.map((q) => (
                <QualificationTag key={`${q.kind}-${q.number}`} q={q} />
              ))}
              <Popconfirm
                title={t('providers.removeConfirm')}
                okText={t('providers.remove')}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutate({ shortlistId, providerId: p.id })}
              >
                <Button size="small" type="link" danger>
                  {t('providers.remove')}
                </Button>
              </Popconfirm>
            </Space>
            {p.note && (
              <Typography.Text type="secondary">
                {t('providers.note')}
                {t('punct.colon')}
                <UserText text={p.note} />
              </Typography.Text>
            )}
          </Space>
        ))}
      </Space>
    </Card>
  );
}
