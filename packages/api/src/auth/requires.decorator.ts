import { Authorized, Directive, Extensions } from 'type-graphql';
import { PERMISSIONS, type Permission } from '@cp/shared';

/**
 * `@Authorized` for the server plus an `@auth(requires: [...])` directive in
 * the emitted SDL, so partner tools can read the rule from schema.graphql.
 */
export function Requires(...permissions: Permission[]): MethodDecorator & PropertyDecorator {
  const keys = permissions.length > 0 ? permissions : [PERMISSIONS.WORKSPACE];
  const authorized = Authorized<Permission>(...keys);
  const directive = Directive(`@auth(requires: [${keys.map((k) => JSON.stringify(k)).join(', ')}])`);
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    directive(target, key as string, descriptor as never);
    authorized(target, key as string, descriptor as never);
  };
}

export const NULL_WHEN_FORBIDDEN = 'nullWhenForbidden';

/** Like @Requires, but a signed-in caller without the permission gets null instead of an error. */
export function RequiresOrNull(...permissions: Permission[]): MethodDecorator & PropertyDecorator {
  const requires = Requires(...permissions);
  const extensions = Extensions({ [NULL_WHEN_FORBIDDEN]: true });
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    extensions(target, key as string, descriptor as never);
    requires(target, key, descriptor as never);
  };
}
