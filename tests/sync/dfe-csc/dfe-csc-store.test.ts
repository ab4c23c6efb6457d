// The DfE path and the other sources of the same child: a 903 episode of the same stay is taken over (its legal
// status kept, so the placement order date survives), `hub client add` makes working credentials, and the batch
// reader refuses what the pipeline must not be told is stored.
import { storeExtractChildren } from '../../../src/sync/child-store';
import { ingestBatch, readBatch } from '../../../src/sync/dfe-csc/csc-batch';
import type { ExtractChild } from '../../../src/sync/ssda903/extract';
import { clientAddCommand } from '../../../src/cli/client-command';
import { UsageError } from '../../../src/cli/cli-command';
import { seedAuthorities } from '../../support/factories';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { fullPayload } from './d2i-payloads';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedAuthorities(t.db);
});
afterAll(() => t.close());

const episode = (decom: string, over: Partial<ExtractChild['episodes'][number]> = {}) => ({
  decom, rne: 'S', legalStatus: 'C2', cin: 'N1', place: 'U1', placeProvider: 'PR1', dec: null, rec: null, reasonPlaceChange: null,
  homePostcode: null, placementPostcode: null, urn: null, ...over,
});

describe('a child known from a 903 return and then from the DfE payload', () => {
  it('merges the same stay into one episode and keeps the 903\'s legal status and placement order date', async () => {
    const import903 = () => storeExtractChildren(t.db, 'BDG', 2023, [{
      sourceId: 'MIX1', sex: 'MALE', dateOfBirth: '2020-05-05', ethnicity: 'WBRI', upn: null,
      episodes: [episode('2021-01-10', { dec: '2022-03-01', rec: 'X1' }), episode('2022-03-01', { rne: 'L', legalStatus: 'E1' })],
    }]);
    await import903();
    const payload = fullPayload({ id: 'MIX1', sex: 'M', dob: '2020-05-05', placements: [
      { id: 'LL-77', start: '2022-03-01', reason: 'L', type: 'A5' },
    ], adoption: { decision: '2021-11-01', matched: '2023-01-20' } });
    const out = await ingestBatch(t.db, 'BDG', 301, [payload]);
    expect(out.ok).toBe(true);
    const rows = await t.db.query(`SELECT e.source_id, e.decom::text, e.legal_status, e.place, e.csc_episode_id FROM care_episode e
      JOIN child c ON c.id = e.child_id WHERE c.source_id = 'MIX1' ORDER BY e.decom`);
    expect(rows).toEqual([
      { source_id: 'MIX1/2021-01-10', decom: '2021-01-10', legal_status: 'C2', place: 'U1', csc_episode_id: null },
      { source_id: 'LL-77', decom: '2022-03-01', legal_status: 'E1', place: 'A5', csc_episode_id: 'REF-MIX1' },
    ]);
    const [c] = await t.db.query(`SELECT placement_order_on::text AS po, decision_on::text AS d, matched_on::text AS m,
      placed_on::text AS p, stage FROM child WHERE source_id = 'MIX1'`);
    expect(c).toEqual({ po: '2022-03-01', d: '2021-11-01', m: '2023-01-20', p: '2022-03-01', stage: 'MATCHED_PLACED' });
    const again = await ingestBatch(t.db, 'BDG', 301, [payload]);
    expect(again.ok && again.changed).toBe(0);
    await import903();
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM care_episode e JOIN child c ON c.id = e.child_id WHERE c.source_id = 'MIX1'`);
    expect(n).toBe(2);
  });

  it('lets a child sent twice in one batch take both records in order, with one receipt each', async () => {
    const first = fullPayload({ id: 'TWICE', firstName: 'Ana' });
    const second = { la_child_id: 'TWICE', mis_child_id: 'x', child_details: { first_name: 'Anna' } };
    const out = await ingestBatch(t.db, 'BDG', 301, [first, second]);
    expect(out.ok && out.receipts.length).toBe(2);
    const [c] = await t.db.query(`SELECT first_name, last_name FROM child WHERE source_id = 'TWICE'`);
    expect(c).toEqual({ first_name: 'Anna', last_name: 'Taylor' });
  });
});

describe('reading a batch', () => {
  it('accepts nulls where the D2I SQL writes them, ignores fields it does not know, and never writes [n] inside a path', () => {
    const p = fullPayload({ id: 'R1', dob: null, ethnicity: null }) as any;
    p.child_details.future_field = 'v0.9';
    p.social_care_episodes[0].child_looked_after_placements = [{ child_looked_after_placement_id: 'X', start_date: 'soon' }];
    const { problems } = readBatch([fullPayload({ id: 'R0' }), p], 301);
    expect(problems).toEqual(['[1] social_care_episodes.0.child_looked_after_placements.0.start_date: not a date (YYYY-MM-DD)']);
    expect(problems.join(' ').match(/\[\d+\]/g)).toEqual(['[1]']);
  });

  it('maps disabilities to needs and keeps needs other paths set', async () => {
    await t.db.query(`INSERT INTO child (authority, source_id, needs) VALUES ('BDG', 'NEEDS-1', '{FASD,HEARING_IMPAIRMENT}')`);
    const out = await ingestBatch(t.db, 'BDG', 301, [fullPayload({ id: 'NEEDS-1', disabilities: ['VIS', 'NONE'] })]);
    expect(out.ok).toBe(true);
    const [c] = await t.db.query(`SELECT needs FROM child WHERE source_id = 'NEEDS-1'`);
    expect(c.needs).toEqual(['FASD', 'VISUAL_IMPAIRMENT']);
  });
});

describe('hub client add', () => {
  const run = async (options: Record<string, string | boolean>) => {
    const out: string[] = [];
    const err: string[] = [];
    const write = (sink: string[]) => ((s: string) => { sink.push(s); return true; }) as typeof process.stdout.write;
    const [o, e] = [process.stdout.write, process.stderr.write];
    process.stdout.write = write(out);
    process.stderr.write = write(err);
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = t.url;
    try {
      return { code: await clientAddCommand.run(options, []), out: out.join(''), err: err.join('') };
    } finally {
      process.stdout.write = o;
      process.stderr.write = e;
      process.env.DATABASE_URL = saved;
    }
  };

  it('prints the id and secret once, as JSON with --json, and keeps only a salted hash', async () => {
    const r = await run({ org: 'bdg', name: 'Liquidlogic nightly', json: true });
    expect(r.code).toBe(0);
    const creds = JSON.parse(r.out);
    expect(Object.keys(creds)).toEqual(['client_id', 'client_secret']);
    const [row] = await t.db.query(`SELECT org, name, secret_hash FROM integration_client WHERE client_id = $1`, [creds.client_id]);
    expect(row).toMatchObject({ org: 'BDG', name: 'Liquidlogic nightly' });
    expect(row.secret_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.secret_hash).not.toContain(creds.client_secret);
    const { authenticateClient } = await import('../../../src/server/dfe-csc/client-secrets');
    expect(await authenticateClient(t.db, creds.client_id, creds.client_secret)).toMatchObject({ org: 'BDG' });
    expect(await authenticateClient(t.db, creds.client_id, `${creds.client_secret}x`)).toBeNull();
  });

  it('refuses an unknown authority as a usage mistake (exit 2) and says how to add it', async () => {
    await expect(run({ org: 'XYZ', name: 'n' })).rejects.toThrow(UsageError);
    await expect(run({ org: 'XYZ', name: 'n' })).rejects.toThrow(/XYZ is not a registered authority; add it first with: hub authority add --code XYZ/);
  });
});
