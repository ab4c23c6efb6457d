// The floor over HTTP, a process of its own (bench/floor.ts starts it): the hub's compiled statements for one request,
// sent through a gate like the hub's, behind a bare node:http server. No JWT, no GraphQL, no Apollo, no express, no
// log line or metrics: the body is read and parsed, the statements run, their row is written back as JSON.
// The gap between it and the floor is what HTTP and the load generator cost on this machine; the gap between the hub
// and it is what the hub adds.
//
// Environment: DATABASE_URL; HTTP_FLOOR_REQUEST, JSON { query, variables, org }: the GraphQL request whose statements it
// serves, asked once of an in-process hub (stopped before serving) as a family finder of `org`. Prints `READY <port>`.
import * as http from 'http';
import { randomBytes } from 'crypto';
import { mintToken } from '../src/auth/mint-token';
import { readEnvironment } from '../src/config/environment';
import { createReadPool } from '../src/db/read-pool';
import { Database } from '../src/db/sql';
import { GatedSql, ViewerStatementGate } from '../src/db/viewer-statement-gate';
import { startHub } from '../src/server/start-hub';
import { askHub, captureStatements, SentStatement } from './captured-statements';

async function statementsFor(databaseUrl: string, request: { query: string; variables: unknown; org: string }): Promise<SentStatement[]> {
  const secret = randomBytes(32).toString('hex');
  const hub = await startHub({ ...readEnvironment({ JWT_SECRET: secret, NODE_ENV: 'test' }), port: 0 }, databaseUrl, { port: 0 });
  try {
    const token = mintToken({ sub: 'bench-ff', org: request.org, roles: ['family_finder'] }, secret, { issuer: 'permanence-hub', audience: 'permanence-hub', ttl: '1h' });
    const ask = () => askHub(hub.url, token, JSON.stringify({ query: request.query, variables: request.variables }));
    await ask(); // the authority directory is loaded once per process, not per request
    return (await captureStatements(ask)).sent;
  } finally {
    await hub.stop();
  }
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const request = JSON.parse(process.env.HTTP_FLOOR_REQUEST ?? 'null');
  if (!databaseUrl || !request) throw new Error('DATABASE_URL and HTTP_FLOOR_REQUEST are required');
  const sent = await statementsFor(databaseUrl, request);
  const pool = createReadPool(databaseUrl, 10, () => undefined);
  const sql = new GatedSql(new Database(pool, pool), new ViewerStatementGate(), 'floor');
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        let rows: unknown[] = [];
        for (const s of sent) rows = await sql.query(s.text, s.values, s.name, s.merge);
        const body = JSON.stringify({ data: rows[0] });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      })().catch(() => { res.statusCode = 500; res.end(); });
    });
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`READY ${(server.address() as { port: number }).port}\n`));
  process.once('SIGINT', () => { server.close(); void pool.end().finally(() => process.exit(0)); });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
