import { CheckCircleOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type CalendarDayKind, type CalendarFileFormat, type CalendarYearView, POLICIES } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiError } from '../../lib/api-error.ts';
import { beijingTime, weekdayOf } from '../../lib/beijing-time.ts';
import { downloadBlob } from '../../lib/download.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { CalendarDayModal } from './CalendarDayModal.tsx';

type DayRow = { date: string; kind: Exclude<CalendarDayKind, 'normal'>; name: string };

function daysOf(y: CalendarYearView): DayRow[] {
  return [
    ...y.holidays.map((d) => ({ ...d, kind: 'holiday' as const })),
    ...y.makeupDays.map((d) => ({ ...d, kind: 'makeup' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** 平台管理 → 工作日历: the official holiday schedule by year (issue 11). The admin keeps it; secretaries read it. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const { actor } = useSession();
  const isAdmin = POLICIES.administer.allows(actor);
  const years = useQuery(trpc.calendar.years.queryOptions());
  const [selected, setSelected] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const list = years.data ?? [];
  const bundled = list.filter((y) => y.source === 'package').map((y) => y.year);
  const lastBundled = bundled.length ? Math.max(...bundled) : null;
  const pending = list.filter((y) => !y.complete).sort((a, b) => a.year - b.year);
  const current = list.find((y) => y.year === selected) ?? pending[0] ?? list[0];

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.calendar.years.queryKey() });
  const onError = (e: unknown) => setError(apiError(e, t('common.networkError')).message);

  const setDays = useMutation(
    trpc.calendar.setDays.mutationOptions({
      onSuccess: async (r) => {
        setError(null);
        message.success(t('calendar.saved', { moved: r.movedDueDates }));
        await refresh();
      },
      onError,
    }),
  );
  const complete = useMutation(
    trpc.calendar.completeYear.mutationOptions({
      onSuccess: async (r) => {
        setError(null);
        message.success(t('calendar.marked', { year: r.year, moved: r.movedDueDates }));
        await refresh();
      },
      onError,
    }),
  );
  const importFile = useMutation(
    trpc.calendar.importFile.mutationOptions({
      onSuccess: async (r) => {
        setError(null);
        setSelected(r.year);
        message.success(t('calendar.imported', { count: r.imported, year: r.year }));
        await refresh();
      },
      onError,
    }),
  );
  const exportYear = async (year: number, format: CalendarFileFormat) => {
    try {
      const file = await queryClient.fetchQuery(trpc.calendar.export.queryOptions({ year, format }));
      downloadBlob(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }), file.fileName);
    } catch (e) {
      onError(e);
    }
  };

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        extra={
          isAdmin && (
            <Upload
              accept=".json,.csv,application/json,text/csv"
              showUploadList={false}
              beforeUpload={async (file) => {
                importFile.mutate({ fileName: file.name, content: await file.text() });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importFile.isPending} data-testid="calendar-import">
                {t('calendar.import')}
              </Button>
            </Upload>
          )
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('calendar.intro', { year: pending[0]?.year ?? '', lastBundled: lastBundled ?? '—' })}
          {isAdmin && ` ${t('calendar.importHelp')}`}
        </Typography.Paragraph>
        {pending.map((y) => (
          <Alert key={y.year} type="warning" showIcon title={t('calendar.pendingAlert', { year: y.year })} />
        ))}
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            closable
            onClose={() => setError(null)}
            data-testid="calendar-error"
          />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9}>
            <Card title={t('calendar.year')} styles={{ body: { padding: 0 } }}>
              <Table
                rowKey="year"
                size="small"
                loading={years.isLoading}
                dataSource={list}
                pagination={{ pageSize: 12, hideOnSinglePage: true, size: 'small' }}
                data-testid="calendar-years"
                onRow={(y) => ({ onClick: () => setSelected(y.year), style: { cursor: 'pointer' } })}
                rowClassName={(y) => (y.year === current?.year ? 'ctp-row-current' : '')}
                columns={[
                  { title: t('calendar.year'), dataIndex: 'year', width: 72 },
                  {
                    title: t('calendar.status'),
                    key: 'status',
                    render: (_, y) => <YearStatus y={y} />,
                  },
                  {
                    title: t('calendar.source'),
                    dataIndex: 'source',
                    render: (s: CalendarYearView['source']) => t(`calendar.sources.${s}`),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={15}>
            {current && (
              <Card
                data-testid="calendar-year-detail"
                title={
                  <Flex gap={8} align="center" wrap>
                    <span>{current.year}</span>
                    <YearStatus y={current} />
                  </Flex>
                }
                extra={
                  <Space wrap>
                    {isAdmin && (
                      <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="calendar-add-day">
                        {t('calendar.addDay')}
                      </Button>
                    )}
                    {isAdmin && !current.complete && (
                      <Button
                        type="primary"
                        icon={<CheckCircleOutlined />}
                        loading={complete.isPending}
                        data-testid="calendar-complete"
                        onClick={() =>
                          modal.confirm({
                            title: t('calendar.markComplete'),
                            content: t('calendar.markCompleteConfirm', { year: current.year }),
                            onOk: () => complete.mutateAsync({ year: current.year }).catch(() => undefined),
                          })
                        }
                      >
                        {t('calendar.markComplete')}
                      </Button>
                    )}
                    <Button icon={<DownloadOutlined />} onClick={() => exportYear(current.year, 'json')}>
                      {t('calendar.exportJson')}
                    </Button>
                    <Button icon={<DownloadOutlined />} onClick={() => exportYear(current.year, 'csv')}>
                      {t('calendar.exportCsv')}
                    </Button>
                  </Space>
                }
              >
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary">
                    {t('calendar.holidaysCount', { count: current.holidays.length })}
                    {' · '}
                    {t('calendar.makeupCount', { count: current.makeupDays.length })}
                    {current.completedAt && ` · ${t('calendar.completedAt', { at: beijingTime(current.completedAt) })}`}
                  </Typography.Text>
                  {current.source === 'package' && isAdmin && (
                    <Typography.Text type="secondary">{t('calendar.bundledReadOnly')}</Typography.Text>
                  )}
                  {!isAdmin && <Typography.Text type="secondary">{t('calendar.onlyAdmin')}</Typography.Text>}
                  <DaysTable
                    days={daysOf(current)}
                    canEdit={isAdmin}
                    busy={setDays.isPending}
                    onRemove={(date) =>
                      modal.confirm({
                        title: t('calendar.remove'),
                        content: t('calendar.removeConfirm', { date }),
                        onOk: () =>
                          setDays
                            .mutateAsync({ year: current.year, days: [{ date, kind: 'normal' }] })
                            .catch(() => undefined),
                      })
                    }
                  />
                </Space>
              </Card>
            )}
          </Col>
        </Row>
      </Space>
      {current && (
        <CalendarDayModal
          open={adding}
          year={current.year}
          onClose={() => setAdding(false)}
          onSaved={async () => {
            setAdding(false);
            await refresh();
          }}
        />
      )}
    </>
  );
}

function YearStatus({ y }: { y: CalendarYearView }) {
  const { t } = useTranslation();
  if (y.complete) return <Tag color="green">{t('calendar.complete')}</Tag>;
  const entered = y.holidays.length + y.makeupDays.length > 0;
  return <Tag color="orange">{entered ? t('calendar.draft') : t('calendar.pending')}</Tag>;
}

function DaysTable({
  days,
  canEdit,
  busy,
  onRemove,
}: {
  days: DayRow[];
  canEdit: boolean;
  busy: boolean;
  onRemove: (date: string) => void;
}) {
  const { t } = useTranslation();
  const weekdays = t('calendar.weekdays', { returnObjects: true }) as string[];
  return (
    <Table
      rowKey="date"
      size="small"
      dataSource={days}
      data-testid="calendar-days"
      pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.emptyYear')} /> }}
      columns={[
        { title: t('calendar.date'), dataIndex: 'date', width: 120 },
        {
          title: t('calendar.weekday'),
          key: 'weekday',
          width: 80,
          render: (_, d) => weekdays[weekdayOf(d.date)],
        },
        {
          title: t('calendar.kind'),
          dataIndex: 'kind',
          width: 150,
          render: (k: DayRow['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kinds.${k}`)}</Tag>,
        },
        {
          title: t('calendar.name'),
          dataIndex: 'name',
          render: (name: string) => t(`calendar.holidayNames.${name}`, { defaultValue: name }),
        },
        ...(canEdit
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                width: 120,
                render: (_: unknown, d: DayRow) => (
                  <Button size="small" type="link" disabled={busy} onClick={() => onRemove(d.date)}>
                    {t('calendar.remove')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
