import { checkDataInvariants } from '@ctp/db';
import { createTestDatabase } from '@ctp/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastAudit } from '../../../../../test/helpers/db-counts.ts';
import { verifyAuditChain } from '../../audit/verify-audit-chain.ts';
import { searchSites } from '../../capacity/search-sites.ts';
import { scalePlan } from './scale-plan.ts';
import { SCALE_BOARD_TRIAL, SCALE_BUSY_HOSPITAL, seedScale } from './seed-scale.ts';

const NOW = Date.parse('2026-06-15T04:00:00Z');

async function generate(seed = 16) {
  const handle = createTestDatabase();
  const result = await seedScale({ handle, plan: scalePlan('custom', 40, seed), now: NOW });
  return { handle, result };
}

/** The generated rows only (the demo underneath has random ids), in a fixed order. */
const fingerprint = (h: Awaited<ReturnType<typeof generate>>['handle']) =>
  h.sqlite
    .prepare(
      `select (select group_concat(x, ',') from (select id || state || coalesce(ethics_approved_date, '') as x
                 from trial_sites where id like 'ts-%' order by id))
         || (select group_concat(x, ',') from (select id || state as x from submissions where id like 'sub-%' order by id))`,
    )
    .pluck()
    .get() as string;

describe('ctp seed --scale (issue 16)', () => {
  let first: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    first = await generate(16);
  }, 180_000);

  it('writes a database that holds every invariant, with the search index and audit chain in order', () => {
    const { handle, result } = first;
    expect(checkDataInvariants(handle)).toEqual([]);
    expect(result.hospitals).toBe(40);
    expect(result.submissions).toBeGreaterThanOrEqual(scalePlan('custom', 40).submissions);
    expect(result.sites).toBeGreaterThan(result.trials);
    // The board trial has its planned sites; the busy hospital's EC has a queue; both are the demo's.
    const boardSites = handle.sqlite
      .prepare('select count(*) from trial_sites where trial_id = ?')
      .pluck()
      .get(SCALE_BOARD_TRIAL);
    expect(boardSites).toBe(39);
    const busyQueue = handle.sqlite
      .prepare("select count(*) from submissions where committee_id = 'ec-jsph'")
      .pluck()
      .get() as number;
    expect(busyQueue).toBeGreaterThan(0);
    expect(SCALE_BUSY_HOSPITAL).toBe('hosp-jsph');
    expect(verifyAuditChain(handle.db).ok).toBe(true);
    expect(lastAudit(handle).action).toBe('seed.scale');
    // A generated hospital is found by its name through the rebuilt search index.
    const name = handle.sqlite.prepare("select name_zh from organisations where id = 'hs-3'").pluck().get() as string;
    const ctx = {
      actor: {
        userId: 'u',
        email: 'e',
        name: 'n',
        sessionId: 's',
        membershipId: 'm',
        role: 'sponsor' as const,
        orgId: 'org-sponsor-zijin',
        committeeId: null,
      },
      db: handle.db,
      now: () => NOW,
      requestId: 't',
      locale: 'zh-CN' as const,
      ip: null,
      userAgent: null,
      services: {} as never,
    };
    expect(searchSites({ ctx, input: { q: name, limit: 5 } }).items[0]?.hospitalId).toBe('hs-3');
  });

  it('is deterministic: the same seed on the same day gives the same data, another seed other data', async () => {
    const b = await generate(16);
    const c = await generate(17);
    const [x, y, z] = [fingerprint(first.handle), fingerprint(b.handle), fingerprint(c.handle)];
    expect(x.length).toBeGreaterThan(1000);
    expect(x === y, 'same seed, same data').toBe(true);
    expect(x === z, 'another seed, other data').toBe(false);
  }, 300_000);

  it('refuses a database that already holds data', async () => {
    await expect(seedScale({ handle: first.handle, plan: scalePlan('custom', 40), now: NOW })).rejects.toThrow(
      /empty database/,
    );
  });
});
