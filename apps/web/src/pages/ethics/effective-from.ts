import type { AppRouter } from '@ctp/api';
import type { inferRouterOutputs } from '@trpc/server';
import type { TFunction } from 'i18next';

export type EffectiveVersion = inferRouterOutputs<AppRouter>['submissions']['effectiveDocuments'][number];

/** Where a site's effective version comes from: its own approval, the recognition, or an acknowledged amendment. */
export function effectiveFrom(t: TFunction, e: EffectiveVersion): string {
  const date = e.decidedDate ?? '—';
  switch (e.source) {
    case 'decision':
      return t('documents.effectiveFrom', { no: e.acceptanceNo ?? '—', date });
    case 'recognition':
      return t('documents.effectiveByRecognition', { no: e.recognitionLetterNo ?? '—', date });
    case 'acknowledgement':
      return t('documents.effectiveByAck', { date });
  }
}
