import { describe, expect, it } from 'vitest';
import { decodeOffsetCursor, encodeOffsetCursor, nextOffsetCursor } from './offset-cursor.ts';

describe('the offset cursor of a paged list', () => {
  it('round-trips an offset, and no cursor is the first page', () => {
    expect(decodeOffsetCursor(encodeOffsetCursor(40))).toBe(40);
    expect(decodeOffsetCursor(undefined)).toBe(0);
    expect(decodeOffsetCursor('')).toBe(0);
  });

  it('refuses a cursor that is not a whole offset ≥ 0, on the cursor field', () => {
    // 'not-a-number', a negative and a fractional offset, and a bare '20' (the bases' old plain cursor).
    for (const bad of ['bm90LWEtbnVtYmVy', encodeOffsetCursor(-1), encodeOffsetCursor(2.5), '20'])
      expect(() => decodeOffsetCursor(bad), bad).toThrowError(
        expect.objectContaining({
          code: 'VALIDATION',
          fieldErrors: [{ path: 'cursor', message: 'VALIDATION_FAILED' }],
        }),
      );
  });

  it('has a next page only while items remain', () => {
    expect(decodeOffsetCursor(nextOffsetCursor(20, 20, 41)!)).toBe(40);
    expect(nextOffsetCursor(20, 20, 40)).toBeNull();
  });
});
