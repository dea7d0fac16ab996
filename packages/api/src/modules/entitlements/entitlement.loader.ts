import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Entitlement } from './entitlement.entity';
import { ENTITLEMENT_COLUMNS, toEntitlement } from './entitlement.service';
import type { Product } from '../products/product.entity';
import { PRODUCT_COLUMNS, toProduct } from '../products/product.service';
import { groupBy } from '../../common/group-by';

/** Product name (ignoring case), then id: the order of every entitlement list. */
const BY_PRODUCT = `ORDER BY lower(p.name), e.id`;

const PRODUCT_JSON = `(SELECT to_jsonb(x) FROM (SELECT ${PRODUCT_COLUMNS}) x) AS product`;

/**
 * The entitlements reaching customers (`matches` says which, given the
 * customer id column): their own and those of every organization they
 * belong to (whose `organizationId` tells "via"), each row with its
 * customer as "ownerKey" and its product as JSON (`product`); unordered.
 */
export const entitlementsOfCustomers = (matches: (customerId: string) => string): string =>
  `SELECT o."ownerKey", ${ENTITLEMENT_COLUMNS}, ${PRODUCT_JSON}
     FROM (SELECT e.customer_id AS "ownerKey", e.id FROM entitlements e WHERE ${matches('e.customer_id')}
           UNION ALL
           SELECT co.customer_id, e.id FROM customer_organizations co JOIN entitlements e ON e.organization_id = co.organization_id
            WHERE ${matches('co.customer_id')}) o
     JOIN entitlements e ON e.id = o.id JOIN products p ON p.id = e.product_id`;

/** The same rows, for one customer `c` of a list, as a JSON array in the order of every entitlement list. */
export const entitlementsOfCustomerJson = (customerId: string): string =>
  `(SELECT coalesce(json_agg(r ORDER BY lower(r.product ->> 'name'), r.id), '[]') FROM (${entitlementsOfCustomers((column) => `${column} = ${customerId}`)}) r)`;

/**
 * An entitlement row of `entitlementsOfCustomers` (from a statement's rows
 * or its JSON form: dates as Date or text) as an Entitlement, with its
 * product as `prefetchedProduct` and primed into `productById`.
 */
export function entitlementOfRow(row: Record<string, any>, productById: DataLoader<string, Product | null>): Entitlement {
  const product = toProduct({ ...row.product, createdAt: new Date(row.product.createdAt), updatedAt: new Date(row.product.updatedAt) });
  productById.prime(row.productId, product);
  return Object.assign(toEntitlement({ ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) }), { prefetchedProduct: product });
}

/**
 * Per-request loaders. `entitlementsByCustomerId` answers a whole page of
 * customers in one statement: each customer's own entitlements and those of
 * every organization they belong to (whose `organizationId` tells "via").
 * The products are read in the same statement and primed into `productById`.
 */
export function createEntitlementLoaders(db: DataSource, productById: DataLoader<string, Product | null>) {
  const read = async (sql: string, keys: readonly string[]): Promise<Entitlement[][]> => {
    const rows: Array<Record<string, any>> = await db.query(sql, [keys]);
    return groupBy(keys, rows, (row) => row.ownerKey).map((group) => group.map((row) => entitlementOfRow(row, productById)));
  };
  return {
    entitlementById: new DataLoader<string, Entitlement | null>(async (ids) => {
      const rows: Array<Record<string, any>> = await db.query(`SELECT ${ENTITLEMENT_COLUMNS} FROM entitlements e WHERE e.id = ANY($1::uuid[])`, [ids]);
      const byId = new Map(rows.map((row) => [row.id as string, toEntitlement(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    entitlementsByCustomerId: new DataLoader<string, Entitlement[]>((customerIds) =>
      read(`${entitlementsOfCustomers((column) => `${column} = ANY($1::uuid[])`)} ${BY_PRODUCT}`, customerIds),
    ),
    entitlementsByOrganizationId: new DataLoader<string, Entitlement[]>((organizationIds) =>
      read(
        `SELECT e.organization_id AS "ownerKey", ${ENTITLEMENT_COLUMNS}, ${PRODUCT_JSON}
           FROM entitlements e JOIN products p ON p.id = e.product_id
          WHERE e.organization_id = ANY($1::uuid[])
          ${BY_PRODUCT}`,
        organizationIds,
      ),
    ),
  };
}
