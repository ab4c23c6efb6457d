// Run by tests/server/log-output.test.ts in a process of its own: writes through the hub's real stdout destination.
// argv[2]: "idle" (two request lines, then stays alive), "event" (two request lines, then a startup line, then stays
// alive) or "exit" (two request lines, then exits at once).
import { hubLog, requestLineLog } from '../../src/server/hub-log';

const mode = process.argv[2];
requestLineLog().info({ event: 'request', n: 1 }, 'request');
requestLineLog().info({ event: 'request', n: 2 }, 'request');
if (mode === 'event') hubLog().info({ event: 'startup', n: 3 }, 'started');
if (mode === 'exit') process.exit(0);
setInterval(() => undefined, 60_000);
