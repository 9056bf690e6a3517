import { OBJECTION_CATEGORIES, RECOGNITION_OUTCOMES, type RecognitionOutcome } from '@ctp/contracts';
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Radio, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityModal, type EntityModalState } from '../../components/EntityModal.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import type { RecognitionDetail } from './recognition-ui.tsx';

/**
 * One modal per step of a recognition request that needs words (issue 15): each runs its own mutation. They share
 * the look: OK "确定" (`step-ok`), the text box `dialog-text`, the refusal in `form-error`.
 */
export type TextValues = { text: string };
type Base = Pick<RecognitionDetail, 'id' | 'version'>;

function StepModal<V, T>({
  modal,
  title,
  onSubmit,
  children,
}: {
  modal: EntityModalState<V, T>;
  title: string;
  onSubmit: (v: V) => Promise<unknown>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <EntityModal
      modal={modal}
      title={title}
      success={t('recognition.request.done')}
      okText={t('recognition.request.ok')}
      okTestId="step-ok"
      onSubmit={onSubmit}
    >
      {children}
    </EntityModal>
  );
}

function TextField({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="text"
      label={label}
      rules={[{ required: true, whitespace: true, message: t('recognition.request.required') }]}
    >
      <Input.TextArea rows={3} data-testid="dialog-text" />
    </Form.Item>
  );
}

/** The EC asks the site for more (补充材料): the clock stops until the answer. */
export function RequestActionModal({ r, modal }: { r: Base; modal: EntityModalState<TextValues, undefined> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const requestAction = useMutation(trpc.recognition.requests.requestAction.mutationOptions());
  return (
    <StepModal
      modal={modal}
      title={t('recognition.request.requestAction')}
      onSubmit={(v) => requestAction.mutateAsync({ id: r.id, version: r.version, questions: v.text })}
    >
      <TextField label={t('recognition.request.questions')} />
    </StepModal>
  );
}

/** The site answers the EC's questions. */
export function RespondModal({ r, modal }: { r: Base; modal: EntityModalState<TextValues, undefined> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const respond = useMutation(trpc.recognition.requests.respond.mutationOptions());
  return (
    <StepModal
      modal={modal}
      title={t('recognition.request.respond')}
      onSubmit={(v) => respond.mutateAsync({ id: r.id, version: r.version, answer: v.text })}
    >
      <TextField label={t('recognition.request.answer')} />
    </StepModal>
  );
}

export type DecideValues = { outcome: RecognitionOutcome; conditions?: string; reasons?: string };

/** The EC decides: recognised, with conditions (said), declined or not approved locally (with reasons). */
export function DecideModal({ r, modal }: { r: Base; modal: EntityModalState<DecideValues, undefined> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const decide = useMutation(trpc.recognition.requests.decide.mutationOptions());
  const outcome = Form.useWatch('outcome', modal.form);
  const required = [{ required: true, whitespace: true, message: t('recognition.request.required') }];
  return (
    <StepModal
      modal={modal}
      title={t('recognition.request.decide')}
      onSubmit={(v) =>
        decide.mutateAsync({
          id: r.id,
          version: r.version,
          outcome: v.outcome,
          conditions: v.conditions || undefined,
          reasons: v.reasons || undefined,
        })
      }
    >
      <Form.Item
        name="outcome"
        label={t('recognition.request.outcome')}
        rules={[{ required: true, message: t('recognition.request.required') }]}
      >
        <Radio.Group data-testid="decide-outcome">
          <Space orientation="vertical">
            {RECOGNITION_OUTCOMES.map((o) => (
              <Radio key={o} value={o}>
                {t(`recognition.outcomes.${o}`)}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {outcome === 'recognised_with_conditions' && (
        <Form.Item name="conditions" label={t('recognition.request.conditions')} rules={required}>
          <Input.TextArea rows={3} data-testid="decide-conditions" />
        </Form.Item>
      )}
      {(outcome === 'declined' || outcome === 'not_approved_locally') && (
        <Form.Item name="reasons" label={t('recognition.request.reasons')} rules={required}>
          <Input.TextArea rows={3} data-testid="decide-reasons" />
        </Form.Item>
      )}
    </StepModal>
  );
}

export type ObjectionValues = TextValues & { category: (typeof OBJECTION_CATEGORIES)[number] };

/** A party raises an objection to the request, by category. */
export function RaiseObjectionModal({ r, modal }: { r: Base; modal: EntityModalState<ObjectionValues, undefined> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const raise = useMutation(trpc.recognition.objections.raise.mutationOptions());
  return (
    <StepModal
      modal={modal}
      title={t('recognition.request.raiseObjection')}
      onSubmit={(v) => raise.mutateAsync({ requestId: r.id, category: v.category, text: v.text })}
    >
      <Form.Item
        name="category"
        label={t('recognition.request.category')}
        rules={[{ required: true, whitespace: true, message: t('recognition.request.required') }]}
      >
        <Select
          data-testid="objection-category"
          options={OBJECTION_CATEGORIES.map((c) => ({ value: c, label: t(`recognition.request.categories.${c}`) }))}
        />
      </Form.Item>
      <TextField label={t('recognition.request.objectionText')} />
    </StepModal>
  );
}

/** The EC resolves an open objection (target: its id). */
export function ResolveObjectionModal({ modal }: { modal: EntityModalState<TextValues, string> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const resolve = useMutation(trpc.recognition.objections.resolve.mutationOptions());
  return (
    <StepModal
      modal={modal}
      title={t('recognition.request.resolve')}
      onSubmit={async (v) => modal.target && resolve.mutateAsync({ id: modal.target, resolution: v.text })}
    >
      <TextField label={t('recognition.request.resolution')} />
    </StepModal>
  );
}

/** The EC objects to an amendment it was asked to acknowledge (target: the acknowledgement's id). */
export function ObjectAckModal({ modal }: { modal: EntityModalState<TextValues, string> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const ackAct = useMutation(trpc.recognition.acks.act.mutationOptions());
  return (
    <StepModal
      modal={modal}
      title={t('recognition.request.object')}
      onSubmit={async (v) => modal.target && ackAct.mutateAsync({ id: modal.target, acknowledge: false, note: v.text })}
    >
      <TextField label={t('recognition.request.ackNote')} />
    </StepModal>
  );
}
