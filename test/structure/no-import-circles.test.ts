import { describe, expect, it } from 'vitest';
import { circles, edgesBetween, folderGraph, importGraph } from './import-graph.ts';

/**
 * Dependencies run one way (issue 15). A circle between two files means neither can be read, tested or moved
 * without the other; a circle between two domain folders means no aggregate can be understood on its own. Shared
 * pieces go into a folder below both (documents/, fan-out/, agreements/, clock/), never into one of the two.
 */
const DOMAIN = 'packages/domain/src';

describe('import structure', () => {
  const graph = importGraph();

  it('reads the whole source tree', () => {
    // A guard on the reader itself: if the pattern stopped matching, every check below would pass vacuously.
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get(`${DOMAIN}/ethics/submit-submission.ts`)).toContain(`${DOMAIN}/ethics/submission-steps.ts`);
  });

  it('has no import circle between files', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('has no import circle between domain folders', () => {
    const folders = folderGraph(graph, DOMAIN);
    const found = circles(folders).map((c) =>
      c.flatMap((a) =>
        c
          .filter((b) => b !== a && folders.get(a)?.includes(b))
          .map((b) => `${a} → ${b}: ${edgesBetween(graph, DOMAIN, a, b).join(', ')}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('finds a circle when there is one', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(circles(g)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    const folders = folderGraph(
      new Map([
        ['src/x/one.ts', ['src/y/two.ts']],
        ['src/y/two.ts', ['src/y/three.ts']],
        ['src/y/three.ts', ['src/x/four.ts']],
        ['src/x/four.ts', []],
      ]),
      'src',
    );
    expect(circles(folders)).toEqual([['x', 'y']]);
  });
});
