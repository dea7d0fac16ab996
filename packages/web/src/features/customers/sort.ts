import type { CustomerOrder, CustomerOrderField } from '../../gql/graphql';

/** The URL parameter holding a customer list's order: `name`, `-created` (newest first)… */
export const SORT_PARAM = 'sort';

/** Columns the server can sort by; the keys double as table column ids and URL words. */
const ORDER_FIELDS = {
  name: 'DISPLAY_NAME',
  email: 'EMAIL',
  created: 'CREATED_AT',
  updated: 'UPDATED_AT',
} as const satisfies Record<string, CustomerOrderField>;

export type CustomerSortKey = keyof typeof ORDER_FIELDS;

export interface CustomerSort {
  key: CustomerSortKey;
  desc: boolean;
}

/** The API's own default: display name, A to Z. */
const DEFAULT_SORT: CustomerSort = { key: 'name', desc: false };

export function isCustomerSortKey(value: string): value is CustomerSortKey {
  return Object.hasOwn(ORDER_FIELDS, value);
}

/** Reads `?sort=`; anything unknown (an old or edited link) falls back to the default. */
export function parseCustomerSort(param: string): CustomerSort {
  const desc = param.startsWith('-');
  const key = desc ? param.slice(1) : param;
  return isCustomerSortKey(key) ? { key, desc } : DEFAULT_SORT;
}

export function customerSortParam(sort: CustomerSort): string {
  if (sort.key === DEFAULT_SORT.key && sort.desc === DEFAULT_SORT.desc) return '';
  return sort.desc ? `-${sort.key}` : sort.key;
}

export function customerOrder(sort: CustomerSort): CustomerOrder {
  return { field: ORDER_FIELDS[sort.key], direction: sort.desc ? 'DESC' : 'ASC' };
}
