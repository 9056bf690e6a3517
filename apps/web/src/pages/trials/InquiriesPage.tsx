import { titleLabel } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { DatePicker } from '../../components/DatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { addDays, beijingDate, beijingToday, dayOf, daysBetween, pickerValue } from '../../lib/beijing-time.ts';
import { personName } from '../../lib/proper-name.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { AttachmentsEditor, QuestionAnswers } from './InquiryQA.tsx';
import { answerOf, type InquiryRow, pick } from './site-ui.tsx';

type Values = {
  interested: boolean;
  estimatedPerMonth?: number;
  piAvailable?: boolean;
  investigatorId?: string;
  competingTrials?: number;
  earliestStart?: Dayjs;
  notes?: string;
  declineReason?: string;
  /** One per numbered question of the sponsor. */
  answers?: string[];
};

function InquiryDetails({ inquiry }: { inquiry: InquiryRow }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('trials.inbox.trial')}>
        {pick(en, inquiry.trialTitle, inquiry.trialTitleEn)} · {t(`trials.phases.${inquiry.trialPhase}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('trials.inbox.specialty')}>
        {pick(en, inquiry.specialtyName, inquiry.specialtyNameEn)}
      </Descriptions.Item>
      <Descriptions.Item label={t('trials.inbox.replyBy')}>{inquiry.replyBy}</Descriptions.Item>
      <Descriptions.Item label={t('trials.inbox.synopsis')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{inquiry.synopsis}</Typography.Paragraph>
      </Descriptions.Item>
      {inquiry.questionList.length > 0 && (
        <Descriptions.Item label={t('trials.inbox.questions')}>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {inquiry.questionList.map((q, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the questions' order is their number
              <li key={i}>{q}</li>
            ))}
          </ol>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** The trial office answers: interested with estimates and a proposed PI, or declined with a reason. */
function AnswerModal({ inquiry, onClose }: { inquiry: InquiryRow; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { actor } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const interested = Form.useWatch('interested', form) ?? true;
  const readOnly = inquiry.status !== 'sent';
  const hospital = useQuery({
    ...trpc.hospitals.get.queryOptions({ id: actor?.orgId ?? '' }),
    enabled: !readOnly && Boolean(actor),
  });
  // Only investigators of the inquired specialty can be proposed (the server checks the same).
  const pis = (hospital.data?.investigators ?? []).filter((i) => i.specialtyIds.includes(inquiry.hospitalSpecialtyId));
  const answer = useMutation(
    trpc.inquiries.answer.mutationOptions({
      onSuccess: async () => {
        message.success(t('trials.answer.done'));
        await queryClient.invalidateQueries({ queryKey: trpc.inquiries.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.trialSites.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
        onClose();
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
      },
    }),
  );
  const questions = inquiry.questionList;
  const answersOf = (v: Values) => {
    const list = (v.answers ?? []).map((x) => x?.trim() ?? '');
    return list.some(Boolean) ? list : undefined;
  };
  const submit = (v: Values) => {
    setError(null);
    if (v.interested) {
      answer.mutate({
        inquiryId: inquiry.id,
        interested: true,
        estimatedPerMonth: v.estimatedPerMonth ?? 0,
        piAvailable: Boolean(v.piAvailable),
        investigatorId: v.investigatorId || undefined,
        competingTrials: v.competingTrials ?? 0,
        earliestStart: dayOf(v.earliestStart!),
        notes: v.notes?.trim() || undefined,
        answers: questions.length ? answersOf(v) : undefined,
      });
    } else
      answer.mutate({
        inquiryId: inquiry.id,
        interested: false,
        declineReason: v.declineReason ?? '',
        answers: questions.length ? answersOf(v) : undefined,
      });
  };
  const required = { required: true, message: t('trials.answer.required') };
  const a = answerOf(inquiry);

  return (
    <Modal
      open
      width={680}
      title={t('trials.answer.title')}
      onCancel={onClose}
      onOk={readOnly ? onClose : () => form.submit()}
      okText={readOnly ? t('common.cancel') : t('trials.answer.ok')}
      cancelButtonProps={readOnly ? { style: { display: 'none' } } : undefined}
      cancelText={t('common.cancel')}
      confirmLoading={answer.isPending}
      okButtonProps={{ 'data-testid': 'answer-ok' } as Record<`data-${string}`, string>}
    >
      <div data-testid="answer-modal">
        <InquiryDetails inquiry={inquiry} />
        {readOnly && a && (
          <Descriptions size="small" column={1} title={t('trials.answer.yourAnswer')}>
            <Descriptions.Item label={t('trials.answer.decision')}>
              <Tag color={a.interested ? 'green' : 'default'}>{t(`trials.inquiryStatuses.${inquiry.status}`)}</Tag>
            </Descriptions.Item>
            {a.interested ? (
              <>
                <Descriptions.Item label={t('trials.answer.perMonth')}>{a.estimatedPerMonth}</Descriptions.Item>
                <Descriptions.Item label={t('trials.answer.piAvailable')}>
                  {a.piAvailable ? t('common.yes') : t('common.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('trials.answer.competing')}>{a.competingTrials}</Descriptions.Item>
                <Descriptions.Item label={t('trials.answer.earliestStart')}>{a.earliestStart}</Descriptions.Item>
                {a.notes && <Descriptions.Item label={t('trials.answer.notes')}>{a.notes}</Descriptions.Item>}
              </>
            ) : (
              <Descriptions.Item label={t('trials.answer.declineReason')}>{a.declineReason}</Descriptions.Item>
            )}
          </Descriptions>
        )}
        {readOnly && <QuestionAnswers inquiry={inquiry} />}
        {!readOnly && (
          <>
            {error && (
              <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />
            )}
            <Form<Values>
              form={form}
              layout="vertical"
              initialValues={{
                interested: true,
                piAvailable: true,
                competingTrials: 0,
                earliestStart: pickerValue(addDays(beijingToday(), 30)),
              }}
              onFinish={submit}
            >
              <Form.Item name="interested" label={t('trials.answer.decision')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    {
                      value: true,
                      label: <span data-testid="answer-interested">{t('trials.answer.interested')}</span>,
                    },
                    { value: false, label: <span data-testid="answer-declined">{t('trials.answer.declined')}</span> },
                  ]}
                />
              </Form.Item>
              {questions.map((q, i) => (
                <Form.Item
                  // biome-ignore lint/suspicious/noArrayIndexKey: one field per numbered question
                  key={i}
                  name={['answers', i]}
                  label={`${t('trials.qa.question', { n: i + 1 })}${q}`}
                  rules={
                    interested ? [{ required: true, whitespace: true, message: t('trials.qa.answerRequired') }] : []
                  }
                >
                  <Input.TextArea rows={2} maxLength={2000} data-testid={`answer-question-${i}`} />
                </Form.Item>
              ))}
              <Form.Item label={t('trials.qa.attachments')}>
                <AttachmentsEditor inquiry={inquiry} />
              </Form.Item>
              {interested ? (
                <>
                  <Space size={16} wrap align="start">
                    <Form.Item name="estimatedPerMonth" label={t('trials.answer.perMonth')} rules={[required]}>
                      <InputNumber
                        min={0}
                        max={10000}
                        step={0.5}
                        style={{ width: 180 }}
                        data-testid="answer-per-month"
                      />
                    </Form.Item>
                    <Form.Item name="competingTrials" label={t('trials.answer.competing')} rules={[required]}>
                      <InputNumber min={0} max={1000} precision={0} style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name="earliestStart" label={t('trials.answer.earliestStart')} rules={[required]}>
                      <DatePicker data-testid="answer-start" />
                    </Form.Item>
                  </Space>
                  <Space size={16} wrap align="start">
                    <Form.Item name="piAvailable" label={t('trials.answer.piAvailable')} valuePropName="checked">
                      <Switch />
                    </Form.Item>
                    <Form.Item name="investigatorId" label={t('trials.answer.pi')} style={{ minWidth: 320 }}>
                      <Select
                        allowClear
                        loading={hospital.isLoading}
                        placeholder={t('trials.answer.piPlaceholder')}
                        notFoundContent={t('trials.answer.piNone')}
                        options={pis.map((p) => ({
                          value: p.id,
                          label: `${personName(p.name)} · ${titleLabel(p.title, i18next.language)} · ${t('trials.select.piFree', { n: p.freeSlots })}`,
                        }))}
                        data-testid="answer-pi"
                      />
                    </Form.Item>
                  </Space>
                  <Form.Item name="notes" label={t('trials.answer.notes')}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                </>
              ) : (
                <Form.Item
                  name="declineReason"
                  label={t('trials.answer.declineReason')}
                  rules={[{ required: true, min: 2, whitespace: true, message: t('trials.answer.required') }]}
                >
                  <Input.TextArea
                    rows={3}
                    maxLength={1000}
                    placeholder={t('trials.answer.declineReasonPlaceholder')}
                    data-testid="answer-decline-reason"
                  />
                </Form.Item>
              )}
            </Form>
          </>
        )}
      </div>
    </Modal>
  );
}

export default function InquiriesPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const list = useQuery(trpc.inquiries.list.queryOptions({}));
  const [openOnly, setOpenOnly] = useState(false);
  const [answering, setAnswering] = useState<InquiryRow | null>(null);
  const today = beijingToday();
  // Open inquiries first, the nearest deadline first; answered ones after, newest first.
  const rows = [...(list.data ?? [])]
    .filter((r) => !openOnly || r.status === 'sent')
    .sort((a, b) => {
      const ao = a.status === 'sent' ? 0 : 1;
      const bo = b.status === 'sent' ? 0 : 1;
      if (ao !== bo) return ao - bo;
      return ao === 0 ? a.replyBy.localeCompare(b.replyBy) : b.sentAt - a.sentAt;
    });

  return (
    <>
      <PageHeader
        title={t('trials.inbox.title')}
        subtitle={t('trials.inbox.subtitle')}
        extra={
          <Space>
            <Switch checked={openOnly} onChange={setOpenOnly} />
            <span>{t('trials.inbox.openOnly')}</span>
          </Space>
        }
      />
      {list.error && (
        <Alert
          type="error"
          showIcon
          title={apiError(list.error, t('common.networkError')).message}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card>
        <Table<InquiryRow>
          rowKey="id"
          loading={list.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          data-testid="inquiry-inbox"
          onRow={(r) => ({ 'data-testid': `inquiry-${r.status}` }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty description={t('trials.inbox.empty')} /> }}
          columns={[
            {
              title: t('trials.inbox.trial'),
              key: 'trial',
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong={r.status === 'sent'}>
                    {pick(en, r.trialTitle, r.trialTitleEn)}
                  </Typography.Text>
                  <Typography.Text type="secondary" className="ctp-muted-inline">
                    {t(`trials.phases.${r.trialPhase}`)} · {pick(en, r.sponsorName, r.sponsorNameEn)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('trials.inbox.specialty'),
              key: 'specialty',
              width: 130,
              render: (_, r) => pick(en, r.specialtyName, r.specialtyNameEn),
            },
            {
              title: t('trials.inbox.sentAt'),
              key: 'sentAt',
              width: 110,
              render: (_, r) => beijingDate(r.sentAt),
            },
            {
              title: t('trials.inbox.replyBy'),
              key: 'replyBy',
              width: 150,
              render: (_, r) => {
                if (r.status !== 'sent') return r.replyBy;
                const days = daysBetween(today, r.replyBy);
                return (
                  <Space size={4} wrap>
                    <span>{r.replyBy}</span>
                    {days < 0 ? (
                      <Tag color="red">{t('trials.overdue')}</Tag>
                    ) : days === 0 ? (
                      <Tag color="orange">{t('trials.inbox.dueToday')}</Tag>
                    ) : days <= 3 ? (
                      <Tag color="orange">{t('trials.daysLeft', { count: days })}</Tag>
                    ) : null}
                  </Space>
                );
              },
            },
            {
              title: t('trials.inbox.status'),
              key: 'status',
              width: 100,
              render: (_, r) => (
                <Tag color={r.status === 'sent' ? 'blue' : r.status === 'interested' ? 'green' : 'default'}>
                  {t(`trials.inquiryStatuses.${r.status}`)}
                </Tag>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 100,
              render: (_, r) =>
                r.status === 'sent' ? (
                  <Button type="primary" size="small" onClick={() => setAnswering(r)} data-testid={`answer-${r.id}`}>
                    {t('trials.inbox.answer')}
                  </Button>
                ) : (
                  <Button size="small" onClick={() => setAnswering(r)}>
                    {t('trials.inbox.view')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {answering && <AnswerModal inquiry={answering} onClose={() => setAnswering(null)} />}
    </>
  );
}
