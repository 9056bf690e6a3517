import { QUALIFICATION_LABELS, type TodoItem } from '@ctp/contracts';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { loadProviderRecords, toListItem } from './load-providers.ts';

/**
 * The provider admin's to-do (issue 18): its own provider's qualifications that expire within
 * QUALIFICATION_WARNING_DAYS of Beijing today, or have expired, soonest first — each links to the profile to renew.
 */
export function expiringQualifications(ctx: Ctx): TodoItem[] {
  const actor = ctx.actor;
  if (actor?.role !== 'provider_admin') return [];
  const record = loadProviderRecords(ctx.db, [actor.orgId])[0];
  if (!record) return [];
  return toListItem(record, shanghaiDate(ctx.now()))
    .qualifications.filter((q) => q.status !== 'valid')
    .map((q) => ({
      id: `${record.id}:${q.kind}:${q.number}`,
      title: QUALIFICATION_LABELS[q.kind].zh,
      titleEn: QUALIFICATION_LABELS[q.kind].en,
      ref: q.number,
      date: q.expiresOn,
      link: `/providers/${record.id}`,
    }));
}
