import { AuthorityEntity } from '../../entities/authority.entity';
import { CliCommand, required, UsageError } from './cli-command';
import { withLocalDatabase } from './local-database';

/** `hub authority add`: registers (or updates) an LA with its RAA, or an RAA; how a production hub is set up. */
export const authorityAddCommand: CliCommand = {
  words: ['authority', 'add'],
  usage: 'hub authority add --code CODE --name TEXT [--la-number N] [--raa CODE] [--kind LA|RAA]',
  async run(o) {
    const code = required(o, 'code').toUpperCase();
    const name = required(o, 'name');
    if (!/^[A-Z0-9_]{2,12}$/.test(code)) throw new UsageError('--code must be 2 to 12 letters, digits or _');
    const laNumber = typeof o['la-number'] === 'string' ? Number(o['la-number']) : null;
    if (laNumber !== null && (!Number.isInteger(laNumber) || laNumber <= 0)) throw new UsageError('--la-number must be a positive whole number');
    const raa = typeof o.raa === 'string' ? o.raa.toUpperCase() : null;
    const kindWord = typeof o.kind === 'string' ? o.kind.toUpperCase() : (laNumber !== null || raa ? 'LA' : 'RAA');
    if (kindWord !== 'LA' && kindWord !== 'RAA') throw new UsageError('--kind must be LA or RAA');
    if (kindWord === 'RAA' && (raa || laNumber !== null)) throw new UsageError('an RAA has no --raa or --la-number');
    return withLocalDatabase(async (ds) => {
      const repo = ds.getRepository(AuthorityEntity);
      if (raa) {
        const parent = await repo.findOneBy({ code: raa });
        if (!parent || parent.kind !== 'REGIONAL_ADOPTION_AGENCY') {
          process.stderr.write(`hub: ${raa} is not a registered RAA; add it first with: hub authority add --code ${raa} --name "..."\n`);
          return 1;
        }
      }
      if (laNumber !== null) {
        const clash = await repo.findOneBy({ laNumber });
        if (clash && clash.code !== code) {
          process.stderr.write(`hub: LA number ${laNumber} already belongs to ${clash.code}\n`);
          return 1;
        }
      }
      const existed = await repo.findOneBy({ code });
      await repo.save(repo.create({
        code, name, kind: kindWord === 'LA' ? 'LOCAL_AUTHORITY' : 'REGIONAL_ADOPTION_AGENCY', laNumber, raaCode: raa,
      }));
      process.stdout.write(`${existed ? 'updated' : 'added'} ${code} (${name})${raa ? `, member of ${raa}` : ''}${laNumber !== null ? `, LA number ${laNumber}` : ''}\n`);
      return 0;
    });
  },
};
