import { CloudUploadOutlined, UploadOutlined } from '@ant-design/icons';
import { REGISTRY_UPLOAD_MAX_BYTES, type RegistryImportSummary, type RegistrySource } from '@ctp/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Flex,
  Progress,
  Radio,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { beijingTime } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { type ImportOutput, toBase64, uploadRegistryImport } from './upload-registry-files.ts';

const SUMMARY_KEYS: (keyof RegistryImportSummary)[] = [
  'studies',
  'created',
  'updated',
  'skipped',
  'malformed',
  'sites',
  'resolved',
  'queued',
  'rejected',
  'ethicsDecisions',
  'unplacedConditions',
];
const OUTCOME_COLOURS = { completed: 'green', partial: 'orange', failed: 'red' } as const;

function SummaryTags({ summary }: { summary: RegistryImportSummary }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {SUMMARY_KEYS.map((k) => (
        <Tooltip key={k} title={k === 'unplacedConditions' ? summary.unplacedConditionTerms?.join('; ') : undefined}>
          <Tag
            variant="filled"
            color={(k === 'queued' || k === 'unplacedConditions') && summary[k] ? 'orange' : undefined}
          >
            {t(`registry.imports.summary.${k}`)} {summary[k] ?? 0}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

/** 平台管理 → 登记数据导入: upload a CT.gov JSON file or a CTR CSV folder (with progress) and the import log. */
export default function RegistryImportsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const imports = useQuery(trpc.registry.imports.queryOptions({ limit: 50 }));
  const [source, setSource] = useState<RegistrySource>('ctgov');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [partial, setPartial] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportOutput | null>(null);
  const [error, setError] = useState<string | null>(null);

  const tooLarge = files.some((f) => (f.size ?? 0) > REGISTRY_UPLOAD_MAX_BYTES);
  const start = async () => {
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const payload = await Promise.all(
        files.map(async (f) => ({ name: f.name, contentBase64: await toBase64(f.originFileObj as File) })),
      );
      const r = await uploadRegistryImport({ source, files: payload, partial }, setProgress);
      setResult(r);
      setFiles([]);
      await queryClient.invalidateQueries({ queryKey: trpc.registry.imports.queryKey() });
      await queryClient.invalidateQueries({ queryKey: trpc.registry.queue.pathKey() });
    } catch (e) {
      setError((e as Error).message === 'network' ? t('common.networkError') : (e as Error).message);
    } finally {
      setProgress(null);
    }
  };

  return (
    <>
      <PageHeader title={t('registry.imports.title')} subtitle={t('registry.imports.subtitle')} />
      <Card title={t('registry.imports.upload')} style={{ marginBottom: 16 }} data-testid="registry-upload">
        <Flex vertical gap={12}>
          <Radio.Group
            value={source}
            onChange={(e) => {
              setSource(e.target.value);
              setFiles([]);
            }}
            options={(['ctgov', 'ctr'] as const).map((s) => ({ value: s, label: t(`registry.sources.${s}`) }))}
          />
          <Typography.Text type="secondary">
            {source === 'ctgov' ? t('registry.imports.ctgovHint') : t('registry.imports.ctrHint')}
          </Typography.Text>
          <Upload
            multiple={source === 'ctr'}
            accept={source === 'ctgov' ? '.json,application/json' : '.csv,text/csv'}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(source === 'ctgov' ? fileList.slice(-1) : fileList.slice(-4))}
          >
            <Button icon={<UploadOutlined />} data-testid="registry-choose">
              {t('registry.imports.chooseFiles')}
            </Button>
          </Upload>
          <Checkbox checked={partial} onChange={(e) => setPartial(e.target.checked)}>
            {t('registry.imports.partial')}
          </Checkbox>
          {tooLarge && (
            <Alert
              type="warning"
              showIcon
              title={t('registry.imports.tooLarge', { mb: REGISTRY_UPLOAD_MAX_BYTES / 1e6 })}
            />
          )}
          <div>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={!files.length || tooLarge || progress !== null}
              loading={progress !== null}
              onClick={() => void start()}
              data-testid="registry-start"
            >
              {t('registry.imports.start')}
            </Button>
          </div>
          {progress !== null && (
            <div data-testid="registry-progress">
              <Typography.Text>
                {progress < 1 ? t('registry.imports.uploading') : t('registry.imports.processing')}
              </Typography.Text>
              <Progress percent={Math.round(progress * 100)} status="active" />
            </div>
          )}
          {error && <Alert type="error" showIcon title={error} />}
          {result && (
            <Alert
              data-testid="registry-result"
              type={result.outcome === 'failed' ? 'error' : result.outcome === 'partial' ? 'warning' : 'success'}
              showIcon
              title={result.outcome === 'failed' ? t('registry.imports.failed') : t('registry.imports.done')}
              description={
                <Flex vertical gap={8}>
                  <SummaryTags summary={result.summary} />
                  {result.errors.slice(0, 20).map((e) => (
                    <Typography.Text key={`${e.index}-${e.reason}`} type="danger">
                      {e.index >= 0 ? `${t('registry.imports.errorAt', { index: e.index })} ` : ''}
                      {e.id ? `${e.id}: ` : ''}
                      {e.reason}
                    </Typography.Text>
                  ))}
                </Flex>
              }
            />
          )}
        </Flex>
      </Card>
      <Card title={t('registry.imports.log')}>
        <Table
          rowKey="id"
          data-testid="registry-import-log"
          loading={imports.isLoading}
          dataSource={imports.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t('registry.imports.empty')} /> }}
          expandable={{
            rowExpandable: (r) => r.errors.length > 0,
            expandedRowRender: (r) => (
              <Descriptions size="small" column={1} title={t('registry.imports.errors')}>
                {r.errors.slice(0, 50).map((e) => (
                  <Descriptions.Item key={`${e.index}-${e.reason}`} label={e.index >= 0 ? String(e.index) : '—'}>
                    {e.id ? `${e.id}: ` : ''}
                    {e.reason}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ),
          }}
          columns={[
            { title: t('registry.imports.at'), key: 'at', width: 160, render: (_, r) => beijingTime(r.startedAt) },
            {
              title: t('registry.imports.source'),
              key: 'source',
              width: 90,
              render: (_, r) => <Tag variant="filled">{t(`registry.sourceShort.${r.source}`)}</Tag>,
            },
            {
              title: t('registry.imports.file'),
              key: 'file',
              width: 220,
              render: (_, r) => (
                <Typography.Text ellipsis={{ tooltip: `${r.fileName}\nsha256 ${r.sha256}` }} style={{ maxWidth: 210 }}>
                  {r.fileName}
                </Typography.Text>
              ),
            },
            {
              title: t('registry.imports.outcome'),
              key: 'outcome',
              width: 100,
              render: (_, r) => (
                <Tag color={OUTCOME_COLOURS[r.outcome]}>{t(`registry.imports.outcomes.${r.outcome}`)}</Tag>
              ),
            },
            {
              title: t('registry.imports.summaryTitle'),
              key: 'summary',
              render: (_, r) => <SummaryTags summary={r.summary} />,
            },
            {
              title: t('registry.imports.actor'),
              key: 'actor',
              width: 130,
              render: (_, r) => r.actor ?? t('registry.imports.system'),
            },
          ]}
        />
      </Card>
    </>
  );
}
