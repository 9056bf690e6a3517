import { FileExcelOutlined, FilterOutlined, SwapOutlined } from '@ant-design/icons';
import { CAPABILITIES, HOSPITAL_LEVELS, POLICIES, SEARCH_PHASES, SITE_SORTS, SPECIALTY_SCOPES } from '@ctp/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  InputNumber,
  type InputRef,
  Segmented,
  Select,
  Space,
  Spin,
  Tabs,
  Typography,
} from 'antd';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PhoneDrawer } from '../../components/PhoneDrawer.tsx';
import { districtLabel, levelLabel } from '../../components/place-labels.ts';
import { useIsPhone, useIsWide } from '../../layout/use-is-phone.ts';
import { apiError } from '../../lib/api-error.ts';
import { downloadFile } from '../../lib/download.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ConditionPicker } from './ConditionPicker.tsx';
import { ConditionsNote } from './ConditionsNote.tsx';
import { FacetList } from './FacetList.tsx';
import { ResultCard, SHOWN_SPECIALTIES } from './ResultCard.tsx';
import { PARAM_OF, readSearch } from './search-params.ts';

const ProviderSearch = lazy(() => import('../providers/ProviderSearch.tsx'));

const MAX_COMPARE = 5;

/** The filter column beside the results; on a phone, a drawer opened from the 筛选 button above them. */
function FiltersPlace({
  isPhone,
  open,
  onClose,
  title,
  extra,
  footer,
  children,
}: {
  isPhone: boolean;
  open: boolean;
  onClose: () => void;
  title: string;
  extra: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}) {
  if (!isPhone) return <>{children}</>;
  return (
    <PhoneDrawer
      placement="right"
      size="min(360px, 92vw)"
      open={open}
      onClose={onClose}
      title={title}
      extra={extra}
      footer={footer}
      styles={{ body: { padding: 8 } }}
      data-testid="filters-drawer"
    >
      {children}
    </PhoneDrawer>
  );
}

