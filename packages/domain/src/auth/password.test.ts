import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  // scrypt is deliberately slow: hash once and share it.
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword('correct horse battery');
  });

  it('verifies the password it hashed and refuses another one', async () => {
    expect(stored).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash, so the same password never hashes the same way twice', async () => {
    const again = await hashPassword('correct horse battery');
    expect(again).not.toBe(stored);
    expect(await verifyPassword('correct horse battery', again)).toBe(true);
  });

  it('treats compatibility forms of the same characters as one password (NFKC)', async () => {
    // Full-width letters, as a Chinese IME may type them, equal their ASCII forms.
    const fullWidth = await hashPassword('ｐａｓｓｗｏｒｄ２０２６');
    expect(await verifyPassword('password2026', fullWidth)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another algorithm', 'bcrypt$32768$8$1$c2FsdHNhbHQ=$aGFzaGhhc2g='],
    ['missing parts', 'scrypt$32768$8'],
    ['empty hash', 'scrypt$32768$8$1$c2FsdHNhbHQ=$'],
    ['non-numeric cost', 'scrypt$abc$8$1$c2FsdHNhbHQ=$aGFzaGhhc2g='],
    ['cost not a power of two', 'scrypt$3$8$1$c2FsdHNhbHQ=$aGFzaGhhc2g='],
    ['cost over the memory limit', 'scrypt$1073741824$8$1$c2FsdHNhbHQ=$aGFzaGhhc2g='],
  ])('refuses (without throwing) a malformed stored hash: %s', async (_label, malformed) => {
    await expect(verifyPassword('anything', malformed)).resolves.toBe(false);
  });

  it('refuses a well-formed hash whose key length differs', async () => {
    const truncated = stored.replace(/\$[^$]+$/, '$AAAA');
    expect(await verifyPassword('correct horse battery', truncated)).toBe(false);
  });
});
