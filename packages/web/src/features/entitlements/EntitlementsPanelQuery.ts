import { graphql } from '../../gql';

/**
 * What the Entitlements tab shows: the viewer's ENTITLEMENT fields (as the
 * Details tab, the definitions come with the values so a hidden value is
 * told from an empty one), the products that may be granted, and the
 * owner's entitlements (a customer's include those of its organizations).
 * Refetched after every grant, revoke and value saved. `$customer` picks the owner.
 */
export const EntitlementsPanelQuery = graphql(`
  query EntitlementsPanel($ownerId: ID!, $customer: Boolean!) {
    detailFields(scope: ENTITLEMENT) {
      id
      key
      label
      type
      options
      viewerCanEdit
    }
    products {
      id
      name
    }
    customer(id: $ownerId) @include(if: $customer) {
      id
      entitlements {
        ...EntitlementCard_entitlement @unmask
      }
    }
    organization(id: $ownerId) @skip(if: $customer) {
      id
      entitlements {
        ...EntitlementCard_entitlement @unmask
      }
    }
  }
`);
