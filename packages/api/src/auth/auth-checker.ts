import type { AuthChecker } from 'type-graphql';
import { roleGrants, type Permission } from '@cp/shared';
import type { Context } from '../graphql/context';
import { unauthenticated } from '../common/domain-error';

/**
 * The one check behind every `@Authorized(...)`: the viewer's role must grant
 * each permission key asked for. Anonymous callers get UNAUTHENTICATED rather
 * than FORBIDDEN, so clients know to sign in.
 */
export const authChecker: AuthChecker<Context, Permission> = ({ context }, permissions) => {
  const { viewer } = context;
  if (!viewer) throw unauthenticated();
  return permissions.every((permission) => roleGrants(viewer.role, permission));
};
