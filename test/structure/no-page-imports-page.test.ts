import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from './import-graph.ts';

/**
 * A page is one route's job (issue 15). When one page imports another (a table, a hook, a constant), the second page
 * becomes a library nobody can change without reading both; and the importer drags the other route's whole chunk into
 * its own. Pieces two pages share live in a `*-ui.tsx` (or `*-ui.ts`) module beside them.
 * A page module is a file whose name ends in `Page.tsx`.
 */
const PAGES = 'apps/web/src/pages/';
const isPageModule = (file: string) => file.endsWith('Page.tsx');

/** "importer → page module" for every file under pages/ that imports a page module other than itself. */
function pageToPageImports(graph: Map<string, readonly string[]>): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    if (!file.startsWith(PAGES)) continue;
    for (const target of targets) if (target !== file && isPageModule(target)) found.push(`${file} → ${target}`);
  }
  return found.sort();
}

describe('web pages', () => {
  const graph = importGraph();

  it('reads the pages', () => {
    // A guard on the reader: with no page modules found the check below would pass vacuously.
    const pages = [...graph.keys()].filter((f) => f.startsWith(PAGES) && isPageModule(f));
    expect(pages.length).toBeGreaterThan(30);
    expect(graph.get(`${PAGES}trials/SiteBoardPage.tsx`)).toContain(`${PAGES}trials/site-table-ui.tsx`);
  });

  it('never import another page module', () => {
    expect(pageToPageImports(graph)).toEqual([]);
  });

  it('finds a page importing a page, from any file under pages/', () => {
    const g = new Map<string, string[]>([
      [`${PAGES}trials/SiteBoardPage.tsx`, [`${PAGES}trials/TrialPage.tsx`, `${PAGES}trials/site-ui.tsx`]],
      [`${PAGES}trials/site-ui.tsx`, [`${PAGES}trials/TrialsPage.tsx`]],
      [`${PAGES}trials/TrialPage.tsx`, [`${PAGES}trials/site-ui.tsx`]],
      ['apps/web/src/App.tsx', [`${PAGES}trials/TrialPage.tsx`]],
    ]);
    expect(pageToPageImports(g)).toEqual([
      `${PAGES}trials/SiteBoardPage.tsx → ${PAGES}trials/TrialPage.tsx`,
      `${PAGES}trials/site-ui.tsx → ${PAGES}trials/TrialsPage.tsx`,
    ]);
  });

  it('export only their default: a piece another module needs moves to a `*-ui.tsx` module', () => {
    const root = resolve(import.meta.dirname, '../..');
    const pages = [...graph.keys()].filter((f) => f.startsWith(PAGES) && isPageModule(f));
    const named = pages.flatMap((file) =>
      readFileSync(resolve(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (/^export (?!default\b)/.test(line) ? [`${file}:${i + 1}`] : [])),
    );
    expect(named).toEqual([]);
  });
});
