import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { CustomerConnection } from './customer.connection';
import type { CustomerListArgs } from './customer.service';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import { toConnection } from '../../common/connection';
import type { Context } from '../../graphql/context';

/** The selections named `name` (under any alias) of type `typeName` below `tree`. */
const children = (trees: ResolveTree[], typeName: string, name: string): ResolveTree[] =>
  trees.flatMap((tree) => Object.values(tree.fieldsByTypeName[typeName] ?? {}).filter((child) => child.name === name));

/**
 * Whether a `CustomerConnection` selection asks for its customers' detail
 * values (`edges.node.details` or `detailsByKey`, through any alias, fragment
 * or directive that keeps it).
 */
function selectsDetails(info: GraphQLResolveInfo): boolean {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  if (!tree) return false;
  const nodes = children(children([tree], 'CustomerConnection', 'edges'), 'CustomerEdge', 'node');
  return children(nodes, 'Customer', 'details').length + children(nodes, 'Customer', 'detailsByKey').length > 0;
}

/**
 * One page of customers as a connection, for the resolvers that list them.
 * When the selection shows detail values, the page statement reads them
 * (visible keys only) and primes the request's loader, so the same rows are
 * not read a second time.
 */
export async function customerConnection(args: Omit<CustomerListArgs, 'withDetails'>, { services, visibility, loaders }: Context, info: GraphQLResolveInfo): Promise<CustomerConnection> {
  const page = await services.customers.list({ ...args, withDetails: selectsDetails(info) }, visibility);
  const detailsLoader = loaders.detailsOf(DetailFieldScope.CUSTOMER);
  for (const [id, details] of page.details ?? []) detailsLoader.prime(id, details);
  return toConnection(CustomerConnection, page);
}
