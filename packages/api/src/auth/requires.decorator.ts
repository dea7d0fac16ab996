import { Authorized, Directive } from 'type-graphql';
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
