import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup (projects `integration` and `e2e`): one folder per test run where the first test file that needs
 * a seeded demo writes it (test-app.ts `createSeededDatabase`) and every later file, in any worker, loads a copy in
 * milliseconds instead of seeding again (seconds per file; the demo with 24 months of history takes ten or more).
 * Per run, never across runs, so a template never outlives the code that seeded it. Both projects' setups run in the
 * one main process and share the folder through the environment the test workers inherit.
 */
export default function setup() {
  if (process.env.CTP_TEST_TEMPLATES) return;
  const dir = mkdtempSync(join(tmpdir(), 'ctp-templates-'));
  process.env.CTP_TEST_TEMPLATES = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env.CTP_TEST_TEMPLATES;
  };
}
