import { problem } from '@cp/shared';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import { customerTieBreak } from '../customers/customer-sort-keys';
import { badInput } from '../../common/domain-error';
import type { SortKey } from '../../common/keyset';
import type { SetDetailValuesInput } from '../detail-fields/detail-field.inputs';

/**
 * One kind of record that holds detail values: everything the value store
 * needs to read, write, search, sort and cache them. Adding an owner kind
 * is one entry in `DETAIL_OWNERS`;
 * its table needs `id uuid`, `details jsonb` (NFC-checked), `version` and
 * `updated_at`, and its rows are the `owner_id` of `detail_search`.
 */
export interface DetailOwnerKind {
  scope: DetailFieldScope;
  /** The table holding `details`; a trusted SQL identifier. */
  table: 'customers' | 'organizations' | 'entitlements';
  /** The noun of NOT_FOUND and STALE_VERSION problems about this owner. */
  entity: 'CUSTOMER' | 'ORGANIZATION' | 'ENTITLEMENT';
  /** The per-request loader of the record itself: its version moves with every write, so it is cleared then. */
  recordLoader: 'customerById' | 'organizationById' | 'entitlementById';
  /**
   * Keys that order equal detail values, for owners whose lists sort by a
   * detail field (each such field then gets a sort index on `table`). Absent:
   * that owner's lists do not sort by detail fields.
   */
  tieBreak?: (alias: string) => SortKey[];
}

const DETAIL_OWNERS: readonly DetailOwnerKind[] = [
  { scope: DetailFieldScope.CUSTOMER, table: 'customers', entity: 'CUSTOMER', recordLoader: 'customerById', tieBreak: customerTieBreak },
  { scope: DetailFieldScope.ORGANIZATION, table: 'organizations', entity: 'ORGANIZATION', recordLoader: 'organizationById' },
  // Entitlement lists are ordered by product, never by a detail field: no tie-break, no sort indexes.
  { scope: DetailFieldScope.ENTITLEMENT, table: 'entitlements', entity: 'ENTITLEMENT', recordLoader: 'entitlementById' },
];

/** Every owner kind, for code that covers them all (loaders, sort indexes). */
export const detailOwnerKinds = (): readonly DetailOwnerKind[] => DETAIL_OWNERS;

/** The owner kind of a scope; BAD_USER_INPUT DETAIL_SCOPE_NOT_STORED for a scope with no owner table yet. */
export function detailOwner(scope: DetailFieldScope): DetailOwnerKind {
  const owner = DETAIL_OWNERS.find((o) => o.scope === scope);
  if (!owner) throw badInput(problem('DETAIL_SCOPE_NOT_STORED', { scope }), 'scope');
  return owner;
}

/**
 * Which record setDetailValues writes to: exactly one of its owner ids
 * (ONE_DETAIL_OWNER otherwise), of a scope that has an owner kind
 * (DETAIL_SCOPE_NOT_STORED otherwise).
 */
export function ownerOfInput(input: SetDetailValuesInput): { owner: DetailOwnerKind; id: string } {
  const given = [
    { scope: DetailFieldScope.CUSTOMER, id: input.customerId },
    { scope: DetailFieldScope.ORGANIZATION, id: input.organizationId },
    { scope: DetailFieldScope.ENTITLEMENT, id: input.entitlementId },
  ].filter((o): o is { scope: DetailFieldScope; id: string } => o.id != null);
  if (given.length !== 1) throw badInput(problem('ONE_DETAIL_OWNER'), 'customerId');
  return { owner: detailOwner(given[0].scope), id: given[0].id };
}
