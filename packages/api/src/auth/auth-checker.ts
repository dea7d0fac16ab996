import { defaultFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { problem, roleGrants, type Permission } from '@cp/shared';
import type { Context } from '../graphql/context';
import { forbidden, unauthenticated } from '../common/domain-error';
import { NULL_WHEN_FORBIDDEN, REQUIRES } from './requires.decorator';

/**
 * The one check behind every `@Requires(...)`: the viewer's role must grant
 * each permission key asked for. Anonymous callers get UNAUTHENTICATED rather
 * than FORBIDDEN, so clients know to sign in. It throws rather than returning
 * false so the refusal carries our own stable code and message; false means
 * the field answers null (@RequiresOrNull).
 */
export function authChecker({ context, info }: { context: Context; info: GraphQLResolveInfo }, permissions: readonly Permission[]): boolean {
  const { viewer } = context;
  if (!viewer) throw unauthenticated();
  const missing = permissions.find((permission) => !roleGrants(viewer.role, permission));
  if (!missing) return true;
  if (info.parentType.getFields()[info.fieldName]?.extensions?.[NULL_WHEN_FORBIDDEN]) return false;
  throw forbidden(problem('PERMISSION_MISSING', { permission: missing }));
}

/**
 * Puts authChecker in front of the resolver of every field that @Requires
 * marks (its `requires` extension): the refusal is thrown as the field's
 * error, or the field answers null, or the resolver runs. This is what
 * TypeGraphQL's @Authorized with `authMode: 'null'` did, but synchronously:
 * its middleware chain made each such field a chain of promises, once per row
 * of a list (a page's customers' entitlements).
 */
export function enforceRequires(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      const permissions = field.extensions?.[REQUIRES] as Permission[] | undefined;
      if (!permissions) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return { ...field, resolve: (root, args, context, info) => (authChecker({ context, info }, permissions) ? resolve(root, args, context, info) : null) };
    },
  });
}
