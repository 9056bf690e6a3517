import { REGISTRY_STATUSES, type RegistryStatus, titleLabel } from '@ctp/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Input, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { PhaseTags, RegistryLink, RegistryStatusTag } from './registry-ui.tsx';

type Facet = { key: string; n: number };

function FacetList({ title, facets, label }: { title: string; facets: Facet[]; label: (key: string) => string }) {
  return (
    <div>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <Flex wrap gap={4} style={{ marginTop: 4 }}>
        {facets.length === 0 && '—'}
        {facets.map((f) => (
          <Tag key={f.key} variant="filled">
            {label(f.key)} · {f.n}
          </Tag>
        ))}
      </Flex>
    </div>
  );
}

/** 登记试验 on the hospital profile: registry trials with a location linked to this hospital (issue 13). */
export function HospitalRegistryTrials({ hospitalId }: { hospitalId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [condition, setCondition] = useState('');
  const [status, setStatus] = useState<RegistryStatus | undefined>();
  const [page, setPage] = useState(0);
  const pageSize = 10;
  const query = useQuery({
    ...trpc.registry.trialsOfHospital.queryOptions({
      hospitalId,
      condition: condition.trim() || undefined,
      status,
      limit: pageSize,
      cursor: page * pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  return (
    <Card title={t('registry.profile.tab')} data-testid="registry-trials">
      <Typography.Paragraph type="secondary">{t('registry.profile.intro')}</Typography.Paragraph>
      {data && data.total === 0 ? (
        <Empty description={t('registry.profile.empty')} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}>
              <Statistic title={t('registry.profile.total')} value={data?.total ?? 0} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('registry.profile.open')} value={data?.open ?? 0} />
            </Col>
            <Col xs={24} md={16}>
              <Flex vertical gap={8}>
                <FacetList
                  title={t('registry.profile.byCondition')}
                  facets={(data?.facets.condition ?? []).slice(0, 8)}
                  label={(k) => (k.length > 24 ? `${k.slice(0, 24)}…` : k)}
                />
                <Space size={24} wrap align="start">
                  <FacetList
                    title={t('registry.profile.byPhase')}
                    facets={data?.facets.phase ?? []}
                    label={(k) => t(`registry.phases.${k}`)}
                  />
                  <FacetList
                    title={t('registry.profile.byStatus')}
                    facets={data?.facets.status ?? []}
                    label={(k) => t(`registry.statuses.${k}`)}
                  />
                  <Tooltip title={t('registry.profile.yearHint')}>
                    <div>
                      <FacetList
                        title={t('registry.profile.byYear')}
                        facets={data?.facets.year ?? []}
                        label={(k) => k}
                      />
                    </div>
                  </Tooltip>
                </Space>
              </Flex>
            </Col>
          </Row>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              placeholder={t('registry.profile.filterCondition')}
              onSearch={(v) => {
                setCondition(v);
                setPage(0);
              }}
              style={{ width: 260 }}
              data-testid="registry-condition"
            />
            <Select
              allowClear
              placeholder={t('registry.profile.filterStatus')}
              style={{ width: 200 }}
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(0);
              }}
              options={REGISTRY_STATUSES.map((s) => ({ value: s, label: t(`registry.statuses.${s}`) }))}
            />
          </Space>
          <Table
            rowKey="id"
            size="small"
            loading={query.isFetching}
            dataSource={data?.items ?? []}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description={t('registry.profile.noMatch')} /> }}
            pagination={{
              current: page + 1,
              pageSize,
              total: data?.matching ?? 0,
              hideOnSinglePage: true,
              onChange: (p) => setPage(p - 1),
            }}
            columns={[
              {
                title: t('registry.profile.registryId'),
                key: 'id',
                width: 140,
                render: (_, r) => <RegistryLink source={r.source} registryId={r.registryId} />,
              },
              {
                title: t('registry.profile.title'),
                key: 'title',
                render: (_, r) => (
                  <Space orientation="vertical" size={2}>
                    <span>{r.briefTitle}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.conditions.slice(0, 3).join('; ')}
                      {r.leadSponsor ? ` · ${r.leadSponsor}` : ''}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('registry.profile.byPhase'),
                key: 'phase',
                width: 120,
                render: (_, r) => <PhaseTags phases={r.phases} />,
              },
              {
                title: t('registry.profile.byStatus'),
                key: 'status',
                width: 140,
                render: (_, r) => <RegistryStatusTag status={r.status} />,
              },
              { title: t('registry.profile.start'), key: 'start', width: 100, render: (_, r) => r.startDate ?? '—' },
              {
                title: t('registry.profile.sitesHere'),
                key: 'sites',
                width: 170,
                render: (_, r) => (
                  <Space orientation="vertical" size={0}>
                    {r.sitesHere
                      .filter((s) => s.piName)
                      .map((s) => (
                        <span key={`${s.piName}-${s.facility}`}>
                          {personName(s.piName)}
                          {s.piTitle
                            ? `${t('punct.open')}${titleLabel(s.piTitle, i18next.language)}${t('punct.close')}`
                            : ''}
                        </span>
                      ))}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('registry.profile.totalSites', { count: r.totalSites })}
                    </Typography.Text>
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
