import { Sql } from '../db/sql';
import { AuthorityKind } from '../../entities/authority.entity';

/** An authority as the request path needs it. */
export interface AuthorityRecord {
  code: string;
  name: string;
  kind: AuthorityKind;
  laNumber: number | null;
  raaCode: string | null;
}

/**
 * The authorities, cached: every request needs them to resolve its viewer, and they change only when an operator
 * registers one. The cache is loaded single-flight (concurrent requests share one statement) and kept until the
 * database says the authority table changed (LISTEN/NOTIFY, `AuthorityChangeListener`), so a change made through any
 * hub process is seen by all of them at once. While no listener is connected it expires after `ttlMs` instead.
 */
export class AuthorityDirectory {
  private cache: { at: number; byCode: Map<string, AuthorityRecord> } | undefined;
  private loading: Promise<Map<string, AuthorityRecord>> | undefined;
  /** Bumped by every invalidation, so a load that started before one is not kept as current. */
  private generation = 0;
  private listening = false;
  /** Statements sent to load the directory (for tests and /metrics). */
  loads = 0;

  constructor(private readonly sql: Sql, private readonly ttlMs = 5_000) {}

  /** All authorities by code. */
  async all(): Promise<Map<string, AuthorityRecord>> {
    if (this.cache && (this.listening || Date.now() - this.cache.at < this.ttlMs)) return this.cache.byCode;
    if (this.loading) return this.loading;
    const generation = this.generation;
    const at = Date.now();
    const loading = this.load().then((byCode) => {
      if (generation === this.generation) this.cache = { at, byCode };
      return byCode;
    }).finally(() => {
      if (this.loading === loading) this.loading = undefined;
    });
    this.loading = loading;
    return loading;
  }

  private async load(): Promise<Map<string, AuthorityRecord>> {
    this.loads += 1;
    const rows = await this.sql.query<AuthorityRecord>(
      `SELECT code, name, kind, la_number AS "laNumber", raa_code AS "raaCode" FROM authority ORDER BY code`);
    return new Map(rows.map((r) => [r.code, r]));
  }

  /** Forgets the cache (the authority table changed); the next request reloads it. */
  invalidate(): void {
    this.generation += 1;
    this.cache = undefined;
    this.loading = undefined;
  }

  /** Whether a listener will report every change (then the cache is kept until it does); either way, reload. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.invalidate();
  }

  /** One authority, or undefined. */
  async get(code: string): Promise<AuthorityRecord | undefined> {
    return (await this.all()).get(code);
  }

  /** The LA members of an RAA. */
  async membersOf(raa: string): Promise<string[]> {
    return [...(await this.all()).values()].filter((a) => a.raaCode === raa).map((a) => a.code);
  }

  /** The authority with this DfE LA number. */
  async byLaNumber(laNumber: number): Promise<AuthorityRecord | undefined> {
    return [...(await this.all()).values()].find((a) => a.laNumber === laNumber);
  }
}