/** Site search; `tabs` (sites | service providers) sits under its header. */
function SiteSearch({ tabs }: { tabs: ReactNode }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readSearch(params), [params]);
  // What a shortlisted hospital keeps of this search (issue 14): the query and filters, not the order.
  const shortlistQuery = useMemo(() => {
    const { sort: _sort, ...rest } = search;
    return rest;
  }, [search]);
  const [draft, setDraft] = useState(search.q ?? '');
  const [compare, setCompare] = useState<string[]>([]);
  const en = i18n.language === 'en';
  const queryClient = useQueryClient();
  // Reasons are written in the caller's language: after a switch, ask again rather than show the other language.
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.sites.pathKey() });
    i18n.on('languageChanged', refresh);
    return () => i18n.off('languageChanged', refresh);
  }, [i18n, queryClient, trpc]);

  const results = useInfiniteQuery({
    ...trpc.sites.search.infiniteQueryOptions(
      { ...search, limit: 20, specialtiesPerItem: SHOWN_SPECIALTIES },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const first = results.data?.pages[0];
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  // While a new search runs, the previous result stays for layout but says it is the previous one: its reasons
  // answer the old query and are not shown as if they answered this one.
  const previous = results.isPlaceholderData;

  const exportXlsx = useMutation(
    trpc.sites.exportSearch.mutationOptions({
      onSuccess: (file) => {
        downloadFile(file);
        message.success(t('search.exported', { filename: file.filename }));
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );

  const set = (key: keyof typeof PARAM_OF, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(PARAM_OF[key], value);
    else next.delete(PARAM_OF[key]);
    // The 病种 box writes `condition`; an older `disease` or `phase1` from a link is replaced, not kept beside it.
    if (key === 'condition') next.delete(PARAM_OF.diseaseArea);
    if (key === 'phase') next.delete(PARAM_OF.hasPhase1Unit);
    setParams(next, { replace: false });
  };
  const activeFilters = Object.entries(search).filter(([k, v]) => k !== 'q' && k !== 'sort' && v !== undefined).length;
  const hasFilters = activeFilters > 0;
  const clearFilters = () => setParams(search.q ? { q: search.q } : {});
  // On a phone the filters wait in a drawer behind one button, so the first result is on the first screen.
  const isPhone = useIsPhone();
  const isWide = useIsWide();
  const [filtersOpen, setFiltersOpen] = useState(false);
  // The page is for searching: the box has the focus (35 Tab presses reached the first result before), except on a
  // phone, where the keyboard would cover half the screen before anything is shown.
  const searchBox = useRef<InputRef>(null);
  useEffect(() => {
    if (isWide) searchBox.current?.focus({ preventScroll: true });
  }, [isWide]);

  return (
    <>
      <PageHeader
        title={t('search.title')}
        subtitle={t('search.subtitle')}
        extra={
          <Space>
            <Button
              icon={<SwapOutlined />}
              disabled={compare.length < 2}
              onClick={() =>
                navigate(`/compare?ids=${compare.join(',')}${search.q ? `&q=${encodeURIComponent(search.q)}` : ''}`)
              }
              data-testid="compare-go"
            >
              {t('search.compareSelected', { n: compare.length })}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              loading={exportXlsx.isPending}
              onClick={() => exportXlsx.mutate(search)}
              disabled={!first?.total}
              data-testid="search-export"
            >
              {t('search.export')}
            </Button>
          </Space>
        }
      />
      {tabs}
      <Input.Search
        size="large"
        allowClear
        enterButton={t('common.search')}
        placeholder={t('search.placeholder')}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onSearch={(v) => set('q', v.trim() || undefined)}
        data-testid="search-input"
        style={{ marginBottom: 16 }}
        ref={searchBox}
      />
      <div className="ctp-search-layout">
        <FiltersPlace
          isPhone={isPhone}
          open={filtersOpen}
          onClose={() => setFiltersOpen(false)}
          title={t('layout.filters')}
          extra={
            hasFilters && (
              <Button type="link" size="small" onClick={clearFilters}>
                {t('search.clearFilters')}
              </Button>
            )
          }
          footer={
            <Button type="primary" block onClick={() => setFiltersOpen(false)} data-testid="filters-done">
              {first
                ? `${t('layout.showResults')} · ${t('search.total', { count: first.total })}`
                : t('layout.showResults')}
            </Button>
          }
        >
          <Card
            size="small"
            className="ctp-search-filters"
            variant={isPhone ? 'borderless' : 'outlined'}
            title={isPhone ? undefined : t('search.filters')}
            extra={
              !isPhone &&
              hasFilters && (
                <Button type="link" size="small" onClick={clearFilters}>
                  {t('search.clearFilters')}
                </Button>
              )
            }
          >
            <Space orientation="vertical" style={{ width: '100%' }} size={12}>
              <div>
                <Typography.Text strong>{t('search.scope')}</Typography.Text>
                <Segmented
                  block
                  size="small"
                  value={search.scope ?? ''}
                  onChange={(v) => set('scope', String(v) || undefined)}
                  options={[
                    { value: '', label: t('search.scopeAll') },
                    ...SPECIALTY_SCOPES.filter((s) => s !== 'both').map((s) => ({
                      value: s,
                      label: t(`search.scopes.${s}`),
                    })),
                  ]}
                />
              </div>
              <div>
                <Typography.Text strong>{t('search.phase')}</Typography.Text>
                <Segmented
                  block
                  size="small"
                  value={search.phase ?? ''}
                  onChange={(v) => set('phase', String(v) || undefined)}
                  options={[
                    { value: '', label: t('search.phaseAll') },
                    // Five phases fit the filter column only as their numerals; the full name is the tooltip.
                    ...SEARCH_PHASES.map((p) => ({
                      value: p,
                      label: <span title={t(`search.phases.${p}`)}>{p}</span>,
                    })),
                  ]}
                  data-testid="filter-phase"
                />
                <div className="ctp-muted ctp-filter-hint">{t('search.phaseHint')}</div>
              </div>
              <div>
                <Typography.Text strong>{t('search.diseaseArea')}</Typography.Text>
                <ConditionPicker value={search.condition ?? search.diseaseArea} onApply={(v) => set('condition', v)} />
              </div>
              <div>
                <Typography.Text strong>{t('search.minFreeSlots')}</Typography.Text>
                <InputNumber
                  size="small"
                  min={0}
                  max={1000}
                  style={{ width: '100%' }}
                  value={search.minFreeSlots ?? null}
                  onChange={(v) => set('minFreeSlots', v ? String(v) : undefined)}
                  data-testid="filter-min-free"
                />
              </div>
              <div>
                <Typography.Text strong>{t('search.level')}</Typography.Text>
                <Select
                  size="small"
                  allowClear
                  style={{ width: '100%' }}
                  value={search.level}
                  onChange={(v) => set('level', v)}
                  options={HOSPITAL_LEVELS.map((l) => ({ value: l, label: levelLabel(l, i18n.language) }))}
                />
              </div>
              <div>
                <Typography.Text strong>
                  {t('search.capability')}{' '}
                  <span className="ctp-muted">
                    {t('punct.open')}
                    {t('search.capabilitiesAll')}
                    {t('punct.close')}
                  </span>
                </Typography.Text>
                <Select
                  size="small"
                  mode="multiple"
                  allowClear
                  style={{ width: '100%' }}
                  value={search.capabilities ?? []}
                  onChange={(v: string[]) => set('capabilities', v.join(',') || undefined)}
                  options={CAPABILITIES.map((c) => ({ value: c.code, label: en ? c.en : c.zh }))}
                  data-testid="filter-capabilities"
                />
              </div>
              {first && (
                <>
                  <FacetList
                    title={t('search.specialty')}
                    facet={first.facets.specialty}
                    selected={search.specialty}
                    onSelect={(v) => set('specialty', v)}
                    testId="facet-specialty"
                  />
                  <FacetList
                    title={t('search.district')}
                    facet={first.facets.district.map((f) => ({
                      ...f,
                      label: districtLabel(f.value, i18n.language) ?? f.label,
                    }))}
                    selected={search.district}
                    onSelect={(v) => set('district', v)}
                    testId="facet-district"
                  />
                  <FacetList
                    title={t('search.capability')}
                    facet={first.facets.capability}
                    selected={undefined}
                    onSelect={(v) =>
                      v && set('capabilities', [...new Set([...(search.capabilities ?? []), v])].join(','))
                    }
                    testId="facet-capability"
                  />
                </>
              )}
            </Space>
          </Card>
        </FiltersPlace>
        <div className="ctp-search-results">
          <div className="ctp-search-toolbar">
            <Typography.Text data-testid="search-total">
              {first ? t('search.total', { count: first.total }) : ''}
            </Typography.Text>
            <Space wrap>
              {isPhone && (
                <Button
                  size="small"
                  icon={<FilterOutlined />}
                  onClick={() => setFiltersOpen(true)}
                  data-testid="filters-open"
                >
                  {activeFilters ? t('layout.filtersWithCount', { count: activeFilters }) : t('layout.filters')}
                </Button>
              )}
              <span>{t('search.sort')}</span>
              <Select
                size="small"
                style={{ width: isPhone ? 120 : 168 }}
                value={search.sort ?? (search.q ? 'fit' : 'freeSlots')}
                onChange={(v) => set('sort', v)}
                options={SITE_SORTS.map((s) => ({ value: s, label: t(`search.sorts.${s}`) }))}
              />
            </Space>
          </div>
          {first && first.conditions.length > 0 && <ConditionsNote conditions={first.conditions} />}
          {previous && (
            <Typography.Text type="secondary" data-testid="search-updating">
              {t('search.updating')}
            </Typography.Text>
          )}
          {results.error && (
            <Alert type="error" showIcon title={apiError(results.error, t('common.networkError')).message} />
          )}
          {results.isLoading && <Spin style={{ display: 'block', margin: '48px auto' }} />}
          {first && first.total === 0 && (
            <Card>
              <Empty description={t('search.empty')} data-testid="search-empty">
                {first.suggestions.length > 0 && (
                  <Space orientation="vertical">
                    <Typography.Text type="secondary">{t('search.emptyHint')}</Typography.Text>
                    {first.suggestions.map((s) => (
                      <Button
                        key={s.filter}
                        onClick={() => set(s.filter as keyof typeof PARAM_OF, undefined)}
                        data-testid={`relax-${s.filter}`}
                      >
                        {t('search.relax', {
                          label: `${t(`search.relaxFilters.${s.filter}`)}: ${s.label}`,
                          total: s.total,
                        })}
                      </Button>
                    ))}
                  </Space>
                )}
              </Empty>
            </Card>
          )}
          <Space
            orientation="vertical"
            style={{ width: '100%' }}
            size={12}
            className={previous ? 'ctp-results-previous' : undefined}
            aria-busy={previous}
          >
            {items.map((item) => (
              <ResultCard
                key={item.hospitalId}
                item={item}
                showReasons={!previous}
                canShortlist={POLICIES.keepShortlists.allows(actor)}
                query={shortlistQuery}
                compared={compare.includes(item.hospitalId)}
                onCompare={(checked) => {
                  if (checked && compare.length >= MAX_COMPARE) {
                    message.warning(t('search.compareLimit'));
                    return;
                  }
                  setCompare(checked ? [...compare, item.hospitalId] : compare.filter((id) => id !== item.hospitalId));
                }}
              />
            ))}
          </Space>
          {results.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button onClick={() => void results.fetchNextPage()} loading={results.isFetchingNextPage}>
                {t('search.loadMore')}
              </Button>
            </div>
          )}
        </div>
      </div>
    </>
  );
}

/** 找中心 with two tabs (issue 18): trial sites, and service providers (服务机构) with their own facets. */
export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'providers' ? 'providers' : 'sites';
  const tabs = (
    <Tabs
      activeKey={tab}
      onChange={(key) => setParams(key === 'providers' ? { tab: 'providers' } : {})}
      items={[
        { key: 'sites', label: t('providers.tabSites') },
        { key: 'providers', label: <span data-testid="tab-providers">{t('providers.tab')}</span> },
      ]}
      data-testid="search-tabs"
    />
  );
  if (tab === 'sites') return <SiteSearch tabs={tabs} />;
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
      <ProviderSearch tabs={tabs} />
    </Suspense>
  );
}
