// A dedicated connection that LISTENs on one channel and reports each NOTIFY. PostgreSQL delivers a notification to
// every session listening when the notifying transaction commits, which is what lets several hub processes share one
// database and still drop their caches together. A lost connection is reported (the owner must assume it missed
// notifications) and re-established with backoff until stopped.
import { Client } from 'pg';

/** What the owner of a listener hears. */
export interface ListenerEvents {
  /** A notification arrived on the channel. */
  notify(payload: string | undefined): void;
  /** The connection is listening (true) or lost (false); notifications may have been missed while false. */
  state(listening: boolean): void;
}

/** Backoff between reconnection attempts, in ms (doubling up to the last). */
const RETRY_MS = [250, 500, 1000, 2000, 5000];

/** Listens on `channel` over its own connection to `url` until `stop()`. */
export class NotificationListener {
  private client: Client | undefined;
  private stopped = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly url: string, private readonly channel: string, private readonly events: ListenerEvents) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
  }

  /** Connects and LISTENs; resolves once listening, or after the first failure (then it keeps retrying). */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'permanence-hub-listener', keepAlive: true });
    this.client = client;
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (this.client === client) this.client = undefined;
      this.events.state(false);
      this.retry();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (msg) => { if (msg.channel === this.channel) this.events.notify(msg.payload); });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (this.stopped) { await client.end(); return; }
      this.attempt = 0;
      this.events.state(true);
    } catch {
      onLost();
    }
  }

  private retry(): void {
    if (this.stopped || this.timer) return;
    const wait = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)];
    this.attempt += 1;
    this.timer = setTimeout(() => { this.timer = undefined; void this.connect(); }, wait);
    this.timer.unref();
  }

  /** Stops listening and closes the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    if (client) {
      client.removeAllListeners('end');
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
