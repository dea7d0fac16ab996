import { Role } from '../../src/graphql/enums';
import type { TestApp } from './test-app';
import type { GraphQLTestClient } from './graphql-client';

type Client = GraphQLTestClient & { agentId: string; email: string };

/** The cast of the permission tests: an admin, a Billing team with one agent in it, an agent outside it, and a way to create customer detail fields. */
export interface BillingTeam {
  admin: Client;
  team: string;
  billing: Client;
  agent: Client;
  /** createDetailField as the admin (scope CUSTOMER unless given); its answer. */
  createField(input: Record<string, unknown>): Promise<{ createDetailField: { id: string } }>;
}

export async function billingTeam(app: TestApp): Promise<BillingTeam> {
  const admin = await app.signedIn(Role.ADMIN);
  const team: string = (await admin.ok(`mutation { createTeam(name: "Billing") { id } }`)).createTeam.id;
  const billing = await app.signedIn(Role.AGENT, [team]);
  const agent = await app.signedIn(Role.AGENT);
  const createField = (input: Record<string, unknown>) =>
    admin.ok<{ createDetailField: { id: string } }>(`mutation($i: CreateDetailFieldInput!) { createDetailField(input: $i) { id } }`, { i: { scope: 'CUSTOMER', ...input } });
  return { admin, team, billing, agent, createField };
}
