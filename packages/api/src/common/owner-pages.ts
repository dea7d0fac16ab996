import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Page } from './connection';
import { uniq } from './ids';
import { batchByArgs, parentPages, type KeysetOrder } from './keyset';

/** The record a list hangs on (notes, history); also names its column (`customer_id`, `organization_id`). */
export type RecordOwner = 'customer' | 'organization';

/** One parent's page: the DataLoader key (parents asking with equal args share one statement). */
export interface OwnerPageKey {
  owner: RecordOwner;
  ownerId: string;
  first: number;
  after?: string | null;
}

/** A list of rows that each belong to one customer or one organization, newest first. */
export interface OwnerListSpec<T> {
  /** The table and its alias, for counting (e.g. `notes`, `n`). */
  table: string;
  alias: string;
  /** FROM of a page (the table under `alias`, with joins for its columns) and its columns. */
  from: string;
  columns: string;
  /** Conditions every row must meet, in pages and counts alike, with parameters from $2 on. */
  where: string[];
  params: () => Promise<unknown[]>;
  order: KeysetOrder;
  toNode: (row: Record<string, any>) => T;
}

/**
 * The per-request loader of one page per parent of a list hung on customers
 * or organizations: one LATERAL statement per distinct (owner kind, first,
 * after) for the pages and, if a page's count is asked, one grouped
 * statement for all counts, whatever the number of parents. Pages and counts
 * apply the same `where`, so a row a page leaves out is never counted.
 */
export function ownerPagesLoader<T>(db: DataSource, spec: OwnerListSpec<T>): DataLoader<OwnerPageKey, Page<T>, string> {
  const column = (owner: RecordOwner) => `${spec.alias}.${owner === 'customer' ? 'customer_id' : 'organization_id'}`;
  const countsOf = new DataLoader<{ owner: RecordOwner; ownerId: string }, number, string>(
    async (keys) => {
      const counts = new Map<string, number>();
      const params = await spec.params();
      for (const owner of uniq(keys.map((k) => k.owner))) {
        const rows: Array<{ id: string; n: number }> = await db.query(
          `SELECT ${column(owner)} AS id, count(*)::int AS n FROM ${spec.table} ${spec.alias}
            WHERE ${[`${column(owner)} = ANY($1::uuid[])`, ...spec.where].join(' AND ')} GROUP BY ${column(owner)}`,
          [keys.filter((k) => k.owner === owner).map((k) => k.ownerId), ...params],
        );
        for (const row of rows) counts.set(`${owner}:${row.id}`, row.n);
      }
      return keys.map((k) => counts.get(`${k.owner}:${k.ownerId}`) ?? 0);
    },
    { cacheKeyFn: (k) => `${k.owner}:${k.ownerId}` },
  );
  return new DataLoader<OwnerPageKey, Page<T>, string>(
    (keys) =>
      batchByArgs(
        keys,
        (key) => [key.owner, key.first, key.after ?? null],
        async (group) => {
          const { owner, first, after } = group[0];
          const pages = await parentPages({
            db,
            parentIds: group.map((key) => key.ownerId),
            from: spec.from,
            columns: spec.columns,
            where: [`${column(owner)} = p.id`, ...spec.where],
            params: await spec.params(),
            order: spec.order,
            first,
            after,
            toNode: spec.toNode,
          });
          return pages.map((page, i) => ({ ...page, count: async () => ({ count: await countsOf.load({ owner, ownerId: group[i].ownerId }), exact: true }) }));
        },
      ),
    { cacheKeyFn: (k) => JSON.stringify([k.owner, k.ownerId, k.first, k.after ?? null]) },
  );
}
