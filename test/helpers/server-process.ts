import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/**
 * The real server (`apps/server/src/main.ts`) as a child process on a random loopback port over the data folder
 * `dir`. Run as `node --import tsx` (what the tsx binary spawns) so that the pid is the server's own: a kill -9 of
 * a wrapper would leave the server running.
 */
export function spawnServer(
  dir: string,
  env: Record<string, string> = {},
  timeoutMs = 180_000,
): Promise<ServerProcess> {
  const { dbPath, filesDir } = dataPaths(dir);
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      CTP_DB: dbPath,
      CTP_DATA_DIR: filesDir,
      CTP_LOG_LEVEL: 'info',
      CTP_WEB_DIST: join(dir, 'no-web'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /CTP is serving (http:\/\/[^\s"]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        const pid = child.pid!;
        resolve({
          url: match[1],
          pid,
          child,
          output: () => out,
          kill9: async () => {
            child.kill('SIGKILL');
            await exited;
          },
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
          rssMb: () => {
            const status = readFileSync(`/proc/${pid}/status`, 'utf8');
            return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before serving:\n${out}`));
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
