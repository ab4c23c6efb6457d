import { authorityAddCommand } from './authority-command';
import { CliCommand } from './cli-command';
import { clientAddCommand } from './client-command';
import { exportAsglbCommand } from './export-asglb-command';
import { demoLoadCommand } from './demo-load-command';
import { import903Command } from './import-903-command';
import { importAdoptersCommand } from './import-adopters-command';
import { tokenCommand } from './token-command';

/**
 * Every `hub` command, in the order `hub --help` lists them. Adding a command is adding its declared table (a
 * CliCommand: words, options, arguments, environment, exit codes, examples, run) here; parsing and help follow.
 */
export const commands: CliCommand[] = [authorityAddCommand, clientAddCommand, tokenCommand, import903Command, importAdoptersCommand, demoLoadCommand, exportAsglbCommand];
