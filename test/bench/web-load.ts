/**
 * Web delivery figures (issue 16): the JS and CSS bytes a first visit downloads, and the time to the first meaningful
 * paint on a throttled line, measured in Debian's headless Chromium against the real server. Printed, never asserted.
 *
 * - First load: every script and stylesheet requested by a cold-cache visit of /login (signed out) and of /search
 *   (signed in), counted as bytes on the wire (what the server sent, compressed or not) and as gzip (the usual yardstick,
 *   computed here at level 9 from the decoded bodies, so the figure is comparable whether or not the server compresses).
 * - First meaningful paint: milliseconds from navigation start to the first animation frame in which the page's real
 *   content is in the DOM (search: a result card; commission dashboard: the headline figures), throttled to 10 Mbit/s
 *   with 40 ms of latency (CDP Network.emulateNetworkConditions), cold cache (median of several runs), then once more
 *   with the cache warm (a returning visitor).
 * - antd's CSS-in-JS: the style text antd writes into <style> elements at run time on each page.
 */
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page, Request } from 'playwright-core';
import { launchBrowser, newContext } from '../helpers/browser.ts';
import { startTestServer } from '../helpers/test-app.ts';

export const THROTTLE = { downloadMbit: 10, uploadMbit: 10, latencyMs: 40 } as const;
export const FIRST_LOAD_TARGET_KB = 250;
export const FMP_TARGET_MS = 1500;

export type AssetTransfer = { path: string; type: 'script' | 'stylesheet'; wireBytes: number; gzipBytes: number };
export type FirstLoad = {
  page: string;
  assets: AssetTransfer[];
  wireKB: number;
  gzipKB: number;
  /** Characters of CSS antd generated in the page at run time (CSS-in-JS), after the content rendered. */
  runtimeStyleKB: number;
};
export type PaintFigure = {
  page: string;
  coldMedianMs: number;
  coldRunsMs: number[];
  warmMs: number;
  /**
   * Median ms from navigation start to the last script or stylesheet the page had received by the paint: the part
   * that delivery (bytes, compression, round trips) decides; the rest is the API and the CPU (a loaded machine).
   */
  coldCodeReadyMs: number;
};
export type WebLoadFigures = {
  throttle: typeof THROTTLE;
  firstLoad: FirstLoad[];
  paint: PaintFigure[];
  targets: { firstLoadKB: number; paintMs: number };
  /** Paint times are CPU-bound on a shared machine: the 1-minute load average before and after, and the cores. */
  machine: { cores: number; loadBefore: number; loadAfter: number };
};

type Target = { page: string; path: string; email: string | null; ready: string };

/** The pages measured: what a first-time visitor sees, and the two pages the issue names. */
export const TARGETS: Target[] = [
  { page: 'login', path: '/login', email: null, ready: '[data-testid="login-submit"]' },
  { page: 'search', path: '/search', email: 'sponsor@demo.ctp', ready: '[data-testid="search-result"]' },
  { page: 'commission', path: '/commission', email: 'commission@demo.ctp', ready: '[data-testid="overview-cards"]' },
];

const KB = 1024;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Records, in the page, the first frame in which `selector` matches (performance.now(): ms since navigation start).
 * A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
 */
function watchForContent(selector: string): string {
  return `(() => {
    const tick = () => {
      if (document.querySelector(${JSON.stringify(selector)})) window.__ctpPaint = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })();`;
}

async function signedInContext(browser: Browser, baseUrl: string, email: string | null): Promise<BrowserContext> {
  const context = await newContext(browser);
  if (!email) return context;
  const res = await context.request.post(`${baseUrl}/trpc/auth.login`, {
    data: { json: { email, password: 'ctp-demo-2026' } },
    headers: { 'content-type': 'application/json' },
  });
  if (!res.ok()) throw new Error(`sign-in as ${email} failed: ${res.status()} ${await res.text()}`);
  return context;
}

async function coldPage(context: BrowserContext, throttled: boolean): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  if (throttled) await throttle(cdp);
  return { page, cdp };
}

function throttle(cdp: CDPSession) {
  return cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLE.latencyMs,
    downloadThroughput: (THROTTLE.downloadMbit * 1_000_000) / 8,
    uploadThroughput: (THROTTLE.uploadMbit * 1_000_000) / 8,
  });
}

