import type { DataSource } from 'typeorm';
import { AgentService } from '../modules/agents/agent.service';
import { TeamService } from '../modules/teams/team.service';
import { Role } from '../graphql/enums';

export const DEMO_ADMIN_EMAIL = 'admin@demo.test';
export const DEMO_AGENT_EMAIL = 'agent@demo.test';

/**
 * A small help desk to explore on first start: an admin, and two agents in
 * different teams (so field permissions by team can be tried at once).
 * Runs only on a database with no agents; returns whether it did anything.
 */
export async function seedDemo(db: DataSource, password: string): Promise<boolean> {
  const agents = new AgentService(db);
  const teams = new TeamService(db);
  if ((await agents.list(true)).length > 0) return false;
  await agents.create({ email: DEMO_ADMIN_EMAIL, displayName: 'Ada Admin', password, role: Role.ADMIN });
  const agent = await agents.create({ email: DEMO_AGENT_EMAIL, displayName: 'Sam Support', password, role: Role.AGENT });
  const billingAgent = await agents.create({ email: 'billing@demo.test', displayName: 'Bea Billing', password, role: Role.AGENT });
  await teams.create('Tier 1', [agent.id]);
  await teams.create('Billing', [billingAgent.id]);
  return true;
}
