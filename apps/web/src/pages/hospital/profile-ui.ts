import type { AppRouter } from '@ctp/api';
import { CAPABILITIES } from '@ctp/contracts';
import { useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useEntityModal } from '../../components/EntityModal.tsx';
import { dayOf, isAfterBeijingToday, pickerValue } from '../../lib/beijing-time.ts';
import { useTRPC } from '../../lib/trpc.ts';

export type HospitalProfile = inferRouterOutputs<AppRouter>['hospitals']['get'];
export type SpecialtyRow = HospitalProfile['specialties'][number];
export type InvestigatorRow = HospitalProfile['investigators'][number];
/** What the retire modal retires. */
export type RetireTarget = { kind: 'specialty' | 'investigator'; id: string; version: number; label: string };

export const dash = '—';

/** Form dates are dayjs; the API takes YYYY-MM-DD or null. */
export const toDate = (d: Dayjs | null | undefined) => (d ? dayOf(d) : null);
export const fromDate = (s: string | null | undefined) => (s ? pickerValue(s) : null);
/** Empty inputs clear a field. */
export const orNull = <T>(v: T | '' | undefined | null): T | null =>
  v === '' || v === undefined || v === null ? null : v;
/** Filing and training dates cannot be in the future (the server checks too, with its own clock). */
export const notFuture = isAfterBeijingToday;

export function specialtyLabel(s: Pick<SpecialtyRow, 'name' | 'nameEn' | 'nameAsFiled'>, en: boolean): string {
  return en ? s.nameEn : (s.nameAsFiled ?? s.name);
}

export const capabilityLabel = (code: string, en: boolean) => {
  const c = CAPABILITIES.find((x) => x.code === code);
  return c ? (en ? c.en : c.zh) : code;
};

/** Reloads the profile, and search results, which show the same capacity. */
export function useReloadProfile(hospitalId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.hospitals.get.queryKey({ id: hospitalId }) });
    await queryClient.invalidateQueries({ queryKey: [['sites']] });
  };
}

/**
 * A profile edit modal: a save reloads the profile; a stale version or an already retired row (someone else saved
 * first) says so, closes and reloads instead of keeping a form that can no longer be saved.
 */
export function useProfileModal<V, T = undefined>(hospitalId: string) {
  const { t } = useTranslation();
  const reload = useReloadProfile(hospitalId);
  return useEntityModal<V, T>({
    onSaved: reload,
    stale: { details: ['STALE_VERSION', 'ALREADY_RETIRED'], note: t('hospital.reloaded') },
  });
}
