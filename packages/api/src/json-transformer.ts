import superjson from 'superjson';

/**
 * Whether superjson would add nothing to `value`: a tree of plain objects, arrays, strings, booleans, null and finite
 * numbers (not -0), each object reached once (superjson records shared references and cycles), no key superjson
 * refuses. Then its `serialize` is `{ json: value }`, and the client's `deserialize` returns an equal value.
 */
export function isPlainJson(value: unknown, seen = new Set<object>()): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (seen.has(value)) return false;
      seen.add(value);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i], seen)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) {
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') return false;
        if (!isPlainJson((value as Record<string, unknown>)[key], seen)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * The API's transformer (issue 16): superjson on the wire both ways, so the web client is unchanged, but a response
 * that is plain JSON — nearly all of them: dates travel as epoch ms — skips superjson's walker, which built a path
 * array and an identity entry per node and was the largest cost of a search response after the SQL (40 % of the
 * CPU for a 200 KB page, plus the garbage). Anything else (Date, Map, undefined, a shared object) takes superjson.
 */
export const apiTransformer = {
  input: superjson,
  output: {
    serialize: (value: unknown) => (isPlainJson(value) ? { json: value } : superjson.serialize(value)),
    deserialize: (payload: unknown) => superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]),
  },
};
