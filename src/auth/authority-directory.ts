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
 * The authorities, cached briefly: they change only when an operator runs `hub authority add`, and every request
 * needs them to resolve its viewer, so reading them per request would cost a statement each time.
 */
export class AuthorityDirectory {
  private cache: { at: number; byCode: Map<string, AuthorityRecord> } | undefined;

  constructor(private readonly sql: Sql, private readonly ttlMs = 5_000) {}

  /** All authorities by code. */
  async all(): Promise<Map<string, AuthorityRecord>> {
    if (this.cache && Date.now() - this.cache.at < this.ttlMs) return this.cache.byCode;
    const rows = await this.sql.query<AuthorityRecord>(
      `SELECT code, name, kind, la_number AS "laNumber", raa_code AS "raaCode" FROM authority ORDER BY code`);
    this.cache = { at: Date.now(), byCode: new Map(rows.map((r) => [r.code, r])) };
    return this.cache.byCode;
  }

  /** Forgets the cache, after an authority is added. */
  invalidate(): void {
    this.cache = undefined;
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
