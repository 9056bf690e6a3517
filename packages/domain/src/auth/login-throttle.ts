export type ThrottleSettings = {
  /** Failures of one account from one address that are answered at once; each further one doubles the wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones. */
  baseDelaySeconds: number;
  /** No wait is ever longer than this: backoff, never a lock-out. */
  maxDelaySeconds: number;
  /**
   * Failures of one account from all addresses together past which it is taken to be under attack: then a pair
   * (account, address) gets no free failures, so each new address is slowed from its first miss. An address with a
   * clean record for the account (its real owner) still signs in with the right password at once.
   */
  accountAttackFailures: number;
  /** A pair or an account with no failure for this long is forgotten. */
  forgetAfterSeconds: number;
  /** Most pairs kept in memory; the oldest are dropped first, so a flood of made-up e-mails cannot exhaust memory. */
  maxTracked: number;
};

export const DEFAULT_THROTTLE: ThrottleSettings = {
  freeFailures: 5,
  baseDelaySeconds: 2,
  maxDelaySeconds: 15 * 60,
  accountAttackFailures: 50,
  forgetAfterSeconds: 60 * 60,
  maxTracked: 100_000,
};

type Record_ = { failures: number; lastFailureAt: number };

/** Pure: seconds to wait after `failures` misses of which `free` are answered at once (0 = no wait). */
export function backoffSeconds(failures: number, free: number, s: ThrottleSettings): number {
  if (failures <= free) return 0;
  const exponent = Math.min(failures - free - 1, 30);
  return Math.min(s.baseDelaySeconds * 2 ** exponent, s.maxDelaySeconds);
}

/**
 * Slows password guessing without handing anyone a weapon (issue 12). Failures are counted per account × address
 * pair, and past a few free ones each further failure doubles the wait of that pair only; the account's owner at
 * another address is not slowed, and neither is anyone else behind the same address (a hospital's NAT). Only when
 * an account collects many failures from many addresses does every address with a miss on it wait from its first.
 * A waiting pair is refused (429) before the password is checked. Used for sign-in and for the password change.
 */
export class LoginThrottle {
  private readonly pairs = new Map<string, Record_>();
  private readonly accounts = new Map<string, Record_>();
  private readonly settings: ThrottleSettings;
  private readonly now: () => number;

  constructor(settings: ThrottleSettings = DEFAULT_THROTTLE, now: () => number = Date.now) {
    this.settings = settings;
    this.now = now;
  }

  /** Seconds until this account may be tried again from this address, or 0. */
  blockedFor(account: string, ip: string | null): number {
    const at = this.now();
    const pair = this.live(this.pairs, pairKey(account, ip), at);
    if (!pair) return 0;
    const accountFailures = this.live(this.accounts, account, at)?.failures ?? 0;
    const free = accountFailures >= this.settings.accountAttackFailures ? 0 : this.settings.freeFailures;
    const waitMs = backoffSeconds(pair.failures, free, this.settings) * 1000 - (at - pair.lastFailureAt);
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  recordFailure(account: string, ip: string | null): void {
    const at = this.now();
    this.bump(this.pairs, pairKey(account, ip), at);
    this.bump(this.accounts, account, at);
  }

  /** The right password clears its pair; the account's count from other addresses stays (it may be under attack). */
  recordSuccess(account: string, ip: string | null): void {
    this.pairs.delete(pairKey(account, ip));
  }

  private live(map: Map<string, Record_>, key: string, at: number): Record_ | undefined {
    const entry = map.get(key);
    if (entry && at - entry.lastFailureAt > this.settings.forgetAfterSeconds * 1000) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  private bump(map: Map<string, Record_>, key: string, at: number): void {
    const entry = this.live(map, key, at);
    // Re-inserting keeps the Map in order of last failure, so the first key is the stalest.
    map.delete(key);
    map.set(key, { failures: (entry?.failures ?? 0) + 1, lastFailureAt: at });
    while (map.size > this.settings.maxTracked) {
      const oldest = map.keys().next().value;
      if (oldest === undefined) break;
      map.delete(oldest);
    }
  }
}

const pairKey = (account: string, ip: string | null) => `${account}\u0000${ip ?? '-'}`;
