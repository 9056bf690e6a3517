import { UploadOutlined } from '@ant-design/icons';
import type { AppRouter } from '@ctp/api';
import { type ApiErrorData, DOCUMENT_KINDS, type DocumentKind } from '@ctp/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../components/DatePicker.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { beijingTime, beijingTodayValue, dayOf } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { effectiveFrom } from './effective-from.ts';
import type { SubmissionDetail } from './ethics-ui.tsx';

type Outputs = inferRouterOutputs<AppRouter>;
type DocumentRow = Outputs['submissions']['documents']['documents'][number];
type Comparison = Outputs['submissions']['compareDocuments'];

const CHANGE_COLOURS = { new: 'blue', changed: 'orange', unchanged: 'default', not_resubmitted: 'default' } as const;

const formatSize = (n: number) =>
  n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** The link that opens a stored document: PDFs inline in a new tab (the server says inline), others download. */
export const documentUrl = (id: string) => `/api/files/documents/${encodeURIComponent(id)}`;

type UploadValues = { kind: DocumentKind; versionLabel: string; versionDate: Dayjs; file?: unknown };

/** Upload one document version over the multipart route; the server's localised refusal shows on the form. */
function UploadForm({ submissionId, maxMb }: { submissionId: string; maxMb: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UploadValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: UploadValues) => {
    const file = files[0]?.originFileObj;
    if (!file) {
      form.setFields([{ name: 'file', errors: [t('documents.required')] }]);
      return;
    }
    if (file.size > maxMb * 1024 * 1024) {
      form.setFields([{ name: 'file', errors: [t('documents.tooLarge', { mb: maxMb })] }]);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const body = new FormData();
      body.append('kind', v.kind);
      body.append('versionLabel', v.versionLabel);
      body.append('versionDate', dayOf(v.versionDate));
      body.append('file', file, file.name);
      const res = await fetch(`/api/files/submissions/${encodeURIComponent(submissionId)}/documents`, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { 'x-ctp-locale': currentLocale() },
      });
      const json = (await res.json().catch(() => null)) as { error?: ApiErrorData } | null;
      if (!res.ok) {
        const err = json?.error ?? apiError(null, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
        return;
      }
      message.success(t('documents.uploaded', { kind: t(`documents.kinds.${v.kind}`), version: v.versionLabel }));
      form.resetFields(['versionLabel', 'file']);
      setFiles([]);
      await queryClient.invalidateQueries({ queryKey: trpc.submissions.pathKey() });
    } catch {
      setError(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="inline"
      onFinish={onFinish}
      initialValues={{ kind: 'protocol', versionDate: beijingTodayValue() }}
      data-testid="document-upload"
      style={{ rowGap: 8 }}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ width: '100%', marginBottom: 8 }}
          data-testid="upload-error"
        />
      )}
      <Form.Item name="kind" label={t('documents.kind')} rules={[{ required: true, message: t('documents.required') }]}>
        <Select
          style={{ width: 230 }}
          popupMatchSelectWidth={false}
          showSearch={{ optionFilterProp: 'label' }}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
          data-testid="upload-kind"
        />
      </Form.Item>
      <Form.Item
        name="versionLabel"
        label={t('documents.versionLabel')}
        rules={[{ required: true, whitespace: true, message: t('documents.required') }]}
      >
        <Input
          placeholder={t('documents.versionLabelHelp')}
          style={{ width: 110 }}
          maxLength={40}
          data-testid="upload-version"
        />
      </Form.Item>
      <Form.Item
        name="versionDate"
        label={t('documents.versionDate')}
        rules={[{ required: true, message: t('documents.required') }]}
      >
        <DatePicker allowClear={false} />
      </Form.Item>
      <Form.Item name="file" label={t('documents.file')}>
        <Upload
          maxCount={1}
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => {
            setFiles(fileList.slice(-1));
            form.setFields([{ name: 'file', errors: [] }]);
          }}
          accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
        >
          <Button icon={<UploadOutlined />} data-testid="upload-choose">
            {t('documents.choose')}
          </Button>
        </Upload>
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="upload-submit">
          {t('documents.upload')}
        </Button>
      </Form.Item>
      <Typography.Text type="secondary" style={{ width: '100%', fontSize: 12 }}>
        {t('documents.uploadHelp', { mb: maxMb })}
      </Typography.Text>
    </Form>
  );
}

function changeTag(cmp: Comparison | undefined, doc: DocumentRow, t: (k: string) => string) {
  if (!cmp || !doc.isCurrent) return null;
  const k = cmp.kinds.find((x) => x.kind === doc.kind);
  if (!k || k.current?.documentId !== doc.id) return null;
  return (
    <Tag color={CHANGE_COLOURS[k.change]} data-testid={`change-${doc.kind}`}>
      {t(`documents.changes.${k.change}`)}
      {k.change === 'changed' && k.previous ? ` (${k.previous.versionLabel} → ${k.current?.versionLabel})` : ''}
    </Tag>
  );
}

/**
 * The submission's documents, grouped by kind with every version; the comparison with the site's last approval;
 * the versions the decision bound; the site's effective versions. Upload while the actor may.
 */
