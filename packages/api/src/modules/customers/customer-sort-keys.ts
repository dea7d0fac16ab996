import type { SortKey } from '../../common/keyset';

/**
 * What every customer order falls back to when its own keys tie: the name
 * (case-insensitive), then the id, both in the order's direction, so equal
 * values come in the same sequence on every page. Each order's index ends
 * with these keys too (see the migrations and `detailSortIndex`).
 */
export function customerTieBreak(alias: string): SortKey[] {
  return [
    { sql: `lower(${alias}.display_name)`, type: 'text' },
    { sql: `${alias}.id`, type: 'uuid' },
  ];
}
