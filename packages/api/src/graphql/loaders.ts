import type { DataSource } from 'typeorm';
import { createAgentLoaders } from '../modules/agents/agent.loader';
import { createTeamLoaders } from '../modules/teams/team.loader';
import { createCustomerLoaders } from '../modules/customers/customer.loader';
import { createOrganizationLoaders } from '../modules/organizations/organization.loader';
import { createDetailLoaders } from '../modules/detail-fields/detail-field.loader';
import { createNoteLoaders } from '../modules/notes/note.loader';
import { createRequestLoaders } from '../modules/requests/request.loader';
import type { FieldVisibility } from '../modules/detail-fields/field-visibility';

/** Fresh per request, so a cache never serves one viewer's rows to another. */
export function createLoaders(db: DataSource, visibility: FieldVisibility) {
  return {
    ...createAgentLoaders(db),
    ...createTeamLoaders(db),
    ...createCustomerLoaders(db),
    ...createOrganizationLoaders(db),
    ...createDetailLoaders(db, visibility),
    ...createNoteLoaders(db),
    ...createRequestLoaders(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
