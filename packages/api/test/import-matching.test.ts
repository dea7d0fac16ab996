import { Role } from '../src/graphql/enums';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';
import { finishedImport, importErrorsOf, runImport } from './support/import-client';

type Client = GraphQLTestClient & { agentId: string; email: string };

const IMPORT_CUSTOMERS = `mutation($input: ImportCustomersInput!) { importCustomers(input: $input) { id status } }`;

/** importCustomers with an Idempotency-Key header, as a partner tool sends it: the HTTP status and body. */
async function importCustomersWithKey(app: TestApp, client: GraphQLTestClient, key: string, input: Record<string, unknown>) {
  const res = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: client.sessionCookie!, 'Idempotency-Key': key },
    body: JSON.stringify({ query: IMPORT_CUSTOMERS, variables: { input } }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('import matching', () => {
  let app: TestApp;
  let admin: Client;
  let agent: Client;
  const run = (body: string, params: Record<string, string> = {}) => runImport(app.baseUrl, agent, body, params);
  const organizations = () => app.sql<any>(`SELECT name::text AS name, external_id, details FROM organizations ORDER BY created_at, name`);
  const customer = async (externalId: string) => (await app.sql<any>(`SELECT id, email::text AS email, display_name, external_id, version FROM customers WHERE external_id = $1`, [externalId]))[0];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.signedIn(Role.ADMIN);
    agent = await app.signedIn(Role.AGENT);
    const create = (input: Record<string, unknown>) => admin.ok(`mutation($i: CreateDetailFieldInput!) { createDetailField(input: $i) { id } }`, { i: input });
    await create({ scope: 'ORGANIZATION', label: 'Region', type: 'TEXT' });
    await create({ scope: 'ORGANIZATION', label: 'Tier', type: 'SELECT', options: ['A', 'B'] });
    await create({ scope: 'CUSTOMER', label: 'Plan', type: 'SELECT', options: ['Gold', 'Silver'] });
    await create({ scope: 'CUSTOMER', label: 'Note', type: 'TEXT' });
  });
  afterAll(() => app.close());

  describe('organizations (kind=organizations)', () => {
    const org = { kind: 'organizations' };

    it('creates by Organization Name, with External ID and organization detail fields', async () => {
      const job = await run('Organization Name,External ID,Region,Tier\nAcme  Corp,ACC-1,EMEA,A\nGlobex,,APAC,\n', org);
      expect(job).toMatchObject({ kind: 'organizations', status: 'SUCCEEDED', created: 2, failed: 0 });
      expect(await organizations()).toEqual([
        { name: 'Acme Corp', external_id: 'ACC-1', details: { region: 'EMEA', tier: 'A' } },
        { name: 'Globex', external_id: null, details: { region: 'APAC' } },
      ]);
    });

    it('matches by name ignoring case and spacing; the same file again is unchanged', async () => {
      const file = 'Organization Name,Region\n  ACME   corp ,Tokyo\nglobex,APAC\n';
      expect(await run(file, org)).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 1, unchanged: 1 });
      expect((await organizations()).map((o) => [o.name, o.details.region])).toEqual([
        ['Acme Corp', 'Tokyo'],
        ['Globex', 'APAC'],
      ]);
      expect(await run(file, org)).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, unchanged: 2 });
    });

    it('matches by External ID first, so a row renames its organization; a name taken by another is refused', async () => {
      const job = await run('External ID,Organization Name\nACC-1,Acme Holdings\n', org);
      expect(job).toMatchObject({ status: 'SUCCEEDED', updated: 1, created: 0 });
      expect((await organizations())[0]).toMatchObject({ name: 'Acme Holdings', external_id: 'ACC-1' });
      const history = await app.sql<any>(`SELECT attribute, from_value AS from, to_value AS to FROM changes c JOIN organizations o ON o.id = c.organization_id WHERE o.external_id = 'ACC-1' AND attribute = 'name'`);
      expect(history).toEqual([{ attribute: 'name', from: 'Acme Corp', to: 'Acme Holdings' }]);
      const taken = await run('External ID,Organization Name\nACC-1,GLOBEX\n', { ...org, onError: 'skip' });
      expect(importErrorsOf(taken).map((e) => e.slice(0, 3))).toEqual([[2, 'Organization Name', 'IMPORT_IDENTIFIER_TAKEN']]);
      // A new External ID on a row matched by name is set on it.
      expect(await run('Organization Name,External ID\nGlobex,GLX-9\n', org)).toMatchObject({ updated: 1 });
      expect((await organizations())[1]).toMatchObject({ name: 'Globex', external_id: 'GLX-9' });
    });

    it('a customer field is an unknown column in an organizations file, and a file without Organization Name has no key', async () => {
      const job = await run('Organization Name,Plan\nAcme Holdings,Gold\n', org);
      expect(importErrorsOf(job).map((e) => e.slice(0, 3))).toEqual([[1, 'Plan', 'IMPORT_UNKNOWN_COLUMN']]);
      const noKey = await run('External ID,Region\nACC-1,x\n', org);
      expect(importErrorsOf(noKey).map((e) => e.slice(0, 3))).toEqual([[1, null, 'IMPORT_MISSING_KEY_COLUMN']]);
    });
  });

  describe('customers by External ID', () => {
    beforeAll(async () => {
      expect(await run('External ID,Email,Display name\nCRM-1,one@example.com,One\nCRM-2,two@example.com,Two\n')).toMatchObject({ created: 2 });
    });

    it('a row with an External ID matches by it before its email', async () => {
      const job = await run('External ID,Email,Display name\nCRM-1,one-new@example.com,One renamed\n');
      expect(job).toMatchObject({ status: 'SUCCEEDED', updated: 1, created: 0 });
      expect(await customer('CRM-1')).toMatchObject({ email: 'one-new@example.com', display_name: 'One renamed', version: 2 });
      const history = await app.sql<any>(`SELECT attribute, from_value AS from, to_value AS to FROM changes WHERE customer_id = $1 AND attribute = 'email'`, [(await customer('CRM-1')).id]);
      expect(history).toEqual([{ attribute: 'email', from: 'one@example.com', to: 'one-new@example.com' }]);
    });

    it('an email that belongs to another customer is IMPORT_IDENTIFIER_TAKEN', async () => {
      const job = await run('External ID,Email\nCRM-1,TWO@example.com\n');
      expect(job).toMatchObject({ status: 'FAILED', failed: 1 });
      expect(importErrorsOf(job)).toEqual([[2, 'Email', 'IMPORT_IDENTIFIER_TAKEN', "Email 'TWO@example.com' already belongs to another record than the one this row matches."]]);
      expect((await customer('CRM-1')).email).toBe('one-new@example.com');
    });

    it('two rows that match one customer by different keys: the later is IMPORT_SAME_RECORD_AS_LINE', async () => {
      const job = await run('External ID,Email,Plan\nCRM-2,,Gold\n,two@example.com,Silver\n', { onError: 'skip' });
      expect(job).toMatchObject({ status: 'SUCCEEDED', updated: 1, failed: 1 });
      expect(importErrorsOf(job)).toEqual([[3, null, 'IMPORT_SAME_RECORD_AS_LINE', 'This row matches the same record as line 2: each record may appear only once in a file.']]);
      expect((await app.sql<any>(`SELECT details FROM customers WHERE external_id = 'CRM-2'`))[0].details).toEqual({ plan: 'Gold' });
    });

    it('a row matched by email gains the External ID it gives', async () => {
      await run('Email\nthree@example.com\n');
      expect(await run('Email,External ID\nthree@example.com,CRM-3\n')).toMatchObject({ updated: 1 });
      expect(await customer('CRM-3')).toMatchObject({ email: 'three@example.com' });
    });
  });

  describe('importCustomers (JSON rows)', () => {
    it('replays a call with the same Idempotency-Key: the same job, one import', async () => {
      const input = { rows: [{ Email: 'idem-json@example.com', Plan: 'Gold' }] };
      const first = await importCustomersWithKey(app, agent, 'partner-42', input);
      expect(first.status).toBe(200);
      const id = first.body.data.importCustomers.id;
      const again = await importCustomersWithKey(app, agent, 'partner-42', { rows: [{ Email: 'other@example.com' }] });
      expect(again.body.data.importCustomers.id).toBe(id);
      expect(await finishedImport(agent, id)).toMatchObject({ status: 'SUCCEEDED', created: 1 });
      expect(await app.sql(`SELECT 1 FROM customers WHERE email = 'other@example.com'`)).toEqual([]);
      expect((await importCustomersWithKey(app, agent, 'partner-42', input)).body.data.importCustomers).toMatchObject({ id, status: 'SUCCEEDED' });
      // Another key (or another viewer with this key) is another job.
      expect((await importCustomersWithKey(app, agent, 'partner-43', input)).body.data.importCustomers.id).not.toBe(id);
      expect((await importCustomersWithKey(app, admin, 'partner-42', input)).body.data.importCustomers.id).not.toBe(id);
    });

    it('refuses an Idempotency-Key longer than 200 characters, naming the header and the limit', async () => {
      const refused = await importCustomersWithKey(app, agent, 'p'.repeat(201), { rows: [{ Email: 'toolong-key@example.com' }] });
      expect(refused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key', reason: 'IDEMPOTENCY_KEY_TOO_LONG', params: { max: 200, length: 201 } });
      expect(await app.sql(`SELECT 1 FROM customers WHERE email = 'toolong-key@example.com'`)).toEqual([]);
    });

    it("takes 10,000 rows in one call (a partner tool's rows: about 3 MB of JSON), and refuses 10,001", async () => {
      const note = 'Called about the renewal; prefers email in the morning, invoices to the finance team. '.repeat(2);
      const rows = Array.from({ length: 10_000 }, (_, i) => ({ 'External ID': `JSON-${i}`, Email: `json${i}@bulk.test`, 'Display name': `Json Customer ${i}`, Plan: i % 2 ? 'Gold' : 'Silver', Note: `${i}: ${note}` }));
      expect(JSON.stringify(rows).length).toBeGreaterThan(2 * 1024 * 1024);
      const { importCustomers } = await agent.ok(IMPORT_CUSTOMERS, { input: { rows } });
      expect(await finishedImport(agent, importCustomers.id, 60)).toMatchObject({ status: 'SUCCEEDED', created: 10_000, failed: 0 });
      expect((await app.sql<any>(`SELECT count(*)::int AS n FROM customers WHERE email LIKE '%@bulk.test' AND details ? 'plan'`))[0].n).toBe(10_000);
      const refused = await agent.request(IMPORT_CUSTOMERS, { input: { rows: [...rows, { Email: 'one-more@bulk.test' }] } });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IMPORT_TOO_MANY_ROWS', params: { max: 10_000 } });
    }, 90_000);
  });
});
