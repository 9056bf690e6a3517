import { DomainError } from '../errors.ts';
import type { LoginThrottle } from './login-throttle.ts';

/** Refuses (429, localised, with the wait in seconds) while this account is being slowed down from this address. */
export function assertNotThrottled(throttle: LoginThrottle, account: string, ip: string | null): void {
  const wait = throttle.blockedFor(account, ip);
  if (wait > 0) {
    throw new DomainError('RATE_LIMITED', 'TOO_MANY_ATTEMPTS', {
      params: { seconds: wait, retryAfterSeconds: wait },
    });
  }
}
