/**
 * Where the CPU of a `--cpu-prof` profile went, by layer of the request path (issue 16): each sample is charged to
 * the innermost frame on its stack that belongs to a known layer (search, session, superjson, tRPC, logging, …), so
 * a JSON.stringify called by superjson counts as superjson and one called by tRPC as tRPC. Only the last `<seconds>`
 * of the profile count (the load, not the start-up). `node --import tsx test/bench/profile-summary.ts <file.cpuprofile>
 * [seconds]`.
 */
import { readFileSync } from 'node:fs';

type Frame = { functionName: string; url: string };
type Node = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/**
 * Layers that own their callees (a drizzle query run by the session lookup is the session's), tested innermost first;
 * then, for a sample none of them owns, the generic layers below, innermost first.
 */
const OWNERS: [string, (f: Frame) => boolean][] = [
  ['(idle)', (f) => f.functionName === '(idle)'],
  ['(gc)', (f) => f.functionName === '(garbage collector)'],
  ['session lookup', (f) => /resolve-session|session-token/.test(f.url)],
  ['logging (pino)', (f) => /\/pino|pino-std-serializers|sonic-boom|thread-stream/.test(f.url)],
  ['superjson', (f) => /superjson|copy-anything|is-what/.test(f.url)],
  ['search use-case', (f) => /packages\/domain\/src\/(capacity|vocabulary)/.test(f.url)],
  ['other use-case', (f) => /packages\/domain\/src/.test(f.url)],
  ['rate limit', (f) => /request-rate-limit/.test(f.url)],
  ['helmet', (f) => /helmet/.test(f.url)],
];
const GENERIC: [string, (f: Frame) => boolean][] = [
  ['zod input parse', (f) => /\/zod\//.test(f.url)],
  ['cookie', (f) => /fastify\/cookie\/.*(parse|sign)|cookie-signature/.test(f.url)],
  ['db (drizzle, better-sqlite3)', (f) => /packages\/db\/src|drizzle-orm|better-sqlite3/.test(f.url)],
  ['tRPC (router, batching, response)', (f) => /@trpc|packages\/api\/src/.test(f.url)],
  [
    'Fastify (routing, hooks, reply)',
    (f) => /fastify|find-my-way|light-my-request|avvio|apps\/server\/src/.test(f.url),
  ],
  [
    'node http / net',
    (f) => /node:(_http|http|net|stream|internal\/streams|internal\/http)/.test(f.url) || /^node:/.test(f.url),
  ],
];

const [file, secondsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [seconds]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

function innermost(id: number, rules: [string, (f: Frame) => boolean][]): string | null {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)!.callFrame;
    const hit = rules.find(([, test]) => test(frame));
    if (hit) return hit[0];
  }
  return null;
}

const layerOf = new Map<number, string>();
function classify(id: number): string {
  const known = layerOf.get(id);
  if (known) return known;
  const layer = innermost(id, OWNERS) ?? innermost(id, GENERIC) ?? 'other (native, tsx, node internals)';
  layerOf.set(id, layer);
  return layer;
}

// The window ends at the last sample that served a request: a server being stopped sits idle for seconds
// (keep-alive sockets), then closes its database.
const SERVING = new Set(['search use-case', 'session lookup', 'superjson', 'tRPC (router, batching, response)']);
let lastBusy = profile.startTime;
{
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (SERVING.has(classify(profile.samples[i]!))) lastBusy = at;
  }
}
const from = secondsArg ? lastBusy - Number(secondsArg) * 1e6 : profile.startTime;
const totals = new Map<string, number>();
const selfOf = new Map<string, Map<string, number>>();
let t = profile.startTime;
let all = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0;
  t += dt;
  if (t < from || t > lastBusy) continue;
  const layer = classify(profile.samples[i]!);
  totals.set(layer, (totals.get(layer) ?? 0) + dt);
  const f = byId.get(profile.samples[i]!)!.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(apps|packages)\//, '$1/')}`;
  const self = selfOf.get(layer) ?? new Map<string, number>();
  self.set(key, (self.get(key) ?? 0) + dt);
  selfOf.set(layer, self);
  all += dt;
}
const busy = all - (totals.get('(idle)') ?? 0);
console.log(`${(all / 1e6).toFixed(1)} s profiled, ${(busy / 1e6).toFixed(1)} s busy`);
const verbose = process.env.PROFILE_TOP ? Number(process.env.PROFILE_TOP) : 0;
for (const [layer, us] of [...totals].sort((a, b) => b[1] - a[1])) {
  console.log(
    `${layer.padEnd(40)} ${(us / 1e3).toFixed(0).padStart(7)} ms  ${layer === '(idle)' ? '' : `${((100 * us) / busy).toFixed(1)} % of busy`}`,
  );
  if (!verbose) continue;
  const top = [...(selfOf.get(layer) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, verbose);
  for (const [fn, self] of top) console.log(`    ${(self / 1e3).toFixed(0).padStart(6)} ms self  ${fn}`);
}
