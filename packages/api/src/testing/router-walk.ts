import { POLICIES, type Policy } from '@ctp/contracts';
import fc from 'fast-check';
import { appRouter } from '../root.ts';
import { type Schema, validArbitrary } from './zod-arbitrary.ts';

/** One procedure of the router as the tests walk it (tests only). */
export type WalkedProcedure = {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  policyName: string;
  policy: Policy | undefined;
  input: (Schema & { safeParse: (v: unknown) => { success: boolean } }) | undefined;
};

type RawProcedure = { _def: { meta?: { policy?: string }; type: WalkedProcedure['type']; inputs?: unknown[] } };

/** Every procedure, flat by dotted path, with its policy and its (first) input schema. */
export function walkRouter(): WalkedProcedure[] {
  // Typed as the nested router record, but at run time a flat record of dotted path → procedure.
  const flat = appRouter._def.procedures as unknown as Record<string, RawProcedure>;
  return Object.entries(flat).map(([path, p]) => {
    const policyName = p._def.meta?.policy ?? '';
    return {
      path,
      type: p._def.type,
      policyName,
      policy: Object.values(POLICIES).find((x) => x.name === policyName),
      input: p._def.inputs?.[0] as WalkedProcedure['input'],
    };
  });
}

/** Calls a procedure by its dotted path on a caller. */
export function callPath(caller: object, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

const ID_KEY = /^id$|Id$|Ids$/;

/** The keys that name records (`id`, `…Id`, `…Ids`) anywhere in an input schema. */
export function idFieldsOf(schema: Schema | undefined): string[] {
  const found = new Set<string>();
  const visit = (s: Schema | undefined, depth: number) => {
    if (!s || depth > 6) return;
    const d = s._zod.def;
    if (d.type === 'object')
      for (const [k, v] of Object.entries(d.shape ?? {})) {
        if (ID_KEY.test(k)) found.add(k);
        visit(v, depth + 1);
      }
    for (const inner of [d.innerType, d.in, d.out, d.element, d.left, d.right, ...(d.options ?? [])])
      visit(inner, depth + 1);
  };
  visit(schema, 0);
  return [...found];
}

/**
 * A value the schema accepts with the given keys fixed, or undefined when none is found in `tries` samples
 * (deterministic: a fixed seed).
 */
export function validInput(
  procedure: WalkedProcedure,
  overrides: Record<string, unknown>,
  tries = 300,
): { value: unknown } | undefined {
  if (!procedure.input) return { value: undefined };
  const fixed = Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, fc.constant(v)]));
  const samples = fc.sample(validArbitrary(procedure.input, fixed), { numRuns: tries, seed: 12 });
  const value = samples.find((s) => procedure.input!.safeParse(s).success);
  return value === undefined ? undefined : { value };
}
