import type { AuthChecker } from 'type-graphql';
import { roleGrants, type Permission } from '@cp/shared';
import type { Context } from '../graphql/context';
import { forbidden, unauthenticated } from '../common/domain-error';

/**
 * The one check behind every `@Authorized(...)`: the viewer's role must grant
 * each permission key asked for. Anonymous callers get UNAUTHENTICATED rather
 * than FORBIDDEN, so clients know to sign in. It throws rather than returning
 * false so the refusal carries our own stable code and message.
 */
export const authChecker: AuthChecker<Context, Permission> = ({ context }, permissions) => {
  const { viewer } = context;
  if (!viewer) throw unauthenticated();
  const missing = permissions.find((permission) => !roleGrants(viewer.role, permission));
  if (missing) throw forbidden(`This needs the ${missing} permission, which your role does not have`);
  return true;
};
