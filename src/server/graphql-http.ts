import { IncomingMessage, ServerResponse } from 'http';
import { ApolloServer, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import { RequestContext } from '../context/request-context';
import { HubMetrics } from './metrics';
import { closeRequestRecord, openRequestRecord, RequestRecord } from './request-id';
import { logRequest } from './request-log';
import { bodyNotJson, bodyTooLarge, EdgeFailure, unexpectedFailure } from './edge-failures';

/** Largest GraphQL request body accepted (a sync batch of 1,000 records fits comfortably). */
export const GRAPHQL_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/** The JSON content types this path reads itself; any other body goes to Express's parser, which answers as before. */
const JSON_UTF8 = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Builds a request's context once Apollo asks for it (the token is verified there). */
export type ContextFactory = (authorization: string | undefined, requestId: string) => Promise<RequestContext>;

/**
 * POST /graphql straight from Node's HTTP server to Apollo, without Express: the read path's every request paid
 * Express's router walk past each mounted route group, body-parser, and `res.send`'s ETag (a SHA-1 of every
 * response body, which no GraphQL POST can use). Same answers as the Express route: the request id header and
 * record, the 5 MB limit (413), invalid JSON as BAD_USER_INPUT (400), the one log line and the metrics, and nothing
 * internal on an unexpected failure. Requests it does not take (other methods, paths, content types or encodings)
 * return false and go to Express.
 */
export function graphqlHttpHandler(server: ApolloServer<RequestContext>, metrics: HubMetrics, context: ContextFactory) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST' || !isGraphqlPath(req.url)) return false;
    const type = req.headers['content-type'];
    if (!type || !JSON_UTF8.test(type) || (req.headers['content-encoding'] && req.headers['content-encoding'] !== 'identity')) return false;
    const started = process.hrtime.bigint();
    const record = openRequestRecord(res);
    const fail = (f: EdgeFailure): void => finish(f.status, [['content-type', 'application/json; charset=utf-8'], ...f.headers], JSON.stringify(f.body));
    const finish = (status: number, headers: Iterable<[string, string]>, body: string): void => {
      res.statusCode = status;
      for (const [k, v] of headers) res.setHeader(k, v);
      res.setHeader('content-length', Buffer.byteLength(body));
      res.end(body);
      closeRequestRecord(record);
      logRequest(metrics, { method: 'POST', route: '/graphql', status, started, record });
    };
    // A client that goes away before its body arrives leaves no record behind.
    req.once('error', () => closeRequestRecord(record));
    readBody(req, (tooLarge, text) => {
      if (tooLarge) {
        fail(bodyTooLarge(record.id));
        return;
      }
      const body = parseJsonBody(text);
      if (body === undefined) {
        fail(bodyNotJson(record.id));
        return;
      }
      answer(server, req, body, record, context).then(
        ({ status, headers, text: out }) => finish(status, headers, out),
        (err) => fail(unexpectedFailure(err, record.id)),
      );
    });
    return true;
  };
}

function isGraphqlPath(url: string | undefined): boolean {
  if (!url) return false;
  const q = url.indexOf('?');
  return (q < 0 ? url : url.slice(0, q)) === '/graphql';
}

/** The body as text, or `tooLarge` once it passes the limit (the rest is read and dropped, so the socket stays usable). */
function readBody(req: IncomingMessage, done: (tooLarge: boolean, text: string) => void): void {
  const declared = Number(req.headers['content-length']);
  if (declared > GRAPHQL_BODY_LIMIT_BYTES) {
    req.resume();
    done(true, '');
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > GRAPHQL_BODY_LIMIT_BYTES) over = true;
    else chunks.push(chunk);
  });
  req.on('end', () => done(over, over ? '' : (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8')));
}

/** The parsed body, as Express's JSON parser reads it (strict: an object or array; empty is `{}`), or undefined when it is not JSON. */
function parseJsonBody(text: string): unknown {
  const start = text.search(/\S/);
  if (start < 0) return {};
  if (text[start] !== '{' && text[start] !== '[') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function answer(server: ApolloServer<RequestContext>, req: IncomingMessage, body: unknown, record: RequestRecord, context: ContextFactory): Promise<{ status: number; headers: HeaderMap; text: string }> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '';
  const q = url.indexOf('?');
  const httpGraphQLRequest: HTTPGraphQLRequest = { method: 'POST', headers, search: q < 0 ? '' : url.slice(q), body };
  const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: () => context(req.headers.authorization, record.id) });
  let text: string;
  if (response.body.kind === 'complete') text = response.body.string;
  else {
    // Incremental delivery (@defer) is not enabled on the hub; should a chunked body come, it is sent whole.
    text = '';
    for await (const chunk of response.body.asyncIterator) text += chunk;
  }
  return { status: response.status ?? 200, headers: response.headers, text };
}
