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
