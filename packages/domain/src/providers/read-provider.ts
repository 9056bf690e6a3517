import { keepsProviderProfile, POLICIES, type ProviderProfile } from '@ctp/contracts';
import { shanghaiDate } from '../clock/dates.ts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { loadProviderRecord, toListItem } from './load-providers.ts';

/** A provider's profile page: public to every signed-in role (like a hospital profile); `canEdit` for its admin. */
export function getProvider({ ctx, input }: { ctx: Ctx; input: { id: string } }): ProviderProfile {
  if (!POLICIES.searchProviders.allows(ctx.actor)) throw forbidden();
  const record = loadProviderRecord(ctx.db, input.id);
  return {
    ...toListItem(record, shanghaiDate(ctx.now())),
    summary: record.summary,
    website: record.website,
    contacts: record.contacts,
    version: record.version,
    updatedAt: record.updatedAt,
    canEdit: keepsProviderProfile(ctx.actor, record.id),
  };
}
