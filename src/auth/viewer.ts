import { Role } from './roles';
import { AuthorityKind } from '../../entities/authority.entity';

/** Who is asking: the verified token's claims, resolved against the authority directory. */
export interface Viewer {
  sub: string;
  name: string | null;
  org: string;
  orgKind: AuthorityKind;
  /** The RAA the viewer's organisation belongs to (itself, for an RAA); null for an LA outside any RAA. */
  raa: string | null;
  /** The LAs of that RAA (empty when `raa` is null). */
  raaMembers: string[];
  roles: Role[];
}

/** The explicit system identity for sync, migrations and demo loading: the one named path around the policy. */
export const SYSTEM_CONTEXT = Symbol('system-context');
