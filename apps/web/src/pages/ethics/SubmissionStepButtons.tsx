import type { SubmissionStep } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';
import type { SubmissionDetail } from './ethics-ui.tsx';
import { AcceptModal, ReturnModal } from './ScreeningModals.tsx';
import { DecideModal, RequestInfoModal, RespondModal, TriageModal } from './SubmissionStepModals.tsx';
import { useInvalidateSubmissions, useStepModal } from './submission-step-ui.tsx';

/** The buttons of `availableSteps` that have a procedure; the server checks each again. */
export function SubmissionStepButtons({ sub }: { sub: SubmissionDetail }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateSubmissions();
  const stepModal = useStepModal();
  const [error, setError] = useState<string | null>(null);
  const onError = (e: unknown) => setError(apiError(e, t('common.networkError')).message);
  const accept = useMutation(
    trpc.submissions.screen.mutationOptions({
      onSuccess: async (r) => {
        message.success(t('ethics.actions.accepted', { no: r.acceptanceNo ?? '' }));
        await invalidate();
      },
      onError,
    }),
  );
  const startScreening = useMutation(
    trpc.submissions.startScreening.mutationOptions({
      onSuccess: async () => {
        message.success(t('ethics.actions.screeningStarted'));
        await invalidate();
      },
      onError,
    }),
  );
  const submit = useMutation(
    trpc.submissions.submit.mutationOptions({
      onSuccess: async (r) => {
        message.success(t(r.state === 'screening' ? 'ethics.actions.resubmitted' : 'ethics.actions.submitted'));
        await invalidate();
      },
      onError,
    }),
  );
  const steps = sub.availableSteps as SubmissionStep[];
  const has = (s: SubmissionStep) => steps.includes(s);
  const base = { id: sub.id, version: sub.version };
  const buttons = [
    has('start_screening') && (
      <Button
        key="start_screening"
        loading={startScreening.isPending}
        onClick={() => {
          setError(null);
          startScreening.mutate(base);
        }}
        data-testid="step-start-screening"
      >
        {t('ethics.steps.start_screening')}
      </Button>
    ),
    has('accept') && sub.screening.items.length > 0 && (
      <Button key="accept" type="primary" onClick={() => stepModal.open('accept')} data-testid="step-accept">
        {t('ethics.actions.accept')}
      </Button>
    ),
    has('accept') && sub.screening.items.length === 0 && (
      <Popconfirm
        key="accept"
        title={t('ethics.actions.acceptConfirm')}
        onConfirm={() => {
          setError(null);
          accept.mutate({ ...base, accept: true });
        }}
        okText={t('ethics.actions.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'accept-ok' } as Record<`data-${string}`, string>}
      >
        <Button type="primary" loading={accept.isPending} data-testid="step-accept">
          {t('ethics.actions.accept')}
        </Button>
      </Popconfirm>
    ),
    has('return') && (
      <Button key="return" danger onClick={() => stepModal.open('return')} data-testid="step-return">
        {t('ethics.actions.return')}
      </Button>
    ),
    has('triage') && (
      <Button key="triage" type="primary" onClick={() => stepModal.open('triage')} data-testid="step-triage">
        {t('ethics.actions.triage')}
      </Button>
    ),
    has('request_info') && (
      <Button key="request_info" onClick={() => stepModal.open('request_info')} data-testid="step-request-info">
        {t('ethics.actions.requestInfo')}
      </Button>
    ),
    has('decide') && (
      <Button key="decide" type="primary" onClick={() => stepModal.open('decide')} data-testid="step-decide">
        {t('ethics.actions.decide')}
      </Button>
    ),
    (has('submit') || has('resubmit')) && (
      <Button
        key="submit"
        type="primary"
        loading={submit.isPending}
        onClick={() => {
          setError(null);
          // Submitting cannot be taken back (the file is the EC's until returned): confirm, saying what is missing.
          const missing = sub.screening.missingKinds.map((k) => t(`documents.kinds.${k}`));
          modal.confirm({
            title: t('ethics.actions.submitConfirm'),
            content: (
              <div data-testid="submit-confirm">
                {missing.length > 0
                  ? t('ethics.actions.submitMissing', { kinds: missing.join(i18n.language === 'en' ? ', ' : '、') })
                  : t('ethics.actions.submitReady')}
              </div>
            ),
            okText: missing.length > 0 ? t('ethics.actions.submitAnyway') : t('ethics.actions.ok'),
            cancelText: t('common.cancel'),
            okButtonProps: { 'data-testid': 'submit-confirm-ok' } as Record<`data-${string}`, string>,
            onOk: () => submit.mutate(base),
          });
        }}
        data-testid="step-submit"
      >
        {has('resubmit') ? t('ethics.actions.resubmit') : t('ethics.actions.submit')}
      </Button>
    ),
    has('respond') && (
      <Button key="respond" type="primary" onClick={() => stepModal.open('respond')} data-testid="step-respond">
        {t('ethics.actions.respond')}
      </Button>
    ),
  ].filter(Boolean);
  return (
    <Card title={t('ethics.detail.actions')} data-testid="submission-actions">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="step-error" />}
      {buttons.length ? (
        <Space wrap>{buttons}</Space>
      ) : (
        <Typography.Text type="secondary">{t('ethics.detail.noActions')}</Typography.Text>
      )}
      {/* Mounted only while open, so a closed step leaves no second OK button behind. */}
      {stepModal.target === 'accept' && <AcceptModal sub={sub} modal={stepModal} />}
      {stepModal.target === 'return' && <ReturnModal sub={sub} modal={stepModal} />}
      {stepModal.target === 'triage' && <TriageModal sub={sub} modal={stepModal} />}
      {stepModal.target === 'request_info' && <RequestInfoModal sub={sub} modal={stepModal} />}
      {stepModal.target === 'decide' && <DecideModal sub={sub} modal={stepModal} />}
      {stepModal.target === 'respond' && <RespondModal sub={sub} modal={stepModal} />}
    </Card>
  );
}
