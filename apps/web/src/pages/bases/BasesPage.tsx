import { PlusOutlined } from '@ant-design/icons';
import {
  BASE_FOCUS_AREAS,
  BASE_STATUSES,
  type BaseFocusArea,
  type BaseListItem,
  type BaseStatus,
  POLICIES,
} from '@ctp/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { useEntityModal } from '../../components/EntityModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { BaseFormModal, type BaseFormValues } from './BaseFormModal.tsx';
import { STATUS_COLOR } from './base-ui.tsx';

/** 协同创新基地 (issue 18): every signed-in role browses them; the commission registers them. */
export default function BasesPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<BaseStatus | undefined>();
  const [focus, setFocus] = useState<BaseFocusArea | undefined>();
  const [cursor, setCursor] = useState<string | undefined>();
  const creating = useEntityModal<BaseFormValues>();
  const list = useQuery(trpc.bases.list.queryOptions({ q: q || undefined, status, focus, limit: 20, cursor }));
  return (
    <>
      <PageHeader
        title={t('bases.title')}
        subtitle={t('bases.subtitle')}
        extra={
          POLICIES.registerBases.allows(actor) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => creating.open()} data-testid="base-create">
              {t('bases.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('bases.searchPlaceholder')}
            onSearch={(v) => {
              setCursor(undefined);
              setQ(v.trim());
            }}
            style={{ width: 280, maxWidth: '100%' }}
            data-testid="bases-q"
          />
          <Select
            allowClear
            placeholder={t('bases.anyStatus')}
            value={status}
            onChange={(v) => {
              setCursor(undefined);
              setStatus(v);
            }}
            options={BASE_STATUSES.map((s) => ({ value: s, label: t(`bases.statuses.${s}`) }))}
            style={{ width: 140 }}
          />
          <Select
            allowClear
            placeholder={t('bases.anyFocus')}
            value={focus}
            onChange={(v) => {
              setCursor(undefined);
              setFocus(v);
            }}
            options={BASE_FOCUS_AREAS.map((f) => ({ value: f, label: t(`bases.focusAreas.${f}`) }))}
            style={{ width: 180 }}
          />
        </Space>
        <Table<BaseListItem>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: <Empty description={t('bases.empty')} /> }}
          columns={[
            {
              title: t('bases.nameZh'),
              key: 'name',
              render: (_, b) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/bases/${b.id}`}>{properName(b.nameZh, b.nameEn, i18n.language)}</Link>
                  {b.isDemo && <Tag>{t('bases.demo')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('bases.lead'),
              key: 'lead',
              render: (_, b) => properName(b.leadOrgName, b.leadOrgNameEn, i18n.language),
            },
            {
              title: t('bases.focus'),
              dataIndex: 'focusAreas',
              render: (areas: BaseFocusArea[]) => (
                <Space size={[0, 4]} wrap>
                  {areas.map((a) => (
                    <Tag key={a} color="blue">
                      {t(`bases.focusAreas.${a}`)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('bases.status'),
              dataIndex: 'status',
              render: (s: BaseStatus) => <Tag color={STATUS_COLOR[s]}>{t(`bases.statuses.${s}`)}</Tag>,
            },
            {
              title: t('bases.members'),
              key: 'counts',
              render: (_, b) =>
                `${t('bases.memberCount', { count: b.memberCount })} · ${t('bases.trialCount', { count: b.trialCount })}`,
            },
            { title: t('bases.foundedOn'), dataIndex: 'foundedOn' },
          ]}
        />
        {(cursor || list.data?.nextCursor) && (
          <Space style={{ marginTop: 16 }}>
            <Button disabled={!cursor} onClick={() => setCursor(undefined)}>
              1
            </Button>
            <Button disabled={!list.data?.nextCursor} onClick={() => setCursor(list.data?.nextCursor ?? undefined)}>
              →
            </Button>
          </Space>
        )}
      </Card>
      <BaseFormModal modal={creating} />
    </>
  );
}
