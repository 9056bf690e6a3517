import { DELAY_ATTRIBUTIONS, DELAY_REASONS, type DelayAttribution, type DelayReason } from '@ctp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, List, Modal, Radio, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, applyFieldErrors } from '../../lib/api-error.ts';
import { beijingTime } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';
import type { SiteRow } from './site-ui.tsx';

type Delay = SiteRow['delays'][number];

/**
 * The start-up delay prompt on a site row (DESIGN §5): each stage that missed its 60/60/30-day target or is overdue,
 * with its current reason and attribution; the trial office or the sponsor records (or changes) it.
 */
export function DelayCell({ site, editable }: { site: SiteRow; editable: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Delay | null>(null);
  if (!site.delays.length) return null;
  return (
    <div data-testid={`delays-${site.id}`} style={{ marginTop: 4 }}>
      {site.delays.map((d) => (
        <div key={d.stage} style={{ marginBottom: 2 }}>
          <Tooltip title={t('delays.lateTitle', { target: d.targetDate, rule: t(`delays.stageTargets.${d.stage}`) })}>
            <Tag color={d.status === 'overdue' ? 'red' : 'orange'}>
              {t('delays.late', { stage: t(`delays.stages.${d.stage}`), count: d.daysLate })}
            </Tag>
          </Tooltip>
          {d.current ? (
            <Typography.Text style={{ fontSize: 12 }} data-testid={`delay-reason-${site.id}-${d.stage}`}>
              {t(`delays.reasons.${d.current.reason}`)} · {t(`delays.attributions.${d.current.attribution}`)}
            </Typography.Text>
          ) : (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('delays.needsReason')}
            </Typography.Text>
          )}
          {(editable || d.recordedCount > 0) && (
            <Button
              size="small"
              type="link"
              onClick={() => setOpen(d)}
              data-testid={`delay-open-${site.id}-${d.stage}`}
            >
              {editable ? (d.current ? t('delays.change') : t('delays.record')) : t('delays.history')}
            </Button>
          )}
        </div>
      ))}
      {open && <DelayModal site={site} delay={open} editable={editable} onClose={() => setOpen(null)} />}
    </div>
  );
}

type Values = { reason: DelayReason; attribution: DelayAttribution; note?: string };

function DelayModal({
  site,
  delay,
  editable,
  onClose,
}: {
  site: SiteRow;
  delay: Delay;
  editable: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const history = useQuery(trpc.trialSites.delays.queryOptions({ trialSiteId: site.id }));
  const record = useMutation(
    trpc.trialSites.recordDelay.mutationOptions({
      onSuccess: async () => {
        message.success(t('delays.modal.done'));
        await queryClient.invalidateQueries({ queryKey: trpc.trialSites.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.trials.pathKey() });
        onClose();
      },
      onError: (e) => {
        const err = apiError(e, t('common.networkError'));
        applyFieldErrors(form, err);
        setError(err.message);
      },
    }),
  );
  const stage = t(`delays.stages.${delay.stage}`);
  const own = (history.data?.history ?? []).filter((h) => h.stage === delay.stage);
  return (
    <Modal
      open
      title={t('delays.modal.title', { stage })}
      onCancel={onClose}
      onOk={editable ? () => form.submit() : onClose}
      okText={editable ? t('delays.modal.ok') : t('delays.modal.close')}
      cancelButtonProps={editable ? undefined : { style: { display: 'none' } }}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'delay-ok' } as Record<`data-${string}`, string>}
    >
      <div data-testid="delay-modal">
        <Typography.Paragraph type="secondary">
          {t('delays.modal.intro', {
            target: delay.targetDate,
            status: t(`delays.statuses.${delay.status}`),
            count: delay.daysLate,
          })}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
        {editable && (
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={delay.current ? { ...delay.current, note: delay.current.note ?? undefined } : undefined}
            onFinish={(v) => {
              setError(null);
              record.mutate({
                trialSiteId: site.id,
                stage: delay.stage,
                reason: v.reason,
                attribution: v.attribution,
                note: v.note?.trim() || undefined,
              });
            }}
          >
            <Form.Item
              name="reason"
              label={t('delays.modal.reason')}
              rules={[{ required: true, message: t('delays.modal.reasonRequired') }]}
            >
              <Select
                data-testid="delay-reason"
                options={DELAY_REASONS.map((r) => ({ value: r, label: t(`delays.reasons.${r}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="attribution"
              label={t('delays.modal.attribution')}
              rules={[{ required: true, message: t('delays.modal.attributionRequired') }]}
            >
              <Radio.Group data-testid="delay-attribution">
                {DELAY_ATTRIBUTIONS.map((a) => (
                  <Radio.Button key={a} value={a} data-testid={`delay-attribution-${a}`}>
                    {t(`delays.attributions.${a}`)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="note" label={t('delays.modal.note')} extra={t('delays.modal.noteHelp')}>
              <Input.TextArea rows={2} maxLength={500} data-testid="delay-note" />
            </Form.Item>
          </Form>
        )}
        <Typography.Title level={5}>{t('delays.modal.historyTitle')}</Typography.Title>
        <List
          size="small"
          loading={history.isLoading}
          dataSource={own}
          locale={{ emptyText: t('delays.modal.historyEmpty') }}
          data-testid="delay-history"
          renderItem={(h) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <span>
                  {t(`delays.reasons.${h.reason}`)} · {t(`delays.attributions.${h.attribution}`)}
                  {h.note ? ` — ${h.note}` : ''}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {beijingTime(h.recordedAt)} ·{' '}
                  {t('delays.modal.by', { name: h.recordedByName, side: t(`delays.sides.${h.recordedBySide}`) })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </div>
    </Modal>
  );
}
