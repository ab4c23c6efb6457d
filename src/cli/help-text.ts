import { CliCommand, EXIT } from './cli-command';

/** What 0 and 2 mean for every command; a command's own table adds to or overrides these. */
const COMMON_EXIT_CODES: Record<number, string> = {
  [EXIT.ok]: 'done',
  [EXIT.usage]: 'usage mistake: unknown option, missing or bad value (nothing was changed)',
};

/** The usage line generated from the command's table, e.g. `hub token --role ROLE --org CODE [--ttl DURATION]`. */
export function usageLine(c: CliCommand): string {
  const parts = [`hub ${c.words.join(' ')}`];
  for (const [name, o] of Object.entries(c.options)) {
    const text = o.type === 'boolean' ? `--${name}` : `--${name} ${o.value ?? 'VALUE'}`;
    parts.push(o.required ? text : `[${text}]`);
  }
  for (const p of c.positionals ?? []) parts.push(p.required ? p.name : `[${p.name}]`);
  return parts.join(' ');
}

/** `hub --help`: every command with its one-line summary. */
export function overviewText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => `hub ${c.words.join(' ')}`.length));
  const lines = [
    'Permanence Hub command line.',
    '',
    'Usage: hub COMMAND [OPTIONS]    (hub COMMAND --help for one command\'s options, environment, exit codes and an example)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${`hub ${c.words.join(' ')}`.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 done; 1 done in part or refused for a reason in the data; 2 usage mistake; 3 the hub or its database',
    'could not be reached or refused the run.',
  ];
  return `${lines.join('\n')}\n`;
}

/** `hub COMMAND --help`: usage, what it does, options, arguments, environment, exit codes and examples. */
export function commandHelpText(c: CliCommand): string {
  const lines = [`Usage: ${usageLine(c)}`, '', c.summary];
  if (c.details) lines.push('', c.details);
  const positionals = c.positionals ?? [];
  if (positionals.length) {
    lines.push('', 'Arguments:');
    const w = Math.max(...positionals.map((p) => p.name.length));
    for (const p of positionals) lines.push(`  ${p.name.padEnd(w)}  ${p.description}${p.required ? '' : ' (optional)'}`);
  }
  const options = Object.entries(c.options).map(([name, o]) => ({
    left: o.type === 'boolean' ? `--${name}` : `--${name} ${o.value ?? 'VALUE'}`,
    right: `${o.description}${o.required ? ' (required)' : ''}${o.default ? ` (default: ${o.default})` : ''}`,
  }));
  options.push({ left: '--help', right: 'this help' });
  const ow = Math.max(...options.map((o) => o.left.length));
  lines.push('', 'Options:', ...options.map((o) => `  ${o.left.padEnd(ow)}  ${o.right}`));
  const env = Object.entries(c.environment ?? {});
  if (env.length) {
    const ew = Math.max(...env.map(([k]) => k.length));
    lines.push('', 'Environment:', ...env.map(([k, v]) => `  ${k.padEnd(ew)}  ${v}`));
  }
  const codes = { ...COMMON_EXIT_CODES, ...c.exitCodes } as Record<number, string>;
  lines.push('', 'Exit codes:', ...Object.keys(codes).map(Number).sort().map((k) => `  ${k}  ${codes[k]}`));
  lines.push('', c.examples.length > 1 ? 'Examples:' : 'Example:', ...c.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}
