import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCtgovStudies } from '../../apps/server/src/registry-api.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const study = (n: number) => ({
  protocolSection: {
    identificationModule: { nctId: `NCT0900010${n}`, briefTitle: `Fixture study ${n}` },
    statusModule: { overallStatus: 'RECRUITING', lastUpdatePostDateStruct: { date: '2025-01-01' } },
    contactsLocationsModule: {
      locations: [{ facility: 'Jiangsu Province Hospital', city: 'Nanjing', country: 'China' }],
    },
  },
});

/** A stand-in for the CT.gov API v2 on 127.0.0.1: two pages linked by nextPageToken. */
let server: Server;
let base: string;
const requests: URLSearchParams[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/api/v2/studies') {
      res.writeHead(404).end();
      return;
    }
    requests.push(url.searchParams);
    const second = url.searchParams.get('pageToken') === 'page-2';
    const body = second ? { studies: [study(3)] } : { studies: [study(1), study(2)], nextPageToken: 'page-2' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('CT.gov API v2 paging', () => {
  it('follows nextPageToken through both pages with the query', async () => {
    requests.length = 0;
    const result = await fetchCtgovStudies(base, 'lung cancer', { pageSize: 2 });
    expect(result.pages).toBe(2);
    expect(result.studies).toHaveLength(3);
    expect(requests.map((r) => [r.get('query.term'), r.get('pageToken'), r.get('pageSize')])).toEqual([
      ['lung cancer', null, '2'],
      ['lung cancer', 'page-2', '2'],
    ]);
  });

  it('stops with the URL and status on an HTTP error', async () => {
    await expect(fetchCtgovStudies(`${base}/missing`, 'x')).rejects.toThrow(/HTTP 404/);
  });

  it('`ctp import ctgov --api` imports every page once; a second run skips them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctp-registry-api-'));
    const run = () =>
      new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(
          process.execPath,
          [
            '--import',
            'tsx',
            join(ROOT, 'apps/server/src/cli.ts'),
            'import',
            'ctgov',
            '--api',
            base,
            '--query',
            'lung cancer',
          ],
          {
            cwd: ROOT,
            env: {
              ...process.env,
              NODE_ENV: 'development',
              CTP_DB: join(dir, 'ctp.sqlite'),
              CTP_DATA_DIR: join(dir, 'files'),
            },
            timeout: 60_000,
          },
          (error, stdout) => resolve({ code: error ? Number(error.code) || 1 : 0, stdout }),
        );
      });
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/completed .*studies 3, created 3/);
    const second = await run();
    expect(second.stdout).toMatch(/studies 3, created 0, updated 0, skipped 3/);
  }, 120_000);
});
