import type { AppRouter } from '@ctp/api';
import type { RecognitionOutcome, RecognitionState } from '@ctp/contracts';
import type { inferRouterOutputs } from '@trpc/server';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../lib/download.ts';

type Out = inferRouterOutputs<AppRouter>['recognition'];
export type RecognitionListItem = Out['requests']['list'][number];
export type RecognitionDetail = Out['requests']['get'];
export type RecognitionBoard = Out['board'];
export type AgreementView = Out['agreements']['list'][number];

const STATE_COLOURS: Record<RecognitionState, string> = {
  pending_packet: 'default',
  packet_submitted: 'blue',
  accepted: 'cyan',
  local_review: 'processing',
  action_required: 'orange',
  decided: 'green',
};
const OUTCOME_COLOURS: Record<RecognitionOutcome, string> = {
  recognised: 'green',
  recognised_with_conditions: 'lime',
  declined: 'red',
  not_approved_locally: 'volcano',
};

export function RecognitionStateTag({
  state,
  outcome,
}: {
  state: RecognitionState;
  outcome: RecognitionOutcome | null;
}) {
  const { t } = useTranslation();
  if (state === 'decided' && outcome)
    return (
      <Tag color={OUTCOME_COLOURS[outcome]} data-testid="recognition-state">
        {t(`recognition.outcomes.${outcome}`)}
      </Tag>
    );
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="recognition-state">
      {t(`recognition.states.${state}`)}
    </Tag>
  );
}

/** Downloads a base64 PDF the server returned. */
export function downloadBase64(fileName: string, base64: string, mime = 'application/pdf') {
  downloadFile({ filename: fileName, base64, mime });
}
