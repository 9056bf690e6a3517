import { cleanDisplayName, type ExportFile, POLICIES, type SiteSearchItem } from '@ctp/contracts';
import { shortlistItems, shortlists } from '@ctp/db';
import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import { siteSheet } from '../capacity/export-search.ts';
import { searchSites } from '../capacity/search-sites.ts';
import type { Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { toXlsx } from '../exports/xlsx.ts';
import { loadOwnShortlist } from './shortlist-access.ts';

/** The live shortlists of the actor's sponsor organisation, newest change first, with item counts. */
export function listShortlists({ ctx }: { ctx: Ctx }) {
  if (!POLICIES.keepShortlists.allows(ctx.actor)) throw forbidden();
  return ctx.db
    .select({
      id: shortlists.id,
      name: shortlists.name,
      updatedAt: shortlists.updatedAt,
      items: count(shortlistItems.hospitalOrgId),
    })
    .from(shortlists)
    .leftJoin(shortlistItems, eq(shortlistItems.shortlistId, shortlists.id))
    .where(and(eq(shortlists.orgId, ctx.actor!.orgId), isNull(shortlists.archivedAt)))
    .groupBy(shortlists.id)
    .orderBy(desc(shortlists.updatedAt))
    .all();
}

/** One shortlist with each hospital scored and explained exactly as search does, plus the sponsor's notes. */
export function getShortlist({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const list = loadOwnShortlist(ctx.db, ctx.actor, input.id);
  const items = ctx.db
    .select()
    .from(shortlistItems)
    .where(eq(shortlistItems.shortlistId, list.id))
    .orderBy(asc(shortlistItems.addedAt))
    .all();
  const scored = searchSites({ ctx, input: { limit: 100 }, hospitalIds: items.map((i) => i.hospitalOrgId) }).items;
  const byId = new Map(scored.map((s) => [s.hospitalId, s]));
  return {
    id: list.id,
    name: list.name,
    updatedAt: list.updatedAt,
    items: items
      .map((i) => ({
        hospitalId: i.hospitalOrgId,
        note: i.note,
        addedAt: i.addedAt,
        site: byId.get(i.hospitalOrgId) ?? null,
      }))
      .filter(
        (i): i is { hospitalId: string; note: string | null; addedAt: number; site: SiteSearchItem } => i.site !== null,
      ),
  };
}

export async function exportShortlist({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ExportFile> {
  const list = getShortlist({ ctx, input });
  const notes = new Map(list.items.map((i) => [i.hospitalId, i.note]));
  const sheet = siteSheet(
    ctx.locale,
    list.items.map((i) => i.site),
    notes,
  );
  const safe = cleanDisplayName(list.name).replace(/[\\/:*?"<>|]+/g, '_');
  return toXlsx(`ctp-shortlist-${safe}.xlsx`, [{ ...sheet, name: list.name }]);
}
