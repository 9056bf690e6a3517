import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@ctp/domain';
import { ensureServerBundle } from '../../../apps/server/scripts/bundle.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type BenchServer = {
  url: string;
  /** performance.now() when the process was spawned. */
  spawnedAt: number;
  pid: number;
  coldStartMs: number;
  /** Resolves once the server's start-up work after listen (read model warm-up, first reminder sweep) is done. */
  settled: () => Promise<void>;
  stop: () => Promise<void>;
  output: () => string;
};

/** How `pnpm start` runs the server: the esbuild bundle (apps/server/dist/main.mjs) with plain node. */
export const SERVER_BUNDLE = join(ROOT, 'apps/server/dist/main.mjs');

/**
 * The real server as `pnpm start` runs it (the bundle, built first if missing or older than its sources) on a free
 * port over `dbPath`, timed from spawn to the first 200 of /healthz (polled every 10 ms): the cold start. Logging
 * stays at the server's default (`info`), so request logging is part of every figure. The log goes to a file, as a
 * deployment's goes to its journal: read through a pipe by this process, which is also the load generator, it
 * throttled the server (pino writes synchronously and waited on the full pipe: info measured at ~55 % of warn; to a
 * file, no difference).
 */
export async function startBenchServer(dbPath: string, env: Record<string, string> = {}): Promise<BenchServer> {
  await ensureServerBundle();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(mkdtempSync(join(tmpdir(), 'ctp-bench-log-')), 'server.log');
  const logFd = openSync(logFile, 'a');
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [SERVER_BUNDLE], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      CTP_DB: dbPath,
      CTP_DATA_DIR: mkdtempSync(join(tmpdir(), 'ctp-bench-files-')),
      CTP_WEB_DIST: join(tmpdir(), 'ctp-bench-no-web'),
      CTP_SEED_DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const tail = () => {
    const text = readFileSync(logFile, 'utf8');
    return text.slice(-4000);
  };
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  for (;;) {
    if (exited) throw new Error(`server exited before serving:\n${tail()}`);
    if (performance.now() - started > 120_000) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within 120 s:\n${tail()}`);
    }
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const coldStartMs = performance.now() - started;
  return {
    url,
    spawnedAt: started,
    pid: child.pid!,
    coldStartMs,
    output: tail,
    settled: async () => {
      // The read model's warm-up and then the first reminder sweep run after listen, in slices between requests; a
      // figure taken meanwhile measures them too. Steady state is after the first sweep's log line.
      const deadline = performance.now() + 300_000;
      while (!readFileSync(logFile, 'utf8').includes('"msg":"reminder sweep done"')) {
        if (exited) throw new Error(`server exited:\n${tail()}`);
        if (performance.now() > deadline) throw new Error(`no reminder sweep within 300 s:\n${tail()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      await gone;
    },
  };
}

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

/** Signs a demo account in over HTTP; returns the cookie header value. */
export async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { email, password: DEMO_PASSWORD } }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const raw = res.headers.getSetCookie().find((c) => c.startsWith('ctp_session='));
  if (!raw) throw new Error('no session cookie');
  return raw.split(';')[0]!;
}

/** The URL of a tRPC query with its superjson-enveloped input. */
export const queryUrl = (url: string, path: string, input: unknown) =>
  `${url}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;

/** One tRPC query over HTTP; returns the decoded result or throws with the status. */
/**
 * A GET that survives one stale keep-alive socket: while this process computes a floor for minutes, the server
 * closes the idle connection (its keep-alive timeout), and the next request on it fails once.
 */
async function fetchOnceMore(target: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(target, init);
  } catch {
    return fetch(target, init);
  }
}

export async function query<T>(url: string, cookie: string, path: string, input?: unknown): Promise<T> {
  const res = await fetchOnceMore(queryUrl(url, path, input), { headers: { cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}

export async function mutate<T>(url: string, cookie: string, path: string, input: unknown): Promise<T> {
  const res = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ json: input }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}
