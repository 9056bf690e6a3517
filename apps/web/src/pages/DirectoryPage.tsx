import { ORG_KINDS, type OrganisationView, type OrgKind } from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Input, Segmented, Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { orgLabel } from '../components/OrgName.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { districtLabel, hospitalTypeLabel, levelLabel } from '../components/place-labels.ts';
import { useTRPC } from '../lib/trpc.ts';

export default function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const kind = (params.get('kind') as OrgKind | null) ?? 'hospital';
  const filter = params.get('q') ?? '';
  const orgs = useQuery(trpc.organisations.list.queryOptions({}));

  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (orgs.data ?? [])
      .filter((o) => kind === o.kind || (kind === 'sponsor' && o.kind === 'cro'))
      .filter((o) => !q || [o.nameZh, o.nameEn, o.shortName, o.district].some((v) => v?.toLowerCase().includes(q)));
  }, [orgs.data, kind, filter]);

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('directory.title')} subtitle={t('directory.subtitle')} />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          {/* Six kinds outgrow a phone's width: the switch scrolls on its own, the page never sideways. */}
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <Segmented
              value={kind}
              onChange={(v) => update('kind', String(v))}
              options={ORG_KINDS.filter((k) => k !== 'cro').map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
            />
          </div>
          <Input.Search
            allowClear
            placeholder={t('directory.filter')}
            defaultValue={filter}
            onSearch={(v) => update('q', v)}
            style={{ width: 320, maxWidth: '100%' }}
            data-testid="directory-filter"
          />
        </Flex>
        <Table<OrganisationView>
          rowKey="id"
          loading={orgs.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('directory.empty')} /> }}
          scroll={{ x: 760 }}
          columns={[
            {
              title: t('directory.name'),
              key: 'name',
              render: (_, o) => (
                <Space orientation="vertical" size={0}>
                  <Link
                    to={
                      o.kind === 'hospital'
                        ? `/hospitals/${o.id}`
                        : o.kind === 'provider'
                          ? `/providers/${o.id}`
                          : `/directory/${o.id}`
                    }
                  >
                    {orgLabel(o, i18n.language)}
                  </Link>
                  {i18n.language !== 'en' && o.nameEn && <span className="ctp-muted">{o.nameEn}</span>}
                </Space>
              ),
            },
            ...(kind === 'hospital'
              ? [
                  {
                    title: t('directory.district'),
                    dataIndex: 'district',
                    width: 110,
                    render: (v: string | null) => districtLabel(v, i18n.language) ?? t('common.unknown'),
                  },
                  {
                    title: t('directory.level'),
                    dataIndex: 'level',
                    width: 110,
                    render: (v: string | null) => levelLabel(v, i18n.language) ?? t('common.unknown'),
                  },
                  {
                    title: t('directory.type'),
                    dataIndex: 'hospitalType',
                    width: 110,
                    render: (v: string | null) => hospitalTypeLabel(v, i18n.language) ?? '—',
                  },
                  {
                    title: t('directory.phase1'),
                    dataIndex: 'phase1Beds',
                    width: 130,
                    render: (v: number | null) =>
                      v ? <Tag color="green">{t('directory.phase1Beds', { count: v })}</Tag> : '—',
                  },
                ]
              : [
                  {
                    title: t('directory.kind'),
                    dataIndex: 'kind',
                    width: 140,
                    render: (v: OrgKind) => t(`orgKinds.${v}`),
                  },
                ]),
          ]}
        />
      </Card>
    </>
  );
}
