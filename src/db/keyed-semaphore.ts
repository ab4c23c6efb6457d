/** A counting semaphore per key: at most `limit` holders of each key at once; the rest wait their turn in order. */
export class KeyedSemaphore {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(readonly limit: number) {}

  /** True when `key` has no free slot now (a `run` would wait). */
  full(key: string): boolean {
    return (this.running.get(key) ?? 0) >= this.limit;
  }

  /** Holders of `key` now. */
  holders(key: string): number {
    return this.running.get(key) ?? 0;
  }

  /** Runs `work` in a slot of `key`. When a slot is free, `work` starts before `run` returns (no tick passes). */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.full(key)) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(key);
        if (queue) queue.push(resolve); else this.waiting.set(key, [resolve]);
      });
    } else {
      this.running.set(key, (this.running.get(key) ?? 0) + 1);
    }
    try {
      return await work();
    } finally {
      this.release(key);
    }
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
