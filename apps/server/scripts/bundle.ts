/**
 * `pnpm build` (the server half): bundles `src/main.ts` and `src/cli.ts` with esbuild into `apps/server/dist/*.mjs`,
 * so that `pnpm start` runs plain `node` on two files instead of compiling hundreds of TypeScript modules with tsx
 * at every start (issue 16: cold start).
 *
 * The bundle runs from the checkout it was built in (dist/ sits beside src/):
 * - `import.meta.url` in every bundled file is rewritten to the URL of that file's original source, so the files
 *   found next to the sources (drizzle/ migrations, reference CSVs, the demo registries, apps/web/dist) resolve as
 *   they do under tsx.
 * - What cannot be bundled stays a real `import`, rewritten to the path of the file Node would load: the native
 *   better-sqlite3, and packages that read their own data files beside their code (pdfkit's fonts) or are large
 *   and only loaded for an export (exceljs).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const SERVER_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const OUT_DIR = join(SERVER_ROOT, 'dist');
/** The entries and their output names: `node apps/server/dist/main.mjs`, `node apps/server/dist/cli.mjs`. */
export const ENTRIES = { main: join(SERVER_ROOT, 'src/main.ts'), cli: join(SERVER_ROOT, 'src/cli.ts') };
/** Packages kept outside the bundle (see above). */
export const EXTERNAL_PACKAGES = ['better-sqlite3', 'pdfkit', 'exceljs'];

/** A relative module specifier from the output folder to `file`. */
const fromOutDir = (file: string) => {
  const rel = relative(OUT_DIR, file).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

/** `import.meta.url` → the URL of the original file, computed from the bundle's own URL (so the checkout may move). */
const sourceUrls: Plugin = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const url = `new URL(${JSON.stringify(fromOutDir(args.path))}, import.meta.url).href`;
      return {
        contents: text.replaceAll('import.meta.url', url),
        loader: args.path.endsWith('ts') ? 'ts' : 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
};

/** A kept-out package is imported by the path of the file Node would pick for it from the importing package. */
const externalsByPath: Plugin = {
  name: 'externals-by-path',
  setup(b) {
    const names = EXTERNAL_PACKAGES.map((n) => n.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|');
    b.onResolve({ filter: new RegExp(`^(${names})(/.*)?$`) }, async (args) => {
      if (args.pluginData === 'external-lookup') return undefined;
      const found = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'external-lookup',
      });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: fromOutDir(found.path), external: true };
    });
  },
};

/**
 * Builds both bundles; returns the files written. Each file is written beside its place and renamed over it, so a
 * server starting meanwhile (a test, the benchmark) reads the old bundle or the new one, never half of one.
 */
export async function bundleServer(): Promise<string[]> {
  mkdirSync(OUT_DIR, { recursive: true });
  const result = await build({
    entryPoints: ENTRIES,
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    // Bundled CommonJS calls require() for Node built-ins; an ESM file has none of its own.
    banner: {
      js: "import { createRequire as __ctpCreateRequire } from 'node:module';\nconst require = __ctpCreateRequire(import.meta.url);",
    },
    plugins: [externalsByPath, sourceUrls],
    logLevel: 'warning',
    write: false,
  });
  for (const file of result.outputFiles) {
    const pending = `${file.path}.${process.pid}.tmp`;
    writeFileSync(pending, file.contents);
    renameSync(pending, file.path);
  }
  return result.outputFiles.map((f) => f.path);
}

const REPO_ROOT = join(SERVER_ROOT, '../..');
/** What the bundle is made of: the server's and the packages' sources, this script, and the installed versions. */
const INPUTS = [
  'apps/server/src',
  'apps/server/scripts',
  'packages/api/src',
  'packages/contracts/src',
  'packages/db/src',
  'packages/domain/src',
  'pnpm-lock.yaml',
].map((p) => join(REPO_ROOT, p));

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Missing, or older than one of its sources. */
export function serverBundleIsStale(): boolean {
  const outputs = Object.keys(ENTRIES).map((name) => join(OUT_DIR, `${name}.mjs`));
  if (!outputs.every(existsSync)) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return INPUTS.some((p) => newestMtime(p) > built);
}

/** For the benchmark and the tests that run the bundle: build it when it is missing or stale. */
export async function ensureServerBundle(): Promise<void> {
  if (serverBundleIsStale()) await bundleServer();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const files = await bundleServer();
  const bundles = files.filter((f) => f.endsWith('.mjs')).map((f) => relative(process.cwd(), f));
  console.log(`server bundle: ${bundles.join(', ')} (${Math.round(performance.now() - started)} ms)`);
}
