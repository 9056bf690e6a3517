import { INCENTIVE_TERMS, type IncentiveTerm, POLICIES } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ExportButton, FilterBar, FormulaTip, fmt, useCommissionNames, useMetricFilters } from './commission-ui.tsx';
import type { RouterOutputs } from './types.ts';

type Ranked = RouterOutputs['incentive']['ranking']['rows'][number];
type Term = Ranked['terms'][number];

/** One hospital's index, term by term: metric, 0–100 score, weight and the points it adds. */
function Breakdown({ terms }: { terms: Term[] }) {
  const { t } = useTranslation();
  return (
    <Table<Term>
      rowKey="term"
      size="small"
      pagination={false}
      dataSource={terms}
      data-testid="incentive-breakdown"
      columns={[
        {
          title: t('commission.incentive.term'),
          key: 'term',
          render: (_, r) => t(`commission.incentive.terms.${r.term}`),
        },
        { title: t('commission.incentive.raw'), key: 'raw', align: 'right', render: (_, r) => fmt(r.raw) },
        { title: t('commission.incentive.termScore'), key: 's', align: 'right', render: (_, r) => fmt(r.score) },
        { title: t('commission.incentive.weight'), dataIndex: 'weight', align: 'right' },
        {
          title: t('commission.incentive.contribution'),
          key: 'c',
          align: 'right',
          render: (_, r) => <b>{fmt(r.contribution)}</b>,
        },
      ]}
      footer={() => <Typography.Text type="secondary">{t('commission.incentive.startupRule')}</Typography.Text>}
    />
  );
}

