import { useMutation } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import {
  DecideModal,
  type DecideValues,
  type ObjectionValues,
  RaiseObjectionModal,
  RequestActionModal,
  RespondModal,
  type TextValues,
} from './RequestStepModals.tsx';
import type { RecognitionDetail } from './recognition-ui.tsx';
import { useRequestModal, useStepHandlers } from './request-ui.ts';

/** The steps the server offers this reader (`availableSteps`), and an objection for a party that may raise one. */
export function RequestStepButtons({ r }: { r: RecognitionDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const accept = useMutation(trpc.recognition.requests.accept.mutationOptions(useStepHandlers()));
  const requestAction = useRequestModal<TextValues>();
  const respond = useRequestModal<TextValues>();
  const decide = useRequestModal<DecideValues>();
  const objection = useRequestModal<ObjectionValues>();
  const can = (step: string) => r.availableSteps.includes(step as never);
  return (
    <>
      <Space style={{ marginTop: 12 }} wrap>
        {can('accept') && (
          <Button
            type="primary"
            data-testid="step-accept"
            loading={accept.isPending}
            onClick={() => accept.mutate({ id: r.id, version: r.version })}
          >
            {t('recognition.request.accept')}
          </Button>
        )}
        {can('request_action') && (
          <Button data-testid="step-request-action" onClick={() => requestAction.open()}>
            {t('recognition.request.requestAction')}
          </Button>
        )}
        {can('respond') && (
          <Button type="primary" data-testid="step-respond" onClick={() => respond.open()}>
            {t('recognition.request.respond')}
          </Button>
        )}
        {can('decide') && (
          <Button type="primary" data-testid="step-decide" onClick={() => decide.open()}>
            {t('recognition.request.decide')}
          </Button>
        )}
        {r.canObject && (
          <Button danger data-testid="raise-objection" onClick={() => objection.open()}>
            {t('recognition.request.raiseObjection')}
          </Button>
        )}
      </Space>
      <RequestActionModal r={r} modal={requestAction} />
      <RespondModal r={r} modal={respond} />
      <DecideModal r={r} modal={decide} />
      <RaiseObjectionModal r={r} modal={objection} />
    </>
  );
}
