// A token bucket per client, kept in PostgreSQL (table rate_limit_bucket) so every hub process behind a load balancer
// draws from the same bucket: N replicas enforce one limit, not N. Each request costs one atomic statement (an
// upsert that refills by the time elapsed on the database's clock, then takes a token if there is one).
//
// Why not rate-limiter-flexible's RateLimiterPostgres: it counts points in fixed windows, so "30 at once, then 2 a
// second" would become "30 per window" (60 in a moment across a window edge), and it creates its table itself at run
// time, where the hub changes its schema only through migrations. The bucket below keeps the documented limit exactly.
import type { Sql } from '../../db/sql';

/** How many requests a client may burst, and how many per second it regains. */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

/** The DfE ingest endpoint's limit: 30 requests at once, then 2 a second (a batch of 100 children each). */
export const DFE_CSC_RATE_LIMIT: RateLimit = { burst: 30, perSecond: 2 };

/** One in this many takes also deletes buckets that have been full for a while (keys guessed by strangers included). */
const SWEEP_EVERY = 200;

/** Token buckets keyed by client under one limiter name; `take` says whether a request may go ahead, or how long to wait. */
export class RateLimiter {
  private takes = 0;

  constructor(private readonly sql: Sql, private readonly name: string, private readonly limit: RateLimit) {}

  /** Takes one token for `key`: 0 when allowed, else the whole seconds until one is available. */
  async take(key: string): Promise<number> {
    const { burst, perSecond } = this.limit;
    if ((this.takes += 1) % SWEEP_EVERY === 0) await this.sweep();
    // statement_timestamp() is one instant for the whole statement (clock_timestamp() would move between its uses).
    const refilled = 'least($3::float8, b.tokens + extract(epoch FROM statement_timestamp() - b.at)::float8 * $4::float8)';
    const [row] = await this.sql.query<{ tokens: number; allowed: boolean }>(`
      INSERT INTO rate_limit_bucket AS b (limiter, key, tokens, allowed, at)
      VALUES ($1, $2, $3::float8 - 1, true, statement_timestamp())
      ON CONFLICT (limiter, key) DO UPDATE SET
        tokens = ${refilled} - CASE WHEN ${refilled} >= 1 THEN 1 ELSE 0 END,
        allowed = ${refilled} >= 1,
        at = statement_timestamp()
      RETURNING tokens, allowed`, [this.name, key, burst, perSecond]);
    if (row.allowed) return 0;
    return Math.max(1, Math.ceil((1 - row.tokens) / perSecond));
  }

  /** Deletes buckets that have refilled completely: they hold nothing a fresh bucket would not. */
  private async sweep(): Promise<void> {
    const { burst, perSecond } = this.limit;
    await this.sql.query(`DELETE FROM rate_limit_bucket WHERE limiter = $1 AND at < statement_timestamp() - make_interval(secs => $2)`,
      [this.name, burst / perSecond]);
  }
}
