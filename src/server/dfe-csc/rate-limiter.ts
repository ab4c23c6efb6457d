// A token bucket per client, in memory: enough to stop one runaway script from starving the others on a
// single hub process (a hub behind several processes would move this to the database or a proxy).

/** How many requests a client may burst, and how many per second it regains. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

/** The DfE ingest endpoint's limit: 30 requests at once, then 2 a second (a batch of 100 children each). */
export const DFE_CSC_RATE_LIMIT: RateLimit = { burst: 30, perSecond: 2 };

/** Token buckets keyed by client; `take` says whether a request may go ahead, or how long to wait. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit, private readonly now: () => number = Date.now) {}

  /** Takes one token for `key`: 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at: t };
    b.tokens = Math.min(this.limit.burst, b.tokens + ((t - b.at) / 1000) * this.limit.perSecond);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens >= 1) { b.tokens -= 1; return 0; }
    return Math.ceil((1 - b.tokens) / this.limit.perSecond);
  }
}
