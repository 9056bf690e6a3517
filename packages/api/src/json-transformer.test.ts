import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { apiTransformer, isPlainJson } from './json-transformer.ts';

/** What the web client gets back: its superjson `deserialize` over the JSON text the server sent. */
const roundTrip = (value: unknown) =>
  superjson.deserialize(JSON.parse(JSON.stringify(apiTransformer.output.serialize(value))));

describe('the API transformer', () => {
  it('sends a plain JSON response as it is, with no superjson meta', () => {
    const page = { items: [{ id: 'h1', score: 90, reasons: ['a', 'b'], nested: { n: null, ok: true } }], total: 1 };
    const wire = apiTransformer.output.serialize(page);
    expect(wire).toEqual({ json: page });
    // Not walked and copied: the response object itself goes to JSON.stringify.
    expect((wire as { json: unknown }).json).toBe(page);
    expect(wire).not.toHaveProperty('meta');
    expect(wire).toEqual(superjson.serialize(page));
    expect(roundTrip(page)).toEqual(page);
  });

  it.each([
    ['a Date', { at: new Date('2026-01-02T03:04:05Z') }],
    ['a Map', { m: new Map([['a', 1]]) }],
    ['a Set', { s: new Set([1, 2]) }],
    ['an undefined property', { a: undefined, b: 1 }],
    ['an undefined array entry', { list: [1, undefined, 3] }],
    ['a bigint', { n: 12n }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['-0', { n: -0 }],
    ['a class instance', { u: new URL('https://example.org/') }],
  ])('leaves %s to superjson, so the client gets it back as before', (_, value) => {
    expect(isPlainJson(value)).toBe(false);
    expect(apiTransformer.output.serialize(value)).toEqual(superjson.serialize(value));
    expect(roundTrip(value)).toEqual(superjson.deserialize(JSON.parse(JSON.stringify(superjson.serialize(value)))));
  });

  it('leaves a shared object to superjson, which keeps it one object on the client', () => {
    const shared = { code: 'pet_ct' };
    const value = { a: shared, b: shared };
    expect(isPlainJson(value)).toBe(false);
    const back = roundTrip(value) as typeof value;
    expect(back.a).toBe(back.b);
  });

  it('does not loop on a cycle', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(isPlainJson(cyclic)).toBe(false);
    expect(apiTransformer.output.serialize(cyclic)).toEqual(superjson.serialize(cyclic));
  });

  it('reads inputs as superjson does', () => {
    const input = { q: '肺癌', from: new Date('2026-03-01T00:00:00Z') };
    expect(apiTransformer.input.deserialize(superjson.serialize(input))).toEqual(input);
  });
});
