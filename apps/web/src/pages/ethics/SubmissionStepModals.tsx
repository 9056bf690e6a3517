import { MAX_FOLLOW_UP_MONTHS, SUBMISSION_OUTCOMES, TRIAGE_PATHS } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import { optionalText, type StepModalProps, SubmissionStepModal } from './submission-step-ui.tsx';

/** One form per review step after screening (issue 15); accept and return are in `ScreeningModals.tsx`. */

/** Triage (分流): convened or expedited, the latter only where the committee's rules allow it. */
export function TriageModal({ sub, modal }: StepModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const triage = useMutation(trpc.submissions.triage.mutationOptions());
  const expedited = sub.review?.expedited;
  return (
    <SubmissionStepModal
      step="triage"
      modal={modal}
      initialValues={{ path: 'convened' }}
      onSubmit={(v) =>
        triage.mutateAsync({ id: sub.id, version: sub.version, path: v.path!, comment: optionalText(v.comment) })
      }
    >
      <Form.Item name="path" label={t('ethics.actions.path')}>
        <Radio.Group
          data-testid="step-path"
          options={TRIAGE_PATHS.map((p) => ({
            value: p,
            label: t(`ethics.paths.${p}`),
            disabled: p === 'expedited' && Boolean(expedited?.refusal),
          }))}
        />
      </Form.Item>
      {expedited && (
        <Alert
          type={expedited.refusal ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="expedited-rule"
          title={
            expedited.refusal
              ? t(`ethics.actions.expeditedRefusal.${expedited.refusal}`, {
                  type: t(`ethics.types.${sub.type}`),
                  risk: t(`ethics.risk.${sub.riskLevel}`),
                  maxRisk: t(`ethics.risk.${expedited.ceiling}`),
                })
              : t('ethics.actions.expeditedOpen', { count: expedited.reviewers })
          }
          description={expedited.isDefault ? t('ethics.actions.expeditedDefaultRules') : undefined}
        />
      )}
      <Form.Item name="comment" label={t('ethics.actions.comment')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="step-comment" />
      </Form.Item>
    </SubmissionStepModal>
  );
}

/** The EC asks the site for information: the review clock stops until the answer. */
export function RequestInfoModal({ sub, modal }: StepModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const requestInfo = useMutation(trpc.submissions.requestInfo.mutationOptions());
  return (
    <SubmissionStepModal
      step="request_info"
      modal={modal}
      onSubmit={(v) => requestInfo.mutateAsync({ id: sub.id, version: sub.version, questions: v.questions!.trim() })}
    >
      <Form.Item
        name="questions"
        label={t('ethics.actions.questions')}
        rules={[{ required: true, whitespace: true, message: t('ethics.actions.questionsRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} data-testid="step-questions" />
      </Form.Item>
    </SubmissionStepModal>
  );
}

/** The site answers the EC's request for information. */
export function RespondModal({ sub, modal }: StepModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const respond = useMutation(trpc.submissions.respond.mutationOptions());
  return (
    <SubmissionStepModal
      step="respond"
      modal={modal}
      onSubmit={(v) => respond.mutateAsync({ id: sub.id, version: sub.version, answer: v.answer!.trim() })}
    >
      <Form.Item
        name="answer"
        label={t('ethics.actions.answer')}
        rules={[{ required: true, whitespace: true, message: t('ethics.actions.answerRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} data-testid="step-answer" />
      </Form.Item>
    </SubmissionStepModal>
  );
}

/** The decision (审查决定): outcome, conditions when approved with modifications, the follow-up interval. */
export function DecideModal({ sub, modal }: StepModalProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const decide = useMutation(trpc.submissions.decide.mutationOptions());
  const outcome = Form.useWatch('outcome', modal.form);
  return (
    <SubmissionStepModal
      step="decide"
      modal={modal}
      initialValues={{ outcome: 'approved' }}
      onSubmit={(v) =>
        decide.mutateAsync({
          id: sub.id,
          version: sub.version,
          outcome: v.outcome!,
          conditions: optionalText(v.conditions),
          followUpMonths: v.followUpMonths ?? undefined,
        })
      }
    >
      <Form.Item name="outcome" label={t('ethics.actions.outcome')}>
        <Select
          data-testid="step-outcome"
          options={SUBMISSION_OUTCOMES.map((o) => ({ value: o, label: t(`ethics.outcomes.${o}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="conditions"
        label={t('ethics.actions.conditions')}
        rules={
          outcome === 'approved_with_modifications'
            ? [{ required: true, whitespace: true, message: t('ethics.actions.conditions') }]
            : undefined
        }
      >
        <Input.TextArea rows={3} maxLength={4000} data-testid="step-conditions" />
      </Form.Item>
      <Form.Item
        name="followUpMonths"
        label={t('ethics.actions.followUpMonths')}
        extra={t('ethics.actions.followUpHelp')}
      >
        <InputNumber min={1} max={MAX_FOLLOW_UP_MONTHS} precision={0} data-testid="step-follow-up" />
      </Form.Item>
    </SubmissionStepModal>
  );
}
