import type { DataSource } from 'typeorm';
import { createAgentLoaders } from '../modules/agents/agent.loader';
import { createTeamLoaders } from '../modules/teams/team.loader';
import { createCustomerLoaders } from '../modules/customers/customer.loader';
import { createOrganizationLoaders } from '../modules/organizations/organization.loader';
import { createDetailLoaders } from '../modules/detail-values/detail-value.loader';
import type { DetailValueStore } from '../modules/detail-values/detail-value.store';
import { createNoteLoaders } from '../modules/notes/note.loader';
import { createRequestLoaders } from '../modules/requests/request.loader';
import { createHistoryLoaders } from '../modules/history/history.loader';
import { createProductLoaders } from '../modules/products/product.loader';
import { createEntitlementLoaders } from '../modules/entitlements/entitlement.loader';
import type { FieldVisibility } from '../modules/detail-fields/field-visibility';

/** Fresh per request, so a cache never serves one viewer's rows to another. */
export function createLoaders(db: DataSource, visibility: FieldVisibility, detailValues: DetailValueStore) {
  const products = createProductLoaders(db);
  return {
    ...createAgentLoaders(db),
    ...createTeamLoaders(db),
    ...createCustomerLoaders(db),
    ...createOrganizationLoaders(db),
    ...createDetailLoaders(detailValues, visibility),
    ...createNoteLoaders(db),
    ...createRequestLoaders(db),
    ...createHistoryLoaders(db, visibility),
    ...products,
    ...createEntitlementLoaders(db, products.productById),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
