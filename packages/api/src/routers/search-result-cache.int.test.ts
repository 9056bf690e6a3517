import type { SitesSearchInput } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { type Ctx, normaliseName, SearchResultCache, searchSites } from '@ctp/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { inProcessCtx } from '../../../../test/bench/scale/in-process.ts';
import { callerAs, createSeededDatabase } from '../../../../test/helpers/test-app.ts';

const DAY = 86_400_000;

/**
 * Issue 16: a cached search answers exactly what a fresh one would — a write to anything search reads, another
 * organisation or language, a new Beijing day, a "confirmed n days ago" that ticks over each miss the cache — and a
 * write search does not read (a shortlist) leaves it answering.
 */
describe('the search result cache', () => {
  let h: DbHandle;
  let site: ReturnType<typeof callerAs>;
  let sponsor: ReturnType<typeof callerAs>;
  const HOSPITAL = 'hosp-jsph';

  beforeAll(async () => {
    // The tests' demo with the registry samples, a copy of this run's template.
    h = await createSeededDatabase('registries');
    site = callerAs(h, 'site@demo.ctp');
    sponsor = callerAs(h, 'sponsor@demo.ctp');
  }, 120_000);

  function cachedCtx(cache: SearchResultCache, now: () => number = Date.now, email = 'sponsor@demo.ctp'): Ctx {
    const ctx = inProcessCtx(h, email);
    return { ...ctx, now, services: { ...ctx.services, searchCache: cache } };
  }
  const fresh = (ctx: Ctx, input: SitesSearchInput) =>
    searchSites({ ctx: { ...ctx, services: { ...ctx.services, searchCache: undefined } }, input });

  it('answers a repeated search from the cache with what a fresh search gives', () => {
    const cache = new SearchResultCache();
    const ctx = cachedCtx(cache);
    const first = searchSites({ ctx, input: { q: '肺癌' } });
    const again = searchSites({ ctx, input: { q: ' 肺癌 ', limit: 20 } });
    expect(again).toBe(first);
    expect(cache.stats).toEqual({ hits: 1, misses: 1 });
    expect(again).toEqual(fresh(ctx, { q: '肺癌' }));
  });

  it('keeps answering after a write search does not read (a shortlist)', async () => {
    const cache = new SearchResultCache();
    const ctx = cachedCtx(cache);
    const first = searchSites({ ctx, input: { capabilities: ['pet_ct'] } });
    await sponsor.shortlists.create({ name: '缓存不受影响' });
    expect(searchSites({ ctx, input: { capabilities: ['pet_ct'] } })).toBe(first);
  });

  it('misses after a capacity change, a capability change and a name change, and shows the change', async () => {
    const cache = new SearchResultCache();
    const ctx = cachedCtx(cache);
    const input = { q: '江苏省人民医院', limit: 50 };
    const before = searchSites({ ctx, input });
    const item = before.items.find((i) => i.hospitalId === HOSPITAL)!;
    const spec = item.specialties[0]!;
    const version = (
      h.sqlite.prepare('select version from hospital_specialties where id = ?').get(spec.id) as { version: number }
    ).version;
    await site.hospitals.updateSpecialty({ id: spec.id, version, maxConcurrentTrials: spec.maxConcurrentTrials + 5 });
    const afterCapacity = searchSites({ ctx, input });
    expect(afterCapacity).not.toBe(before);
    expect(
      afterCapacity.items.find((i) => i.hospitalId === HOSPITAL)!.specialties.find((s) => s.id === spec.id)!
        .maxConcurrentTrials,
    ).toBe(spec.maxConcurrentTrials + 5);
    expect(afterCapacity).toEqual(fresh(ctx, input));

    const withCap = { capabilities: ['central_lab' as const], limit: 100 };
    const had = searchSites({ ctx, input: withCap }).items.some((i) => i.hospitalId === HOSPITAL);
    await site.hospitals.setCapabilities({
      hospitalId: HOSPITAL,
      capabilities: had ? ['pet_ct'] : ['pet_ct', 'central_lab'],
    });
    expect(searchSites({ ctx, input: withCap }).items.some((i) => i.hospitalId === HOSPITAL)).toBe(!had);

    const renamed = searchSites({ ctx, input: { q: '缓存改名医院' } });
    expect(renamed.total).toBe(0);
    h.sqlite
      .prepare(
        "insert into organisation_aliases (org_id, alias, alias_norm, lang, source) values (?, ?, ?, 'zh', 'test')",
      )
      .run(HOSPITAL, '缓存改名医院', normaliseName('缓存改名医院'));
    const found = searchSites({ ctx, input: { q: '缓存改名医院' } });
    expect(found.items[0]?.hospitalId).toBe(HOSPITAL);
  });

  it('keeps organisations and languages apart', () => {
    const cache = new SearchResultCache();
    const zh = searchSites({ ctx: cachedCtx(cache), input: { q: '肺癌' } });
    const en = searchSites({ ctx: { ...cachedCtx(cache), locale: 'en' }, input: { q: '肺癌' } });
    expect(en).not.toBe(zh);
    expect(en.items[0]!.reasons).not.toEqual(zh.items[0]!.reasons);
    const cro = searchSites({ ctx: cachedCtx(cache, Date.now, 'cro@demo.ctp'), input: { q: '肺癌' } });
    expect(cro).not.toBe(zh);
    expect(cache.stats).toEqual({ hits: 0, misses: 3 });
  });

  it('misses on a new Beijing day and when a stale hospital\'s "n days ago" ticks over', () => {
    // Noon in Beijing; the hospital was confirmed 100 days and 20 hours ago, so its count of days moves on in 4 h.
    const noon = Date.UTC(2026, 5, 15, 4, 0, 0);
    h.sqlite
      .prepare('update organisations set capacity_confirmed_at = ? where id = ?')
      .run(noon - 100 * DAY - 20 * 3_600_000, HOSPITAL);
    let now = noon;
    const cache = new SearchResultCache();
    const ctx = cachedCtx(cache, () => now);
    const input = { q: '江苏省人民医院' };
    const first = searchSites({ ctx, input });
    expect(first.items.find((i) => i.hospitalId === HOSPITAL)?.reasons.join()).toMatch(/100/);
    now = noon + 4 * 3_600_000 - 1;
    expect(searchSites({ ctx, input })).toBe(first);
    now = noon + 4 * 3_600_000;
    const ticked = searchSites({ ctx, input });
    expect(ticked).not.toBe(first);
    expect(ticked.items.find((i) => i.hospitalId === HOSPITAL)?.reasons.join()).toMatch(/101/);
    // Beijing midnight (16:00 UTC) starts a new day: stale flags and enrolment months move with it.
    const other = { capabilities: ['pet_ct' as const] };
    now = Date.UTC(2026, 5, 15, 15, 59, 59);
    const lateEvening = searchSites({ ctx, input: other });
    now = Date.UTC(2026, 5, 15, 16, 0, 0);
    expect(searchSites({ ctx, input: other })).not.toBe(lateEvening);
  });

  it('holds a bounded number of result cards, the least recently used going first', () => {
    // One card per page, so each entry costs two (the entry and its card): room for two entries.
    const cache = new SearchResultCache(4);
    const ctx = cachedCtx(cache);
    const [a, b, c] = [{ q: '肺癌' }, { q: '乳腺癌' }, { q: '肿瘤' }].map((x) => ({ ...x, limit: 1 }));
    const first = searchSites({ ctx, input: a! });
    const second = searchSites({ ctx, input: b! });
    for (const out of [first, second]) expect(out.items).toHaveLength(1);
    expect(searchSites({ ctx, input: a! })).toBe(first);
    searchSites({ ctx, input: c! });
    expect(cache.size).toBe(2);
    expect(searchSites({ ctx, input: a! })).toBe(first);
    expect(searchSites({ ctx, input: b! })).not.toBe(second);
  });

  it('is not used for shortlists and compare (a list of hospitals)', () => {
    const cache = new SearchResultCache();
    const ctx = cachedCtx(cache);
    searchSites({ ctx, input: { q: '肺癌' }, hospitalIds: [HOSPITAL] });
    expect(cache.size).toBe(0);
  });
});
