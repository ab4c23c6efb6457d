import { AuthorityEntity } from '../../entities/authority.entity';
import { IntegrationClientEntity } from '../../entities/integration-client.entity';
import { hashSecret, newClientCredentials } from '../server/dfe-csc/client-secrets';
import { CliCommand, EXIT, required, UsageError } from './cli-command';
import { withLocalDatabase } from './local-database';

/**
 * `hub client add --org CODE --name TEXT [--json]`: registers an integration client for POST /oauth/token and
 * prints its id and secret once (only a salted hash of the secret is kept, so it cannot be shown again).
 */
export const clientAddCommand: CliCommand = {
  words: ['client', 'add'],
  summary: "Registers an OAuth2 client for the DfE API endpoint (POST /oauth/token) and prints its id and secret once.",
  details: 'Only a salted hash of the secret is kept: copy it now into the case system that will push records.',
  options: {
    org: { type: 'string', value: 'CODE', required: true, description: 'the registered authority the client pushes records for' },
    name: { type: 'string', value: 'TEXT', required: true, description: 'what the client is, e.g. "Liquidlogic nightly"' },
    json: { type: 'boolean', description: 'print {"client_id", "client_secret"} as JSON' },
  },
  environment: {
    DATABASE_URL: "the hub's PostgreSQL (default: the embedded one under HUB_DATA_DIR)",
    HUB_DATA_DIR: 'where the embedded PostgreSQL lives (default: .data/)',
  },
  exitCodes: {
    0: 'added; the id and secret are printed',
    2: 'usage mistake, or --org names no registered authority (nothing was added)',
    3: 'the database could not be reached (the message names the setting to change)',
  },
  examples: ['hub client add --org BDG --name "Liquidlogic nightly"'],
  async run(o) {
    const org = required(o, 'org').toUpperCase();
    const name = required(o, 'name');
    return withLocalDatabase(async (ds) => {
      const authority = await ds.getRepository(AuthorityEntity).findOneBy({ code: org });
      if (!authority) {
        throw new UsageError(`${org} is not a registered authority; add it first with: hub authority add --code ${org} --name "..."`);
      }
      const { clientId, clientSecret } = newClientCredentials();
      const repo = ds.getRepository(IntegrationClientEntity);
      await repo.insert(repo.create({ clientId, secretHash: await hashSecret(clientSecret), org, name }));
      if (o.json) process.stdout.write(`${JSON.stringify({ client_id: clientId, client_secret: clientSecret })}\n`);
      else {
        process.stdout.write(`Added integration client "${name}" for ${org} (${authority.name}).\n`
          + `client_id:     ${clientId}\nclient_secret: ${clientSecret}\n`
          + 'Keep the secret now: the hub stores only a hash of it and cannot show it again.\n');
      }
      return EXIT.ok;
    });
  },
};
