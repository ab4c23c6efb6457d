import { AuthorityEntity } from '../../entities/authority.entity';
import { IntegrationClientEntity } from '../../entities/integration-client.entity';
import { hashSecret, newClientCredentials } from '../server/dfe-csc/client-secrets';
import { CliCommand, required } from './cli-command';
import { withLocalDatabase } from './local-database';

/**
 * `hub client add --org CODE --name TEXT [--json]`: registers an integration client for POST /oauth/token and
 * prints its id and secret once (only a salted hash of the secret is kept, so it cannot be shown again).
 */
export const clientAddCommand: CliCommand = {
  words: ['client', 'add'],
  usage: 'hub client add --org CODE --name TEXT [--json]',
  async run(o) {
    const org = required(o, 'org').toUpperCase();
    const name = required(o, 'name');
    return withLocalDatabase(async (ds) => {
      const authority = await ds.getRepository(AuthorityEntity).findOneBy({ code: org });
      if (!authority) {
        process.stderr.write(`hub: ${org} is not a registered authority; add it first with: hub authority add --code ${org} --name "..."\n`);
        return 1;
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
      return 0;
    });
  },
};
