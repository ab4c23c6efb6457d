import { parseArgs } from 'util';
import { CliCommand, OptionValues, UsageError } from './cli-command';

/** What the command line asks for: the overview, one command's help, or running a command. */
export type CommandLine =
  | { kind: 'overview'; exitCode: 0 | 2; problem?: string }
  | { kind: 'help'; command: CliCommand }
  | { kind: 'run'; command: CliCommand; options: OptionValues; positionals: string[] };

const HELP_FLAGS = new Set(['--help', '-h']);

/** The command named by the leading words of `argv` (the longest match), and the arguments after them. */
export function findCommand(argv: readonly string[], commands: readonly CliCommand[]): { command?: CliCommand; rest: string[] } {
  const command = commands
    .filter((c) => c.words.every((w, i) => argv[i] === w))
    .sort((a, b) => b.words.length - a.words.length)[0];
  return { command, rest: argv.slice(command ? command.words.length : 0) };
}

/** Reads `argv` (without node and the script) against the declared commands; a mistake is a UsageError. */
export function readCommandLine(argv: readonly string[], commands: readonly CliCommand[]): CommandLine {
  if (argv.length === 0) return { kind: 'overview', exitCode: 2, problem: 'no command given' };
  if (HELP_FLAGS.has(argv[0])) return { kind: 'overview', exitCode: 0 };
  if (argv[0] === 'help') {
    if (argv.length === 1) return { kind: 'overview', exitCode: 0 };
    const { command } = findCommand(argv.slice(1), commands);
    return command ? { kind: 'help', command } : unknownCommand(argv.slice(1), commands);
  }
  const { command, rest } = findCommand(argv, commands);
  if (!command) return unknownCommand(argv, commands);
  if (rest.some((a) => HELP_FLAGS.has(a))) return { kind: 'help', command };
  const { options, positionals } = parseCommandArguments(command, rest);
  return { kind: 'run', command, options, positionals };
}

/** Parses a command's arguments with util.parseArgs and its options table, then checks what is required. */
export function parseCommandArguments(command: CliCommand, args: readonly string[]): { options: OptionValues; positionals: string[] } {
  const table = Object.fromEntries(Object.entries(command.options).map(([name, o]) => [name, { type: o.type }]));
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: table, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (err) {
    throw new UsageError(explainParseError(err, command));
  }
  for (const [name, o] of Object.entries(command.options)) {
    const v = parsed.values[name];
    if (o.required && (v === undefined || v === '')) throw new UsageError(`--${name} is required (${o.description})`);
    if (o.type === 'string' && v === '') throw new UsageError(`--${name} needs a value`);
  }
  const declared = command.positionals ?? [];
  if (parsed.positionals.length > declared.length) {
    const extra = parsed.positionals[declared.length];
    throw new UsageError(declared.length === 0
      ? `hub ${command.words.join(' ')} takes no arguments besides its options (got "${extra}")`
      : `unexpected argument "${extra}" (hub ${command.words.join(' ')} takes ${declared.map((p) => p.name).join(' ')})`);
  }
  declared.forEach((p, i) => {
    if (p.required && !parsed.positionals[i]) throw new UsageError(`${p.name} is required: ${p.description}`);
  });
  return { options: parsed.values, positionals: parsed.positionals };
}

/** util.parseArgs' messages, in the hub's words and naming the option. */
function explainParseError(err: unknown, command: CliCommand): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  const option = /'(-{1,2}[^' =]+)/.exec(message)?.[1] ?? 'an option';
  const name = `hub ${command.words.join(' ')}`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const known = Object.keys(command.options).map((o) => `--${o}`).join(', ');
    return `${name} has no option ${option} (its options: ${known || 'none'})`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const spec = command.options[option.replace(/^-+/, '')];
    return spec?.type === 'boolean' ? `${option} takes no value` : `${option} needs a value (${option} ${spec?.value ?? 'VALUE'})`;
  }
  return message;
}

function unknownCommand(words: readonly string[], commands: readonly CliCommand[]): CommandLine {
  const leading = words.filter((w) => !w.startsWith('-'));
  const near = commands.filter((c) => c.words[0] === leading[0]);
  const problem = near.length > 0
    ? `"hub ${leading.join(' ')}" is not a command; did you mean ${near.map((c) => `"hub ${c.words.join(' ')}"`).join(' or ')}?`
    : `"${leading[0] ?? words[0]}" is not a hub command`;
  return { kind: 'overview', exitCode: 2, problem };
}
