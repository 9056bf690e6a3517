import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEntityModal } from '../../components/EntityModal.tsx';
import { apiError } from '../../lib/api-error.ts';
import { useTRPC } from '../../lib/trpc.ts';

/** Reloads the request and, since a recognition or an acknowledgement moves them, the site's effective versions. */
export function useReloadRecognition() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.recognition.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.submissions.effectiveDocuments.pathKey() }),
    ]);
}

/** For a one-click step or a form in a card: "done" and a reload, or the server's refusal as a toast. */
export function useStepHandlers() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reload = useReloadRecognition();
  return {
    onSuccess: async () => {
      message.success(t('recognition.request.done'));
      await reload();
    },
    onError: (e: unknown) => {
      message.error(apiError(e, t('common.networkError')).message);
    },
  };
}

/** A step's modal on the request page: a save reloads the request; a refusal shows in the modal and as a toast. */
export function useRequestModal<V, T = undefined>() {
  const reload = useReloadRecognition();
  return useEntityModal<V, T>({ onSaved: reload, toastErrors: true });
}