function WeightsEditor() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { actor } = useSession();
  const canSteer = POLICIES.steerMetrics.allows(actor);
  const weights = useQuery(trpc.incentive.weights.queryOptions());
  const [form] = Form.useForm<{ weights: Record<IncentiveTerm, number>; note: string }>();
  const [sum, setSum] = useState(100);
  useEffect(() => {
    if (weights.data) form.setFieldsValue({ weights: weights.data.current.weights });
  }, [weights.data, form]);
  const save = useMutation(
    trpc.incentive.setWeights.mutationOptions({
      onSuccess: (r) => {
        message.success(t('commission.incentive.saved', { version: r.version }));
        form.setFieldValue('note', '');
        void qc.invalidateQueries({ queryKey: trpc.incentive.pathKey() });
      },
      onError: (e) => message.error(apiError(e, t('common.networkError')).message),
    }),
  );
  const current = weights.data?.current;
  return (
    <Card
      title={t('commission.incentive.weights')}
      extra={
        <Typography.Text type="secondary">
          {current?.version
            ? `${t('commission.incentive.version')} ${current.version}`
            : t('commission.incentive.versionDefault')}
        </Typography.Text>
      }
    >
      {!canSteer && (
        <Alert type="info" showIcon title={t('commission.incentive.readOnly')} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={!canSteer}
        onValuesChange={(_, all) =>
          setSum(Object.values(all.weights ?? {}).reduce((a: number, b) => a + (Number(b) || 0), 0))
        }
        onFinish={(v) => save.mutate({ weights: v.weights, note: v.note })}
        data-testid="weights-form"
      >
        <Row gutter={12}>
          {INCENTIVE_TERMS.map((term) => (
            <Col key={term} xs={12} md={6} xl={3}>
              <Form.Item
                label={t(`commission.incentive.terms.${term}`)}
                name={['weights', term]}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} data-testid={`weight-${term}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type={sum === 100 ? 'secondary' : 'danger'} data-testid="weights-sum">
          {t('commission.incentive.sum', { sum })} · {t('commission.incentive.weightsHelp')}
        </Typography.Paragraph>
        {canSteer && (
          <Space align="start">
            <Form.Item name="note" rules={[{ required: true, min: 2, message: t('commission.incentive.note') }]}>
              <Input placeholder={t('commission.incentive.note')} style={{ width: 320 }} data-testid="weights-note" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              loading={save.isPending}
              disabled={sum !== 100}
              data-testid="weights-save"
            >
              {t('commission.incentive.save')}
            </Button>
          </Space>
        )}
      </Form>
      {weights.data && weights.data.versions.length > 0 && (
        <Table
          size="small"
          rowKey="version"
          style={{ marginTop: 12 }}
          title={() => t('commission.incentive.history')}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          dataSource={weights.data.versions}
          columns={[
            { title: t('commission.incentive.version'), dataIndex: 'version', width: 70 },
            {
              title: t('commission.incentive.at'),
              key: 'at',
              render: (_, r) => beijingTime(r.createdAt),
            },
            { title: t('commission.incentive.by'), dataIndex: 'createdBy' },
            { title: t('commission.incentive.note'), dataIndex: 'note' },
            {
              title: t('commission.incentive.weight'),
              key: 'w',
              render: (_, r) => INCENTIVE_TERMS.map((term) => r.weights[term]).join(' / '),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** A hospital trial office: its own score and how it was made. */
function OwnIncentive() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const own = useQuery(trpc.incentive.own.queryOptions());
  const d = own.data;
  return (
    <>
      <PageHeader
        title={t('commission.incentive.ownTitle')}
        subtitle={d ? t('commission.incentive.ownSubtitle', { count: d.hospitals }) : undefined}
      />
      {own.error && <Alert type="error" showIcon title={apiError(own.error, t('common.networkError')).message} />}
      {d && !d.own && <Empty description={t('commission.incentive.noOwn')} />}
      {d?.own && (
        <Card data-testid="own-incentive">
          <Space size={48} style={{ marginBottom: 16 }}>
            <Statistic
              title={
                <Space size={4}>
                  {t('commission.incentive.score')}
                  <FormulaTip metric="incentiveScore" />
                </Space>
              }
              value={fmt(d.own.score)}
            />
            <Statistic title={t('commission.incentive.rank')} value={`${d.own.rank} / ${d.hospitals}`} />
          </Space>
          <Breakdown terms={d.own.terms} />
        </Card>
      )}
    </>
  );
}

/** 激励指数: the commission's ranking with every term's contribution, and the versioned weights. */
export default function IncentivePage() {
  const { actor } = useSession();
  if (actor?.role === 'site_admin') return <OwnIncentive />;
  return <Ranking />;
}

function Ranking() {
  const { t } = useTranslation();
  const names = useCommissionNames();
  const trpc = useTRPC();
  const { filters } = useMetricFilters();
  const ranking = useQuery(trpc.incentive.ranking.queryOptions(filters));
  return (
    <>
      <PageHeader
        title={t('commission.incentive.title')}
        subtitle={t('commission.incentive.subtitle')}
        extra={<ExportButton table="incentive" filters={filters} />}
      />
      <FilterBar />
      <WeightsEditor />
      <Card style={{ marginTop: 16 }}>
        {ranking.error && (
          <Alert type="error" showIcon title={apiError(ranking.error, t('common.networkError')).message} />
        )}
        <Table<Ranked>
          rowKey="hospitalId"
          size="small"
          loading={ranking.isLoading}
          dataSource={ranking.data?.rows ?? []}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          data-testid="incentive-table"
          expandable={{ expandedRowRender: (r) => <Breakdown terms={r.terms} /> }}
          columns={[
            { title: t('commission.incentive.rank'), dataIndex: 'rank', width: 70 },
            {
              title: t('commission.incentive.hospital'),
              key: 'hospital',
              render: (_, r) => names.hospital(r.hospitalId, r.hospitalName),
            },
            {
              title: (
                <Space size={4}>
                  {t('commission.incentive.score')}
                  <FormulaTip metric="incentiveScore" />
                </Space>
              ),
              key: 'score',
              align: 'right',
              render: (_, r) => <b className="ctp-mono">{fmt(r.score)}</b>,
            },
            ...INCENTIVE_TERMS.map((term) => ({
              title: t(`commission.incentive.terms.${term}`),
              key: term,
              align: 'right' as const,
              render: (_: unknown, r: Ranked) => fmt(r.terms.find((x) => x.term === term)?.contribution ?? null),
            })),
          ]}
        />
      </Card>
    </>
  );
}
