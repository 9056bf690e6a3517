import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepOrphanParts } from './file-store.ts';

describe('sweepOrphanParts', () => {
  it('removes the *.part files left anywhere under the store and keeps the stored files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctp-sweep-'));
    mkdirSync(join(dir, 'tmp'));
    mkdirSync(join(dir, 'ab'));
    const orphans = [join(dir, 'tmp', 'a1.part'), join(dir, 'tmp', 'b2.part'), join(dir, 'ab', 'stray.part')];
    const kept = [join(dir, 'ab', `ab${'0'.repeat(62)}`), join(dir, 'tmp', 'notes.txt')];
    for (const f of [...orphans, ...kept]) writeFileSync(f, 'x');

    expect(sweepOrphanParts({ dir })).toBe(3);
    expect(orphans.filter(existsSync)).toEqual([]);
    expect(kept.filter(existsSync)).toEqual(kept);
    expect(sweepOrphanParts({ dir })).toBe(0);
  });

  it('does nothing when the store does not exist yet', () => {
    expect(sweepOrphanParts({ dir: join(tmpdir(), 'ctp-no-such-store-', String(Date.now())) })).toBe(0);
  });
});
