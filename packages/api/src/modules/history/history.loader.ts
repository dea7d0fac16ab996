import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Change } from './change.entity';
import { CHANGE_COLUMNS, changeFrom, toChange } from './history.service';
import type { FieldVisibility } from '../detail-fields/field-visibility';
import type { Page } from '../../common/connection';
import { uniq } from '../../common/ids';
import { batchByArgs, parentPages, type KeysetOrder } from '../../common/keyset';

/** Whose history: also names its column (`customer_id`, `organization_id`). */
export type HistoryOwner = 'customer' | 'organization';

/** One parent's page of history: the DataLoader key (parents asking with equal args share one statement). */
export interface HistoryPageKey {
  owner: HistoryOwner;
  ownerId: string;
  first: number;
  after?: string | null;
}

/** Newest first; entries of one transaction share `at`, and `seq` keeps their order. The changes_*_newest_idx indexes have this order. */
const NEWEST_FIRST: KeysetOrder = {
  name: 'CHANGES:NEWEST',
  keys: [
    { sql: 'h.at', type: 'timestamptz' },
    { sql: 'h.seq', type: 'bigint' },
  ],
  descending: true,
};

const ownerColumn = (owner: HistoryOwner) => (owner === 'customer' ? 'customer_id' : 'organization_id');

/**
 * An entry about a detail field exists for this viewer only while the viewer
 * may view that field: pages and counts share this condition, with the
 * visible field ids bound at `param`.
 */
const visibleEntry = (param: string) => `(h.field_id IS NULL OR h.field_id = ANY(${param}::uuid[]))`;

/**
 * Per-request loaders for `Customer.history` and `Organization.history`: a
 * list of 50 customers each asking for their history costs one statement
 * for the pages (one per distinct owner/first/after) and, if asked, one for
 * the counts, whatever the number of parents. Entries about fields the
 * viewer may not view now are left out inside PostgreSQL.
 */
export function createHistoryLoaders(db: DataSource, visibility: FieldVisibility) {
  const visibleFieldIds = async () => (await visibility.viewableInAnyScope()).map((f) => f.id);

  const countsOf = new DataLoader<{ owner: HistoryOwner; ownerId: string }, number, string>(
    async (keys) => {
      const counts = new Map<string, number>();
      const fieldIds = await visibleFieldIds();
      for (const owner of uniq(keys.map((k) => k.owner))) {
        const column = ownerColumn(owner);
        const rows: Array<{ id: string; n: number }> = await db.query(
          `SELECT h.${column} AS id, count(*)::int AS n FROM changes h
            WHERE h.${column} = ANY($1::uuid[]) AND ${visibleEntry('$2')} GROUP BY h.${column}`,
          [keys.filter((k) => k.owner === owner).map((k) => k.ownerId), fieldIds],
        );
        for (const row of rows) counts.set(`${owner}:${row.id}`, row.n);
      }
      return keys.map((k) => counts.get(`${k.owner}:${k.ownerId}`) ?? 0);
    },
    { cacheKeyFn: (k) => `${k.owner}:${k.ownerId}` },
  );

  return {
    historyPages: new DataLoader<HistoryPageKey, Page<Change>, string>(
      (keys) =>
        batchByArgs(
          keys,
          (key) => [key.owner, key.first, key.after ?? null],
          async (group) => {
            const { owner, first, after } = group[0];
            const pages = await parentPages({
              db,
              parentIds: group.map((key) => key.ownerId),
              from: changeFrom(),
              columns: CHANGE_COLUMNS,
              where: [`h.${ownerColumn(owner)} = p.id`, visibleEntry('$2')],
              params: [await visibleFieldIds()],
              order: NEWEST_FIRST,
              first,
              after,
              toNode: toChange,
            });
            return pages.map((page, i) => ({ ...page, count: async () => ({ count: await countsOf.load({ owner, ownerId: group[i].ownerId }), exact: true }) }));
          },
        ),
      { cacheKeyFn: (k) => JSON.stringify([k.owner, k.ownerId, k.first, k.after ?? null]) },
    ),
  };
}
