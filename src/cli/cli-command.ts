// What a `hub` command declares: its words, options, arguments, environment, exit codes and an example. The
// parser (parse-command-line.ts) and the help (help-text.ts) are built from this table, so adding a command is
// adding one declared object to commands.ts.

/** The exit codes every `hub` command uses; each command lists the ones it can return and what they mean. */
export const EXIT = {
  /** Done: everything asked for was done. */
  ok: 0,
  /** Done in part, or refused for a reason in the data: e.g. records rejected, an LA number already taken. */
  failed: 1,
  /** A mistake in how the command was called: unknown option, missing or bad value, a path with nothing to read. */
  usage: 2,
  /** The hub or its database could not be reached, or refused the run (token, authority). */
  unreachable: 3,
} as const;

/** One `--name` option: parsed with util.parseArgs, described in the command's help. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** The placeholder shown in the usage line, e.g. CODE (string options only). */
  value?: string;
  description: string;
  /** The command cannot run without it. */
  required?: boolean;
  /** Shown in the help as the default when the option is left out. */
  default?: string;
}

/** An argument given by position, e.g. the PATH of `hub import 903`. */
export interface PositionalSpec {
  name: string;
  description: string;
  required: boolean;
}

/** The values of a command's options after parsing: strings, true for a boolean given, undefined when left out. */
export type OptionValues = Record<string, string | boolean | undefined>;

/** One `hub` command. */
export interface CliCommand {
  /** The words that name it, e.g. ['authority', 'add']. */
  words: string[];
  /** One sentence: what it does. */
  summary: string;
  /** More detail for the command's --help (optional). */
  details?: string;
  options: Record<string, OptionSpec>;
  positionals?: PositionalSpec[];
  /** Environment variables it reads, and what for. */
  environment?: Record<string, string>;
  /** The exit codes it returns besides 0 and 2 (which every command has), with their meaning for it. */
  exitCodes: Partial<Record<0 | 1 | 2 | 3, string>>;
  /** At least one example command line. */
  examples: string[];
  /** Runs the command with parsed, checked options; the number returned is the exit code. */
  run(options: OptionValues, positionals: string[]): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage line, exit code 2. */
export class UsageError extends Error {}

/** The hub or its database could not be reached or refused the run: printed as one sentence, exit code 3. */
export class UnreachableError extends Error {}

/** The option's value as a string (the parser has already refused a missing required option). */
export function required(options: OptionValues, name: string): string {
  const v = options[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${name} is required`);
  return v;
}

/** The option's value as a string, or undefined when it was left out. */
export function optional(options: OptionValues, name: string): string | undefined {
  const v = options[name];
  return typeof v === 'string' ? v : undefined;
}
