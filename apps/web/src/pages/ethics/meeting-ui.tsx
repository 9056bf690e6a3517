import type { AppRouter } from '@ctp/api';
import { QUORUM_REASON_LABELS } from '@ctp/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';

type Outputs = inferRouterOutputs<AppRouter>;
export type Meeting = Outputs['meetings']['get'];
export type AgendaItem = Meeting['agenda'][number];
export type MeetingMember = Meeting['members'][number];
type Quorum = Meeting['quorum'];
/** A meeting card's refusals go to the page's one Alert (`meeting-error`). */
export type OnError = (message: string) => void;

export function useInvalidateMeeting() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.meetings.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.submissions.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.reviews.pathKey() });
  };
}

/** Submissions that may go on an agenda: accepted, or in review on the convened path (the server checks again). */
export function useReadySubmissions(enabled: boolean) {
  const trpc = useTRPC();
  const accepted = useQuery({ ...trpc.submissions.list.queryOptions({ state: 'accepted' }), enabled });
  const inReview = useQuery({ ...trpc.submissions.list.queryOptions({ state: 'in_review' }), enabled });
  return [...(accepted.data ?? []), ...(inReview.data ?? []).filter((s) => s.reviewPath === 'convened')];
}

/** The live quorum (by the committee's SOP), with the reasons when it is not met. */
export function QuorumIndicator({ quorum, testId = 'quorum-indicator' }: { quorum: Quorum; testId?: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const text = t(quorum.met ? 'meetings.meeting.quorumMet' : 'meetings.meeting.quorumNotMet', {
    present: quorum.present,
    count: quorum.total,
    required: quorum.required,
  });
  return (
    <Alert
      type={quorum.met ? 'success' : 'warning'}
      showIcon
      data-testid={testId}
      data-met={String(quorum.met)}
      title={text}
      description={
        quorum.reasons.length > 0
          ? quorum.reasons
              .map((r) => (en ? QUORUM_REASON_LABELS[r].en : QUORUM_REASON_LABELS[r].zh))
              .join(en ? '; ' : '；')
          : undefined
      }
    />
  );
}
