import { CAPABILITIES } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Progress, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { districtLabel, hospitalTypeLabel, levelLabel } from '../../components/place-labels.ts';
import { apiError } from '../../lib/api-error.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';

type Row = { key: string; label: string; cells: ReactNode[] };

export default function ComparePage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '').split(',').filter(Boolean).slice(0, 5);
  const q = params.get('q') ?? undefined;
  const en = i18n.language === 'en';
  const data = useQuery({ ...trpc.sites.compare.queryOptions({ hospitalIds: ids, q }), enabled: ids.length > 0 });

  const back = (
    <Link to={q ? `/search?q=${encodeURIComponent(q)}` : '/search'}>
      <Button>{t('search.backToSearch')}</Button>
    </Link>
  );
  if (!ids.length) {
    return (
      <>
        <PageHeader title={t('search.compareTitle')} extra={back} />
        <Card>
          <Empty description={t('search.compareEmpty')} />
        </Card>
      </>
    );
  }
  const cols = data.data ?? [];
  const R = t('search.compareRows', { returnObjects: true }) as Record<string, string>;
  const rows: Row[] = [
    { key: 'score', label: R.score!, cells: cols.map((c) => <Progress key="p" percent={c.site.score} size="small" />) },
    {
      key: 'reasons',
      label: R.reasons!,
      cells: cols.map((c) => (
        <ul key="r" className="ctp-reasons" style={{ columns: 1 }}>
          {c.site.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )),
    },
    {
      key: 'district',
      label: R.district!,
      cells: cols.map((c) => districtLabel(c.site.district, i18n.language) ?? t('common.unknown')),
    },
    {
      key: 'level',
      label: R.level!,
      cells: cols.map((c) => levelLabel(c.site.level, i18n.language) ?? t('common.unknown')),
    },
    { key: 'type', label: R.type!, cells: cols.map((c) => hospitalTypeLabel(c.hospitalType, i18n.language) ?? '—') },
    { key: 'totalBeds', label: R.totalBeds!, cells: cols.map((c) => c.totalBeds ?? '—') },
    { key: 'phase1Beds', label: R.phase1Beds!, cells: cols.map((c) => c.phase1Beds ?? '—') },
    { key: 'filing', label: R.filing!, cells: cols.map((c) => c.nmpaDrugFilingNo ?? t('common.unknown')) },
    { key: 'specialties', label: R.specialties!, cells: cols.map((c) => c.specialtyCount) },
    {
      key: 'relevant',
      label: R.relevant!,
      cells: cols.map((c) => (
        <div key="s">
          {c.site.specialties.map((s) => (
            <div key={s.id}>
              {en ? s.nameEn : s.name} {s.freeSlots}/{s.maxConcurrentTrials}
            </div>
          ))}
        </div>
      )),
    },
    {
      key: 'investigators',
      label: R.investigators!,
      cells: cols.map((c) =>
        en
          ? `${c.investigatorCount} (${c.seniorInvestigatorCount})`
          : `${c.investigatorCount}（${c.seniorInvestigatorCount}）`,
      ),
    },
    { key: 'freeSlots', label: R.freeSlots!, cells: cols.map((c) => c.totalFreeSlots) },
    {
      key: 'capabilities',
      label: R.capabilities!,
      cells: cols.map((c) => (
        <div key="c">
          {c.site.capabilities.map((code) => {
            const cap = CAPABILITIES.find((x) => x.code === code);
            return (
              <Tag key={code} variant="filled" style={{ marginBottom: 4 }}>
                {cap ? (en ? cap.en : cap.zh) : code}
              </Tag>
            );
          })}
        </div>
      )),
    },
    {
      key: 'stale',
      label: R.stale!,
      cells: cols.map((c) =>
        c.site.stale ? (
          <Tag key="s" color="orange">
            {t('search.stale')}
          </Tag>
        ) : (
          <Tag key="s" color="green">
            {t('search.fresh')}
          </Tag>
        ),
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('search.compareTitle')} subtitle={t('search.compareSubtitle')} extra={back} />
      {data.error && (
        <Alert
          type="error"
          showIcon
          title={apiError(data.error, t('common.networkError')).message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <Table<Row>
          className="ctp-compare-table"
          loading={data.isLoading}
          pagination={false}
          bordered
          size="small"
          // Five sites fit a 1440 px screen beside the menu; a narrower one scrolls the table, not the page.
          scroll={{ x: 140 + cols.length * 190 }}
          dataSource={rows}
          data-testid="compare-table"
          columns={[
            { title: '', dataIndex: 'label', width: 140, fixed: 'left', render: (v: string) => <strong>{v}</strong> },
            ...cols.map((c, i) => ({
              title: (
                <Link to={`/hospitals/${c.site.hospitalId}`}>
                  {properName(c.site.name, c.site.nameEn, i18n.language)}
                </Link>
              ),
              key: c.site.hospitalId,
              width: 190,
              render: (_: unknown, row: Row) => row.cells[i],
            })),
          ]}
        />
      </Card>
    </>
  );
}
