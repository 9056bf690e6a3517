import { type DbHandle, forgetPlannerStatistics, fullScansOf, recordStatements, users } from '@ctp/db';
import { createTestDatabase } from '@ctp/db/testing';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMemberships } from '../../auth/load-memberships.ts';
import { LoginThrottle } from '../../auth/login-throttle.ts';
import { resolveSession } from '../../auth/resolve-session.ts';
import { signIn } from '../../auth/sign-in.ts';
import { searchSites } from '../../capacity/search-sites.ts';
import type { Ctx } from '../../context.ts';
import { listSubmissions } from '../../ethics/read-submissions.ts';
import { getMetricsOverview } from '../../metrics/read-metrics.ts';
import { listHospitalRegistryTrials } from '../../registry/read-registry.ts';
import { getTrial, listSiteBoard } from '../../trials/read-trials.ts';
import { DEMO_PASSWORD } from '../demo-accounts.ts';
import { scalePlan } from './scale-plan.ts';
import { SCALE_BOARD_TRIAL, seedScale } from './seed-scale.ts';

/** Tables that grow with the country: a hot query must reach their rows through an index. */
const LARGE = new Set([
  'trial_sites',
  'trials',
  'submissions',
  'submission_events',
  'submission_clock_stops',
  'trial_site_enrolment',
  'inquiries',
  'meetings',
  'recognition_requests',
  'recognition_events',
  'registry_trials',
  'registry_sites',
  'registry_trial_conditions',
  'audit_events',
  'hospital_specialties',
  'investigators',
  'investigator_specialties',
  'specialty_disease_areas',
  'sessions',
  'notifications',
]);

const SESSION = { idleMs: 3_600_000, absoluteMs: 3_600_000 };

function ctxOf(handle: DbHandle, email: string): Ctx {
  const user = handle.db.select().from(users).where(eq(users.email, email)).get()!;
  const m = loadMemberships(handle.db, user.id)[0]!;
  return {
    actor: {
      userId: user.id,
      email,
      name: user.name,
      sessionId: 's',
      membershipId: m.membershipId,
      role: m.role,
      orgId: m.orgId,
      committeeId: m.committeeId,
    },
    db: handle.db,
    now: Date.now,
    requestId: 'plans',
    locale: 'zh-CN',
    ip: null,
    userAgent: null,
    services: { loginThrottle: new LoginThrottle(), session: SESSION },
  };
}

/**
 * Issue 16: the queries behind every request of the hot paths — session lookup, search, the sponsor's board, a
 * hospital's board, the EC queue, the commission's overview, a hospital's registry trials — run on a generated
 * database, planned as for a national one (SQLite's heuristics, which take every table as large). Each path runs once to warm the read models it
 * caches (those load whole tables once per write, by design), then again while its statements are recorded; no
 * recorded statement may scan a large table.
 */
describe('hot query plans (EXPLAIN QUERY PLAN)', () => {
  let handle: DbHandle;
  let token: string;
  beforeAll(async () => {
    handle = createTestDatabase();
    await seedScale({ handle, plan: scalePlan('custom', 40) });
    forgetPlannerStatistics(handle.sqlite);
    const login = await signIn({
      ctx: { ...ctxOf(handle, 'sponsor@demo.ctp'), actor: null },
      input: { email: 'sponsor@demo.ctp', password: DEMO_PASSWORD },
    });
    token = login.token;
  }, 180_000);

  const paths: [string, (h: DbHandle) => unknown][] = [
    ['session lookup', (h) => resolveSession(h.db, token, Date.now(), SESSION)],
    [
      'sites.search',
      (h) => searchSites({ ctx: ctxOf(h, 'sponsor@demo.ctp'), input: { q: '肺癌', limit: 20 } as never }),
    ],
    [
      'sites.search filters',
      (h) =>
        searchSites({
          ctx: ctxOf(h, 'sponsor@demo.ctp'),
          input: { level: '三级甲等', capabilities: ['pet_ct'], limit: 20 } as never,
        }),
    ],
    ['trials.get board', (h) => getTrial({ ctx: ctxOf(h, 'sponsor@demo.ctp'), input: { id: SCALE_BOARD_TRIAL } })],
    ['trialSites.board', (h) => listSiteBoard({ ctx: ctxOf(h, 'site@demo.ctp') })],
    ['EC queue', (h) => listSubmissions({ ctx: ctxOf(h, 'ec@demo.ctp'), input: {} })],
    [
      'metrics.overview',
      (h) => getMetricsOverview({ ctx: ctxOf(h, 'commission@demo.ctp'), input: { district: '鼓楼区' } }),
    ],
    [
      'registry of a hospital',
      (h) =>
        listHospitalRegistryTrials({
          ctx: ctxOf(h, 'sponsor@demo.ctp'),
          input: { hospitalId: 'hosp-jsph', limit: 50 },
        }),
    ],
  ];

  it.each(paths)('%s reads no large table by a full scan', (_name, run) => {
    run(handle);
    const { statements } = recordStatements(handle.sqlite, () => run(handle));
    expect(statements.length).toBeGreaterThan(0);
    const scans = statements.flatMap((s) =>
      fullScansOf(handle.sqlite, s)
        .filter((t) => LARGE.has(t))
        .map((t) => `${t} in: ${s.slice(0, 160)}`),
    );
    expect(scans).toEqual([]);
  });

  it("re-reads a changed hospital's active load from an index alone (no row per trial site)", () => {
    const ctx = ctxOf(handle, 'sponsor@demo.ctp');
    const search = () => searchSites({ ctx, input: { q: '肺癌', limit: 20 } as never });
    search();
    // A capacity confirmation marks the hospital; the next search re-reads its capacity and active load. A centre
    // with 3 000 sites made that 3 000 row reads per count (~5 ms each at national scale) before the covering index.
    handle.sqlite.prepare("update organisations set capacity_confirmed_at = ? where id = 'hosp-jsph'").run(Date.now());
    const { statements } = recordStatements(handle.sqlite, search);
    const loads = statements.filter((s) => /from "trial_sites"/.test(s) && /group by/.test(s));
    expect(loads.length).toBe(2);
    for (const s of loads) {
      const plan = handle.sqlite.prepare(`explain query plan ${s}`).all(...(s.match(/\?/g) ?? []).map(() => null)) as {
        detail: string;
      }[];
      expect(plan.map((p) => p.detail).join(' | '), s).toMatch(/SEARCH trial_sites USING COVERING INDEX/);
    }
  });

  it('catches a full scan when there is one', () => {
    expect(fullScansOf(handle.sqlite, 'select * from submissions where title = ?')).toEqual(['submissions']);
    expect(fullScansOf(handle.sqlite, 'select * from submissions where committee_id = ?')).toEqual([]);
  });
});