export function DocumentsPanel({ sub }: { sub: SubmissionDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const docs = useQuery(trpc.submissions.documents.queryOptions({ id: sub.id }, { retry: false }));
  const cmp = useQuery(
    trpc.submissions.compareDocuments.queryOptions({ id: sub.id }, { retry: false, enabled: docs.isSuccess }),
  );
  const effective = useQuery(
    trpc.submissions.effectiveDocuments.queryOptions({ trialSiteId: sub.trialSiteId }, { retry: false }),
  );
  if (docs.error) {
    const err = apiError(docs.error, t('common.networkError'));
    return (
      <Card title={t('documents.title')} data-testid="documents-panel">
        <Alert type="warning" showIcon title={t('documents.noAccess', { message: err.message })} />
      </Card>
    );
  }
  const data = docs.data;
  const byKind = DOCUMENT_KINDS.map((kind) => ({
    kind,
    rows: (data?.documents ?? []).filter((d) => d.kind === kind),
  })).filter((g) => g.rows.length > 0);
  return (
    <Card title={t('documents.title')} loading={docs.isLoading} data-testid="documents-panel">
      <Flex vertical gap={16}>
        {data?.mayUpload && <UploadForm submissionId={sub.id} maxMb={data.maxUploadMb} />}
        {cmp.data && (
          <Typography.Text type="secondary" data-testid="compare-baseline">
            {cmp.data.baseline
              ? t('documents.compareWith', {
                  no: cmp.data.baseline.acceptanceNo ?? '—',
                  date: cmp.data.baseline.decidedDate ?? '—',
                })
              : t('documents.compareNone')}
          </Typography.Text>
        )}
        {byKind.length === 0 ? (
          <Empty description={t('documents.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          byKind.map((g) => (
            <div key={g.kind} data-testid={`documents-${g.kind}`}>
              <Typography.Title level={5} style={{ marginTop: 0 }}>
                {t(`documents.kinds.${g.kind}`)}
              </Typography.Title>
              <Table<DocumentRow>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={g.rows}
                scroll={{ x: true }}
                columns={[
                  {
                    title: t('documents.versionLabel'),
                    render: (_, d) => (
                      <Flex gap={4} wrap>
                        <strong>{d.versionLabel}</strong>
                        <Tag color={d.isCurrent ? 'green' : 'default'}>
                          {d.isCurrent ? t('documents.current') : t('documents.superseded')}
                        </Tag>
                        {d.isBound && <Tag color="purple">{t('documents.bound')}</Tag>}
                        {changeTag(cmp.data, d, t)}
                      </Flex>
                    ),
                  },
                  { title: t('documents.versionDate'), dataIndex: 'versionDate' },
                  {
                    title: t('documents.file'),
                    render: (_, d) => (
                      <Typography.Text ellipsis style={{ maxWidth: 260 }} title={d.originalName}>
                        {d.originalName}
                      </Typography.Text>
                    ),
                  },
                  { title: t('documents.size'), render: (_, d) => formatSize(d.sizeBytes) },
                  {
                    title: t('documents.sha'),
                    render: (_, d) => (
                      <Tooltip title={d.sha256}>
                        <span className="ctp-mono">{d.sha256.slice(0, 12)}</span>
                      </Tooltip>
                    ),
                  },
                  { title: t('documents.uploadedBy'), dataIndex: 'uploaderName' },
                  {
                    title: t('documents.uploadedAt'),
                    render: (_, d) => beijingTime(d.uploadedAt),
                  },
                  {
                    title: '',
                    render: (_, d) => (
                      <a href={documentUrl(d.id)} target="_blank" rel="noopener" data-testid={`open-${d.id}`}>
                        {d.mimeType === 'application/pdf' ? t('documents.view') : t('documents.download')}
                      </a>
                    ),
                  },
                ]}
              />
            </div>
          ))
        )}
        {data && data.bound.length > 0 && (
          <Descriptions
            title={t('documents.boundTitle')}
            size="small"
            column={1}
            bordered
            data-testid="bound-versions"
            items={data.bound.map((b) => ({
              key: b.documentId,
              label: t(`documents.kinds.${b.kind}`),
              children: (
                <span>
                  {b.versionLabel} · {b.versionDate} · <span className="ctp-mono">{b.sha256.slice(0, 12)}</span>
                </span>
              ),
            }))}
          />
        )}
        {effective.data && (
          <Descriptions
            title={t('documents.effectiveTitle')}
            size="small"
            column={1}
            bordered
            data-testid="effective-versions"
            items={
              effective.data.length
                ? effective.data.map((e) => ({
                    key: e.kind,
                    label: t(`documents.kinds.${e.kind}`),
                    children: (
                      <span>
                        <strong>{e.versionLabel}</strong> · {e.versionDate}{' '}
                        <Typography.Text type="secondary">{effectiveFrom(t, e)}</Typography.Text>
                      </span>
                    ),
                  }))
                : [{ key: 'none', label: '—', children: t('documents.effectiveEmpty') }]
            }
          />
        )}
      </Flex>
    </Card>
  );
}
