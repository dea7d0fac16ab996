import { useEffect, useRef, useState } from 'react';

/** The part of a Relay connection that paging needs. */
interface Connection {
  edges: readonly unknown[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** A query result whose `fetchMore` can fetch the next page (Apollo Client's `useQuery` result). */
interface PagedQuery {
  fetchMore(options: { variables: Record<string, unknown>; updateQuery: (previous: any, extra: { fetchMoreResult: any }) => any }): Promise<unknown>;
}

/**
 * "Load more" for a list hung on a customer, an organization or an import
 * job (`data[owner][field]`, e.g. `customer.history`): fetches the page after
 * the last cursor and appends it to the shown one (no upper limit), and
 * hands the first added item a ref so the keyboard focus moves there, where
 * the reader goes on. `loading` is true meanwhile (for `aria-busy`; a
 * disabled button would drop the focus).
 */
export function useMorePages<Item extends HTMLElement>(owner: 'customer' | 'organization' | 'importJob', field: string) {
  const [loading, setLoading] = useState(false);
  const [firstNew, setFirstNew] = useState(0);
  const firstNewRef = useRef<Item>(null);
  useEffect(() => {
    if (firstNew > 0) firstNewRef.current?.focus();
  }, [firstNew]);

  async function loadMore(query: PagedQuery, variables: Record<string, unknown>, shown: Connection) {
    if (loading || !shown.pageInfo.endCursor) return;
    setLoading(true);
    try {
      await query.fetchMore({
        variables: { ...variables, after: shown.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const before = previous?.[owner]?.[field] as Connection | undefined;
          const next = fetchMoreResult?.[owner]?.[field] as Connection | undefined;
          if (!before || !next) return previous;
          // The count stays the first page's; the page info is the new last page's.
          return { ...previous, [owner]: { ...previous[owner], [field]: { ...before, pageInfo: next.pageInfo, edges: [...before.edges, ...next.edges] } } };
        },
      });
      setFirstNew(shown.edges.length);
    } finally {
      setLoading(false);
    }
  }

  /** The ref for the item at `index`: set only on the first one the last "Load more" added. */
  const refAt = (index: number) => (index === firstNew && firstNew > 0 ? firstNewRef : undefined);
  return { loadMore, loading, refAt };
}
