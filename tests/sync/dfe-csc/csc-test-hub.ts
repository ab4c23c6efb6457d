// Shared set-up for the DfE endpoint tests: a hub with the demo authorities and integration clients made the way
// `hub client add` makes them.
import { hashSecret, newClientCredentials } from '../../../src/server/dfe-csc/client-secrets';
import { seedAuthorities } from '../../support/factories';
import { startTestHub, TestHub } from '../../support/test-hub';
import { D2iPipelineClient, PipelineConfig } from './d2i-pipeline-client';

/** LA numbers of the seeded authorities. */
export const LA = { BDG: 301, HAV: 311, NHM: 316 } as const;

/** A test hub with authorities seeded. */
export async function startCscHub(): Promise<TestHub> {
  const hub = await startTestHub();
  await seedAuthorities(hub.t.db);
  return hub;
}

/** Registers an integration client for `org` (as `hub client add` does) and returns its credentials. */
export async function addClient(hub: TestHub, org: string): Promise<{ clientId: string; clientSecret: string }> {
  const creds = newClientCredentials();
  await hub.t.db.query(`INSERT INTO integration_client (client_id, secret_hash, org, name) VALUES ($1, $2, $3, $4)`,
    [creds.clientId, await hashSecret(creds.clientSecret), org, `${org} nightly`]);
  return creds;
}

/** A pipeline configured for `laCode` with a fresh client of `org`; sleeps are recorded and shortened 100-fold. */
export async function pipelineFor(hub: TestHub, org: string, laCode: number | string, extra: Partial<PipelineConfig> = {}): Promise<D2iPipelineClient> {
  const { clientId, clientSecret } = await addClient(hub, org);
  return new D2iPipelineClient({
    tokenEndpoint: `${hub.url}/oauth/token`, apiEndpoint: hub.url, laCode, clientId, clientSecret,
    scope: 'api://children-social-care/.default', supplierKey: 'LIQUIDLOGIC-TEST-KEY',
    sleep: (s) => new Promise((r) => setTimeout(r, s * 10)), ...extra,
  });
}

/** How many change-feed entries an authority has. */
export async function feedLength(hub: TestHub, authority: string): Promise<number> {
  const [{ n }] = await hub.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM change_log WHERE authority = $1`, [authority]);
  return n;
}
