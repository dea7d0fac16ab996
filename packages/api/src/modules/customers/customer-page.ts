import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { CustomerConnection } from './customer.connection';
import type { CustomerListArgs } from './customer.service';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import { toConnection } from '../../common/connection';
import { toDetailValuesOfMany } from '../detail-values/detail-values';
import { entitlementOfRow } from '../entitlements/entitlement.loader';
import type { Context } from '../../graphql/context';

/** The selections named `name` (under any alias) of type `typeName` below `tree`. */
const children = (trees: ResolveTree[], typeName: string, name: string): ResolveTree[] =>
  trees.flatMap((tree) => Object.values(tree.fieldsByTypeName[typeName] ?? {}).filter((child) => child.name === name));

/**
 * What a `CustomerConnection` selection asks of its customers (through any
 * alias, fragment or directive that keeps it): their detail values
 * (`edges.node.details` or `detailsByKey`), organizations, entitlements;
 * and whether it asks for the count.
 */
function selections(info: GraphQLResolveInfo): Pick<CustomerListArgs, 'withDetails' | 'withOrganizations' | 'withEntitlements' | 'withCount'> & { detailValues?: boolean } {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  if (!tree) return {};
  const nodes = children(children([tree], 'CustomerConnection', 'edges'), 'CustomerEdge', 'node');
  const selects = (field: string) => children(nodes, 'Customer', field).length > 0;
  return {
    withDetails: selects('details') || selects('detailsByKey'),
    withOrganizations: selects('organizations'),
    withEntitlements: selects('entitlements'),
    withCount: children([tree], 'CustomerConnection', 'totalCount').length > 0 || children([tree], 'CustomerConnection', 'totalCountIsExact').length > 0,
    detailValues: selects('details'),
  };
}

/**
 * One page of customers as a connection, for the resolvers that list them.
 * When the selection shows detail values, organizations or entitlements,
 * the page statement reads them too (values: visible keys only) into each
 * customer's `prefetched`, and the values and products prime the request's
 * loaders, so the same rows are not read a second time. Typed `details` are built for the whole page
 * at once, so no row waits on a promise of its own.
 */
export async function customerConnection(args: Omit<CustomerListArgs, 'withDetails' | 'withOrganizations' | 'withEntitlements' | 'withCount'>, context: Context, info: GraphQLResolveInfo): Promise<CustomerConnection> {
  const { services, visibility, loaders } = context;
  const { detailValues, ...selected } = selections(info);
  const page = await services.customers.list({ ...args, ...selected }, visibility);
  const detailsLoader = loaders.detailsOf(DetailFieldScope.CUSTOMER);
  for (const [id, details] of page.details ?? []) detailsLoader.prime(id, details);
  if (page.entitlements) {
    for (const customer of page.nodes) {
      const entitlements = page.entitlements.get(customer.id)!.map((row) => entitlementOfRow(row, loaders.productById));
      customer.prefetched = { ...customer.prefetched, entitlements };
      loaders.entitlementsByCustomerId.prime(customer.id, entitlements);
    }
  }
  if (detailValues) {
    const built = await toDetailValuesOfMany(DetailFieldScope.CUSTOMER, page.nodes.map((c) => c.prefetched!.details!), context);
    page.nodes.forEach((customer, i) => (customer.prefetched!.detailValues = built[i]));
  }
  return toConnection(CustomerConnection, page);
}
