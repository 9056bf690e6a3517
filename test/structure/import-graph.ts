import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The repository's import graph, read from the source text (issue 15): every `import … from './x.ts'` and
 * `export … from './x.ts'` between the source files of packages/* and apps/*, type-only imports included (a type
 * circle is still a circle a reader has to untangle). No compiler API: the code base imports relative files with
 * their extension, so a regular expression over the text is exact enough and fast.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE_ROOTS = ['packages', 'apps'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g;
const SIDE_EFFECT_IMPORT = /(?:^|\n)\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** file (relative to the root) → the files it imports, tests excluded (a test may import from anywhere). */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const root of SOURCE_ROOTS) {
    for (const file of sourceFiles(join(ROOT, root))) {
      if (!file.includes(`${'/'}src/`) || /\.test\.tsx?$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      const targets = new Set<string>();
      for (const re of [IMPORT, SIDE_EFFECT_IMPORT])
        for (const m of text.matchAll(re)) targets.add(relative(ROOT, resolve(dirname(file), m[1]!)));
      graph.set(relative(ROOT, file), [...targets]);
    }
  }
  return graph;
}

/** The strongly connected components with more than one node (or a self-loop): each is an import circle. */
export function circles(graph: Map<string, readonly string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

/** The graph between the folders directly under `base` (e.g. packages/domain/src): one edge per importing pair. */
export function folderGraph(graph: Map<string, readonly string[]>, base: string): Map<string, string[]> {
  const folderOf = (file: string) => {
    if (!file.startsWith(`${base}/`)) return null;
    const rest = file.slice(base.length + 1);
    return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : null;
  };
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    if (!from) continue;
    if (!folders.has(from)) folders.set(from, new Set());
    for (const t of targets) {
      const to = folderOf(t);
      if (to && to !== from) folders.get(from)!.add(to);
    }
  }
  return new Map([...folders].map(([k, v]) => [k, [...v]]));
}

/** Which files of folder `from` import which files of folder `to` (for a failure message a newcomer can act on). */
export function edgesBetween(graph: Map<string, readonly string[]>, base: string, from: string, to: string): string[] {
  const out: string[] = [];
  for (const [file, targets] of graph)
    if (file.startsWith(`${base}/${from}/`))
      for (const t of targets) if (t.startsWith(`${base}/${to}/`)) out.push(`${file} → ${t}`);
  return out;
}
