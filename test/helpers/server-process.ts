import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, migrateDatabase, openDatabase } from '@ctp/db';
import { seedDemo } from '@ctp/domain';
import { prepareDataPaths } from '../../apps/server/src/database.ts';
import { selectPiSite } from './fixtures.ts';
import { callerAs } from './test-app.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(ROOT, 'apps/server/src/main.ts');

export type ServerProcess = {
  url: string;
  pid: number;
  child: ChildProcess;
  /** SIGKILL, as a power cut would leave the process: no shutdown hook runs. Resolves once it is gone. */
  kill9: () => Promise<void>;
  /** SIGTERM: the graceful shutdown of main.ts. */
  stop: () => Promise<void>;
  /** Resident memory of the server process, in MB (Linux /proc). */
  rssMb: () => number;
  output: () => string;
};

export const dataPaths = (dir: string) => ({
  dbPath: join(dir, 'ctp.sqlite'),
  filesDir: join(dir, 'files'),
  auditHead: { headFile: join(dir, 'ctp.sqlite.audit-head.json'), keyFile: join(dir, 'ctp.sqlite.audit-head.key') },
});

/** How the server is run: from its sources through tsx (the default), or the bundle `pnpm build` makes. */
export const SERVER_FROM_SOURCES = ['--import', 'tsx', MAIN];
export const SERVER_BUNDLE = [join(ROOT, 'apps/server/dist/main.mjs')];

/**
 * The real server (`apps/server/src/main.ts`) as a child process on a free loopback port over the data folder
 * `dir`. Run as `node --import tsx` (what the tsx binary spawns) so that the pid is the server's own: a kill -9 of
 * a wrapper would leave the server running. `nodeArgs: SERVER_BUNDLE` runs the built bundle instead.
 */
export async function spawnServer(
  dir: string,
  env: Record<string, string> = {},
  timeoutMs = 180_000,
  nodeArgs: string[] = SERVER_FROM_SOURCES,
): Promise<ServerProcess> {
  const { dbPath, filesDir } = dataPaths(dir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      CTP_DB: dbPath,
      CTP_DATA_DIR: filesDir,
      CTP_LOG_LEVEL: 'warn',
      CTP_WEB_DIST: join(dir, 'no-web'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  // Ready when /healthz answers (whatever the log level); gone if the process exits first.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`server exited (${exitCode}) before serving:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within ${timeoutMs} ms:\n${out}`);
    }
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    child,
    output: () => out,
    kill9: async () => {
      if (exitCode !== undefined) return;
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      await exited;
    },
    rssMb: () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
  };
}

/** A port free right now on loopback (the kernel picks it; the server binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A data folder ready to serve: the demo (users, no history, to start in seconds) plus a trial whose PI site has a
 * draft submission for uploads. Made in this process, through the use-cases, before any server opens it.
 */
export async function prepareDataDir(dir: string): Promise<{ submissionId: string }> {
  const { dbPath, filesDir } = dataPaths(dir);
  prepareDataPaths({ dbPath, dataDir: filesDir });
  const handle = openDatabase(dbPath);
  try {
    migrateDatabase(handle);
    await seedDemo({
      db: handle.db,
      ctx: { actor: null, now: Date.now, requestId: 'test-seed' },
      withUsers: true,
      withRosters: false,
    });
    const sponsor = callerAs(handle, 'sponsor@demo.ctp');
    const { id: trialId } = await sponsor.trials.create({
      titleZh: '故障注入测试试验',
      type: 'drug',
      phase: 'II',
      conditions: ['胃癌'],
      targetEnrolment: 40,
      riskLevel: 'low',
    });
    const trialSiteId = await selectPiSite(handle, sponsor, trialId);
    const { id } = await callerAs(handle, 'site@demo.ctp').submissions.create({ trialSiteId, type: 'initial' });
    return { submissionId: id };
  } finally {
    closeDatabase(handle);
  }
}
