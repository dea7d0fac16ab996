import type { DataSource } from 'typeorm';
import { createAgentLoaders } from '../modules/agents/agent.loader';
import { createTeamLoaders } from '../modules/teams/team.loader';
import { createCustomerLoaders } from '../modules/customers/customer.loader';
import { createOrganizationLoaders } from '../modules/organizations/organization.loader';

/** Fresh per request, so a cache never serves one viewer's rows to another. */
export function createLoaders(db: DataSource) {
  return { ...createAgentLoaders(db), ...createTeamLoaders(db), ...createCustomerLoaders(db), ...createOrganizationLoaders(db) };
}

export type Loaders = ReturnType<typeof createLoaders>;
