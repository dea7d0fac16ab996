import type { ApolloClient, OperationVariables, TypedDocumentNode } from '@apollo/client';

/**
 * How long an answer asked for at start-up (`prefetchQuery`) counts as just
 * fetched, in ms from its arrival: the page's own query, mounting within this
 * time, reads it instead of asking again (`initialFetchPolicy`).
 */
const PREFETCH_FRESH_MS = 5_000;

/** Arrival times (performance.now(), ms) of start-up answers, by document, then by variables (`variablesKey`). */
const arrivals = new WeakMap<object, Map<string, number>>();

/** Variables with sorted keys, as Apollo compares them. */
function variablesKey(variables: OperationVariables): string {
  return JSON.stringify(Object.fromEntries(Object.entries(variables).sort(([a], [b]) => a.localeCompare(b))));
}

/**
 * Sends `query` with `variables` now, before the page that needs it has
 * been downloaded (main.tsx, via the route's `prefetch`), and writes the
 * answer to the cache; the page's useQuery joins the request while it
 * travels (Apollo deduplicates identical in-flight queries) or reads the
 * answer. Errors are left to the page, which asks again and shows them.
 */
export function prefetchQuery<TData, TVariables extends OperationVariables>(
  client: ApolloClient,
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): void {
  client
    .query({ query, variables, fetchPolicy: 'network-only' })
    .then(() => {
      const byVariables = arrivals.get(query) ?? new Map<string, number>();
      arrivals.set(query, byVariables.set(variablesKey(variables), performance.now()));
    })
    .catch(() => undefined);
}

/**
 * The fetch policy for a query that re-checks on every mount
 * (`cache-and-network`) but need not when its answer arrived from the
 * start-up prefetch moments ago (`cache-first`). Call once per mount
 * (useState's initializer): a policy that changes between renders makes
 * Apollo fetch again.
 */
export function initialFetchPolicy<TVariables extends OperationVariables>(
  query: TypedDocumentNode<any, TVariables>,
  variables: TVariables,
): 'cache-first' | 'cache-and-network' {
  const arrived = arrivals.get(query)?.get(variablesKey(variables));
  return arrived !== undefined && performance.now() - arrived < PREFETCH_FRESH_MS ? 'cache-first' : 'cache-and-network';
}
