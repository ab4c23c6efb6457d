// One viewer cannot hold the pool: at most STATEMENTS_PER_VIEWER of its statements run at once, across all its
// requests; the rest wait their turn in order, on the viewer's own queue, not in the pool's. Another viewer's
// statement then always finds a connection (the pool has 20), however many requests one client fires at once.
import type { Database, Sql } from './sql';

/** Statements one viewer (token subject at an organisation) may have running at once. */
export const STATEMENTS_PER_VIEWER = 4;

/** A counting semaphore per viewer key. */
export class ViewerStatementGate {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(readonly perViewer = STATEMENTS_PER_VIEWER) {}

  /** Runs `work` once fewer than `perViewer` of `key`'s statements are running. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if ((this.running.get(key) ?? 0) >= this.perViewer) {
      await new Promise<void>((resolve) => { this.waiting.set(key, [...(this.waiting.get(key) ?? []), resolve]); });
    } else {
      this.running.set(key, (this.running.get(key) ?? 0) + 1);
    }
    try {
      return await work();
    } finally {
      this.release(key);
    }
  }

  /** Statements of `key` running now (for tests and metrics). */
  runningFor(key: string): number {
    return this.running.get(key) ?? 0;
  }

  private release(key: string): void {
    const queue = this.waiting.get(key);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.waiting.delete(key);
    // The slot passes straight to the next waiter; only when nobody waits does the count go down.
    if (next) { next(); return; }
    const n = (this.running.get(key) ?? 1) - 1;
    if (n <= 0) this.running.delete(key); else this.running.set(key, n);
  }
}

/** A viewer's handle on the database: every statement passes the viewer's gate. */
export class GatedSql implements Sql {
  constructor(private readonly inner: Sql, private readonly gate: ViewerStatementGate, private readonly key: string) {}

  query<T = Record<string, unknown>>(text: string, params?: unknown[], name?: string): Promise<T[]> {
    return this.gate.run(this.key, () => this.inner.query<T>(text, params, name));
  }
}

const gates = new WeakMap<Database, ViewerStatementGate>();

/** The gate of a database handle (one per running hub). */
export function gateFor(db: Database): ViewerStatementGate {
  let gate = gates.get(db);
  if (!gate) { gate = new ViewerStatementGate(); gates.set(db, gate); }
  return gate;
}
