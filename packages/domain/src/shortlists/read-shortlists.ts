import { cleanDisplayName, type ExportFile, POLICIES, type ShortlistQuery, type SiteSearchItem } from '@ctp/contracts';
import { shortlistItems, shortlists, specialtyCatalogue } from '@ctp/db';
import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import { siteSheet } from '../capacity/export-search.ts';
import { searchSites } from '../capacity/search-sites.ts';
import type { ActorCtx, Ctx } from '../context.ts';
import { forbidden } from '../errors.ts';
import { toXlsx } from '../exports/xlsx.ts';
import { inLocale } from '../presentation/in-locale.ts';
import { describeQuery } from '../presentation/shortlist-query-text.ts';
import { loadOwnShortlist } from './shortlist-access.ts';
import { readStoredQuery } from './shortlist-query.ts';

/** The live shortlists of the actor's sponsor organisation, newest change first, with item counts. */
export function listShortlists({ ctx }: { ctx: ActorCtx }) {
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
    .where(and(eq(shortlists.orgId, ctx.actor.orgId), isNull(shortlists.archivedAt)))
    .groupBy(shortlists.id)
    .orderBy(desc(shortlists.updatedAt))
    .all();
}

export type ShortlistEntry = {
  hospitalId: string;
  note: string | null;
  addedAt: number;
  /** The search the hospital was shortlisted from (null: added without one, or before issue 14). */
  query: ShortlistQuery | null;
  /** That search in words, in the reader's language. */
  queryText: string | null;
  /** False when the hospital no longer meets that search (its capacity changed): then it is scored without it. */
  matchesQuery: boolean;
  site: SiteSearchItem;
};

/**
 * One shortlist with each hospital scored and explained exactly as search did for the search it was shortlisted
 * from (issue 14: a site that scored 77 for "肺癌" showed 97 with an unrelated reason when scored without it), plus
 * the sponsor's notes. Items are grouped by their search, one `searchSites` call per distinct search.
 */
export function getShortlist({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  const list = loadOwnShortlist(ctx.db, ctx.actor, input.id);
  const items = ctx.db
    .select()
    .from(shortlistItems)
    .where(eq(shortlistItems.shortlistId, list.id))
    .orderBy(asc(shortlistItems.addedAt))
    .all();
  const specialtyNames = new Map(
    ctx.db
      .select({ code: specialtyCatalogue.code, zh: specialtyCatalogue.nameZh, en: specialtyCatalogue.nameEn })
      .from(specialtyCatalogue)
      .all()
      .map((c) => [c.code, inLocale(ctx.locale, c)]),
  );
  const groups = new Map<string, { query: ShortlistQuery | null; ids: string[] }>();
  for (const i of items) {
    const query = readStoredQuery(i.queryJson);
    const key = query ? JSON.stringify(query) : '';
    const group = groups.get(key) ?? { query, ids: [] };
    group.ids.push(i.hospitalOrgId);
    groups.set(key, group);
  }
  const scored = new Map<string, { site: SiteSearchItem; query: ShortlistQuery | null; matches: boolean }>();
  const score = (query: ShortlistQuery | null, ids: string[]) =>
    searchSites({ ctx, input: { ...(query ?? {}), limit: 100 }, hospitalIds: ids, suggest: false }).items;
  const unmatched: string[] = [];
  for (const { query, ids } of groups.values()) {
    const found = score(query, ids);
    for (const site of found) scored.set(site.hospitalId, { site, query, matches: true });
    if (query) unmatched.push(...ids.filter((id) => !scored.has(id)));
  }
  // A hospital that no longer meets its search is still on the list, scored without it and flagged.
  if (unmatched.length)
    for (const site of score(null, unmatched)) scored.set(site.hospitalId, { site, query: null, matches: false });
  const queryOf = new Map(items.map((i) => [i.hospitalOrgId, readStoredQuery(i.queryJson)]));
  const entries: ShortlistEntry[] = [];
  for (const i of items) {
    const s = scored.get(i.hospitalOrgId);
    if (!s) continue;
    const query = queryOf.get(i.hospitalOrgId) ?? null;
    entries.push({
      hospitalId: i.hospitalOrgId,
      note: i.note,
      addedAt: i.addedAt,
      query,
      queryText: query ? describeQuery(query, ctx.locale, (code) => specialtyNames.get(code) ?? code) : null,
      matchesQuery: s.matches,
      site: s.site,
    });
  }
  return { id: list.id, name: list.name, updatedAt: list.updatedAt, items: entries };
}

export async function exportShortlist({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ExportFile> {
  const list = getShortlist({ ctx, input });
  const notes = new Map(list.items.map((i) => [i.hospitalId, i.note]));
  const queries = new Map(list.items.map((i) => [i.hospitalId, i.queryText]));
  const sheet = siteSheet(
    ctx.locale,
    list.items.map((i) => i.site),
    notes,
    queries,
  );
  const safe = cleanDisplayName(list.name).replace(/[\\/:*?"<>|]+/g, '_');
  return toXlsx(`ctp-shortlist-${safe}.xlsx`, [{ ...sheet, name: list.name }]);
}
