import { RateLimiterMemory } from 'rate-limiter-flexible';

export type ThrottleSettings = {
  /** Failures allowed per account in `accountWindowSeconds` before it is blocked. */
  accountFailures: number;
  accountWindowSeconds: number;
  /** Failures allowed per client address in `ipWindowSeconds`. */
  ipFailures: number;
  ipWindowSeconds: number;
};

export const DEFAULT_THROTTLE: ThrottleSettings = {
  accountFailures: 10,
  accountWindowSeconds: 15 * 60,
  ipFailures: 10,
  ipWindowSeconds: 5 * 60,
};

/**
 * Counts failed sign-ins per account and per address (the brute-force pattern of rate-limiter-flexible):
 * only failures consume points, a success clears the account's count, and a blocked key is refused before the
 * password is even checked. The 11th rapid failure is refused with 429.
 */
export class LoginThrottle {
  private readonly byAccount: RateLimiterMemory;
  private readonly byIp: RateLimiterMemory;
  private readonly settings: ThrottleSettings;

  constructor(settings: ThrottleSettings = DEFAULT_THROTTLE) {
    this.settings = settings;
    this.byAccount = new RateLimiterMemory({
      keyPrefix: 'acct',
      points: settings.accountFailures,
      duration: settings.accountWindowSeconds,
    });
    this.byIp = new RateLimiterMemory({
      keyPrefix: 'ip',
      points: settings.ipFailures,
      duration: settings.ipWindowSeconds,
    });
  }

  /** Seconds until the caller may try again, or 0 when not blocked. */
  async blockedFor(email: string, ip: string | null): Promise<number> {
    const [acct, addr] = await Promise.all([this.byAccount.get(email), ip ? this.byIp.get(ip) : null]);
    let wait = 0;
    if (acct && acct.consumedPoints >= this.settings.accountFailures) wait = Math.max(wait, acct.msBeforeNext);
    if (addr && addr.consumedPoints >= this.settings.ipFailures) wait = Math.max(wait, addr.msBeforeNext);
    return Math.ceil(wait / 1000);
  }

  async recordFailure(email: string, ip: string | null): Promise<void> {
    // penalty() adds points without rejecting, so the count keeps going up while blocked.
    await Promise.all([this.byAccount.penalty(email, 1), ip ? this.byIp.penalty(ip, 1) : null]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }
}
