import { POLICIES, type ProvidersSearchInput } from '@ctp/contracts';
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, Space, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { FacetList } from '../search/FacetList.tsx';
import { ProviderCard } from './ProviderCard.tsx';

const FILTERS = ['category', 'qualification', 'district'] as const;
type Filter = (typeof FILTERS)[number];

/** The 服务机构 tab of 找中心 (issue 18): free text in Chinese, English or pinyin, and three facets. */
export default function ProviderSearch({ tabs }: { tabs: ReactNode }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => {
    const input: Record<string, string> = {};
    for (const key of ['q', ...FILTERS]) {
      const v = params.get(key);
      if (v) input[key] = v;
    }
    return input as Omit<NonNullable<ProvidersSearchInput>, 'limit' | 'cursor'>;
  }, [params]);
  const [draft, setDraft] = useState(search.q ?? '');
  // Facet labels are in the caller's language: after a switch, ask again.
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.providers.search.pathKey() });
    i18n.on('languageChanged', refresh);
    return () => i18n.off('languageChanged', refresh);
  }, [i18n, queryClient, trpc]);
  const results = useInfiniteQuery({
    ...trpc.providers.search.infiniteQueryOptions(
      { ...search, limit: 20 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const first = results.data?.pages[0];
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: 'q' | Filter, value: string | undefined) => {
    const next = new URLSearchParams(params);
    next.set('tab', 'providers');
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const hasFilters = FILTERS.some((f) => search[f]);
  const canShortlist = POLICIES.keepShortlists.allows(actor);

  return (
    <>
      <PageHeader title={t('providers.title')} subtitle={t('providers.subtitle')} />
      {tabs}
      <Input.Search
        size="large"
        allowClear
        enterButton={t('common.search')}
        placeholder={t('providers.placeholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(v) => set('q', v.trim() || undefined)}
        data-testid="provider-search-input"
        style={{ marginBottom: 16 }}
      />
      <div className="ctp-search-layout">
        <Card
          size="small"
          className="ctp-search-filters"
          title={t('providers.filters')}
          extra={
            hasFilters && (
              <Button
                type="link"
                size="small"
                onClick={() => setParams({ tab: 'providers', ...(search.q ? { q: search.q } : {}) })}
              >
                {t('providers.clearFilters')}
              </Button>
            )
          }
        >
          {first && (
            <Space orientation="vertical" style={{ width: '100%' }} size={12}>
              {FILTERS.map((f) => (
                <FacetList
                  key={f}
                  title={t(`providers.${f}`)}
                  facet={first.facets[f]}
                  selected={search[f]}
                  onSelect={(v) => set(f, v)}
                  testId={`provider-facet-${f}`}
                />
              ))}
              <Typography.Text type="secondary" className="ctp-filter-hint">
                {t('providers.expiryHint')}
              </Typography.Text>
            </Space>
          )}
        </Card>
        <div className="ctp-search-results">
          <div className="ctp-search-toolbar">
            <Typography.Text data-testid="provider-total">
              {first ? t('providers.total', { count: first.total }) : ''}
            </Typography.Text>
          </div>
          {results.error && (
            <Alert type="error" showIcon title={apiError(results.error, t('common.networkError')).message} />
          )}
          {results.isLoading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
          {first && first.total === 0 && (
            <Card>
              <Empty description={t('providers.empty')} data-testid="provider-empty" />
            </Card>
          )}
          <Space orientation="vertical" style={{ width: '100%' }} size={12} aria-busy={results.isPlaceholderData}>
            {items.map((item) => (
              <ProviderCard key={item.id} item={item} canShortlist={canShortlist} />
            ))}
          </Space>
          {results.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage}>
                {t('common.more')}
              </Button>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
