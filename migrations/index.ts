import { InitialSchema1763800000000 } from './1763800000000-initial-schema';

/** Every migration, oldest first. The schema changes only through these (never `synchronize`). */
export const migrations = [InitialSchema1763800000000];
