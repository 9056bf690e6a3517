import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The use-case context comes from the guard (issue 15): `guarded(policy)` checks the policy and hands the resolver
 * `ctx.uc`, an `ActorCtx` with a non-null actor for every policy but `public`. So a router never builds the context
 * itself (`useCaseCtx(ctx)` would drop the narrowing), and a use-case that needs a signed-in actor takes `ActorCtx`
 * rather than asserting one with `ctx.actor!`.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const ROUTERS = 'packages/api/src/routers';
const DOMAIN = 'packages/domain/src';
const API = 'packages/api/src';
const CONTRACTS = 'packages/contracts/src';

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** `file:line` of every line of the non-test sources under `dir` that matches `pattern`. */
function offendingLines(dir: string, pattern: RegExp): string[] {
  return sourceFiles(join(ROOT, dir)).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) && !COMMENT.test(line) ? [`${relative(ROOT, file)}:${i + 1}`] : [])),
  );
}

const BUILDS_CONTEXT = /\buseCaseCtx\(/;
/**
 * A non-null assertion on an actor, however it is reached: `ctx.actor!`, a local alias `actor!`, `input.actor!`.
 * (`!==`/`!=` are comparisons, not assertions.) Comments are exempt, so a doc may name the pattern it forbids.
 */
const ASSERTS_ACTOR = /\bactor!(?!=)/;
const COMMENT = /^\s*(\/\/|\/?\*)/;

describe('the use-case context comes from the guard', () => {
  it('reads the routers and the domain', () => {
    // A guard on the reader: if the walk found nothing, the two checks below would pass vacuously.
    expect(sourceFiles(join(ROOT, ROUTERS)).length).toBeGreaterThan(15);
    expect(sourceFiles(join(ROOT, DOMAIN)).length).toBeGreaterThan(200);
    expect(offendingLines(ROUTERS, /\bctx\.uc\b/).length).toBeGreaterThan(100);
  });

  it('the patterns catch what they are meant to', () => {
    expect(BUILDS_CONTEXT.test('getTrial({ ctx: useCaseCtx(ctx), input })')).toBe(true);
    expect(BUILDS_CONTEXT.test('getTrial({ ctx: ctx.uc, input })')).toBe(false);
    expect(ASSERTS_ACTOR.test('createdBy: ctx.actor!.userId,')).toBe(true);
    expect(ASSERTS_ACTOR.test('uploadedBy: actor!.userId,')).toBe(true);
    expect(ASSERTS_ACTOR.test("isLeadEc && actor!.role !== 'ec_member'")).toBe(true);
    expect(ASSERTS_ACTOR.test('if (actor!==null)')).toBe(false);
    expect(ASSERTS_ACTOR.test('reactor!.x')).toBe(false);
    expect(ASSERTS_ACTOR.test('createdBy: ctx.actor.userId,')).toBe(false);
    expect(ASSERTS_ACTOR.test('if (ctx.actor !== null)')).toBe(false);
    expect(ASSERTS_ACTOR.test('const org = actor!.orgId;')).toBe(true);
    expect(ASSERTS_ACTOR.test('if (!actor || !isBaseMember(actor, ids)) return false;')).toBe(false);
  });

  it('no router builds the use-case context itself: resolvers pass `ctx.uc`', () => {
    expect(offendingLines(ROUTERS, BUILDS_CONTEXT)).toEqual([]);
  });

  it('no use-case asserts a signed-in actor with `actor!`: it takes an `ActorCtx` or checks', () => {
    expect(offendingLines(DOMAIN, ASSERTS_ACTOR)).toEqual([]);
    expect(offendingLines(API, ASSERTS_ACTOR)).toEqual([]);
  });

  it('no shared policy in contracts asserts an actor with `actor!`: it narrows explicitly', () => {
    expect(sourceFiles(join(ROOT, CONTRACTS)).length).toBeGreaterThan(30);
    expect(offendingLines(CONTRACTS, ASSERTS_ACTOR)).toEqual([]);
  });
});
