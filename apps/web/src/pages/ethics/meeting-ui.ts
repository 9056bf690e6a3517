import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc.ts';

/** Submissions that may go on an agenda: accepted, or in review on the convened path (the server checks again). */
export function useReadySubmissions(enabled: boolean) {
  const trpc = useTRPC();
  const accepted = useQuery({ ...trpc.submissions.list.queryOptions({ state: 'accepted' }), enabled });
  const inReview = useQuery({ ...trpc.submissions.list.queryOptions({ state: 'in_review' }), enabled });
  return [...(accepted.data ?? []), ...(inReview.data ?? []).filter((s) => s.reviewPath === 'convened')];
}