async function measureFirstLoad(browser: Browser, baseUrl: string, target: Target): Promise<FirstLoad> {
  const context = await signedInContext(browser, baseUrl, target.email);
  try {
    const { page } = await coldPage(context, false);
    const requests: Request[] = [];
    page.on('requestfinished', (r) => {
      if (r.resourceType() === 'script' || r.resourceType() === 'stylesheet') requests.push(r);
    });
    await page.goto(`${baseUrl}${target.path}`);
    await page.waitForSelector(target.ready, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const assets: AssetTransfer[] = [];
    for (const r of requests) {
      const response = await r.response();
      if (!response) continue;
      const body = await response.body();
      const sizes = await r.sizes();
      assets.push({
        path: new URL(r.url()).pathname,
        type: r.resourceType() as AssetTransfer['type'],
        wireBytes: sizes.responseBodySize,
        gzipBytes: gzipSync(body, { level: 9 }).length,
      });
    }
    const runtimeStyleChars = await page.evaluate(() =>
      [...document.querySelectorAll('style')].reduce((n, s) => n + (s.textContent?.length ?? 0), 0),
    );
    const sum = (k: 'wireBytes' | 'gzipBytes') => round1(assets.reduce((n, a) => n + a[k], 0) / KB);
    return {
      page: target.page,
      assets,
      wireKB: sum('wireBytes'),
      gzipKB: sum('gzipBytes'),
      runtimeStyleKB: round1(runtimeStyleChars / KB),
    };
  } finally {
    await context.close();
  }
}

async function paintOnce(page: Page, baseUrl: string, target: Target): Promise<{ paint: number; codeReady: number }> {
  await page.goto(`${baseUrl}${target.path}`);
  await page.waitForFunction(() => (window as unknown as { __ctpPaint?: number }).__ctpPaint !== undefined, null, {
    timeout: 60_000,
  });
  const [paint, codeReady] = await page.evaluate(() => {
    const at = (window as unknown as { __ctpPaint: number }).__ctpPaint;
    const code = performance
      .getEntriesByType('resource')
      .filter((e) => /\.(js|css)$/.test(new URL(e.name).pathname) && e.startTime < at)
      .map((e) => (e as PerformanceResourceTiming).responseEnd);
    return [at, Math.max(0, ...code)];
  });
  return { paint: Math.round(paint), codeReady: Math.round(codeReady) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measurePaint(browser: Browser, baseUrl: string, target: Target, runs: number): Promise<PaintFigure> {
  const context = await signedInContext(browser, baseUrl, target.email);
  await context.addInitScript({ content: watchForContent(target.ready) });
  try {
    const cold: number[] = [];
    const codeReady: number[] = [];
    let warm = 0;
    for (let i = 0; i < runs; i++) {
      const { page } = await coldPage(context, true);
      const run = await paintOnce(page, baseUrl, target);
      cold.push(run.paint);
      codeReady.push(run.codeReady);
      // The same tab again: scripts and styles come from the cache if their headers allow it.
      if (i === runs - 1) warm = (await paintOnce(page, baseUrl, target)).paint;
      await page.close();
    }
    return {
      page: target.page,
      coldMedianMs: median(cold),
      coldRunsMs: cold,
      warmMs: warm,
      coldCodeReadyMs: median(codeReady),
    };
  } finally {
    await context.close();
  }
}

/**
 * Measures against `baseUrl` when given (a running server), else against a fresh in-process server on the seeded
 * demo serving `webDist` (default: the built app, `pnpm build`; another build to compare with).
 */
export async function benchWebLoad(
  opts: { baseUrl?: string; runs?: number; webDist?: string } = {},
): Promise<WebLoadFigures> {
  const server = opts.baseUrl ? null : await startTestServer(opts.webDist ? { CTP_WEB_DIST: opts.webDist } : {});
  const baseUrl = opts.baseUrl ?? server!.url;
  const browser = await launchBrowser();
  const loadBefore = loadavg()[0]!;
  try {
    const firstLoad: FirstLoad[] = [];
    for (const t of TARGETS.filter((t) => t.page !== 'commission'))
      firstLoad.push(await measureFirstLoad(browser, baseUrl, t));
    const paint: PaintFigure[] = [];
    for (const t of TARGETS.filter((t) => t.page !== 'login'))
      paint.push(await measurePaint(browser, baseUrl, t, opts.runs ?? 5));
    return {
      throttle: THROTTLE,
      firstLoad,
      paint,
      targets: { firstLoadKB: FIRST_LOAD_TARGET_KB, paintMs: FMP_TARGET_MS },
      machine: { cores: cpus().length, loadBefore: round1(loadBefore), loadAfter: round1(loadavg()[0]!) },
    };
  } finally {
    await browser.close();
    await server?.close();
  }
}

/** The figures as table rows (`what`, `figure`, `target`) for the benchmark's printout. */
export function webLoadRows(f: WebLoadFigures): { what: string; figure: string; target: string }[] {
  const line = `${f.throttle.downloadMbit} Mbit/s, ${f.throttle.latencyMs} ms, load ${f.machine.loadBefore}–${f.machine.loadAfter} on ${f.machine.cores} cores`;
  return [
    ...f.firstLoad.map((l) => ({
      what: `first load of /${l.page === 'login' ? 'login' : l.page}: JS+CSS gzip (on the wire; antd runtime CSS)`,
      figure: `${l.gzipKB} KB (${l.wireKB} KB; ${l.runtimeStyleKB} KB) in ${l.assets.length} files`,
      target: `≤ ${f.targets.firstLoadKB} KB`,
    })),
    ...f.paint.map((p) => ({
      what: `first meaningful paint of ${p.page}, ${line}: cold median (warm; code received by)`,
      figure: `${p.coldMedianMs} ms (${p.warmMs} ms; ${p.coldCodeReadyMs} ms); runs ${p.coldRunsMs.join(', ')}`,
      target: `≤ ${f.targets.paintMs} ms`,
    })),
  ];
}
