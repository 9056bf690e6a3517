import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Clock stops are read in one place (issue 15): `clock/clock-stops.ts` reads the periods for every clock and the
 * detail (kind, reason) for a submission's page. A second reader elsewhere is how ethics and recognition each came
 * to keep their own copy; writers (insert, update) stay with the steps that stop and restart a clock.
 */
const ROOT = join(import.meta.dirname, '../..');
const SOURCES = ['packages/domain/src', 'packages/api/src', 'apps/server/src'].map((d) => join(ROOT, d));
const READER = 'packages/domain/src/clock/clock-stops.ts';

/** `.from(submissionClockStops)`, `.from(recognitionClockStops)`, with any spacing. */
const READS_STOPS = /\.from\(\s*(?:submission|recognition)ClockStops\s*\)/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('one reader of clock stops', () => {
  const readers = SOURCES.flatMap(sources)
    .filter((f) => READS_STOPS.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));

  it('the pattern finds the reader itself (so the check below cannot pass vacuously)', () => {
    expect(readers).toContain(READER);
    expect(READS_STOPS.test('.from(recognitionClockStops)')).toBe(true);
    expect(READS_STOPS.test('tx.update(submissionClockStops)')).toBe(false);
  });

  it('no other file selects from the clock stop tables', () => {
    expect(readers).toEqual([READER]);
  });
});
