import type { AuthChecker } from 'type-graphql';
import { problem, roleGrants, type Permission } from '@cp/shared';
import type { Context } from '../graphql/context';
import { forbidden, unauthenticated } from '../common/domain-error';
import { NULL_WHEN_FORBIDDEN } from './requires.decorator';

/**
 * The one check behind every `@Authorized(...)`: the viewer's role must grant
 * each permission key asked for. Anonymous callers get UNAUTHENTICATED rather
 * than FORBIDDEN, so clients know to sign in. It throws rather than returning
 * false so the refusal carries our own stable code and message.
 */
export const authChecker: AuthChecker<Context, Permission> = ({ context, info }, permissions) => {
  const { viewer } = context;
  if (!viewer) throw unauthenticated();
  const missing = permissions.find((permission) => !roleGrants(viewer.role, permission));
  if (!missing) return true;
  // Fields marked by @RequiresOrNull answer null instead (with authMode "null").
  if (info.parentType.getFields()[info.fieldName]?.extensions?.[NULL_WHEN_FORBIDDEN]) return false;
  throw forbidden(problem('PERMISSION_MISSING', { permission: missing }));
};
