import 'reflect-metadata';
import { parseArgs } from 'util';
import { UsageError } from './cli-command';
import { commands } from './commands';

function usage(): string {
  return `Usage:\n${commands.map((c) => `  ${c.usage}`).join('\n')}\n`;
}

/** Flags that never take a value; any other `--name value` pair is read as `--name=value`. */
const BOOLEAN_FLAGS = new Set(['--json', '--help']);

/** parseArgs without an options table reads `--role ROLE` as a flag plus a positional; join such pairs first. */
function joinOptionValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const next = argv[i + 1];
    if (a.startsWith('--') && !a.includes('=') && !BOOLEAN_FLAGS.has(a) && next !== undefined && !next.startsWith('--')) {
      out.push(`${a}=${next}`);
      i += 1;
    } else out.push(a);
  }
  return out;
}

/** The `hub` command line: finds the command by its words and runs it; exit 2 on a usage mistake. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: joinOptionValues(argv), strict: false, allowPositionals: true });
  const command = commands
    .filter((c) => c.words.every((w, i) => positionals[i] === w))
    .sort((a, b) => b.words.length - a.words.length)[0];
  if (!command || values.help) {
    process.stdout.write(usage());
    return command || values.help ? 0 : 2;
  }
  try {
    return await command.run(values as Record<string, string | boolean | undefined>, positionals.slice(command.words.length));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`hub: ${err.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`hub: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
