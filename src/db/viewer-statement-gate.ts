// One viewer cannot hold the pool: at most STATEMENTS_PER_VIEWER of its statements run at once, across all its
// requests; the rest wait their turn in order, on the viewer's own queue, not in the pool's. Another viewer's
// statement then always finds a connection (the pool has 20), however many requests one client fires at once.
//
// Point reads of one shape merge (src/compiler/statement-merge.ts): a run that finds a run of its shape waiting joins
// it, and they go as one statement when their turn comes. To give them something to join, at most
// RUNNING_PER_SHAPE statements of one shape run at once per viewer; a run that finds the viewer and its shape with a
// free slot starts at once, alone, so a lone request never waits for company. Under load a point read costs
// PostgreSQL mostly its commit, and k merged reads pay it once.
import { KeyedSemaphore } from './keyed-semaphore';
import type { Database, Mergeable, Sql } from './sql';

/** Statements one viewer (token subject at an organisation) may have running at once. */
export const STATEMENTS_PER_VIEWER = 4;
/** Statements of one mergeable shape one viewer may have running at once (each may hold several merged runs). */
export const RUNNING_PER_SHAPE = 2;
/** At most this many waiting runs of one shape go as one statement. */
export const MAX_MERGED = 8;

/** What one item of a batch came to. */
export type Settled<R> = { value: R } | { error: unknown };

interface Batch<I, R> { items: I[]; settle: ((s: Settled<R>) => void)[] }

/** The per-viewer semaphore, and the merging of waiting runs of one shape. */
export class ViewerStatementGate {
  private readonly viewers: KeyedSemaphore;
  private readonly shapes = new KeyedSemaphore(RUNNING_PER_SHAPE);
  /** Batches waiting for a slot, by viewer key and batch key: the ones a newcomer of the same batch key may join. */
  private readonly open = new Map<string, Batch<unknown, unknown>>();
  /** Batched statements sent so far, by how many runs each carried (1: alone), for /metrics. */
  readonly sentByRuns = new Map<number, number>();

  constructor(readonly perViewer = STATEMENTS_PER_VIEWER) {
    this.viewers = new KeyedSemaphore(perViewer);
  }

  /** Runs `work` once fewer than `perViewer` of `key`'s statements are running. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.viewers.run(key, work);
  }

  /**
   * Runs `item` through `key`'s gate like `run`, and through its shape's (`batchKey`): when it has to wait and a
   * batch of the same `batchKey` is already waiting with fewer than `max` items, it joins that batch. `runAll` then
   * gets every item of the batch at once, in one slot, and settles each of them (same order).
   */
  runBatched<I, R>(key: string, batchKey: string, item: I, max: number, runAll: (items: I[]) => Promise<Settled<R>[]>): Promise<R> {
    const shapeKey = `${key}\u0000${batchKey}`;
    const joinable = this.open.get(shapeKey) as Batch<I, R> | undefined;
    return new Promise<R>((resolve, reject) => {
      const settle = (s: Settled<R>) => ('error' in s ? reject(s.error) : resolve(s.value));
      if (joinable) {
        joinable.items.push(item);
        joinable.settle.push(settle);
        if (joinable.items.length >= max) this.open.delete(shapeKey);
        return;
      }
      const batch: Batch<I, R> = { items: [item], settle: [settle] };
      if (max > 1 && (this.viewers.full(key) || this.shapes.full(shapeKey))) this.open.set(shapeKey, batch as Batch<unknown, unknown>);
      // The runs are settled once the slots are given back, so the next statement is on its way to PostgreSQL
      // before this batch's k responses are written.
      this.shapes.run(shapeKey, () => this.viewers.run(key, () => {
        if (this.open.get(shapeKey) === batch) this.open.delete(shapeKey);
        this.sentByRuns.set(batch.items.length, (this.sentByRuns.get(batch.items.length) ?? 0) + 1);
        return runAll(batch.items);
      })).then(
        (settled) => batch.settle.forEach((s, i) => s(settled[i] ?? { error: new Error('statement batch: an item was not settled') })),
        (error: unknown) => batch.settle.forEach((s) => s({ error })),
      );
    });
  }

  /** Runs of `key` waiting in batches to be merged (for tests). */
  waitingToMerge(key: string): number {
    let n = 0;
    for (const [k, b] of this.open) if (k.startsWith(`${key}\u0000`)) n += b.items.length;
    return n;
  }

  /** Statements of `key` running now (for tests and metrics). */
  runningFor(key: string): number {
    return this.viewers.holders(key);
  }
}

/**
 * Whether a failed merged statement may have failed because of one run's values (a data or integrity error), rather
 * than the database's state: SQLSTATE classes 08 (connection), 53 (resources), 57 (timeout, cancel, shutdown), or no
 * SQLSTATE at all (the connection broke).
 */
function runsOwnFailure(error: unknown): boolean {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|53|57)/.test(code);
}

async function settled<R>(work: () => Promise<R>): Promise<Settled<R>> {
  try {
    return { value: await work() };
  } catch (error) {
    return { error };
  }
}

/** A viewer's handle on the database: every statement passes the viewer's gate. */
export class GatedSql implements Sql {
  constructor(private readonly inner: Sql, private readonly gate: ViewerStatementGate, private readonly key: string) {}

  query<T = Record<string, unknown>>(text: string, params: unknown[] = [], name?: string, mergeable?: Mergeable): Promise<T[]> {
    if (!mergeable) return this.gate.run(this.key, () => this.inner.query<T>(text, params, name));
    return this.gate.runBatched<unknown[], T[]>(this.key, mergeable.key, params, MAX_MERGED, async (runs) => {
      if (runs.length === 1) return [await settled(() => this.inner.query<T>(text, runs[0], name))];
      const merged = mergeable.merge(runs);
      let rows: Record<string, unknown>[];
      try {
        rows = await this.inner.query(merged.text, merged.values, merged.name);
      } catch (error) {
        // A failure of the database itself (connection, resources, timeout, shutdown) is every run's: running them
        // again one by one would only take k times as long to fail.
        if (!runsOwnFailure(error)) return runs.map(() => ({ error }));
        // One run's failure (its values) must stay its own: each runs again alone (in this slot, one after another).
        const alone: Settled<T[]>[] = [];
        for (const values of runs) alone.push(await settled(() => this.inner.query<T>(text, values, name)));
        return alone;
      }
      return merged.split(rows[0]).map((row) => ({ value: [row as T] }));
    });
  }
}

const gates = new WeakMap<Database, ViewerStatementGate>();

/** The gate of a database handle (one per running hub). */
export function gateFor(db: Database): ViewerStatementGate {
  let gate = gates.get(db);
  if (!gate) { gate = new ViewerStatementGate(); gates.set(db, gate); }
  return gate;
}
