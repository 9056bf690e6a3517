import fc from 'fast-check';

/**
 * fast-check arbitraries read from a procedure's zod 4 input schema (tests only). `validArbitrary` aims at values
 * the schema accepts (callers still filter with `safeParse`: refinements across fields are not modelled);
 * `hostileArbitrary` mixes in what an attacker sends: wrong types, huge and odd strings, markup, bidi controls,
 * negative and huge numbers, unknown ids.
 */

// zod 4 keeps the definition of every schema under `_zod.def`; only the parts read here are typed.
type Def = {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, Schema>;
  element?: Schema;
  items?: Schema[];
  innerType?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: Schema;
  out?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  left?: Schema;
  right?: Schema;
  getter?: () => Schema;
};
type CheckDef = {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
};
export type Schema = { _zod: { def: Def } };

const defOf = (s: Schema) => s._zod.def;
const checksOf = (s: Schema) => (defOf(s).checks ?? []).map((c) => c._zod.def);

/** Markup and injection payloads: stored, they must come back as the same characters, never interpreted. */
export const MARKUP_PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  '"><svg/onload=alert(1)>',
  "'; DROP TABLE users; --",
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, literally.
  '${7*7}',
  '=HYPERLINK("http://evil.example","x")',
];
const BIDI = ['\u202E', '\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069'];
const ODD_UNICODE = ['\u0000', '\uFEFF', '\u200B', '𠀀', '👩‍⚕️', 'é', '\uD800', '肿瘤', '\r\n'];

const hostileString = fc.oneof(
  fc.constantFrom(...MARKUP_PAYLOADS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .array(fc.constantFrom(...BIDI, ...ODD_UNICODE, 'a', '<', '>', '&'), { maxLength: 30 })
    .map((parts) => parts.join('')),
  fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'A'.repeat(n)),
  fc.constantFrom('', ' ', 'null', 'undefined', '0', '-1', 'NaN', '__proto__', 'constructor'),
  fc.uuid(), // an unknown id
);
const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 0.5, Number.NaN, Infinity),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double(),
);
const wrongType = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  hostileNumber,
  hostileString,
  fc.constant({}),
  fc.constant([]),
  fc.constant({ __proto__: { polluted: true } }),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
);

function bounds(s: Schema) {
  let min: number | undefined;
  let max: number | undefined;
  let minExclusive = false;
  let maxExclusive = false;
  let isInt = false;
  for (const c of checksOf(s)) {
    if (c.check === 'min_length' || c.check === 'min_size') min = c.minimum;
    if (c.check === 'max_length' || c.check === 'max_size') max = c.maximum;
    if (c.check === 'length_equals') min = max = c.length;
    if (c.check === 'greater_than') {
      min = c.value;
      minExclusive = c.inclusive === false;
    }
    if (c.check === 'less_than') {
      max = c.value;
      maxExclusive = c.inclusive === false;
    }
    if (c.check === 'number_format' && c.format !== 'float32' && c.format !== 'float64') isInt = true;
  }
  return { min, max, minExclusive, maxExclusive, isInt };
}

/** The format a string schema must have, from the schema itself (z.iso.date()) or a check (.regex()). */
function stringFormat(s: Schema): { format?: string; pattern?: RegExp } {
  const d = defOf(s);
  if (d.format || d.pattern) return { format: d.format, pattern: d.pattern };
  for (const c of checksOf(s)) if (c.check === 'string_format') return { format: c.format, pattern: c.pattern };
  return {};
}

function validString(s: Schema): fc.Arbitrary<string> {
  const { min = 0, max } = bounds(s);
  const { format, pattern } = stringFormat(s);
  const upper = Math.min(max ?? 40, Math.max(min, 40));
  let arb: fc.Arbitrary<string>;
  // Simple addresses: fast-check's RFC-wide ones are mostly refused by zod's stricter e-mail check.
  if (format === 'email')
    arb = fc
      .tuple(
        fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}[a-z0-9]$/),
        fc.constantFrom('demo.ctp', 'example.org', 'xn--fiqs8s.cn'),
      )
      .map(([local, domain]) => `${local}@${domain}`);
  else if (format === 'uuid' || format === 'guid') arb = fc.uuid();
  else if (format === 'url') arb = fc.webUrl();
  else if (format === 'date') arb = isoDate();
  else if (format === 'datetime') arb = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  else if (pattern) arb = fc.stringMatching(pattern);
  else
    arb = fc.oneof(
      fc.string({ minLength: min, maxLength: upper }),
      fc.string({ unit: 'grapheme', minLength: min, maxLength: upper }),
      fc.constantFrom(...MARKUP_PAYLOADS).filter((p) => p.length >= min && p.length <= (max ?? Infinity)),
      // Legal text with bidi controls and odd code points inside.
      fc
        .array(fc.constantFrom(...BIDI, ...ODD_UNICODE, '方案', 'ab', ' '), { minLength: min, maxLength: upper })
        .map((parts) => parts.join('').slice(0, max ?? 200)),
    );
  return arb.filter((v) => v.trim().length >= min && v.length >= min && v.length <= (max ?? Infinity));
}

const isoDate = () =>
  fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

