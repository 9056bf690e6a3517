import { DomainError } from './errors.ts';

/**
 * The cursor of a list paged by offset (site search, provider search, bases): the offset, opaque to the client
 * (base64url of its decimal digits). One codec for every such list, so a cursor behaves the same everywhere: none is
 * the first page, and one that does not decode to a whole number ≥ 0 is a localised VALIDATION error on the `cursor`
 * field — never silently the first page, which would repeat results to a client paging on.
 */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(String(offset)).toString('base64url');
}

export function decodeOffsetCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(n) || n < 0)
    throw new DomainError('VALIDATION', 'VALIDATION_FAILED', {
      fieldErrors: [{ path: 'cursor', message: 'VALIDATION_FAILED' }],
    });
  return n;
}

/** The next page's cursor, or null after the last page. */
export function nextOffsetCursor(offset: number, limit: number, total: number): string | null {
  return offset + limit < total ? encodeOffsetCursor(offset + limit) : null;
}
