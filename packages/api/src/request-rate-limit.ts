/**
 * Counts API calls per caller in fixed one-minute windows (issue 12): each procedure call counts once, so a tRPC
 * batch of twenty calls costs twenty. The caller is the signed-in user when there is one (a hospital's whole staff
 * behind one NAT address are separate callers), the client address only when signed out.
 */
export class RequestRateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly perMinute: number;
  private readonly now: () => number;

  constructor(opts: { perMinute: number; now?: () => number }) {
    this.perMinute = opts.perMinute;
    this.now = opts.now ?? Date.now;
  }

  /** Counts `cost` calls for this caller; returns 0 when allowed, else the seconds until its window ends. */
  take(key: string, cost = 1): number {
    const at = this.now();
    let window = this.windows.get(key);
    if (!window || at - window.start >= 60_000) {
      if (this.windows.size > 50_000) this.dropEnded(at);
      window = { start: at, count: 0 };
      this.windows.set(key, window);
    }
    window.count += cost;
    if (window.count <= this.perMinute) return 0;
    return Math.max(1, Math.ceil((window.start + 60_000 - at) / 1000));
  }

  private dropEnded(at: number) {
    for (const [key, w] of this.windows) if (at - w.start >= 60_000) this.windows.delete(key);
  }
}

/** Who a call is counted against. */
export function rateLimitKey(session: { userId: string } | null, ip: string | null): string {
  return session ? `user:${session.userId}` : `ip:${ip ?? '-'}`;
}
