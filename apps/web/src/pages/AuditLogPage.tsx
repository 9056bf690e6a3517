import { SafetyCertificateOutlined } from '@ant-design/icons';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditEventView } from '@ctp/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader.tsx';
import { apiError } from '../lib/api-error.ts';
import { beijingTime } from '../lib/beijing-time.ts';
import { personName, properName } from '../lib/proper-name.ts';
import { useTRPC } from '../lib/trpc.ts';

type Filters = {
  entityType?: (typeof AUDIT_ENTITY_TYPES)[number];
  entityId?: string;
  actorUserId?: string;
  action?: (typeof AUDIT_ACTIONS)[number];
};

function JsonBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <pre className="ctp-json">{JSON.stringify(value, null, 2)}</pre>;
}

export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    entityType: (params.get('entityType') as Filters['entityType']) ?? undefined,
    entityId: params.get('entityId') ?? undefined,
    actorUserId: params.get('actor') ?? undefined,
    action: (params.get('action') as Filters['action']) ?? undefined,
  };
  const [entityIdDraft, setEntityIdDraft] = useState(filters.entityId ?? '');
  const users = useQuery(trpc.users.list.queryOptions());
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...filters, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const verify = useQuery({ ...trpc.audit.verify.queryOptions(), enabled: false });
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isFetching}
            onClick={() => void verify.refetch()}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          title={
            verify.data.ok
              ? t('audit.verifyOk', {
                  count: verify.data.count,
                  votes: verify.data.votesChecked,
                  anchor: verify.data.anchor ? t('audit.verifyAnchor', { id: verify.data.anchor.id }) : '',
                })
              : t(verify.data.brokenAt === null ? 'audit.verifyBrokenNoEvent' : 'audit.verifyBroken', {
                  id: verify.data.brokenAt,
                  reason: t(`audit.breakReasons.${verify.data.reason}`),
                })
          }
          data-testid="audit-verify-result"
        />
      )}
      {verify.error && (
        <Alert
          style={{ marginBottom: 16 }}
          type="error"
          showIcon
          title={apiError(verify.error, t('common.networkError')).message}
        />
      )}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('audit.anyEntity')}
            style={{ width: 160 }}
            value={filters.entityType}
            onChange={(v) => set('entityType', v)}
            options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entityTypes.${e}`) }))}
            data-testid="audit-entity-type"
          />
          <Input.Search
            allowClear
            placeholder={t('audit.entityId')}
            style={{ width: 260 }}
            value={entityIdDraft}
            onChange={(e) => setEntityIdDraft(e.target.value)}
            onSearch={(v) => set('entityId', v.trim() || undefined)}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('audit.anyActor')}
            style={{ width: 240 }}
            value={filters.actorUserId}
            onChange={(v) => set('actor', v)}
            loading={users.isLoading}
            options={(users.data ?? []).map((u) => ({ value: u.id, label: `${personName(u.name)} <${u.email}>` }))}
            data-testid="audit-actor"
          />
          <Select
            allowClear
            placeholder={t('audit.anyAction')}
            style={{ width: 180 }}
            value={filters.action}
            onChange={(v) => set('action', v)}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
          />
        </Space>
        {events.error && (
          <Alert
            type="error"
            showIcon
            title={apiError(events.error, t('common.networkError')).message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<AuditEventView>
          rowKey="id"
          size="middle"
          loading={events.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
          expandable={{
            expandedRowRender: (e) => (
              <div className="ctp-audit-detail">
                {e.redacted && (
                  <Typography.Text type="warning" data-testid="audit-redacted">
                    {t('audit.redactedNote')}
                  </Typography.Text>
                )}
                <div>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <JsonBlock value={e.before} />
                </div>
                <div>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <JsonBlock value={e.after} />
                </div>
                <Typography.Text type="secondary" className="ctp-hash">
                  {t('audit.requestId')}: {e.requestId ?? '—'} · {t('audit.hash')}: {e.hash}
                </Typography.Text>
              </div>
            ),
          }}
          columns={[
            { title: '#', dataIndex: 'id', width: 70 },
            {
              title: t('audit.at'),
              dataIndex: 'at',
              width: 170,
              render: (v: number) => beijingTime(v, true),
            },
            {
              title: t('audit.actor'),
              key: 'actor',
              render: (_, e) =>
                e.actorUserId ? (
                  <Button
                    type="link"
                    size="small"
                    className="ctp-link-button"
                    onClick={() => set('actor', e.actorUserId ?? undefined)}
                  >
                    {e.actorName ? personName(e.actorName) : e.actorEmail}
                  </Button>
                ) : e.redacted ? (
                  // A committee member acting inside the committee: not the admin's to see (issue 12).
                  <Tag color="orange">{t('audit.redactedActor')}</Tag>
                ) : (
                  <Tag>{t('audit.system')}</Tag>
                ),
            },
            {
              title: t('audit.role'),
              dataIndex: 'role',
              width: 120,
              render: (v: string | null) => (v ? t(`roles.${v}`) : '—'),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (v: string) => <Tag color="blue">{t(`audit.actions.${v}`, { defaultValue: v })}</Tag>,
            },
            {
              title: t('audit.entity'),
              key: 'entity',
              render: (_, e) => (
                <Button
                  type="link"
                  size="small"
                  className="ctp-link-button"
                  style={{ whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                  onClick={() => {
                    set('entityType', e.entityType);
                    setEntityIdDraft(e.entityId);
                    const next = new URLSearchParams(params);
                    next.set('entityType', e.entityType);
                    next.set('entityId', e.entityId);
                    setParams(next, { replace: true });
                  }}
                >
                  <span>
                    {t(`audit.entityTypes.${e.entityType}`)} ·{' '}
                    {e.entityName ? (
                      <span title={e.entityId} data-testid="audit-entity-name">
                        {i18n.language === 'en'
                          ? properName(e.entityName.zh, e.entityName.en !== e.entityName.zh ? e.entityName.en : null)
                          : e.entityName.zh}
                      </span>
                    ) : (
                      <span className="ctp-mono" title={e.entityId}>
                        {e.entityId.slice(0, 8)}
                      </span>
                    )}
                  </span>
                </Button>
              ),
            },
          ]}
        />
        {events.hasNextPage && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Button onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
              {t('common.more')}
            </Button>
          </div>
        )}
      </Card>
    </>
  );
}
