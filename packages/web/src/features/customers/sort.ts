import { DETAIL_KEY_PATTERN } from '@cp/shared';
import type { CustomerOrder, CustomerOrderField } from '../../gql/graphql';

/** The URL parameter holding a customer list's order: `name`, `-created` (newest first), `d.tier` (a detail field)… */
export const SORT_PARAM = 'sort';

/** Columns the server can sort by; the keys double as table column ids and URL words. */
const ORDER_FIELDS = {
  name: 'DISPLAY_NAME',
  email: 'EMAIL',
  created: 'CREATED_AT',
  updated: 'UPDATED_AT',
} as const satisfies Record<string, CustomerOrderField>;

/** Detail columns are `d.<field key>`: keys are lowercase words, so they never clash with the built-in ones. */
const DETAIL_PREFIX = 'd.';

export type CustomerSortKey = keyof typeof ORDER_FIELDS | `${typeof DETAIL_PREFIX}${string}`;

export interface CustomerSort {
  key: CustomerSortKey;
  desc: boolean;
}

/** The API's own default: display name, A to Z. */
export const DEFAULT_SORT: CustomerSort = { key: 'name', desc: false };

export function detailSortKey(fieldKey: string): CustomerSortKey {
  return `${DETAIL_PREFIX}${fieldKey}`;
}

/** The detail field a sort orders by, or null for a built-in column. */
export function sortFieldKey(sort: CustomerSort): string | null {
  return sort.key.startsWith(DETAIL_PREFIX) ? sort.key.slice(DETAIL_PREFIX.length) : null;
}

export function isCustomerSortKey(value: string): value is CustomerSortKey {
  if (value.startsWith(DETAIL_PREFIX)) return DETAIL_KEY_PATTERN.test(value.slice(DETAIL_PREFIX.length));
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
  const direction = sort.desc ? 'DESC' : 'ASC';
  const fieldKey = sortFieldKey(sort);
  if (fieldKey !== null) return { field: 'DETAIL', fieldKey, direction };
  return { field: ORDER_FIELDS[sort.key as keyof typeof ORDER_FIELDS], direction };
}
