import { describe, expect, it } from 'vitest';
import { backoffSeconds, DEFAULT_THROTTLE, LoginThrottle } from './login-throttle.ts';

/** A throttle on a clock the test moves. */
function throttleAt(start = 1_000_000) {
  const clock = { t: start };
  const throttle = new LoginThrottle(DEFAULT_THROTTLE, () => clock.t);
  return { throttle, clock, advance: (seconds: number) => (clock.t += seconds * 1000) };
}

function fail(throttle: LoginThrottle, times: number, account: string, ip: (i: number) => string | null) {
  for (let i = 0; i < times; i++) throttle.recordFailure(account, ip(i));
}

describe('backoffSeconds', () => {
  it('is 0 within the free failures, then doubles from the base delay up to the cap', () => {
    const s = DEFAULT_THROTTLE;
    expect(backoffSeconds(s.freeFailures, s.freeFailures, s)).toBe(0);
    expect(backoffSeconds(s.freeFailures + 1, s.freeFailures, s)).toBe(s.baseDelaySeconds);
    expect(backoffSeconds(s.freeFailures + 2, s.freeFailures, s)).toBe(s.baseDelaySeconds * 2);
    expect(backoffSeconds(s.freeFailures + 3, s.freeFailures, s)).toBe(s.baseDelaySeconds * 4);
    expect(backoffSeconds(10_000, s.freeFailures, s)).toBe(s.maxDelaySeconds);
  });
});

describe('LoginThrottle', () => {
  it('slows one account from one address exponentially, and forgives after the wait', () => {
    const { throttle, advance } = throttleAt();
    fail(throttle, DEFAULT_THROTTLE.freeFailures, 'chair@demo.ctp', () => '203.0.113.9');
    expect(throttle.blockedFor('chair@demo.ctp', '203.0.113.9')).toBe(0);

    throttle.recordFailure('chair@demo.ctp', '203.0.113.9');
    expect(throttle.blockedFor('chair@demo.ctp', '203.0.113.9')).toBe(2);
    advance(2);
    expect(throttle.blockedFor('chair@demo.ctp', '203.0.113.9')).toBe(0);
    throttle.recordFailure('chair@demo.ctp', '203.0.113.9');
    expect(throttle.blockedFor('chair@demo.ctp', '203.0.113.9')).toBe(4);
    throttle.recordFailure('chair@demo.ctp', '203.0.113.9');
    expect(throttle.blockedFor('chair@demo.ctp', '203.0.113.9')).toBe(8);
  });

  it('never locks the account: its owner at another address is not slowed, however many failures elsewhere', () => {
    const { throttle } = throttleAt();
    fail(throttle, 40, 'chair@demo.ctp', () => '203.0.113.9');
    expect(throttle.blockedFor('chair@demo.ctp', '203.0.113.9')).toBe(DEFAULT_THROTTLE.maxDelaySeconds);
    expect(throttle.blockedFor('chair@demo.ctp', '198.51.100.20')).toBe(0);
  });

  it('does not refuse the other users behind one address (a hospital NAT)', () => {
    const { throttle } = throttleAt();
    fail(throttle, 30, 'attacker-target@demo.ctp', () => '192.0.2.7');
    for (let i = 0; i < 20; i++) throttle.recordFailure(`user${i}@demo.ctp`, '192.0.2.7');
    expect(throttle.blockedFor('site@demo.ctp', '192.0.2.7')).toBe(0);
    expect(throttle.blockedFor('user3@demo.ctp', '192.0.2.7')).toBe(0);
  });

  it('under a distributed attack, slows each attacking address from its first miss, not the clean one', () => {
    const { throttle } = throttleAt();
    // Many addresses, each below its free failures: no pair alone would be slowed.
    fail(throttle, DEFAULT_THROTTLE.accountAttackFailures, 'chair@demo.ctp', (i) => `10.0.${i >> 2}.${i & 3}`);
    expect(throttle.blockedFor('chair@demo.ctp', '10.0.0.0')).toBeGreaterThan(0);
    // A fresh address: one miss, then it waits.
    expect(throttle.blockedFor('chair@demo.ctp', '10.9.9.9')).toBe(0);
    throttle.recordFailure('chair@demo.ctp', '10.9.9.9');
    expect(throttle.blockedFor('chair@demo.ctp', '10.9.9.9')).toBe(DEFAULT_THROTTLE.baseDelaySeconds);
    // The owner's own address, with no miss, is never slowed.
    expect(throttle.blockedFor('chair@demo.ctp', '198.51.100.20')).toBe(0);
  });

  it('clears the pair on success', () => {
    const { throttle } = throttleAt();
    fail(throttle, 8, 'a@demo.ctp', () => '192.0.2.1');
    expect(throttle.blockedFor('a@demo.ctp', '192.0.2.1')).toBeGreaterThan(0);
    throttle.recordSuccess('a@demo.ctp', '192.0.2.1');
    expect(throttle.blockedFor('a@demo.ctp', '192.0.2.1')).toBe(0);
  });

  it('forgets a pair after a quiet hour', () => {
    const { throttle, advance } = throttleAt();
    fail(throttle, 20, 'a@demo.ctp', () => '192.0.2.1');
    advance(DEFAULT_THROTTLE.forgetAfterSeconds + 1);
    throttle.recordFailure('a@demo.ctp', '192.0.2.1');
    expect(throttle.blockedFor('a@demo.ctp', '192.0.2.1')).toBe(0);
  });

  it('keeps a bounded number of pairs, dropping the stalest', () => {
    const throttle = new LoginThrottle({ ...DEFAULT_THROTTLE, freeFailures: 0, maxTracked: 3 });
    for (const ip of ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4']) throttle.recordFailure('a@demo.ctp', ip);
    expect(throttle.blockedFor('a@demo.ctp', '1.1.1.1')).toBe(0);
    expect(throttle.blockedFor('a@demo.ctp', '4.4.4.4')).toBeGreaterThan(0);
  });
});
