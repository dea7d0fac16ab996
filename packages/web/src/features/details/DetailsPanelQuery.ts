import { graphql } from '../../gql';

/**
 * What the Details tab shows: every field the viewer may view (empty ones
 * included, in the admins' order) and the owner's values, in one response so
 * the two always agree — the API leaves hidden values out, so only the
 * definitions beside them tell a hidden field from an empty one. Refetched
 * after every save and every refusal that says a field changed. In its own
 * module so the editor can refetch it. The tab shows the owner's values and
 * version from this answer; `$customer` picks the owner.
 */
export const DetailsPanelQuery = graphql(`
  query DetailsPanel($scope: DetailFieldScope!, $ownerId: ID!, $customer: Boolean!) {
    detailFields(scope: $scope) {
      id
      key
      label
      type
      options
      viewerCanEdit
    }
    customer(id: $ownerId) @include(if: $customer) {
      id
      version
      detailsByKey
    }
    organization(id: $ownerId) @skip(if: $customer) {
      id
      version
      detailsByKey
    }
  }
`);

/** DetailsPanelQuery's variables for `owner`, built in one place so the start-up prefetch asks exactly what the tab asks. */
export function detailsPanelVariables(owner: { scope: 'CUSTOMER' | 'ORGANIZATION'; id: string }) {
  return { scope: owner.scope, ownerId: owner.id, customer: owner.scope === 'CUSTOMER' };
}
