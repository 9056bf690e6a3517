import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../../apps/server/src/static-assets.ts';
import { startTestServer } from '../helpers/test-app.ts';

/** A GET whose Accept-Encoding is exactly ours, and whose body is returned as sent (fetch would decompress it). */
function rawGet(url: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(url, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** A built web app in miniature: a hashed script big enough to compress, an index page and an unhashed public file. */
function webDist() {
  const dir = mkdtempSync(join(tmpdir(), 'ctp-web-'));
  mkdirSync(join(dir, 'assets'));
  const script = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, name: `行 ${i}` })))};\n`;
  writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), script);
  writeFileSync(join(dir, 'assets', 'tiny-Zz99Yy88.js'), 'export {};\n');
  const html = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<!-- CTP -->'.repeat(200)}<div id="root"></div></body></html>`;
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'favicon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(400)}</svg>`);
  const summary = precompressDirectory(dir);
  return { dir, script, html, summary };
}

describe('static web app served like a CDN (issue 16)', () => {
  const web = webDist();
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ CTP_WEB_DIST: web.dir });
  });
  afterAll(() => server.close());

  it('pre-compresses the text files worth compressing, and not the tiny ones', () => {
    expect(web.summary.files).toBe(3);
    expect(web.summary.brotliBytes).toBeLessThan(web.summary.bytes / 3);
  });

  it('sends a hashed script as brotli when the browser takes it, cached for a year, immutable', async () => {
    const res = await rawGet(`${server.url}/assets/index-Ab12Cd34.js`, 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.body).toString()).toBe(web.script);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(web.script) / 3);
  });

  it('sends gzip to a client without brotli, and the plain file to one that asks for no encoding', async () => {
    const gz = await rawGet(`${server.url}/assets/index-Ab12Cd34.js`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(web.script);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await rawGet(`${server.url}/assets/index-Ab12Cd34.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(web.script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends a hashed file too small to compress as it is, still immutable', async () => {
    const res = await rawGet(`${server.url}/assets/tiny-Zz99Yy88.js`, 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('makes the browser revalidate index.html, at / and at a client-side route, compressed', async () => {
    for (const path of ['/', '/index.html', '/search', '/commission/drill']) {
      const res = await rawGet(`${server.url}${path}`, 'br, gzip');
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/text\/html/);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.headers['content-encoding'], path).toBe('br');
      expect(brotliDecompressSync(res.body).toString(), path).toBe(web.html);
    }
  });

  it('makes the browser revalidate unhashed public files', async () => {
    const res = await rawGet(`${server.url}/favicon.svg`, 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-type']).toMatch(/image\/svg\+xml/);
  });

  it('answers a missing asset with a 404, not the app shell', async () => {
    const res = await rawGet(`${server.url}/assets/missing-00000000.js`, 'br, gzip');
    expect(res.status).toBe(404);
  });
});
