import { CALENDAR_DAY_KINDS, type CalendarDayKind } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../components/DatePicker.tsx';
import { apiError } from '../../lib/api-error.ts';
import { DATE_FORMAT, dayOf, pickerValue } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';

type Values = { date: Dayjs; kind: CalendarDayKind; name?: string };

/**
 * Enters one day of a year's schedule. The picker shows calendar dates only (no instant, so no time zone is
 * involved) and accepts a typed YYYY-MM-DD; the server checks the year, the weekday of a make-up day and the name.
 */
export function CalendarDayModal({
  open,
  year,
  onClose,
  onSaved,
}: {
  open: boolean;
  year: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const save = useMutation(
    trpc.calendar.setDays.mutationOptions({
      onSuccess: (r) => {
        message.success(t('calendar.saved', { moved: r.movedDueDates }));
        form.resetFields();
        setError(null);
        onSaved();
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        // Field errors come back as days.0.date / days.0.name: show them on this form's own fields.
        const fields = ['date', 'kind', 'name'] as const;
        form.setFields(
          (err.fieldErrors ?? []).flatMap((f) => {
            const name = fields.find((n) => n === f.path.split('.').at(-1));
            return name ? [{ name, errors: [f.message] }] : [];
          }),
        );
        setError(err.message);
      },
    }),
  );
  return (
    <Modal
      open={open}
      title={t('calendar.addDayTitle', { year })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="calendar-day-error" />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'holiday' }}
        onFinish={(v) =>
          save.mutate({
            year,
            days: [
              {
                date: dayOf(v.date),
                kind: v.kind,
                ...(v.kind !== 'normal' && v.name ? { name: v.name.trim() } : {}),
              },
            ],
          })
        }
      >
        <Form.Item
          name="date"
          label={t('calendar.date')}
          rules={[{ required: true, message: t('calendar.datePlaceholder') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('calendar.datePlaceholder')}
            style={{ width: '100%' }}
            disabledDate={(d) => d.year() !== year}
            defaultPickerValue={pickerValue(`${year}-01-01`)}
            data-testid="calendar-day-date"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')}>
          <Select
            data-testid="calendar-day-kind"
            options={CALENDAR_DAY_KINDS.map((k) => ({ value: k, label: t(`calendar.kinds.${k}`) }))}
          />
        </Form.Item>
        {kind !== 'normal' && (
          <Form.Item
            name="name"
            label={t('calendar.name')}
            rules={[{ required: true, message: t('calendar.namePlaceholder') }]}
          >
            <Input placeholder={t('calendar.namePlaceholder')} maxLength={40} data-testid="calendar-day-name" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
