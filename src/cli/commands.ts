import { authorityAddCommand } from './authority-command';
import { CliCommand } from './cli-command';
import { clientAddCommand } from './client-command';
import { demoLoadCommand } from './demo-load-command';
import { import903Command } from './import-903-command';
import { importAdoptersCommand } from './import-adopters-command';
import { tokenCommand } from './token-command';

/** Every `hub` command; add one line to add a command. */
export const commands: CliCommand[] = [tokenCommand, authorityAddCommand, import903Command, clientAddCommand, importAdoptersCommand, demoLoadCommand];
