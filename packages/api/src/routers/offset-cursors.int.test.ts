import type { DbHandle } from '@ctp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

/**
 * The three lists paged by offset (site search, provider search, bases) share one cursor (issue 15): each pages
 * through its whole result without repeating or losing an item, and each refuses a malformed cursor the same way —
 * a localised VALIDATION error on the `cursor` field, never a silent first page.
 */
let database: DbHandle;
beforeAll(async () => {
  database = await createSeededDatabase();
});
afterAll(() => database.sqlite.close());

type Page = { items: { id?: string; hospitalId?: string }[]; total: number; nextCursor: string | null };
const LISTS: Record<string, (cursor?: string) => Promise<Page>> = {
  'sites.search': (cursor) => callerAs(database, 'sponsor@demo.ctp').sites.search({ limit: 7, cursor }),
  'providers.search': (cursor) => callerAs(database, 'sponsor@demo.ctp').providers.search({ limit: 4, cursor }),
  'bases.list': (cursor) => callerAs(database, 'sponsor@demo.ctp').bases.list({ limit: 2, cursor }),
};

describe.each(Object.keys(LISTS))('the offset cursor of %s', (name) => {
  const list = LISTS[name]!;

  it('pages through the whole result, each item once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let total = 0;
    let pages = 0;
    do {
      const page = await list(cursor);
      total = page.total;
      seen.push(...page.items.map((i) => i.id ?? i.hospitalId!));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 100);
    expect(pages).toBeGreaterThan(1);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('refuses a malformed cursor on its field, in the caller’s language', async () => {
    for (const bad of ['bm90LWEtbnVtYmVy', '20']) {
      const zh = await apiErrorOf(list(bad));
      expect(zh).toMatchObject({ trpcCode: 'BAD_REQUEST', code: 'VALIDATION', fieldErrors: [{ path: 'cursor' }] });
      const en = await apiErrorOf(list(bad), 'en');
      expect(en.fieldErrors?.[0]?.message).not.toBe(zh.fieldErrors?.[0]?.message);
    }
  });
});
