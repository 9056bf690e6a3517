import type { SubmissionOutcome, TRIAGE_PATHS } from '@ctp/contracts';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityModal, type EntityModalState, useEntityModal } from '../../components/EntityModal.tsx';
import { useTRPC } from '../../lib/trpc.ts';
import type { SubmissionDetail } from './ethics-ui.tsx';

/** Steps with a modal form; `accept` without a checklist and `submit`/`resubmit` are one click with a confirmation. */
export type FormStep = 'accept' | 'return' | 'triage' | 'request_info' | 'decide' | 'respond';
export type StepValues = {
  /** The checklist items ticked as met (形式审查清单). */
  checked?: string[];
  reasons?: string;
  path?: (typeof TRIAGE_PATHS)[number];
  comment?: string;
  questions?: string;
  outcome?: SubmissionOutcome;
  conditions?: string;
  followUpMonths?: number | null;
  answer?: string;
};
export type StepModalState = EntityModalState<StepValues, FormStep>;
export type StepModalProps = { sub: SubmissionDetail; modal: StepModalState };

const TITLES: Record<FormStep, string> = {
  accept: 'ethics.actions.acceptTitle',
  return: 'ethics.actions.returnTitle',
  triage: 'ethics.actions.triageTitle',
  request_info: 'ethics.actions.requestInfo',
  decide: 'ethics.actions.decideTitle',
  respond: 'ethics.actions.respond',
};
const DONE: Record<FormStep, string> = {
  accept: 'ethics.actions.acceptedShort',
  return: 'ethics.actions.returned',
  triage: 'ethics.actions.triaged',
  request_info: 'ethics.actions.infoRequested',
  decide: 'ethics.actions.decided',
  respond: 'ethics.actions.responded',
};

export function useInvalidateSubmissions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.submissions.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.trialSites.pathKey() });
  };
}

/** The submission page's step modal: its target is the step; a save reloads the submission and the site boards. */
export function useStepModal() {
  return useEntityModal<StepValues, FormStep>({ onSaved: useInvalidateSubmissions() });
}

/** The frame every step's form shares: its title, OK "确定" (`step-ok`), the body `step-modal-<step>`. */
export function SubmissionStepModal({
  step,
  modal,
  onSubmit,
  okDisabled,
  initialValues,
  children,
}: {
  step: FormStep;
  modal: StepModalState;
  onSubmit: (v: StepValues) => Promise<unknown>;
  okDisabled?: boolean;
  initialValues?: StepValues;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <EntityModal
      modal={modal}
      title={t(TITLES[step])}
      success={t(DONE[step])}
      okText={t('ethics.actions.ok')}
      okTestId="step-ok"
      okDisabled={okDisabled}
      testId={`step-modal-${step}`}
      initialValues={initialValues}
      onSubmit={onSubmit}
    >
      {children}
    </EntityModal>
  );
}

/** Text from a text box: trimmed, and left out when empty. */
export const optionalText = (s: string | undefined) => s?.trim() || undefined;
