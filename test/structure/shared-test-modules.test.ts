import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The `integration` and `e2e` projects run with `isolate: false` (vitest.config.ts): a worker keeps the modules one
 * test file loaded for the next file. That is safe only while no such file changes what a module or the process
 * means to the next one: no module mocks, no stubbed globals or environment, no fake timers, no spies left on a
 * shared object. A file that needs one belongs in the `unit` project, which stays isolated.
 */
const ROOT = join(import.meta.dirname, '../..');

/** What the two shared-module projects run and import (their test files and the helpers they share). */
const SHARED = ['packages', 'apps', 'test/http', 'test/flows', 'test/faults', 'test/e2e', 'test/helpers'];
const isSharedFile = (path: string) =>
  /\.int\.test\.ts$/.test(path) ||
  /^test\/(http|flows|faults)\/.*\.test\.ts$/.test(path) ||
  /^test\/e2e\/.*\.ts$/.test(path) ||
  (/^test\/helpers\/.*\.ts$/.test(path) && !/\.test\.ts$/.test(path));

/** Calls that change a module, a global, the environment or the clock for whoever runs next in the worker. */
const CHANGES_THE_WORKER =
  /\bvi\.(mock|doMock|hoisted|stubGlobal|stubEnv|useFakeTimers|spyOn|setSystemTime)\(|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|process\.chdir\(/;

/** Global setups run once in vitest's main process, never in a worker: setting the environment is their job. */
const GLOBAL_SETUPS = ['test/helpers/seed-templates.ts', 'test/e2e/build-web.ts'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'dist') return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path) : e.name.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

describe('test files that share a worker leave it as they found it', () => {
  const shared = SHARED.flatMap((d) => files(join(ROOT, d))).filter(isSharedFile);

  it('finds the files of both projects and the pattern catches what it names (so the check cannot pass vacuously)', () => {
    expect(shared).toContain('test/e2e/english-walk.e2e.test.ts');
    expect(shared).toContain('test/http/health.test.ts');
    expect(shared).toContain('packages/api/src/routers/audit.int.test.ts');
    expect(shared).not.toContain('apps/web/src/lib/beijing-time.test.ts');
    for (const call of [
      "vi.mock('x')",
      'vi.spyOn(a, b)',
      'process.env.TZ = z',
      "process.env['A'] = b",
      'vi.useFakeTimers()',
    ])
      expect(CHANGES_THE_WORKER.test(call), call).toBe(true);
    expect(CHANGES_THE_WORKER.test("process.env.TZ === 'x'")).toBe(false);
  });

  it('none mocks a module, stubs a global or the environment, or fakes the clock', () => {
    const offenders = shared
      .filter((f) => !GLOBAL_SETUPS.includes(f))
      .filter((f) => CHANGES_THE_WORKER.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
