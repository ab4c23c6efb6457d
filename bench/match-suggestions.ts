import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Viewer } from '../src/auth/viewer';
import { openDatabase, poolOf } from '../src/db/data-source';
import { startEmbeddedDatabase } from '../src/db/embedded-database';
import { Database, Sql } from '../src/db/sql';
import { writePartnership } from '../src/demo/demo-writer';
import { partnershipChunks } from '../src/demo/generate-partnership';
import { childrenForHousehold } from '../src/matching/child-suggestions-query';
import { matchReasons } from '../src/matching/match-reasons';
import { householdsForChild } from '../src/matching/match-suggestions-query';

/** Timings in milliseconds of one kind of call: how many, median, 95th percentile, slowest. */
export interface Timing { calls: number; p50: number; p95: number; max: number }

function summarise(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 10) / 10;
  return { calls: s.length, p50: at(0.5), p95: at(0.95), max: Math.round(s[s.length - 1] * 10) / 10 };
}

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function familyFinder(raa: string, members: string[]): Viewer {
  return { sub: 'bench', name: null, org: raa, orgKind: 'REGIONAL_ADOPTION_AGENCY', raa, raaMembers: members, roles: ['family_finder'] };
}

async function viewerOf(sql: Sql, childAuthority: string): Promise<Viewer> {
  const [{ raa, members }] = await sql.query<{ raa: string; members: string[] }>(`SELECT a.raa_code AS raa,
    (SELECT array_agg(code) FROM authority m WHERE m.raa_code = a.raa_code) AS members FROM authority a WHERE a.code = $1`, [childAuthority]);
  return familyFinder(raa, members);
}

/** matchSuggestions for `children` (id, authority), the way the resolver runs it: the SQL plus the sentences. */
async function timeChildren(sql: Sql, children: { id: string; authority: string }[], found: number[] = []): Promise<number[]> {
  const out: number[] = [];
  for (const c of children) {
    const viewer = await viewerOf(sql, c.authority);
    out.push(await timed(async () => {
      const result = await householdsForChild(sql, viewer, { childId: c.id, first: 20, includeExcluded: false });
      for (const s of result?.households ?? []) matchReasons(result!.members, s.household as never, s.flags, (x) => x);
      found.push(result?.households.length ?? 0);
    }));
  }
  return out;
}

/**
 * Times matchSuggestions (and the reverse childSuggestions) at national scale: for a sample of children in family
 * finding, over their RAA's households as generated; then the worst case, every one of the 20,000 households
 * approved, unmatched and in the child's own RAA (inside a transaction that is rolled back).
 */
export async function benchMatchSuggestions(db: Database, sample = 40): Promise<Record<string, unknown>> {
  const children = await db.query<{ id: string; authority: string }>(`SELECT id, authority FROM child
    WHERE stage IN ('FAMILY_FINDING', 'ADM_DECISION', 'PARALLEL_PLANNING') ORDER BY md5(id::text) LIMIT $1`, [sample]);
  const [{ households, approved }] = await db.query<{ households: number; approved: number }>(
    `SELECT count(*)::int AS households, count(*) FILTER (WHERE stage = 'APPROVED')::int AS approved FROM adopter_household`);
  await timeChildren(db, children.slice(0, 3)); // warm the cache and plans
  const counts: number[] = [];
  const asGenerated = { ...summarise(await timeChildren(db, children, counts)), meanSuggestions: counts.reduce((a, b) => a + b, 0) / counts.length };
  const worst = await db.transaction(async (tx) => {
    const target = children[0];
    const viewer = await viewerOf(tx, target.authority);
    await tx.query(`UPDATE adopter_household SET agency = $1, stage = 'APPROVED', approved_on = COALESCE(approved_on, current_date - 30),
      approved_min_age_months = COALESCE(approved_min_age_months, 0), approved_max_age_months = COALESCE(approved_max_age_months, 60),
      approved_max_children = COALESCE(approved_max_children, 2)`, [viewer.raa]);
    await tx.query(`DELETE FROM adoption_match`);
    await tx.query(`ANALYZE adopter_household`);
    const [{ considered }] = await tx.query<{ considered: number }>(
      `SELECT count(*)::int AS considered FROM adopter_household WHERE agency = $1 AND stage = 'APPROVED'`, [viewer.raa]);
    const ms = summarise(await timeChildren(tx, children.filter((c) => viewer.raaMembers.includes(c.authority)).concat(Array(10).fill(target))));
    await tx.query('ROLLBACK; BEGIN');
    return { householdsConsidered: considered, ...ms };
  });
  const someHouseholds = await db.query<{ id: string; agency: string }>(`SELECT id, agency FROM adopter_household WHERE stage = 'APPROVED' ORDER BY md5(id::text) LIMIT 20`);
  const reverse: number[] = [];
  for (const h of someHouseholds) {
    const [{ members }] = await db.query<{ members: string[] }>(`SELECT array_agg(code) AS members FROM authority WHERE raa_code = $1`, [h.agency]);
    const viewer = familyFinder(h.agency, members);
    reverse.push(await timed(() => childrenForHousehold(db, viewer, { householdId: h.id, first: 20, includeExcluded: false })));
  }
  return { households, approved, matchSuggestionsAsGenerated: asGenerated, matchSuggestionsAll20kInOneRaa: worst, childSuggestions: summarise(reverse) };
}

/** Generates the national partnership (without 903 episodes, which matching never reads) into a scratch database. */
async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-match-'));
  const pg = await startEmbeddedDatabase(dir, { persistent: false });
  const ds = await openDatabase(pg.url, 2);
  const db = new Database(poolOf(ds));
  try {
    const t0 = Date.now();
    await db.transaction(async (tx) => {
      for (const chunk of partnershipChunks({ scale: 'national' })) await writePartnership(tx, { ...chunk, episodes: [] });
    });
    await db.query('ANALYZE');
    process.stderr.write(`loaded national scale in ${Math.round((Date.now() - t0) / 1000)} s\n`);
    const result = await benchMatchSuggestions(db);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await ds.destroy();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
