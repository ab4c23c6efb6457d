/** One `hub` command: its words (e.g. ['authority', 'add']), a usage line, and what it does. */
export interface CliCommand {
  words: string[];
  usage: string;
  /** Runs the command; the number returned is the exit code. */
  run(options: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** The option's value as a string, or a UsageError naming it. */
export function required(options: Record<string, string | boolean | undefined>, name: string): string {
  const v = options[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${name} is required`);
  return v;
}
