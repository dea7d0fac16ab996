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
  await seedCustomers(db);
  return true;
}

const ORGANIZATIONS = 60;
const CUSTOMERS = 2000;

/** Realistic customers in organizations, so lists, search and pages look real at first start. */
async function seedCustomers(db: DataSource): Promise<void> {
  // ESM-only package, loaded on demand (the seed runs once per database).
  const { faker } = await import('@faker-js/faker');
  faker.seed(2026);
  const orgNames = faker.helpers.uniqueArray(() => faker.company.name(), ORGANIZATIONS);
  const orgs: Array<{ id: string; name: string }> = await db.query(
    `INSERT INTO organizations (name) SELECT unnest($1::text[]) RETURNING id, name::text`,
    [orgNames],
  );
  const emails = new Set<string>();
  const rows = { email: [] as Array<string | null>, username: [] as Array<string | null>, name: [] as string[], org: [] as Array<string | null>, createdAt: [] as string[] };
  while (rows.name.length < CUSTOMERS) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const org = faker.helpers.maybe(() => faker.helpers.arrayElement(orgs), { probability: 0.85 });
    const domain = org ? `${org.name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example` : faker.internet.domainName();
    const email = faker.internet.email({ firstName: first, lastName: last, provider: domain }).toLowerCase();
    if (emails.has(email)) continue;
    emails.add(email);
    // A few customers sign in with a username only, as in the reference product.
    const usernameOnly = faker.datatype.boolean(0.05);
    rows.email.push(usernameOnly ? null : email);
    rows.username.push(usernameOnly || faker.datatype.boolean(0.3) ? faker.internet.username({ firstName: first, lastName: last }).toLowerCase() + rows.name.length : null);
    rows.name.push(`${first} ${last}`);
    rows.org.push(org?.id ?? null);
    rows.createdAt.push(faker.date.past({ years: 3 }).toISOString());
  }
  await db.query(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[]) AS t(email, username, name, org, created_at)),
     inserted AS (
       INSERT INTO customers (email, username, display_name, created_at, updated_at)
       SELECT email, username, name, created_at, created_at FROM input
       RETURNING id, email, username)
     INSERT INTO customer_organizations (customer_id, organization_id)
     SELECT inserted.id, input.org FROM inserted
       JOIN input ON input.email IS NOT DISTINCT FROM inserted.email::text AND input.username IS NOT DISTINCT FROM inserted.username::text
      WHERE input.org IS NOT NULL`,
    [rows.email, rows.username, rows.name, rows.org, rows.createdAt],
  );
}
