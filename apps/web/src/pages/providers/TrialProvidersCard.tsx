import { PROVIDER_CATEGORIES, type ProviderCategory, type TrialProviderView } from '@ctp/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiError } from '../../lib/api-error.ts';
import { beijingDate } from '../../lib/beijing-time.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { categoryLabel } from './provider-ui.tsx';

/** The service providers a trial uses (issue 18), on the trial page; its sponsor side records them. */
export function TrialProvidersCard({ trialId, canRecord }: { trialId: string; canRecord: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const used = useQuery(trpc.providers.forTrial.queryOptions({ trialId }));
  const [q, setQ] = useState('');
  const [providerId, setProviderId] = useState<string | undefined>();
  const [category, setCategory] = useState<ProviderCategory | undefined>();
  const found = useQuery({
    ...trpc.providers.search.queryOptions({ q: q || undefined, limit: 20 }),
    enabled: canRecord,
    placeholderData: keepPreviousData,
  });
  const chosen = found.data?.items.find((p) => p.id === providerId);
  const onError = (e: unknown) => message.error(apiError(e, t('common.networkError')).message);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.providers.forTrial.pathKey() });
  const link = useMutation(
    trpc.providers.linkTrial.mutationOptions({
      onError,
      onSuccess: () => {
        message.success(t('providers.recorded'));
        setProviderId(undefined);
        setCategory(undefined);
      },
      onSettled: refresh,
    }),
  );
  return (
    <Card title={t('providers.trialCard')} style={{ marginTop: 16 }} data-testid="trial-providers">
      {canRecord && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            style={{ width: 320 }}
            placeholder={t('providers.pickProvider')}
            value={providerId}
            onChange={(v) => {
              setProviderId(v);
              setCategory(undefined);
            }}
            options={(found.data?.items ?? []).map((p) => ({
              value: p.id,
              label: properName(p.nameZh, p.nameEn, lang),
            }))}
            data-testid="trial-provider-pick"
          />
          <Select
            style={{ width: 240 }}
            placeholder={t('providers.service')}
            value={category}
            onChange={setCategory}
            disabled={!chosen}
            options={PROVIDER_CATEGORIES.filter((c) => chosen?.categories.includes(c)).map((c) => ({
              value: c,
              label: categoryLabel(c, lang),
            }))}
            data-testid="trial-provider-category"
          />
          <Button
            type="primary"
            disabled={!providerId || !category}
            loading={link.isPending}
            onClick={() => providerId && category && link.mutate({ trialId, providerId, category })}
            data-testid="trial-provider-record"
          >
            {t('providers.record')}
          </Button>
        </Space>
      )}
      {used.data && used.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('providers.trialEmpty')} />
      ) : (
        <Table<TrialProviderView>
          rowKey={(r) => `${r.providerId}-${r.category}`}
          size="small"
          pagination={false}
          loading={used.isLoading}
          scroll={{ x: 'max-content' }}
          dataSource={used.data ?? []}
          columns={[
            {
              title: t('providers.provider'),
              key: 'name',
              render: (_, r) => (
                <Space>
                  <Link to={`/providers/${r.providerId}`}>{properName(r.nameZh, r.nameEn, lang)}</Link>
                  {r.expiringCount > 0 && (
                    <Tag color="orange">{t('providers.expiringCount', { count: r.expiringCount })}</Tag>
                  )}
                </Space>
              ),
            },
            { title: t('providers.service'), key: 'category', render: (_, r) => categoryLabel(r.category, lang) },
            { title: t('providers.recorded'), key: 'at', render: (_, r) => beijingDate(r.linkedAt) },
            ...(canRecord
              ? [
                  {
                    title: '',
                    key: 'remove',
                    render: (_: unknown, r: TrialProviderView) => (
                      <Popconfirm
                        title={t('providers.removeConfirm')}
                        okText={t('providers.remove')}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          link.mutate({ trialId, providerId: r.providerId, category: r.category, linked: false })
                        }
                      >
                        <Button size="small" type="link" danger>
                          {t('providers.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
