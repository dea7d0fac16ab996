import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Customer } from './customer.entity';
import { CustomerOrderField, SortDirection } from './customer.inputs';
import { builtInOrder, CUSTOMER_COLUMNS, toCustomer } from './customer.service';
import { Organization } from '../organizations/organization.entity';
import { ORGANIZATION_COLUMNS, toOrganization } from '../organizations/organization.service';
import { groupBy } from '../../common/group-by';
import { batchByArgs, parentPages, type PageRows, type ParentPageKey } from '../../common/keyset';

/** Members by display name: the same order and cursors as `customers(filter: { organizationId })`. */
const MEMBERS_ORDER = builtInOrder(CustomerOrderField.DISPLAY_NAME, SortDirection.ASC);

/**
 * Per-request loaders. `membersByOrganization` pages `Organization.customers`
 * for every organization of a list in one statement per distinct (first,
 * after); their totalCount comes from `customerCountByOrganizationId`.
 */
export function createCustomerLoaders(db: DataSource) {
  return {
    customerById: new DataLoader<string, Customer | null>(async (ids) => {
      const rows: Array<Record<string, any>> = await db.query(`SELECT ${CUSTOMER_COLUMNS} FROM customers c WHERE c.id = ANY($1::uuid[])`, [ids]);
      const byId = new Map(rows.map((row) => [row.id as string, toCustomer(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    organizationsByCustomerId: new DataLoader<string, Organization[]>(async (customerIds) => {
      const rows: Array<Record<string, any>> = await db.query(
        `SELECT co.customer_id AS "customerId", ${ORGANIZATION_COLUMNS}
           FROM customer_organizations co JOIN organizations o ON o.id = co.organization_id
          WHERE co.customer_id = ANY($1::uuid[]) ORDER BY lower(o.name::text), o.id`,
        [customerIds],
      );
      return groupBy(customerIds, rows, (r) => r.customerId).map((group) => group.map(toOrganization));
    }),
    membersByOrganization: new DataLoader<ParentPageKey, PageRows<Customer>, string>(
      (keys) =>
        batchByArgs(
          keys,
          (key) => [key.first, key.after ?? null],
          (group) =>
            parentPages({
              db,
              parentIds: group.map((key) => key.parentId),
              from: 'customers c',
              columns: CUSTOMER_COLUMNS,
              where: ['c.id IN (SELECT co.customer_id FROM customer_organizations co WHERE co.organization_id = p.id)'],
              params: [],
              order: MEMBERS_ORDER,
              first: group[0].first,
              after: group[0].after,
              toNode: toCustomer,
            }),
        ),
      { cacheKeyFn: (key) => JSON.stringify([key.parentId, key.first, key.after ?? null]) },
    ),
  };
}
