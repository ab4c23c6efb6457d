import { AuthorityEntity } from '../../entities/authority.entity';
import { CliCommand, EXIT, optional, required, UsageError } from './cli-command';
import { withLocalDatabase } from './local-database';

/** `hub authority add`: registers (or updates) an LA with its RAA, or an RAA; how a production hub is set up. */
export const authorityAddCommand: CliCommand = {
  words: ['authority', 'add'],
  summary: "Registers or updates an authority (an LA with its RAA, or an RAA) in the hub's database.",
  details: 'With --la-number or --raa it is an LA, otherwise an RAA. Add the RAA before its LAs. Running it again with the\n'
    + 'same code updates the name, LA number or RAA.',
  options: {
    code: { type: 'string', value: 'CODE', required: true, description: "the authority's code, 2 to 12 letters, digits or _ (tokens carry it as org)" },
    name: { type: 'string', value: 'TEXT', required: true, description: "the authority's name" },
    'la-number': { type: 'string', value: 'N', description: "an LA's DfE LA number (e.g. 301)" },
    raa: { type: 'string', value: 'CODE', description: 'the code of the RAA an LA belongs to (already registered)' },
    kind: { type: 'string', value: 'LA|RAA', description: 'LA or RAA, when the other options do not say' },
  },
  environment: {
    DATABASE_URL: "the hub's PostgreSQL (default: the embedded one under HUB_DATA_DIR)",
    HUB_DATA_DIR: 'where the embedded PostgreSQL lives (default: .data/)',
  },
  exitCodes: {
    0: 'added or updated',
    1: 'refused: the LA number already belongs to another authority',
    2: 'usage mistake, or --raa names no registered RAA (nothing was changed)',
    3: 'the database could not be reached (the message names the setting to change)',
  },
  examples: [
    'hub authority add --code ALE --name "Adopt London East"',
    'hub authority add --code BDG --name "Barking and Dagenham" --la-number 301 --raa ALE',
  ],
  async run(o) {
    const code = required(o, 'code').toUpperCase();
    const name = required(o, 'name');
    if (!/^[A-Z0-9_]{2,12}$/.test(code)) throw new UsageError('--code must be 2 to 12 letters, digits or _');
    const laNumber = optional(o, 'la-number') !== undefined ? Number(o['la-number']) : null;
    if (laNumber !== null && (!Number.isInteger(laNumber) || laNumber <= 0)) throw new UsageError('--la-number must be a positive whole number');
    const raa = optional(o, 'raa')?.toUpperCase() ?? null;
    const kindWord = optional(o, 'kind')?.toUpperCase() ?? (laNumber !== null || raa ? 'LA' : 'RAA');
    if (kindWord !== 'LA' && kindWord !== 'RAA') throw new UsageError('--kind must be LA or RAA');
    if (kindWord === 'RAA' && (raa || laNumber !== null)) throw new UsageError('an RAA has no --raa or --la-number');
    return withLocalDatabase(async (ds) => {
      const repo = ds.getRepository(AuthorityEntity);
      if (raa) {
        const parent = await repo.findOneBy({ code: raa });
        if (!parent || parent.kind !== 'REGIONAL_ADOPTION_AGENCY') {
          throw new UsageError(`${raa} is not a registered RAA; add it first with: hub authority add --code ${raa} --name "..."`);
        }
      }
      if (laNumber !== null) {
        const clash = await repo.findOneBy({ laNumber });
        if (clash && clash.code !== code) {
          process.stderr.write(`hub: LA number ${laNumber} already belongs to ${clash.code}\n`);
          return EXIT.failed;
        }
      }
      const existed = await repo.findOneBy({ code });
      await repo.save(repo.create({
        code, name, kind: kindWord === 'LA' ? 'LOCAL_AUTHORITY' : 'REGIONAL_ADOPTION_AGENCY', laNumber, raaCode: raa,
      }));
      process.stdout.write(`${existed ? 'updated' : 'added'} ${code} (${name})${raa ? `, member of ${raa}` : ''}${laNumber !== null ? `, LA number ${laNumber}` : ''}\n`);
      return EXIT.ok;
    });
  },
};
