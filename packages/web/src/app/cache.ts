import type { ApolloCache } from '@apollo/client';

/**
 * After a change that can move customers or organizations in or out of any
 * list (or reorder it), drop every cached list page: the lists on screen
 * fetch again, and the others do when next opened. Records stay cached.
 */
export function forgetCachedLists(cache: ApolloCache): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'customers' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'organizations' });
  cache.gc();
}

/** The cached type holding the values of each detail field scope. */
const OWNER_TYPENAME = { CUSTOMER: 'Customer', ORGANIZATION: 'Organization', ENTITLEMENT: 'Entitlement' } as const;

/**
 * Forgets a detail field the viewer may no longer view (an admin narrowed or
 * archived it while a page was open): its definition and its value on every
 * cached customer, organization or entitlement (by the field's scope), so no
 * screen keeps showing a value the viewer is no longer allowed to see. `id`
 * is absent when only the key is known.
 */
export function forgetDetailField(cache: ApolloCache, scope: keyof typeof OWNER_TYPENAME, field: { id?: string; key: string }): void {
  const prefix = `${OWNER_TYPENAME[scope]}:`;
  for (const id of Object.keys(cache.extract() as Record<string, unknown>)) {
    if (!id.startsWith(prefix)) continue;
    cache.modify<Record<string, unknown>>({
      id,
      fields: {
        detailsByKey: (values) => {
          const { [field.key]: _, ...rest } = values as Record<string, unknown>;
          return rest;
        },
      },
    });
  }
  if (field.id) cache.evict({ id: cache.identify({ __typename: 'DetailField', id: field.id }) });
  cache.gc();
}
