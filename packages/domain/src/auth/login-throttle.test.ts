import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE, LoginThrottle } from './login-throttle.ts';

async function fail(throttle: LoginThrottle, times: number, email: (i: number) => string, ip: string | null) {
  for (let i = 0; i < times; i++) await throttle.recordFailure(email(i), ip);
}

describe('LoginThrottle', () => {
  it('blocks an account on the 11th attempt after 10 failures, from any address', async () => {
    const throttle = new LoginThrottle();
    // A different address each time, so only the account count can block.
    for (let i = 0; i < 10; i++) {
      expect(await throttle.blockedFor('a@demo.ctp', `10.0.0.${i}`)).toBe(0);
      await throttle.recordFailure('a@demo.ctp', `10.0.0.${i}`);
    }
    const wait = await throttle.blockedFor('a@demo.ctp', '10.0.1.1');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(DEFAULT_THROTTLE.accountWindowSeconds);
    expect(await throttle.blockedFor('a@demo.ctp', null)).toBeGreaterThan(0);
    // Another account is not affected.
    expect(await throttle.blockedFor('b@demo.ctp', '10.0.1.1')).toBe(0);
  });

  it('blocks an address after 10 failures spread over different e-mails, for every account', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 9, (i) => `user${i}@demo.ctp`, '192.0.2.7');
    expect(await throttle.blockedFor('fresh@demo.ctp', '192.0.2.7')).toBe(0);
    await throttle.recordFailure('user9@demo.ctp', '192.0.2.7');

    const wait = await throttle.blockedFor('fresh@demo.ctp', '192.0.2.7');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(DEFAULT_THROTTLE.ipWindowSeconds);
    // The same account from another address is fine: no account reached its limit.
    expect(await throttle.blockedFor('user0@demo.ctp', '192.0.2.8')).toBe(0);
  });

  it('clears the account count on success', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 9, () => 'a@demo.ctp', null);
    await throttle.recordSuccess('a@demo.ctp');
    await fail(throttle, 9, () => 'a@demo.ctp', null);
    expect(await throttle.blockedFor('a@demo.ctp', null)).toBe(0);
    // Without the success in between the same 18 failures would have blocked it.
    await throttle.recordFailure('a@demo.ctp', null);
    expect(await throttle.blockedFor('a@demo.ctp', null)).toBeGreaterThan(0);
  });

  it('does not clear the address count on success, so one good account cannot launder guesses', async () => {
    const throttle = new LoginThrottle();
    await fail(throttle, 10, (i) => `user${i}@demo.ctp`, '198.51.100.1');
    await throttle.recordSuccess('user0@demo.ctp');
    expect(await throttle.blockedFor('user0@demo.ctp', '198.51.100.1')).toBeGreaterThan(0);
  });

  it('honours other limits', async () => {
    const throttle = new LoginThrottle({ ...DEFAULT_THROTTLE, accountFailures: 2 });
    await fail(throttle, 1, () => 'a@demo.ctp', null);
    expect(await throttle.blockedFor('a@demo.ctp', null)).toBe(0);
    await fail(throttle, 1, () => 'a@demo.ctp', null);
    expect(await throttle.blockedFor('a@demo.ctp', null)).toBeGreaterThan(0);
  });
});
