import { Pool, PoolClient } from 'pg';

/** k runs of one statement as one statement (src/compiler/statement-merge.ts). */
export interface MergedRun {
  text: string;
  name: string;
  values: unknown[];
  /** Each run's own row, out of the merged statement's one row. */
  split(row: Record<string, unknown> | undefined): Record<string, unknown>[];
}

/** A statement that may run merged with others of the same key queued behind the same viewer's gate. */
export interface Mergeable {
  /** Runs with the same key have the same text and number of values. */
  key: string;
  merge(runs: readonly unknown[][]): MergedRun;
}

/** Anything that runs one SQL statement: the pool, a transaction's client, or a counting wrapper. */
export interface Sql {
  /**
   * Runs one statement; with `name`, as a named prepared statement (PostgreSQL plans it once per connection). With
   * `mergeable`, a handle that queues statements may send it merged with others of its shape (src/db/viewer-statement-gate.ts).
   */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], name?: string, mergeable?: Mergeable): Promise<T[]>;
}

/**
 * The hub's database handle: plain statements on the pool, and transactions on one client. Named statements (the
 * compiled reads) go to `readPool` when there is one (src/db/read-pool.ts: planned once per connection).
 */
export class Database implements Sql {
  constructor(readonly pool: Pool, readonly readPool?: Pool) {}

  async query<T = Record<string, unknown>>(text: string, params: unknown[] = [], name?: string): Promise<T[]> {
    const res = name ? await (this.readPool ?? this.pool).query({ name, text, values: params }) : await this.pool.query(text, params);
    return res.rows as T[];
  }

  /** Runs `fn` in one transaction: all of it lands, or none of it. */
  async transaction<R>(fn: (tx: Sql) => Promise<R>): Promise<R> {
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: Sql = { query: async (text, params = []) => (await client.query(text, params)).rows };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}

/** Counts the statements a request sends, so tests can prove there is no N+1 and /metrics can report it. */
export class CountingSql implements Sql {
  count = 0;
  constructor(private readonly inner: Sql) {}
  query<T = Record<string, unknown>>(text: string, params?: unknown[], name?: string, mergeable?: Mergeable): Promise<T[]> {
    this.count += 1;
    return this.inner.query<T>(text, params, name, mergeable);
  }
}
