import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH, type HashedAuditFields } from './audit-hash.ts';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts object keys at every depth, inside arrays too', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ x: 1, y: { p: true, q: null } })).toBe(canonicalJson({ y: { q: null, p: true }, x: 1 }));
  });

  it('keeps array order, which carries meaning', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('drops undefined properties but keeps null ones', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('writes scalars and dates as JSON does', () => {
    expect(canonicalJson('南京')).toBe('"南京"');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 0, 2)) })).toBe('{"at":"2026-01-02T00:00:00.000Z"}');
  });
});

describe('auditHash', () => {
  const fields: HashedAuditFields = {
    at: 1_767_225_600_000,
    actorUserId: 'u1',
    orgId: 'org-platform',
    role: 'admin',
    action: 'user.create',
    entityType: 'user',
    entityId: 'u2',
    beforeJson: null,
    afterJson: '{"email":"a@b.cn"}',
    requestId: 'req-1',
  };

  it('is a sha256 hex digest, stable for the same input', () => {
    const hash = auditHash(GENESIS_HASH, fields);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...fields })).toBe(hash);
  });

  it('does not depend on the order of the fields', () => {
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as HashedAuditFields;
    expect(auditHash(GENESIS_HASH, reordered)).toBe(auditHash(GENESIS_HASH, fields));
  });

  it('changes with the previous hash, so each row is bound to its predecessor', () => {
    expect(auditHash('1'.repeat(64), fields)).not.toBe(auditHash(GENESIS_HASH, fields));
  });

  it.each(Object.keys(fields) as (keyof HashedAuditFields)[])('changes when %s changes', (key) => {
    const changed = { ...fields, [key]: key === 'at' ? fields.at + 1 : `${String(fields[key])}x` };
    expect(auditHash(GENESIS_HASH, changed)).not.toBe(auditHash(GENESIS_HASH, fields));
  });

  it('tells a null field from an absent-looking empty string', () => {
    expect(auditHash(GENESIS_HASH, { ...fields, beforeJson: '' })).not.toBe(auditHash(GENESIS_HASH, fields));
  });
});
