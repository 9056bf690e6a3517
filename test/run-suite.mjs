// `pnpm test`: the whole suite as two vitest runs side by side: the browser files (project `e2e`, one file at a time)
// and the rest (`unit`, `integration`). Within one vitest run a project whose files go one at a time does not share
// the machine with the others' files: they waited for it, while it left a third of the two cores idle (a browser file
// mostly waits for its page). Side by side, the rest of the suite fills that idle time.
// With arguments (`pnpm test <file>`, `pnpm test --project unit`), one plain `vitest run` with them.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

/** Resolves with the run's exit code (1 when a signal ended it). */
function vitest(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [VITEST, 'run', ...args], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const args = process.argv.slice(2);
const runs = args.length
  ? [args]
  : [
      ['--project', 'e2e'],
      ['--project', 'unit', '--project', 'integration'],
    ];
const codes = await Promise.all(runs.map(vitest));
process.exit(codes.find((code) => code !== 0) ?? 0);
