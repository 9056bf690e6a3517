import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { type ApiErrorData, type InquiryAttachment, MAX_INQUIRY_ATTACHMENTS } from '@ctp/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.ts';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import type { InquiryRow } from './site-ui.tsx';

export const attachmentUrl = (id: string) => `/api/files/inquiry-attachments/${encodeURIComponent(id)}?download=1`;

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The attachments of an answer, each a download link. */
export function AttachmentLinks({ attachments }: { attachments: InquiryAttachment[] }) {
  if (!attachments.length) return null;
  return (
    <Space orientation="vertical" size={2} data-testid="inquiry-attachments">
      {attachments.map((a) => (
        <a key={a.id} href={attachmentUrl(a.id)} data-testid={`attachment-${a.id}`}>
          <PaperClipOutlined /> {a.originalName}{' '}
          <Typography.Text type="secondary">({sizeText(a.sizeBytes)})</Typography.Text>
        </a>
      ))}
    </Space>
  );
}

/** The sponsor's numbered questions with the site's answer to each (issue 14), and the attached files. */
export function QuestionAnswers({ inquiry }: { inquiry: InquiryRow }) {
  const { t } = useTranslation();
  const answers = (inquiry.answer as { answers?: string[] } | null)?.answers ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="question-answers">
      {inquiry.questionList.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={inquiry.questionList}
          renderItem={(q, i) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <Typography.Text strong>
                  {t('trials.qa.question', { n: i + 1 })}
                  {q}
                </Typography.Text>
                <Typography.Text
                  type={answers[i] ? undefined : 'secondary'}
                  style={{ whiteSpace: 'pre-wrap' }}
                  data-testid={`answer-text-${i}`}
                >
                  {answers[i] ?? t('trials.qa.noAnswer')}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {inquiry.attachments.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('trials.qa.attachments')}</Typography.Text>
          <div>
            <AttachmentLinks attachments={inquiry.attachments} />
          </div>
        </div>
      )}
    </Space>
  );
}

/**
 * Attach files to an answer before it is sent: each file is uploaded at once over the multipart route (checked and
 * stored as submission documents are); a wrong one can be taken off until the answer is sent.
 */
export function AttachmentsEditor({ inquiry }: { inquiry: InquiryRow }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [items, setItems] = useState<InquiryAttachment[]>(inquiry.attachments);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.inquiries.pathKey() });
  const remove = useMutation(
    trpc.inquiries.removeAttachment.mutationOptions({
      onSuccess: async (_, v) => {
        setItems((list) => list.filter((a) => a.id !== v.attachmentId));
        await refresh();
      },
      onError: (e) => setError(apiError(e, t('common.networkError')).message),
    }),
  );
  const upload = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const res = await fetch(`/api/files/inquiries/${encodeURIComponent(inquiry.id)}/attachments`, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { 'x-ctp-locale': currentLocale() },
      });
      const json = (await res.json().catch(() => null)) as (InquiryAttachment & { error?: ApiErrorData }) | null;
      if (!res.ok || !json) {
        setError(json?.error?.message ?? t('common.networkError'));
        return;
      }
      setItems((list) => [...list, json]);
      message.success(t('trials.qa.attached', { name: json.originalName }));
      await refresh();
    } catch {
      setError(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="attachments-editor">
      {error && <Alert type="error" showIcon title={error} data-testid="attachment-error" />}
      {items.map((a) => (
        <Space key={a.id}>
          <a href={attachmentUrl(a.id)}>
            <PaperClipOutlined /> {a.originalName}
          </a>
          <Typography.Text type="secondary">{sizeText(a.sizeBytes)}</Typography.Text>
          <Popconfirm
            title={t('trials.qa.removeConfirm')}
            okText={t('trials.qa.remove')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate({ attachmentId: a.id })}
          >
            <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('trials.qa.remove')} />
          </Popconfirm>
        </Space>
      ))}
      <Upload
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
        disabled={busy || items.length >= MAX_INQUIRY_ATTACHMENTS}
        accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
      >
        <Button
          icon={<UploadOutlined />}
          loading={busy}
          disabled={items.length >= MAX_INQUIRY_ATTACHMENTS}
          data-testid="attachment-choose"
        >
          {t('trials.qa.attach')}
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('trials.qa.attachHelp', { max: MAX_INQUIRY_ATTACHMENTS })}
      </Typography.Text>
    </Space>
  );
}
