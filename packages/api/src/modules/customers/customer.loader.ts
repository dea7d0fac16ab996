import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Customer } from './customer.entity';
import { CUSTOMER_COLUMNS, toCustomer } from './customer.service';
import { Organization } from '../organizations/organization.entity';
import { ORGANIZATION_COLUMNS, toOrganization } from '../organizations/organization.service';
import { groupBy } from '../../common/group-by';

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
  };
}
