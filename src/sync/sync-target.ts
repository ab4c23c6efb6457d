import type { AuthorityKind } from '../../entities/authority.entity';
import type { Viewer } from '../auth/viewer';
import { forbidden } from '../policy/errors';

/**
 * An integration token writes only its own authority's records (docs/access-policy.md, Operations): an LA's
 * client its children, an RAA's client its households and support cases. Checked before anything is read.
 */
export function assertOwnSyncTarget(viewer: Viewer, target: string, kind: AuthorityKind, what: string): void {
  if (!viewer.roles.includes('integration')) throw forbidden('Only integration clients may sync records.');
  if (target !== viewer.org) throw forbidden(`Your token is for ${viewer.org}; it may not write ${target}'s ${what}.`);
  if (viewer.orgKind !== kind) {
    const owner = kind === 'LOCAL_AUTHORITY' ? 'a local authority' : 'a regional adoption agency';
    throw forbidden(`${what} are owned by ${owner}; ${viewer.org} may not sync them.`);
  }
}
