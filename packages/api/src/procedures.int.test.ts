import { POLICIES, type Policy } from '@ctp/contracts';
import type { DbHandle } from '@ctp/db';
import { DEMO_ACCOUNTS } from '@ctp/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorOf, callerAs, createSeededDatabase } from '../../../test/helpers/test-app.ts';
import { appRouter, KNOWN_POLICY_NAMES } from './index.ts';

type AnyProcedure = { _def: { meta?: { policy?: unknown }; type: string } };
// Typed as the nested router record, but at run time a flat record of dotted path → procedure.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);
const policyOf = (name: unknown): Policy | undefined => Object.values(POLICIES).find((p) => p.name === name);

/** Calls a procedure by its dotted path through a caller, without input: the guards run before input parsing. */
function call(caller: object, path: string): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input?: unknown) => Promise<unknown>)(undefined);
}

describe('every procedure declares its policy (CONVENTIONS §6)', () => {
  it('walks the whole router', () => {
    const paths = procedures.map(([path]) => path);
    // Guard against a walk that silently finds nothing.
    expect(paths).toEqual(expect.arrayContaining(['auth.login', 'auth.me', 'audit.list', 'users.create']));
    expect(paths.length).toBeGreaterThan(10);
  });

  it('has a known policy on each procedure', () => {
    const offenders = procedures
      .filter(([, procedure]) => {
        const policy = procedure._def.meta?.policy;
        return typeof policy !== 'string' || !KNOWN_POLICY_NAMES.has(policy);
      })
      .map(([path, procedure]) => `${path} (policy: ${JSON.stringify(procedure._def.meta?.policy)})`);
    expect(offenders).toEqual([]);
  });
});

describe('the declared policy is the one enforced', () => {
  let database: DbHandle;
  beforeAll(async () => {
    database = await createSeededDatabase();
  });
  afterAll(() => database.sqlite.close());

  it('refuses an anonymous caller on every procedure that is not public', async () => {
    const anonymous = callerAs(database, null);
    const guarded = procedures.filter(([, p]) => p._def.meta?.policy !== POLICIES.public.name);
    expect(guarded.length).toBeGreaterThan(0);
    for (const [path] of guarded) {
      const error = await apiErrorOf(call(anonymous, path));
      expect({ path, code: error.code, detail: error.detail }).toEqual({
        path,
        code: 'UNAUTHENTICATED',
        detail: 'NOT_SIGNED_IN',
      });
    }
  });

  it('refuses every demo role that its policy does not allow, before reading any input', async () => {
    let refusals = 0;
    for (const account of DEMO_ACCOUNTS) {
      const caller = callerAs(database, account.email);
      const actor = caller.ctx.session?.actor ?? null;
      for (const [path, procedure] of procedures) {
        const policy = policyOf(procedure._def.meta?.policy);
        if (!policy || policy.allows(actor)) continue;
        const error = await apiErrorOf(call(caller, path));
        expect({ path, role: actor?.role, code: error.code, detail: error.detail }).toEqual({
          path,
          role: actor?.role,
          code: 'FORBIDDEN',
          detail: 'ROLE_REQUIRED',
        });
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(0);
  });
});