function validNumber(s: Schema): fc.Arbitrary<number> {
  const { min, max, minExclusive, maxExclusive, isInt } = bounds(s);
  if (isInt) {
    const lo = min === undefined ? -1000 : Math.ceil(min + (minExclusive ? 1e-9 : 0));
    const hi = max === undefined ? Math.max(lo + 1000, 1000) : Math.floor(max - (maxExclusive ? 1e-9 : 0));
    return fc.integer({ min: lo, max: Math.max(lo, hi) });
  }
  return fc
    .double({ min: min ?? -1000, max: max ?? Math.max((min ?? 0) + 1000, 1000), noNaN: true, noDefaultInfinity: true })
    .filter((v) => (!minExclusive || v > (min ?? -Infinity)) && (!maxExclusive || v < (max ?? Infinity)));
}

/** A string or number schema is "specific" when only formatted values pass (email, date, pattern). */
const isSpecific = (s: Schema): boolean => {
  const d = defOf(s);
  if (d.type === 'pipe') return isSpecific(d.out!) || isSpecific(d.in!);
  if (d.innerType) return isSpecific(d.innerType); // optional, nullable, default…
  return d.type === 'string' && Boolean(stringFormat(s).format || stringFormat(s).pattern);
};

/** Values meant to pass the schema. `overrides` fixes object keys (at any depth) to given arbitraries. */
export function validArbitrary(
  schema: Schema,
  overrides: Record<string, fc.Arbitrary<unknown>> = {},
): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const recur = (s: Schema) => validArbitrary(s, overrides);
  switch (d.type) {
    case 'string':
      return validString(schema);
    case 'number':
      return validNumber(schema);
    case 'int':
      return validNumber(schema).map(Math.round);
    case 'boolean':
      return fc.boolean();
    case 'date':
      return fc.date({ noInvalidDate: true });
    case 'bigint':
      return fc.bigInt();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(d.values ?? [null]));
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries ?? { x: 'x' }));
    case 'optional':
      return fc.option(recur(d.innerType!), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(recur(d.innerType!), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
      return fc.option(recur(d.innerType!), { nil: undefined, freq: 3 });
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return recur(d.innerType!);
    case 'lazy':
      return recur(d.getter!());
    case 'pipe':
      if (defOf(d.out!).type === 'transform') return recur(d.in!);
      return isSpecific(d.out!) ? recur(d.out!) : recur(d.in!);
    case 'union':
      return fc.oneof(...(d.options ?? []).map(recur));
    case 'intersection':
      return fc
        .tuple(recur(d.left!), recur(d.right!))
        .map(([a, b]) => (typeof a === 'object' && typeof b === 'object' ? { ...a, ...b } : a));
    case 'array': {
      const { min = 0, max } = bounds(schema);
      return fc.array(recur(d.element!), { minLength: min, maxLength: Math.min(max ?? 4, Math.max(min, 4)) });
    }
    case 'tuple':
      return fc.tuple(...(d.items ?? []).map(recur));
    case 'record':
      return fc.dictionary(validString(d.keyType!) as fc.Arbitrary<string>, recur(d.valueType!), { maxKeys: 3 });
    case 'object': {
      const shape = d.shape ?? {};
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, field] of Object.entries(shape)) fields[key] = overrides[key] ?? recur(field);
      return fc.record(fields, { noNullPrototype: true });
    }
    default:
      // any, unknown, custom, transform…: anything JSON-like.
      return fc.jsonValue();
  }
}

/**
 * What an attacker sends: mostly the schema's shape with hostile leaves (so the call gets past the outer
 * checks), sometimes a wrong type at any level, sometimes garbage instead of the whole input.
 */
export function hostileArbitrary(
  schema: Schema | undefined,
  overrides: Record<string, fc.Arbitrary<unknown>> = {},
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.constant(undefined), wrongType);
  const d = defOf(schema);
  const leaf = (valid: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: valid, weight: 2 }, { arbitrary: hostile, weight: 2 }, { arbitrary: wrongType, weight: 1 });
  const recur = (s: Schema) => hostileArbitrary(s, overrides, depth + 1);
  switch (d.type) {
    case 'string':
      return leaf(validString(schema), hostileString);
    case 'number':
    case 'int':
      return leaf(validNumber(schema), hostileNumber);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof(fc.constant(undefined), fc.constant(null), recur(d.innerType!));
    case 'pipe':
      return defOf(d.out!).type === 'transform' || !isSpecific(d.out!) ? recur(d.in!) : recur(d.out!);
    case 'union':
      return fc.oneof(...(d.options ?? []).map(recur), wrongType);
    case 'array': {
      const inner = depth > 3 ? wrongType : recur(d.element!);
      return fc.oneof(
        { arbitrary: fc.array(inner, { maxLength: 5 }), weight: 4 },
        { arbitrary: fc.array(inner, { minLength: 200, maxLength: 400 }), weight: 1 },
        { arbitrary: wrongType, weight: 1 },
      );
    }
    case 'object': {
      const shape = d.shape ?? {};
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, field] of Object.entries(shape))
        fields[key] = overrides[key] ?? (depth > 3 ? wrongType : recur(field));
      const record = fc.record(fields, { requiredKeys: [], noNullPrototype: true });
      const withExtra = fc
        .tuple(record, fc.constantFrom('__proto__', 'constructor', 'extra', 'id'), wrongType)
        .map(([r, k, v]) => ({ ...(r as object), [k]: v }));
      return fc.oneof(
        { arbitrary: record, weight: 6 },
        { arbitrary: withExtra, weight: 1 },
        { arbitrary: wrongType, weight: 1 },
      );
    }
    default:
      return leaf(validArbitrary(schema), wrongType);
  }
}
