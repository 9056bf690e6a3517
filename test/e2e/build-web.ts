import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'apps/web/dist/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Browser tests run against the built web app; build it when it is missing or older than its sources. */
export default function setup() {
  const sources = Math.max(newestMtime(join(root, 'apps/web/src')), newestMtime(join(root, 'packages/contracts/src')));
  if (existsSync(dist) && statSync(dist).mtimeMs >= sources) return;
  // The production build whatever the caller's NODE_ENV (vitest sets `test`, and Vite would then bundle React's
  // development build: twice the bytes and slower, so neither the tests nor the benchmark would see what users get).
  execFileSync('pnpm', ['--filter', '@ctp/web', 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
