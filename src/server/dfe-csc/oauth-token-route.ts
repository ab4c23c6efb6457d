// POST /oauth/token — the OAuth2 client-credentials grant (RFC 6749 §4.4) for integration clients registered with
// `hub client add`. The answer is a short-lived hub token for the client's authority with the integration role.
import express, { Express, NextFunction, Request, Response } from 'express';
import { mintToken } from '../../auth/mint-token';
import { HubDeps } from '../hub-deps';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../../db/database-unavailable';
import { logServerError } from '../server-log';
import { hubLog } from '../hub-log';
import { noteViewer } from '../request-id';
import { authenticateClient } from './client-secrets';
import { RateLimiter } from './rate-limiter';

const requestIdOf = (req: Request): string | undefined => (req as Request & { requestId?: string }).requestId;

/** Lifetime of a token from this endpoint: an overnight run asks again when it expires. */
export const CLIENT_TOKEN_TTL_SECONDS = 3600;

/** Token requests per client id: 10 at once, then one every 6 seconds (guessing secrets is slow). */
const TOKEN_RATE = { burst: 10, perSecond: 1 / 6 };

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'temporarily_unavailable';

function oauthError(res: Response, status: number, error: OAuthError, description: string): void {
  if (status === 401) res.set('WWW-Authenticate', 'Basic realm="permanence-hub"');
  res.status(status).set('Cache-Control', 'no-store').json({ error, error_description: description });
}

/** The client id and secret from the form body, or from HTTP Basic authentication (RFC 6749 §2.3.1). */
function clientCredentials(req: Request): { id?: string; secret?: string } {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.headers.authorization ?? '');
  if (basic) {
    const [id, ...rest] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id), secret: decodeURIComponent(rest.join(':')) };
  }
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return { id: str(body.client_id), secret: str(body.client_secret) };
}

/** Mounts the token endpoint. */
export function mountOAuthToken(app: Express, deps: HubDeps): void {
  const limiter = new RateLimiter(deps.db, 'oauth-token', TOKEN_RATE);
  const form = express.urlencoded({ extended: false, limit: '16kb' });
  app.post('/oauth/token', form, async (req: Request, res: Response) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (!req.is('application/x-www-form-urlencoded')) {
        oauthError(res, 400, 'invalid_request', 'Send the request as application/x-www-form-urlencoded.'); return;
      }
      if (typeof body.grant_type !== 'string' || !body.grant_type) { oauthError(res, 400, 'invalid_request', 'grant_type is required.'); return; }
      if (body.grant_type !== 'client_credentials') {
        oauthError(res, 400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.'); return;
      }
      const { id, secret } = clientCredentials(req);
      if (!id || !secret) { oauthError(res, 400, 'invalid_request', 'client_id and client_secret are required.'); return; }
      const wait = await limiter.take(id);
      if (wait > 0) {
        hubLog().warn({ event: 'oauth.token.refused', requestId: requestIdOf(req), reason: 'rate_limited', clientId: id.slice(0, 64) }, 'token refused');
        res.set('Retry-After', String(wait));
        oauthError(res, 429, 'temporarily_unavailable', 'Too many token requests for this client; try again later.'); return;
      }
      const secretKey = deps.key.signingKey;
      if (!secretKey) {
        oauthError(res, 503, 'temporarily_unavailable',
          'This hub verifies tokens from JWT_PUBLIC_KEY and has no JWT_SECRET to sign its own; set JWT_SECRET to issue client tokens.');
        return;
      }
      // Never longer than the hub accepts (JWT_MAX_LIFETIME), so a token it issues always verifies on it.
      const ttl = Math.min(CLIENT_TOKEN_TTL_SECONDS, deps.key.maxLifetimeSeconds);
      const client = await authenticateClient(deps.db, id, secret);
      if (!client) {
        hubLog().warn({ event: 'oauth.token.refused', requestId: requestIdOf(req), reason: 'invalid_client', clientId: id.slice(0, 64) }, 'token refused');
        oauthError(res, 401, 'invalid_client', 'Unknown client or wrong secret.'); return;
      }
      const token = mintToken({ sub: `client:${client.clientId}`, org: client.org, roles: ['integration'], name: client.name }, secretKey,
        { issuer: deps.key.issuer, audience: deps.key.audience, ttl });
      deps.metrics.inc('hub_oauth_tokens_issued_total', { org: client.org });
      noteViewer(requestIdOf(req), { org: client.org, roles: ['integration'] });
      hubLog().info({ event: 'oauth.token.issued', requestId: requestIdOf(req), org: client.org, clientId: client.clientId,
        expiresIn: CLIENT_TOKEN_TTL_SECONDS }, 'token issued');
      res.set('Cache-Control', 'no-store').set('Pragma', 'no-cache')
        .json({ access_token: token, token_type: 'Bearer', expires_in: ttl });
    } catch (err) {
      logServerError((req as Request & { requestId?: string }).requestId, err as Error);
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
      oauthError(res, 503, 'temporarily_unavailable', isDatabaseUnavailable(err) ? DATABASE_UNAVAILABLE_MESSAGE : 'The token could not be issued; try again.');
    }
  }, (err: Error & { type?: string }, req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.too.large') { oauthError(res, 413 as number, 'invalid_request', 'The request is too large.'); return; }
    oauthError(res, 400, 'invalid_request', 'The request body could not be read.');
  });
}
