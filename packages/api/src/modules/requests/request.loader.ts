import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Page } from '../../common/connection';
import { groupBy } from '../../common/group-by';
import { batchByArgs, parentPages, type PageRows, type ParentPageKey } from '../../common/keyset';
import { REQUEST_STATUSES, RequestStatus, SupportRequest } from './request.entity';
import type { RequestStatusCount } from './request.connection';
import { NEWEST_FIRST, REQUEST_COLUMNS, toRequest } from './request.service';

/** Whose requests a list holds: one reporter's, or those of an organization's members (whoever is a member now). */
export type RequestOwner = 'reporter' | 'organization';

/** One parent's page request; parents asking the same page (size, cursor, statuses) share one statement. */
export interface RequestPageKey extends ParentPageKey {
  after: string | null;
  /** Empty: every status. */
  statuses: readonly RequestStatus[];
}

// `p.id` is the parent (customer or organization) in the batch's unnest.
const OWNED_BY: Record<RequestOwner, string> = {
  reporter: 'r.reporter_id = p.id',
  organization: 'r.reporter_id IN (SELECT co.customer_id FROM customer_organizations co WHERE co.organization_id = p.id)',
};

const COUNTS: Record<RequestOwner, string> = {
  reporter: `SELECT r.reporter_id AS "parentId", r.status, count(*)::int AS n FROM requests r WHERE r.reporter_id = ANY($1::uuid[]) GROUP BY 1, 2`,
  organization: `SELECT co.organization_id AS "parentId", r.status, count(*)::int AS n
                   FROM customer_organizations co JOIN requests r ON r.reporter_id = co.customer_id
                  WHERE co.organization_id = ANY($1::uuid[]) GROUP BY 1, 2`,
};

/**
 * Pages for many parents in one statement per distinct (first, after,
 * statuses) (`parentPages`), so `customers(first: 50) { requests(first: 3) }`
 * costs what first: 10 costs.
 */
function loadPages(db: DataSource, owner: RequestOwner, keys: readonly RequestPageKey[]): Promise<Array<PageRows<SupportRequest> | Error>> {
  return batchByArgs(
    keys,
    (key) => [key.first, key.after, key.statuses],
    (group) => {
      const { first, after, statuses } = group[0];
      const statusFilter = statuses.length > 0 ? ['r.status = ANY($2::request_status[])'] : [];
      return parentPages({
        db,
        parentIds: group.map((key) => key.parentId),
        from: 'requests r',
        columns: REQUEST_COLUMNS,
        where: [OWNED_BY[owner], ...statusFilter],
        params: statuses.length > 0 ? [statuses] : [],
        order: NEWEST_FIRST,
        first,
        after,
        toNode: toRequest,
      });
    },
  );
}

/** Every status with its count, zeros included, for many parents in one statement. */
async function loadCounts(db: DataSource, owner: RequestOwner, parentIds: readonly string[]): Promise<RequestStatusCount[][]> {
  const rows: Array<{ parentId: string; status: RequestStatus; n: number }> = await db.query(COUNTS[owner], [parentIds]);
  return groupBy(parentIds, rows, (row) => row.parentId).map((parentRows) =>
    REQUEST_STATUSES.map((status) => ({ status, count: parentRows.find((row) => row.status === status)?.n ?? 0 })),
  );
}

function ownerLoaders(db: DataSource, owner: RequestOwner) {
  return {
    pages: new DataLoader<RequestPageKey, PageRows<SupportRequest>, string>((keys) => loadPages(db, owner, keys), {
      cacheKeyFn: (key) => JSON.stringify([key.parentId, key.first, key.after, key.statuses]),
    }),
    counts: new DataLoader<string, RequestStatusCount[]>((ids) => loadCounts(db, owner, ids)),
  };
}

export type RequestListLoaders = ReturnType<typeof ownerLoaders>;

/** Fresh per request (see graphql/loaders.ts). */
export function createRequestLoaders(db: DataSource) {
  return { requestsByOwner: { reporter: ownerLoaders(db, 'reporter'), organization: ownerLoaders(db, 'organization') } satisfies Record<RequestOwner, RequestListLoaders> };
}

/**
 * One parent's request list: the page, and counts per status from which
 * totalCount (the statuses asked for) is summed, so neither costs a
 * statement per parent.
 */
export async function requestList(
  loaders: RequestListLoaders,
  key: RequestPageKey,
): Promise<{ page: Page<SupportRequest>; counts: () => Promise<RequestStatusCount[]> }> {
  const counts = () => loaders.counts.load(key.parentId);
  const page = await loaders.pages.load(key);
  const count = async () => {
    const all = await counts();
    const shown = key.statuses.length > 0 ? all.filter((c) => key.statuses.includes(c.status)) : all;
    return { count: shown.reduce((sum, c) => sum + c.count, 0), exact: true };
  };
  return { page: { ...page, count }, counts };
}
