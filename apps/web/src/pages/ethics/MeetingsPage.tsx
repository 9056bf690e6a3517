import { PlusOutlined } from '@ant-design/icons';
import { type MeetingStatus, POLICIES } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Result, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { DatePicker } from '../../components/DatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { beijingTodayValue, dayOf } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { useReadySubmissions } from './meeting-ui.tsx';

/** Colour says whose move it is: blue to come, orange the secretary/chair owe something, green done. */
const MEETING_STATUS_COLORS: Record<MeetingStatus, string> = {
  upcoming: 'blue',
  today: 'geekblue',
  awaiting_decisions: 'orange',
  awaiting_minutes: 'orange',
  minutes_draft: 'gold',
  closed: 'green',
};

/** The committee's meetings (会议审查) and "new meeting" for its secretary or chair. */
export default function MeetingsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { actor } = useSession();
  const committeeId = actor?.committeeId ?? null;
  const list = useQuery({
    ...trpc.meetings.list.queryOptions({ committeeId: committeeId ?? '' }),
    enabled: !!committeeId,
  });
  const [open, setOpen] = useState(false);
  const canRun = POLICIES.runMeetings.allows(actor);
  if (!committeeId) return <Result status="info" title={t('meetings.committee.noCommittee')} />;
  return (
    <>
      <PageHeader
        title={t('meetings.list.title')}
        subtitle={t('meetings.list.subtitle')}
        extra={
          canRun && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="meeting-create">
              {t('meetings.list.create')}
            </Button>
          )
        }
      />
      {list.error && <Alert type="error" showIcon title={apiError(list.error, t('common.networkError')).message} />}
      <Card>
        <Table
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          locale={{ emptyText: t('meetings.list.empty') }}
          pagination={false}
          columns={[
            {
              title: t('meetings.list.date'),
              dataIndex: 'meetingDate',
              render: (d: string, m) => (
                <Link to={`/ethics/meetings/${m.id}`} data-testid="meeting-link">
                  {d}
                </Link>
              ),
            },
            { title: t('meetings.list.name'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
            { title: t('meetings.list.agendaSize'), dataIndex: 'agendaSize' },
            {
              title: t('meetings.list.status'),
              dataIndex: 'status',
              render: (s: MeetingStatus) => (
                <Tag color={MEETING_STATUS_COLORS[s]} data-testid="meeting-status">
                  {t(`meetings.status.${s}`)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      {open && <CreateMeetingModal committeeId={committeeId} onClose={() => setOpen(false)} />}
    </>
  );
}

function CreateMeetingModal({ committeeId, onClose }: { committeeId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ date: Dayjs; title?: string; submissionIds?: string[] }>();
  const [error, setError] = useState<string | null>(null);
  const ready = useReadySubmissions(true);
  const create = useMutation(
    trpc.meetings.create.mutationOptions({
      onSuccess: async (r) => {
        message.success(t('meetings.list.created'));
        await queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.submissions.pathKey() });
        navigate(`/ethics/meetings/${r.id}`);
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
      },
    }),
  );
  return (
    <Modal
      open
      title={t('meetings.list.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'meeting-create-ok' } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: beijingTodayValue() }}
        onFinish={(v) =>
          create.mutate({
            committeeId,
            date: dayOf(v.date),
            title: v.title?.trim() || undefined,
            submissionIds: v.submissionIds ?? [],
          })
        }
      >
        <Form.Item name="date" label={t('meetings.list.date')} rules={[{ required: true }]}>
          <DatePicker data-testid="meeting-date" />
        </Form.Item>
        <Form.Item name="title" label={t('meetings.list.name')}>
          <Input maxLength={200} data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="submissionIds" label={t('meetings.list.agenda')} extra={t('meetings.list.agendaHelp')}>
          <Select
            mode="multiple"
            data-testid="meeting-agenda-select"
            options={ready.map((s) => ({
              value: s.id,
              label: `${s.acceptanceNo ?? ''} ${(i18n.language === 'en' && s.trialTitleEn) || s.trialTitle}`,
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
