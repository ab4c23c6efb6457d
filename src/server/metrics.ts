// The hub's Prometheus metrics (prom-client), one registry per running hub. Every label is bounded: operations by the
// operation table (src/policy/operation-policy.ts, anything else "other"), routes by the app's own mounts, authorities
// by the authority directory. A client can add samples, never new series.
import { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ViewerStatementGate } from '../db/viewer-statement-gate';
import { operationPolicy } from '../policy/operation-policy';

/** Seconds buckets for request latency: a page read is milliseconds, a sync batch of 1,000 records a few seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** The label for a GraphQL root field: its name when the operation table lists it, otherwise "other". */
export function operationLabel(rootField: string | undefined): string {
  return rootField && Object.prototype.hasOwnProperty.call(operationPolicy, rootField) ? rootField : 'other';
}

/** Prometheus metrics of one hub. */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly counters = new Map<string, Counter<string>>();
  private readonly started = Date.now();

  /** HTTP requests by method, route (the app's mount, or "other") and status. */
  readonly httpDuration = new Histogram({
    name: 'hub_http_request_duration_seconds', help: 'HTTP request latency, by method, route and status',
    labelNames: ['method', 'route', 'status'], buckets: LATENCY_BUCKETS, registers: [this.registry],
  });

  /** GraphQL operations by root field (bounded by the operation table) and outcome (ok, or the first error code). */
  readonly graphqlDuration = new Histogram({
    name: 'hub_graphql_operation_duration_seconds', help: 'GraphQL operation latency, by operation (root field) and outcome',
    labelNames: ['operation', 'outcome'], buckets: LATENCY_BUCKETS, registers: [this.registry],
  });

  /** GraphQL requests, as before (`operation` is now bounded by the operation table). */
  readonly graphqlRequests = new Counter({
    name: 'hub_graphql_requests_total', help: 'GraphQL requests, by operation (root field) and outcome',
    labelNames: ['operation', 'outcome'], registers: [this.registry],
  });

  /** Fully compiled queries: answered from their statement by the response completer ("written"), or left to graphql-js ("executed"). */
  readonly compiledResponses = new Counter({
    name: 'hub_graphql_compiled_responses_total', help: 'Compiled queries, by who wrote the response: the completer (written) or graphql-js (executed)',
    labelNames: ['by'], registers: [this.registry],
  });

  /** SQL statements sent by GraphQL requests. */
  readonly sqlStatements = new Counter({
    name: 'hub_sql_statements_total', help: 'SQL statements sent by GraphQL requests', registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const started = this.started;
    new Gauge({
      name: 'hub_uptime_seconds', help: 'Seconds since the hub started', registers: [this.registry],
      collect() { this.set(Math.round((Date.now() - started) / 1000)); },
    });
  }

  /**
   * Reports a database pool's connections (total, idle, and requests waiting for one) and its size at each scrape:
   * the hub's pool as `hub_db_pool_*`, the compiled reads' pool (src/db/read-pool.ts) as `hub_db_read_pool_*`.
   */
  watchPool(pool: Pool, which: 'main' | 'read' = 'main'): void {
    const prefix = which === 'main' ? 'hub_db_pool' : 'hub_db_read_pool';
    const what = which === 'main' ? 'Database pool' : 'Compiled reads\' database pool';
    new Gauge({
      name: `${prefix}_connections`, help: `${what} connections: total open, idle, and requests waiting for one`,
      labelNames: ['state'], registers: [this.registry],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    const max = (pool as Pool & { options?: { max?: number } }).options?.max;
    if (max) new Gauge({ name: `${prefix}_max_connections`, help: `Largest size of the ${what.toLowerCase()}`, registers: [this.registry] }).set(max);
  }

  /**
   * Counts, at each scrape, the point-read statements sent since start by how many runs (requests) each carried
   * (src/compiler/statement-merge.ts): a counter, so `rate()` gives statements a second and the share merged.
   */
  watchMerging(gate: ViewerStatementGate): void {
    const reported = new Map<number, number>();
    new Counter({
      name: 'hub_merged_read_statements_total', help: 'Point-read statements sent, by how many runs (requests) each carried: 1 is alone',
      labelNames: ['runs'], registers: [this.registry],
      collect() {
        for (const [runs, sent] of gate.sentByRuns) {
          const since = sent - (reported.get(runs) ?? 0);
          if (since > 0) this.inc({ runs: String(runs) }, since);
          reported.set(runs, sent);
        }
      },
    });
  }

  /**
   * Adds `by` to the counter `name` (created on first use with these label names). Callers pass bounded values only:
   * authority codes from the directory, fixed words; never a client's free text.
   */
  inc(name: string, labels: Record<string, string> = {}, by = 1): void {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = new Counter({ name, help: name.replace(/_/g, ' '), labelNames: Object.keys(labels).sort(), registers: [this.registry] });
      this.counters.set(name, counter);
    }
    counter.inc(labels, by);
  }

  /** The Prometheus text exposition. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** The content type of `render()`. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
