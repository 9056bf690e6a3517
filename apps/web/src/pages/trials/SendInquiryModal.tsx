import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DatePicker } from '../../components/DatePicker.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { addDays, beijingToday, dayOf, isBeforeBeijingToday, pickerValue } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { pick, type SiteRow, SiteStateTag } from './site-ui.tsx';

type Values = {
  shortlistId?: string;
  hospitalSpecialtyIds: string[];
  synopsis: string;
  questions?: string;
  replyBy?: Dayjs;
};

/**
 * 发起可行性调研: a shortlist's hospitals → their specialties (ticked) → synopsis, questions, reply-by date.
 * Specialties already in the trial past `candidate` cannot be asked again (the server would refuse all).
 */
export function SendInquiryModal({
  trialId,
  sites,
  open,
  onClose,
}: {
  trialId: string;
  sites: SiteRow[];
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const shortlistId = Form.useWatch('shortlistId', form);
  const shortlists = useQuery({ ...trpc.shortlists.list.queryOptions(), enabled: open });
  const shortlist = useQuery({
    ...trpc.shortlists.get.queryOptions({ id: shortlistId ?? '' }),
    enabled: open && Boolean(shortlistId),
  });
  const hospitalIds = shortlist.data?.items.map((i) => i.hospitalId) ?? [];
  const targets = useQuery({
    ...trpc.inquiries.targets.queryOptions({ hospitalIds, trialId }),
    enabled: hospitalIds.length > 0,
  });
  const names = useMemo(
    () => new Map(shortlist.data?.items.map((i) => [i.hospitalId, pick(en, i.site.name, i.site.nameEn)]) ?? []),
    [shortlist.data, en],
  );
  const inTrial = useMemo(() => new Map(sites.map((s) => [s.specialtyId, s])), [sites]);
  // The specialties that treat the trial's indication come first, and are ticked (issue 14).
  const rows = (targets.data ?? [])
    .map((s) => ({
      ...s,
      hospitalName: names.get(s.hospitalId) ?? s.hospitalId,
      site: inTrial.get(s.id),
    }))
    .sort((a, b) => Number(b.treatsIndication) - Number(a.treatsIndication));
  const preselected = useMemo(
    () =>
      (targets.data ?? [])
        .filter((r) => r.treatsIndication && (inTrial.get(r.id)?.state ?? 'candidate') === 'candidate')
        .map((r) => r.id),
    [targets.data, inTrial],
  );
  useEffect(() => {
    if (targets.data) form.setFieldValue('hospitalSpecialtyIds', preselected);
  }, [targets.data, preselected, form]);

  const send = useMutation(
    trpc.inquiries.send.mutationOptions({
      onSuccess: async ({ inquiryIds }) => {
        message.success(t('trials.send.sent', { count: inquiryIds.length }));
        await queryClient.invalidateQueries({ queryKey: trpc.trials.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.inquiries.pathKey() });
        close();
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
      },
    }),
  );
  const close = () => {
    setError(null);
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('trials.send.title')}
      width={780}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('trials.send.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={send.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'inquiry-send-ok' } as Record<`data-${string}`, string>}
    >
      <div data-testid="inquiry-send">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ hospitalSpecialtyIds: [], replyBy: pickerValue(addDays(beijingToday(), 14)) }}
          onFinish={(v) => {
            setError(null);
            send.mutate({
              trialId,
              hospitalSpecialtyIds: v.hospitalSpecialtyIds,
              synopsis: v.synopsis,
              questions: v.questions?.trim() || undefined,
              replyBy: dayOf(v.replyBy!),
            });
          }}
        >
          <Form.Item name="shortlistId" label={t('trials.send.shortlist')}>
            <Select
              placeholder={t('trials.send.shortlistPlaceholder')}
              loading={shortlists.isLoading}
              options={(shortlists.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.items}）` }))}
              onChange={() => form.setFieldValue('hospitalSpecialtyIds', [])}
              notFoundContent={<Link to="/search">{t('trials.send.noShortlists')}</Link>}
              data-testid="inquiry-shortlist"
            />
          </Form.Item>
          <Form.Item
            name="hospitalSpecialtyIds"
            label={t('trials.send.specialties')}
            extra={
              preselected.length
                ? t('trials.send.preselected', { count: preselected.length })
                : t('trials.send.specialtiesHelp')
            }
            rules={[{ required: true, type: 'array', min: 1, message: t('trials.send.specialtiesRequired') }]}
          >
            <SpecialtyTable rows={rows} loading={targets.isFetching || shortlist.isFetching} />
          </Form.Item>
          <Form.Item
            name="synopsis"
            label={t('trials.send.synopsis')}
            rules={[{ required: true, min: 10, whitespace: true, message: t('trials.send.synopsisRequired') }]}
          >
            <Input.TextArea
              rows={4}
              maxLength={5000}
              showCount
              placeholder={t('trials.send.synopsisPlaceholder')}
              data-testid="inquiry-synopsis"
            />
          </Form.Item>
          <Form.Item name="questions" label={t('trials.send.questions')}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('trials.send.questionsPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="replyBy"
            label={t('trials.send.replyBy')}
            rules={[{ required: true, message: t('trials.send.replyByRequired') }]}
          >
            <DatePicker disabledDate={isBeforeBeijingToday} data-testid="inquiry-reply-by" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

type TargetRow = {
  id: string;
  hospitalId: string;
  hospitalName: string;
  code: string;
  name: string;
  nameEn: string;
  treatsIndication: boolean;
  site?: SiteRow;
};

/** A form control: the ticked specialty ids are its value. */
function SpecialtyTable({
  rows,
  loading,
  value,
  onChange,
}: {
  rows: TargetRow[];
  loading: boolean;
  value?: string[];
  onChange?: (keys: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Table<TargetRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ y: 260 }}
      data-testid="inquiry-targets"
      rowSelection={{
        selectedRowKeys: value ?? [],
        onChange: (keys) => onChange?.(keys as string[]),
        getCheckboxProps: (r) =>
          ({
            disabled: Boolean(r.site && r.site.state !== 'candidate'),
            'data-testid': `target-${r.hospitalId}-${r.code}`,
          }) as never,
      }}
      columns={[
        { title: t('trials.board.hospital'), dataIndex: 'hospitalName' },
        {
          title: t('trials.board.specialty'),
          key: 'name',
          render: (_, r) => (
            <>
              {pick(en, r.name, r.nameEn)}
              {r.treatsIndication && (
                <Tag color="green" variant="filled" style={{ marginInlineStart: 8 }}>
                  {t('trials.send.treatsIndication')}
                </Tag>
              )}
            </>
          ),
        },
        {
          title: t('trials.board.state'),
          key: 'state',
          width: 120,
          render: (_, r) =>
            r.site ? <SiteStateTag state={r.site.state} /> : <Typography.Text type="secondary">—</Typography.Text>,
        },
      ]}
    />
  );
}
