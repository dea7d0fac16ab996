import type { DataSource } from 'typeorm';
// Type only: the ESM-only package itself is loaded on demand (the seed runs once per database).
import type { Faker } from '@faker-js/faker' with { 'resolution-mode': 'import' };
import type { Services } from '../services';
import { Role } from '../graphql/enums';
import { seedDetails, seedEntitlements } from './seed-demo-details';
import { seedHistory } from './seed-demo-history';

export const DEMO_ADMIN_EMAIL = 'admin@demo.test';
export const DEMO_AGENT_EMAIL = 'agent@demo.test';
export const DEMO_BILLING_EMAIL = 'billing@demo.test';

/**
 * A small help desk to explore on first start: an admin, and two agents in
 * different teams (so field permissions by team can be tried at once),
 * through the app's own `services`. Runs only on a database with no agents;
 * returns whether it did anything.
 */
export async function seedDemo(db: DataSource, services: Services, password: string): Promise<boolean> {
  const { agents, teams } = services;
  if ((await agents.list(true)).length > 0) return false;
  const admin = await agents.create({ email: DEMO_ADMIN_EMAIL, displayName: 'Ada Admin', password, role: Role.ADMIN });
  const agent = await agents.create({ email: DEMO_AGENT_EMAIL, displayName: 'Sam Support', password, role: Role.AGENT });
  const billingAgent = await agents.create({ email: DEMO_BILLING_EMAIL, displayName: 'Bea Billing', password, role: Role.AGENT });
  const tier1 = await teams.create('Tier 1', [agent.id]);
  const billing = await teams.create('Billing', [billingAgent.id]);
  const { faker } = await import('@faker-js/faker');
  await seedCustomers(db, faker);
  await seedEntitlements(db, services, faker);
  await seedDetails(db, services, faker, { 'Tier 1': tier1.id, Billing: billing.id }, [admin.id, agent.id, billingAgent.id]);
  // Writing values moved every record's update time to now; the demo's records were last changed in the past.
  for (const table of ['customers', 'organizations']) {
    await db.query(`UPDATE ${table} SET updated_at = created_at + (now() - created_at) * (abs(hashtext(id::text)) % 1000) / 2000.0`);
  }
  await seedRequests(db, faker);
  await seedNotes(db, faker, [admin.id, agent.id, billingAgent.id]);
  await seedHistory(db, [agent.id, billingAgent.id]);
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
  // An organization was created some weeks before its first member joined (not on the day the demo was seeded).
  await db.query(
    `UPDATE organizations o SET created_at = m.first - interval '1 day' * (10 + abs(hashtext(o.name::text)) % 50), updated_at = m.first
       FROM (SELECT organization_id, min(c.created_at) AS first FROM customer_organizations co JOIN customers c ON c.id = co.customer_id GROUP BY organization_id) m
      WHERE m.organization_id = o.id`,
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

const REQUEST_SUMMARIES: Array<(f: Faker) => string> = [
  (f) => `Cannot sign in to ${f.commerce.productName()}`,
  (f) => `Invoice ${f.finance.accountNumber(6)} shows the wrong amount`,
  (f) => `Export to ${f.helpers.arrayElement(['CSV', 'PDF', 'Excel'])} fails with an error`,
  (f) => `Please add ${f.person.fullName()} to our account`,
  (f) => `${f.commerce.productName()} is slow since this morning`,
  (f) => `Refund for order ${f.string.numeric(7)}`,
  (f) => `How do I change my ${f.helpers.arrayElement(['password', 'billing address', 'email address', 'plan'])}?`,
  (f) => `Error ${f.string.numeric(3)} when uploading ${f.system.fileName()}`,
  (f) => `Our ${f.helpers.arrayElement(['API key', 'webhook', 'SSO login', 'integration'])} stopped working`,
  (f) => `Question about the ${f.commerce.productAdjective().toLowerCase()} plan`,
  (f) => `Notifications arrive twice for ${f.internet.domainName()}`,
  (f) => `Request a demo of ${f.commerce.productName()}`,
];
const PRIORITIES = ['Low', 'Medium', 'High', 'Highest'];

/**
 * Requests over the last two years for about two thirds of the customers, in
 * every status (old ones mostly resolved or closed, recent ones open), so
 * the Requests tabs are lived-in. The first three customers by name get 25
 * to 40 each, so their tab has pages. Keys follow creation time.
 */
async function seedRequests(db: DataSource, faker: Faker): Promise<void> {
  faker.seed(7);
  const customers: Array<{ id: string; createdAt: Date; organizationId: string | null }> = await db.query(
    `SELECT c.id, c.created_at AS "createdAt", (SELECT co.organization_id FROM customer_organizations co WHERE co.customer_id = c.id LIMIT 1) AS "organizationId"
       FROM customers c ORDER BY lower(c.display_name), c.id`,
  );
  const now = Date.now();
  const twoYearsAgo = now - 730 * 86_400_000;
  const rows = { summary: [] as string[], description: [] as Array<string | null>, status: [] as string[], priority: [] as Array<string | null>, reporter: [] as string[], organization: [] as Array<string | null>, url: [] as Array<string | null>, createdAt: [] as string[], updatedAt: [] as string[] };
  customers.forEach((customer, index) => {
    const count = index < 3 ? faker.number.int({ min: 25, max: 40 }) : faker.helpers.weightedArrayElement([{ weight: 3, value: 0 }, { weight: 6, value: faker.number.int({ min: 1, max: 12 }) }]);
    for (let i = 0; i < count; i += 1) {
      const createdAt = faker.date.between({ from: Math.max(twoYearsAgo, new Date(customer.createdAt).getTime()), to: now });
      const ageDays = (now - createdAt.getTime()) / 86_400_000;
      const status = ageDays > 30
        ? faker.helpers.weightedArrayElement([{ weight: 6, value: 'CLOSED' }, { weight: 3, value: 'RESOLVED' }, { weight: 1, value: 'WAITING_FOR_CUSTOMER' }])
        : faker.helpers.weightedArrayElement([{ weight: 4, value: 'OPEN' }, { weight: 3, value: 'IN_PROGRESS' }, { weight: 2, value: 'WAITING_FOR_CUSTOMER' }, { weight: 1, value: 'RESOLVED' }]);
      rows.summary.push(faker.helpers.arrayElement(REQUEST_SUMMARIES)(faker));
      rows.description.push(faker.helpers.maybe(() => `${faker.hacker.phrase()}\n\n${faker.hacker.phrase()}`, { probability: 0.7 }) ?? null);
      rows.status.push(status);
      rows.priority.push(faker.helpers.maybe(() => faker.helpers.weightedArrayElement(PRIORITIES.map((value, p) => ({ value, weight: 4 - p }))), { probability: 0.8 }) ?? null);
      rows.reporter.push(customer.id);
      rows.organization.push(customer.organizationId && faker.datatype.boolean(0.8) ? customer.organizationId : null);
      rows.url.push(faker.helpers.maybe(() => `https://tracker.example.com/browse/EXT-${faker.number.int({ min: 100, max: 99_999 })}`, { probability: 0.3 }) ?? null);
      rows.createdAt.push(createdAt.toISOString());
      rows.updatedAt.push(faker.date.between({ from: createdAt, to: Math.min(now, createdAt.getTime() + ageDays * 0.2 * 86_400_000 + 3_600_000) }).toISOString());
    }
  });
  await db.query(
    `INSERT INTO requests (summary, description, status, priority, reporter_id, organization_id, external_url, created_at, updated_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::request_status[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::timestamptz[], $9::timestamptz[])
      ORDER BY 8`,
    [rows.summary, rows.description, rows.status, rows.priority, rows.reporter, rows.organization, rows.url, rows.createdAt, rows.updatedAt],
  );
}
