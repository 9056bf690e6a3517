import { describe, expect, it } from 'vitest';
import { isMeQueryKey } from './trpc.ts';

describe('isMeQueryKey', () => {
  it('knows auth.me’s key and no other', () => {
    expect(isMeQueryKey([['auth', 'me'], { type: 'query' }])).toBe(true);
    expect(isMeQueryKey([['auth', 'memberships'], { type: 'query' }])).toBe(false);
    expect(isMeQueryKey([['users', 'list'], { input: {}, type: 'query' }])).toBe(false);
  });
});
