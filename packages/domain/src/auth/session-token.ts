import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'ctp_session';

/** The cookie carries 256 random bits; the database keeps only their sha256, so a leaked DB cannot sign anyone in. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
