import { UnreachableError } from './cli-command';

/** Where a `hub import` command finds the hub: --url, else HUB_URL, else the local development hub. */
export function hubUrl(option: string | undefined): string {
  return (option ?? process.env.HUB_URL ?? 'http://localhost:4000').replace(/\/$/, '');
}

/** The option and variables every command that talks to a running hub shares, for its table and help. */
export const HUB_CONNECTION_OPTIONS = {
  url: { type: 'string', value: 'URL', description: 'the running hub', default: 'HUB_URL, else http://localhost:4000' },
  token: { type: 'string', value: 'JWT', description: "an integration token of the authority (default: HUB_TOKEN; outside production a 10-minute one is minted with the development key)" },
} as const;

export const HUB_CONNECTION_ENVIRONMENT = {
  HUB_URL: 'the running hub, when --url is not given',
  HUB_TOKEN: 'the integration token, when --token is not given',
  NODE_ENV: 'production: --token or HUB_TOKEN is required (no token is minted)',
} as const;

/** POSTs JSON to the hub; a hub that cannot be reached is an UnreachableError saying which setting points at it. */
export async function postToHub(url: string, path: string, token: string, body: unknown): Promise<Response> {
  try {
    return await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    const why = code === 'ECONNREFUSED' ? 'nothing answers there'
      : code === 'ENOTFOUND' ? 'that host is not known'
        : (err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message;
    throw new UnreachableError(`cannot reach the hub at ${url} (${why}); is it running? Give its address with --url or HUB_URL`);
  }
}
