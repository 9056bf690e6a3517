import { describe, expect, it } from 'vitest';
import { safeSheetName } from './sheet-name.ts';

describe('safeSheetName', () => {
  it('replaces the characters Excel forbids and drops quotes at either end', () => {
    expect(safeSheetName('A/B: 2026? [draft]*\\')).toBe('A_B_ 2026_ _draft___');
    expect(safeSheetName("'quoted'")).toBe('quoted');
    expect(safeSheetName('it’s "fine"')).toBe('it’s "fine"');
  });

  it('keeps at most 31 characters, counting whole code points, and no quote at the cut', () => {
    const long = `${'肺'.repeat(30)}𠀀𠀀`;
    expect(Array.from(safeSheetName(long))).toHaveLength(31);
    expect(safeSheetName(`${'a'.repeat(30)}'b`)).toBe('a'.repeat(30));
  });

  it('is never empty, never "History", and unique in its workbook', () => {
    expect(safeSheetName('')).toBe('Sheet');
    expect(safeSheetName("'''")).toBe('Sheet');
    expect(safeSheetName('history')).toBe('history_');
    expect(safeSheetName('Sites', new Set(['sites']))).toBe('Sites (2)');
    expect(safeSheetName('x'.repeat(40), new Set(['x'.repeat(31)]))).toBe(`${'x'.repeat(27)} (2)`);
  });

  it('strips bidi and control characters', () => {
    expect(safeSheetName('rtl\u202Egpj\u0007.exe')).toBe('rtlgpj.exe');
  });
});
