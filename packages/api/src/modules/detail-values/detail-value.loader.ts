import DataLoader from 'dataloader';
import type { StoredDetailValue } from '@cp/shared';
import type { DetailFieldScope } from '../detail-fields/detail-field.enums';
import type { FieldVisibility } from '../detail-fields/field-visibility';
import { detailOwner, detailOwnerKinds } from './detail-owner.registry';
import type { DetailValueStore } from './detail-value.store';

export type StoredDetails = Record<string, StoredDetailValue>;

export type DetailsLoader = DataLoader<string, StoredDetails>;

/**
 * Per request and per viewer, one loader per owner kind of the registry:
 * each batch reads only the keys the viewer may view. `detailsOf(scope)`
 * answers the loader of a scope (DETAIL_SCOPE_NOT_STORED for a scope with no
 * owner kind); a list that read its rows' visible details already primes it.
 */
export function createDetailLoaders(store: DetailValueStore, visibility: FieldVisibility) {
  const loaders = new Map<DetailFieldScope, DetailsLoader>(
    detailOwnerKinds().map((owner) => [owner.scope, new DataLoader<string, StoredDetails>((ids) => store.readVisible(owner, ids, visibility))]),
  );
  return {
    detailsOf: (scope: DetailFieldScope): DetailsLoader => loaders.get(detailOwner(scope).scope)!,
  };
}
