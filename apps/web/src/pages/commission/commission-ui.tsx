import { InfoCircleOutlined } from '@ant-design/icons';
import {
  type MetricId,
  type MetricsFilter,
  type MetricTable,
  SPONSOR_CLASSES,
  TRIAL_PHASES,
  TRIAL_TYPES,
} from '@ctp/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DatePicker } from '../../components/DatePicker.tsx';
import { districtLabel } from '../../components/place-labels.ts';
import { apiError } from '../../lib/api-error.ts';
import { dayOf, pickerValue } from '../../lib/beijing-time.ts';
import { downloadFile } from '../../lib/download.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';

const FILTER_KEYS = [
  'from',
  'to',
  'district',
  'hospitalId',
  'committeeId',
  'specialtyCode',
  'trialType',
  'phase',
  'sponsorClass',
  'baseId',
  'projectId',
] as const;

/**
 * The names the commission's pages show, in the UI language: hospitals, committees and specialties by their English
 * form on record, else (in English) the Chinese with its pinyin; districts by their English names. Rows carry the
 * Chinese name as filed, so each lookup takes it as the fallback.
 */
export function useCommissionNames() {
  const { i18n } = useTranslation();
  const trpc = useTRPC();
  const o = useQuery(trpc.metrics.filterOptions.queryOptions()).data;
  const lang = i18n.language;
  // One object per data and language, so charts that depend on it redraw only when a name can change.
  return useMemo(() => {
    // Keyed by id and by the Chinese name too: some rows (records, key projects) carry only the name as filed.
    const en = (list: { value: string; label: string; labelEn: string | null }[] | undefined) =>
      new Map((list ?? []).flatMap((x) => [[x.value, x.labelEn] as const, [x.label, x.labelEn] as const]));
    const hospitals = en(o?.hospitals);
    const committees = en(o?.committees);
    const specialties = en(o?.specialties);
    return {
      hospital: (id: string | null, zh: string) => properName(zh, hospitals.get(id ?? zh), lang),
      committee: (id: string | null, zh: string) => properName(zh, committees.get(id ?? zh), lang),
      specialty: (code: string | null, zh: string) => properName(zh, specialties.get(code ?? zh), lang),
      district: (zh: string | null) => (zh == null ? '—' : (districtLabel(zh, lang) ?? zh)),
      lang,
    };
  }, [o, lang]);
}

/** The commission's filters live in the URL, so every drill-down and records link can be shared and reloaded. */
export function useMetricFilters() {
  const [params, setParams] = useSearchParams();
  const filters: MetricsFilter = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) (filters as Record<string, string>)[k] = v;
  }
  const setFilters = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return { filters, setFilters, params };
}

/** `?a=b&…` of the filters (plus extras) for links to other commission pages. */
export function filterQuery(filters: MetricsFilter, extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function FilterBar() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { filters, setFilters } = useMetricFilters();
  const names = useCommissionNames();
  const options = useQuery(trpc.metrics.filterOptions.queryOptions());
  const o = options.data;
  const sel = (
    key: (typeof FILTER_KEYS)[number],
    label: string,
    opts: { value: string; label: string }[],
    width = 150,
  ) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={label}
      style={{ width }}
      value={(filters as Record<string, string | undefined>)[key]}
      onChange={(v: string | undefined) => setFilters({ [key]: v })}
      options={opts}
      data-testid={`filter-${key}`}
    />
  );
  return (
    <Card size="small" className="ctp-no-print" style={{ marginBottom: 16 }}>
      <Space wrap>
        <DatePicker.RangePicker
          allowClear
          value={filters.from && filters.to ? [pickerValue(filters.from), pickerValue(filters.to)] : null}
          onChange={(r) => setFilters({ from: r?.[0] ? dayOf(r[0]) : undefined, to: r?.[1] ? dayOf(r[1]) : undefined })}
          data-testid="filter-period"
        />
        {sel(
          'district',
          t('commission.filters.district'),
          (o?.districts ?? []).map((d) => ({ value: d, label: names.district(d) })),
          120,
        )}
        {sel(
          'hospitalId',
          t('commission.filters.hospital'),
          (o?.hospitals ?? []).map((h) => ({ value: h.value, label: names.hospital(h.value, h.label) })),
          220,
        )}
        {sel(
          'committeeId',
          t('commission.filters.committee'),
          (o?.committees ?? []).map((c) => ({ value: c.value, label: names.committee(c.value, c.label) })),
          240,
        )}
        {sel(
          'specialtyCode',
          t('commission.filters.specialty'),
          (o?.specialties ?? []).map((c) => ({ value: c.value, label: names.specialty(c.value, c.label) })),
          150,
        )}
        {sel(
          'trialType',
          t('commission.filters.trialType'),
          TRIAL_TYPES.map((v) => ({ value: v, label: t(`commission.filters.trialTypes.${v}`) })),
          120,
        )}
        {sel(
          'phase',
          t('commission.filters.phase'),
          TRIAL_PHASES.map((v) => ({ value: v, label: v })),
          100,
        )}
        {sel(
          'sponsorClass',
          t('commission.filters.sponsorClass'),
          SPONSOR_CLASSES.map((v) => ({ value: v, label: t(`commission.filters.sponsorClasses.${v}`) })),
          170,
        )}
        {sel(
          'baseId',
          t('commission.filters.base'),
          (o?.bases ?? []).map((b) => ({ value: b.value, label: properName(b.label, b.labelEn, names.lang) })),
          220,
        )}
        {sel(
          'projectId',
          t('commission.filters.project'),
          (o?.projects ?? []).map((p) => ({ value: p.value, label: properName(p.label, p.labelEn, names.lang) })),
          220,
        )}
        <Button onClick={() => setFilters(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}>
          {t('commission.filters.reset')}
        </Button>
      </Space>
    </Card>
  );
}

/** A figure's unit: percentages, calendar days or working days. */
export function unitOf(metric: MetricId): 'pct' | 'days' | 'workingDays' | '' {
  if (metric.endsWith('Pct')) return 'pct';
  if (metric === 'startupMedianDays') return 'days';
  if (metric.includes('WorkingDays')) return 'workingDays';
  return '';
}

export function fmt(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(digits);
}

/** The formula of a figure, always one hover away (DESIGN §5 definitions). */
export function FormulaTip({ metric }: { metric: MetricId }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={`${t('commission.overview.formula')}${t('punct.colon')}${t(`commission.formulas.${metric}`)}`}>
      <InfoCircleOutlined style={{ color: '#8c8c8c', cursor: 'help' }} data-testid={`formula-${metric}`} />
    </Tooltip>
  );
}

/** Downloads a metrics table as XLSX, built on the server from the same use-case the page shows. */
export function ExportButton({
  table,
  filters,
  groupBy,
  metric,
}: {
  table: MetricTable;
  filters: MetricsFilter;
  groupBy?: 'district' | 'hospital' | 'specialty';
  metric?: MetricId;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const exp = useMutation(
    trpc.metrics.export.mutationOptions({
      onSuccess: (file) => {
        downloadFile(file);
        message.success(t('commission.drill.exported'));
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );
  return (
    <Button
      className="ctp-no-print"
      loading={exp.isPending}
      onClick={() => exp.mutate({ table, filters, groupBy, metric })}
      data-testid={`export-${table}`}
    >
      {t('commission.drill.export')}
    </Button>
  );
}
