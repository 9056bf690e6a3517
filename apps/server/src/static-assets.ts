import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * The web app served as a CDN would serve it (issue 16). The build writes a brotli and a gzip copy beside every text
 * asset (`precompressDirectory`, called by apps/web/vite.config.ts); @fastify/static picks one by the request's
 * Accept-Encoding (`preCompressed`), so nothing is compressed per request. Vite names everything under `assets/` by
 * its content hash: those files never change under the same name and are cached for a year, `immutable` (no
 * revalidation on reload). Everything else — index.html, which names the current hashes, and the unhashed public
 * files — is `no-cache`: the browser keeps it but asks (ETag) before each use, so a deploy is seen at once.
 */
export const HASHED_ASSETS_DIR = 'assets';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/i;
/** Below this, compression saves less than a packet and costs a second file. */
const MIN_BYTES = 1024;

/** The Cache-Control of a file under the web root, by its path relative to that root. */
export function cacheControlFor(relativePath: string): string {
  const first = relativePath.split(/[\\/]/)[0];
  return first === HASHED_ASSETS_DIR ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}

/** `setHeaders` for @fastify/static: the served file may be the `.br`/`.gz` sibling; the policy is the original's. */
export function staticHeaders(root: string) {
  return (reply: { header: (name: string, value: string) => unknown }, filePath: string) => {
    const original = filePath.replace(/\.(br|gz)$/, '');
    reply.header('cache-control', cacheControlFor(relative(root, original).split(sep).join('/')));
  };
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(p);
    else yield p;
  }
}

export type PrecompressSummary = { files: number; bytes: number; brotliBytes: number; gzipBytes: number };

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside each text file of `dir` worth compressing, keeping
 * a copy only when it is smaller than the original (the server then falls back to the next encoding, or none).
 */
export function precompressDirectory(dir: string): PrecompressSummary {
  const summary: PrecompressSummary = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const file of [...filesUnder(dir)]) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) continue;
    const raw = readFileSync(file);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
    summary.files++;
    summary.bytes += raw.length;
    summary.brotliBytes += Math.min(br.length, raw.length);
    summary.gzipBytes += Math.min(gz.length, raw.length);
  }
  return summary;
}
