import type { DataSource } from 'typeorm';
// Type only: the ESM-only package itself is loaded on demand (the seed runs once per database).
import type { Faker } from '@faker-js/faker' with { 'resolution-mode': 'import' };
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
  const admin = await agents.create({ email: DEMO_ADMIN_EMAIL, displayName: 'Ada Admin', password, role: Role.ADMIN });
  const agent = await agents.create({ email: DEMO_AGENT_EMAIL, displayName: 'Sam Support', password, role: Role.AGENT });
  const billingAgent = await agents.create({ email: 'billing@demo.test', displayName: 'Bea Billing', password, role: Role.AGENT });
  await teams.create('Tier 1', [agent.id]);
  await teams.create('Billing', [billingAgent.id]);
  const { faker } = await import('@faker-js/faker');
  await seedCustomers(db, faker);
  await seedNotes(db, faker, [admin.id, agent.id, billingAgent.id]);
  return true;
}

const ORGANIZATIONS = 60;
const CUSTOMERS = 2000;

/** Realistic customers in organizations, so lists, search and pages look real at first start. */
async function seedCustomers(db: DataSource, faker: Faker): Promise<void> {
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

/** Notes on every 4th customer and every 3rd organization: several authors, multi-line, some with links, some edited. */
async function seedNotes(db: DataSource, faker: Faker, authorIds: string[]): Promise<void> {
  faker.seed(2027);
  const owners = async (table: string, order: string): Promise<string[]> => (await db.query(`SELECT id FROM ${table} ORDER BY ${order}`)).map((r: { id: string }) => r.id);
  const customers = (await owners('customers', 'lower(display_name), email, username')).filter((_, i) => i % 4 === 0);
  const organizations = (await owners('organizations', 'lower(name::text)')).filter((_, i) => i % 3 === 0);
  const lines = [
    () => `Called ${faker.person.firstName()} about ${faker.commerce.productName()}.\n${faker.lorem.sentence()}`,
    () => `Escalated to Tier 2, see https://support.example.com/tickets/${faker.number.int({ min: 1000, max: 99999 })}`,
    () => `Prefers email over phone.\nTime zone: ${faker.location.timeZone()}`,
    () => `Renewal due ${faker.date.soon({ days: 200, refDate: '2026-12-01' }).toISOString().slice(0, 10)}; pricing at www.example.com/pricing`,
    () => `${faker.lorem.paragraph()}\n\n- ${faker.lorem.sentence()}\n- ${faker.lorem.sentence()}`,
    () => faker.lorem.sentences({ min: 1, max: 3 }),
  ];
  const rows = { customer: [] as Array<string | null>, organization: [] as Array<string | null>, body: [] as string[], author: [] as string[], createdAt: [] as string[], edited: [] as boolean[] };
  const addNotes = (customer: string | null, organization: string | null) => {
    for (let n = faker.number.int({ min: 1, max: 4 }); n > 0; n -= 1) {
      rows.customer.push(customer);
      rows.organization.push(organization);
      rows.body.push(faker.helpers.arrayElement(lines)());
      rows.author.push(faker.helpers.arrayElement(authorIds));
      rows.createdAt.push(faker.date.past({ years: 1, refDate: '2026-11-25' }).toISOString());
      rows.edited.push(faker.datatype.boolean(0.2));
    }
  };
  customers.forEach((id) => addNotes(id, null));
  organizations.forEach((id) => addNotes(null, id));
  await db.query(
    `INSERT INTO notes (customer_id, organization_id, body, author_id, created_at, updated_at, version)
     SELECT c, o, b, a, t, CASE WHEN e THEN t + interval '2 hours' ELSE t END, CASE WHEN e THEN 2 ELSE 1 END
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[], $6::boolean[]) AS x(c, o, b, a, t, e)`,
    [rows.customer, rows.organization, rows.body, rows.author, rows.createdAt, rows.edited],
  );
}
