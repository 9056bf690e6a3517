import { CheckOutlined, SearchOutlined, StopOutlined } from '@ant-design/icons';
import type { RegistryQueueStatus } from '@ctp/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgLabel } from '../../components/OrgName.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { properName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { RegistryLink } from './registry-ui.tsx';

type Target = { id: number; rawName: string } | null;

/** 平台管理 → 名称核对: registry names no rule could place; the admin maps them to a hospital or rejects them. */
export default function RegistryQueuePage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [status, setStatus] = useState<RegistryQueueStatus>('open');
  const [q, setQ] = useState('');
  const [rejecting, setRejecting] = useState<Target>(null);
  const [mapping, setMapping] = useState<Target>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const queue = useInfiniteQuery(
    trpc.registry.queue.infiniteQueryOptions(
      { status, q: q.trim() || undefined, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const hospitals = useQuery(trpc.organisations.list.queryOptions({ kind: 'hospital' }));
  const rows = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = queue.data?.pages[0]?.counts ?? {};
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.registry.queue.pathKey() });
  const onError = (e: unknown) => message.error(apiError(e, t('common.networkError')).message);

  const resolve = useMutation(
    trpc.registry.resolve.mutationOptions({
      onSuccess: async (r) => {
        message.success(t('registry.queue.resolved', { count: r.locationsLinked }));
        setMapping(null);
        setChosen(null);
        await refresh();
      },
      onError,
    }),
  );
  const reject = useMutation(
    trpc.registry.reject.mutationOptions({
      onSuccess: async () => {
        message.success(t('registry.queue.rejectedDone'));
        setRejecting(null);
        form.resetFields();
        await refresh();
      },
      onError,
    }),
  );
  const hospitalOptions = (hospitals.data ?? []).map((h) => ({ value: h.id, label: orgLabel(h, i18n.language) }));

  return (
    <>
      <PageHeader title={t('registry.queue.title')} subtitle={t('registry.queue.subtitle')} />
      <Card>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('registry.queue.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ maxWidth: 360, marginBottom: 8 }}
          data-testid="queue-search"
        />
        <Tabs
          activeKey={status}
          onChange={(k) => setStatus(k as RegistryQueueStatus)}
          items={(['open', 'resolved', 'rejected'] as const).map((s) => ({
            key: s,
            label: `${t(`registry.queue.tabs.${s}`)}${counts[s] !== undefined ? ` (${counts[s]})` : ''}`,
          }))}
        />
        <Table
          rowKey="id"
          data-testid="registry-queue"
          loading={queue.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t('registry.queue.empty')} /> }}
          columns={[
            {
              title: t('registry.queue.rawName'),
              key: 'name',
              width: 260,
              render: (_, r) => (
                <Space orientation="vertical" size={2}>
                  <Typography.Text strong data-testid="queue-raw-name">
                    {properName(r.rawName, null)}
                  </Typography.Text>
                  <Tag variant="filled">{t(`registry.queue.reasons.${r.queuedBecause}`, r.queuedBecause)}</Tag>
                </Space>
              ),
            },
            {
              title: t('registry.queue.city'),
              key: 'city',
              width: 130,
              render: (_, r) =>
                [r.city, r.province]
                  .filter((x): x is string => Boolean(x))
                  .map((x) => properName(x, null))
                  .join(' · ') || '—',
            },
            {
              title: t('registry.queue.registryIds'),
              key: 'ids',
              width: 170,
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  {r.registryIds.slice(0, 4).map((x) => (
                    <RegistryLink key={x.registryId} source={x.source} registryId={x.registryId} />
                  ))}
                  {r.registryIds.length > 4 && <span>…</span>}
                  <Typography.Text type="secondary">
                    {t('registry.queue.locations', { count: r.locations })}
                  </Typography.Text>
                </Space>
              ),
            },
            status === 'open'
              ? {
                  title: t('registry.queue.candidates'),
                  key: 'candidates',
                  render: (_, r) => (
                    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                      {r.candidates.length === 0 && (
                        <Typography.Text type="secondary">{t('registry.queue.noCandidates')}</Typography.Text>
                      )}
                      {r.candidates.map((c) => (
                        <Space key={c.hospitalId} size={6} wrap>
                          <Tooltip title={c.alias}>
                            <span>{orgLabel(c, i18n.language)}</span>
                          </Tooltip>
                          <Tag color={c.score >= 0.85 ? 'green' : 'default'}>{c.score.toFixed(2)}</Tag>
                          <Button
                            size="small"
                            icon={<CheckOutlined />}
                            loading={resolve.isPending}
                            onClick={() => resolve.mutate({ queueId: r.id, hospitalId: c.hospitalId })}
                            data-testid="queue-map-candidate"
                          >
                            {t('registry.queue.map')}
                          </Button>
                        </Space>
                      ))}
                      <Button
                        size="small"
                        type="link"
                        style={{ paddingInline: 0 }}
                        onClick={() => setMapping({ id: r.id, rawName: r.rawName })}
                        data-testid="queue-map-other"
                      >
                        {t('registry.queue.chooseHospital')}…
                      </Button>
                    </Space>
                  ),
                }
              : {
                  title:
                    status === 'resolved' ? t('registry.queue.decidedHospital') : t('registry.queue.decidedReason'),
                  key: 'decision',
                  render: (_, r) => (r.hospital ? orgLabel(r.hospital, i18n.language) : (r.reason ?? '—')),
                },
            ...(status === 'open'
              ? [
                  {
                    title: '',
                    key: 'reject',
                    width: 140,
                    render: (_: unknown, r: (typeof rows)[number]) => (
                      <Button
                        danger
                        size="small"
                        icon={<StopOutlined />}
                        onClick={() => setRejecting({ id: r.id, rawName: r.rawName })}
                        data-testid="queue-reject"
                      >
                        {t('registry.queue.reject')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {queue.hasNextPage && (
          <Button
            style={{ marginTop: 12 }}
            onClick={() => void queue.fetchNextPage()}
            loading={queue.isFetchingNextPage}
          >
            {t('registry.queue.more')}
          </Button>
        )}
      </Card>
      <Modal
        open={mapping !== null}
        title={`${t('registry.queue.map')}: ${properName(mapping?.rawName, null)}`}
        okText={t('registry.queue.map')}
        okButtonProps={{ disabled: !chosen, loading: resolve.isPending, id: 'queue-map-ok' }}
        onCancel={() => setMapping(null)}
        onOk={() => mapping && chosen && resolve.mutate({ queueId: mapping.id, hospitalId: chosen })}
        destroyOnHidden
      >
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={t('registry.queue.chooseHospital')}
          options={hospitalOptions}
          style={{ width: '100%' }}
          value={chosen}
          onChange={setChosen}
          data-testid="queue-map-select"
        />
      </Modal>
      <Modal
        open={rejecting !== null}
        title={`${t('registry.queue.reject')}: ${properName(rejecting?.rawName, null)}`}
        okText={t('registry.queue.reject')}
        okButtonProps={{ danger: true, loading: reject.isPending, id: 'queue-reject-ok' }}
        onCancel={() => setRejecting(null)}
        onOk={() =>
          void form
            .validateFields()
            .then((v) => rejecting && reject.mutate({ queueId: rejecting.id, reason: v.reason }))
        }
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('registry.queue.rejectReason')}
            rules={[{ required: true, min: 2, whitespace: true, message: t('registry.queue.rejectReasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="queue-reject-reason" />
          </Form.Item>
          <Space size={[4, 4]} wrap>
            {(['masked', 'person', 'offPlatform'] as const).map((k) => (
              <Tag.CheckableTag
                key={k}
                checked={false}
                onChange={() => form.setFieldValue('reason', t(`registry.queue.rejectPresets.${k}`))}
              >
                {t(`registry.queue.rejectPresets.${k}`)}
              </Tag.CheckableTag>
            ))}
          </Space>
        </Form>
      </Modal>
    </>
  );
}
