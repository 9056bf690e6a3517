import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'apps/server/src/cli.ts');

let dir: string;

function ctp(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', CLI, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'development', CTP_DB: join(dir, 'ctp.sqlite'), CTP_LOG_LEVEL: 'silent' },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('ctp calendar (issue 11)', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ctp-cli-calendar-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a year from CSV, completes it, lists and exports it; a wrong file names its line and changes nothing', async () => {
    const good = join(dir, '2030.csv');
    const bad = join(dir, '2031.csv');
    // An invented year far ahead: the test needs a schedule, not a guess at a real notice.
    writeFileSync(good, 'date,kind,name\n2030-01-01,holiday,元旦\n2030-01-05,makeup,元旦\n');
    writeFileSync(bad, 'date,kind,name\n2031-01-01,holiday,元旦\n2031-02-30,holiday,春节\n');
    expect((await ctp(['migrate'])).code).toBe(0);
    const imported = await ctp(['calendar', 'import', good, '--complete']);
    expect(imported.stdout).toContain('2030: 2 days entered (1 holidays, 1 make-up days)');
    expect(imported.stdout).toContain('2030 marked complete');
    const refused = await ctp(['calendar', 'import', bad]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Line 3 of the calendar file is wrong');
    const [list, exported] = await Promise.all([
      ctp(['calendar', 'list']),
      ctp(['calendar', 'export', '2030', '--format', 'csv']),
    ]);
    expect(list.stdout).toMatch(/^2030\s+admin\s+complete\s+1 holidays, 1 make-up days$/m);
    expect(list.stdout).not.toMatch(/^2031/m);
    expect(list.stdout).toMatch(/^2026\s+package\s+complete/m);
    expect(exported.stdout).toBe('date,kind,name\n2030-01-01,holiday,元旦\n2030-01-05,makeup,元旦\n');
  }, 120_000);
});
