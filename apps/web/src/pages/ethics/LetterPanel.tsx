import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import type { SubmissionDetail } from './ethics-ui.tsx';

/** The letter (批件 / 审查意见通知书): the secretary issues it once decided; everyone who sees the submission downloads it. */
export function LetterPanel({ sub }: { sub: SubmissionDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [bilingual, setBilingual] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const issue = useMutation(
    trpc.submissions.issueLetter.mutationOptions({
      onSuccess: async (r) => {
        message.success(t('documents.letter.issued', { no: r.letterNo }));
        await queryClient.invalidateQueries({ queryKey: trpc.submissions.pathKey() });
      },
      onError: (e) => setError(apiError(e, t('common.networkError')).message),
    }),
  );
  const mayIssue = (sub.availableSteps as string[]).includes('issue_letter');
  if (!sub.hasLetter && !mayIssue && sub.state !== 'decided') return null;
  return (
    <Card title={t('documents.letter.title')} data-testid="letter-panel">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="letter-error" />}
      {sub.hasLetter ? (
        <Flex vertical gap={8}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'no',
                label: t('documents.letter.letterNo'),
                children: (
                  <span className="ctp-mono" data-testid="letter-no">
                    {sub.letterNo}
                  </span>
                ),
              },
              {
                key: 'at',
                label: t('documents.letter.issuedAt'),
                children: sub.letterIssuedAt ? beijingTime(sub.letterIssuedAt) : '—',
              },
            ]}
          />
          <Space size="middle">
            <a
              href={`/api/files/letters/${encodeURIComponent(sub.id)}`}
              target="_blank"
              rel="noopener"
              data-testid="letter-view"
            >
              <FilePdfOutlined /> {t('documents.letter.view')}
            </a>
            <a
              href={`/api/files/letters/${encodeURIComponent(sub.id)}?download=1`}
              download
              data-testid="letter-download"
            >
              <DownloadOutlined /> {t('documents.letter.download')}
            </a>
          </Space>
        </Flex>
      ) : mayIssue ? (
        <Flex gap={12} align="center" wrap>
          <Checkbox checked={bilingual} onChange={(e) => setBilingual(e.target.checked)} data-testid="letter-bilingual">
            {t('documents.letter.bilingual')}
          </Checkbox>
          <Popconfirm
            title={t('documents.letter.issueConfirm')}
            onConfirm={() => {
              setError(null);
              issue.mutate({ id: sub.id, version: sub.version, bilingual });
            }}
            okText={t('ethics.actions.ok')}
            cancelText={t('common.cancel')}
            okButtonProps={{ 'data-testid': 'letter-issue-ok' } as Record<`data-${string}`, string>}
          >
            <Button type="primary" loading={issue.isPending} data-testid="letter-issue">
              {t('documents.letter.issue')}
            </Button>
          </Popconfirm>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('documents.letter.waiting')}</Typography.Text>
      )}
    </Card>
  );
}
