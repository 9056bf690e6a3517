import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One benchmark figure: what, its median and p95 (ms) or a rate, the floor beside it, and the target it meets. */
export type Figure = {
  group: string;
  name: string;
  unit: 'ms' | 'req/s' | 'studies/s' | 'KB' | 'MB' | 's';
  median: number;
  p95?: number;
  n?: number;
  /** The same result computed in process on better-sqlite3 (no HTTP, tRPC, session or serialisation). */
  floorMedian?: number;
  /** median ÷ floor median. */
  ratio?: number;
  errors?: number;
  target?: string;
  meets?: boolean;
  note?: string;
};

export const RESULTS_FILE = fileURLToPath(new URL('../../../bench/results.json', import.meta.url));

export function quantile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
}

export async function timeAsync(fn: () => Promise<unknown>, n: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function timeSync(fn: () => unknown, n: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** A latency figure from samples, optionally beside its floor's samples. */
export function latency(
  group: string,
  name: string,
  samples: number[],
  opts: { floor?: number[]; target?: string; meets?: (f: Figure) => boolean; note?: string } = {},
): Figure {
  const f: Figure = {
    group,
    name,
    unit: 'ms',
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    n: samples.length,
    ...(opts.target && { target: opts.target }),
    ...(opts.note && { note: opts.note }),
  };
  if (opts.floor) {
    f.floorMedian = quantile(opts.floor, 0.5);
    f.ratio = f.median / f.floorMedian;
  }
  if (opts.meets) f.meets = opts.meets(f);
  return f;
}

const fmt = (v: number | undefined, digits = 1) => (v === undefined || Number.isNaN(v) ? '' : v.toFixed(digits));

/** One table: figure, median, p95, floor, ratio, errors, target, ✓/✗. */
export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => ({
    group: f.group,
    figure: f.name,
    median: `${fmt(f.median, f.unit === 'ms' ? 1 : 0)} ${f.unit}`,
    p95: fmt(f.p95),
    floor: fmt(f.floorMedian, 2),
    ratio: f.ratio === undefined ? '' : `${f.ratio.toFixed(1)}×`,
    errors: f.errors === undefined ? '' : String(f.errors),
    target: f.target ?? '',
    ok: f.meets === undefined ? '' : f.meets ? 'yes' : 'NO',
  }));
  const cols = Object.keys(rows[0] ?? {}) as (keyof (typeof rows)[number])[];
  const width = (c: (typeof cols)[number]) => Math.max(c.length, ...rows.map((r) => [...r[c]].length));
  const line = (cells: Record<string, string>) => cols.map((c) => cells[c]!.padEnd(width(c))).join('  ');
  console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
  for (const r of rows) console.log(line(r));
}

/** Merges this run's figures into bench/results.json under `key`, keeping other groups' results (e.g. `web`). */
export function writeResults(key: string, payload: Record<string, unknown>): void {
  const previous = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>)
    : {};
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    `${JSON.stringify({ ...previous, [key]: { at: new Date().toISOString(), ...payload } }, null, 2)}\n`,
  );
}
