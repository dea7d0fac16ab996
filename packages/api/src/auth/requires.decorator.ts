import { Directive, Extensions } from 'type-graphql';
import { PERMISSIONS, type Permission } from '@cp/shared';

/** The field extension holding the permission keys @Requires asks for (read by enforceRequires). */
export const REQUIRES = 'requires';

/**
 * The permission rule of a query, mutation or field resolver: the caller must
 * hold every key (WORKSPACE when none is named). Recorded as a field
 * extension, which enforceRequires (auth-checker.ts) turns into the check, and as an
 * `@auth(requires: [...])` directive in the emitted SDL, so partner tools can
 * read the rule from schema.graphql.
 */
export function Requires(...permissions: Permission[]): MethodDecorator & PropertyDecorator {
  const keys = permissions.length > 0 ? permissions : [PERMISSIONS.WORKSPACE];
  const directive = Directive(`@auth(requires: [${keys.map((k) => JSON.stringify(k)).join(', ')}])`);
  const extensions = Extensions({ [REQUIRES]: keys });
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    directive(target, key as string, descriptor as never);
    extensions(target, key as string, descriptor as never);
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
