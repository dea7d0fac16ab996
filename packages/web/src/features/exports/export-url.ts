import type { CustomerFilter, CustomerOrder } from '../../gql/graphql';

/** The arguments of an export: those of the list it exports (`organizations` takes `query` only). */
export interface ExportArguments {
  query?: string | null;
  filter?: CustomerFilter | null;
  orderBy?: CustomerOrder | null;
}

/**
 * The URL of a list's CSV export (`/api/exports/<list>.csv`), with the list
 * query's own arguments: `query` as text, `filter` and `orderBy` as JSON, as
 * the API reads them. Absent or empty arguments are left out.
 */
export function exportUrl(list: 'customers' | 'organizations', args: ExportArguments): string {
  const params = new URLSearchParams();
  if (args.query) params.set('query', args.query);
  if (args.filter) params.set('filter', JSON.stringify(args.filter));
  if (args.orderBy) params.set('orderBy', JSON.stringify(args.orderBy));
  const search = params.toString();
  return `/api/exports/${list}.csv${search ? `?${search}` : ''}`;
}
