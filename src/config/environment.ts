import * as path from 'path';

/** The hub's settings, read once from the environment (names as in docs/interface.md). */
export interface Environment {
  production: boolean;
  databaseUrl: string | undefined;
  port: number;
  jwtSecret: string | undefined;
  jwtPublicKey: string | undefined;
  jwtIssuer: string;
  jwtAudience: string;
  dataDir: string;
}

/** Reads the process environment; `dataDir` is `.data/` in the project root unless HUB_DATA_DIR says otherwise. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  return {
    production: env.NODE_ENV === 'production',
    databaseUrl: env.DATABASE_URL || undefined,
    port: env.PORT ? Number(env.PORT) : 4000,
    jwtSecret: env.JWT_SECRET || undefined,
    jwtPublicKey: env.JWT_PUBLIC_KEY || undefined,
    jwtIssuer: env.JWT_ISSUER || 'permanence-hub',
    jwtAudience: env.JWT_AUDIENCE || 'permanence-hub',
    dataDir: env.HUB_DATA_DIR || path.resolve(__dirname, '..', '..', '.data'),
  };
}
