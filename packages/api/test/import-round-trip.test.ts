import { Role } from '../src/graphql/enums';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';
import { importErrorsOf, runImport } from './support/import-client';

type Client = GraphQLTestClient & { agentId: string; email: string };

/** The export as the client downloads it: the file's bytes, as is. */
async function exported(app: TestApp, client: GraphQLTestClient, list: 'customers' | 'organizations'): Promise<Buffer> {
  const res = await fetch(`${app.baseUrl}/api/exports/${list}.csv`, { headers: { cookie: client.sessionCookie! } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * Export then import (the contract: "the export re-imports to an unchanged
 * result"): every field type, organizations, external ids, Japanese and
 * formula-like text; every row `unchanged`, and nothing in the database
 * changed (values, versions, memberships, history).
 */
describe('export → import round trip', () => {
  let app: TestApp;
  let admin: Client;

  /** Everything an import could change, as text. */
  const state = async () =>
    JSON.stringify([
      await app.sql(`SELECT id, email::text, username::text, display_name, external_id, details, version, updated_at FROM customers ORDER BY id`),
      await app.sql(`SELECT id, name::text, external_id, details, version, updated_at FROM organizations ORDER BY id`),
      await app.sql(`SELECT customer_id, organization_id FROM customer_organizations ORDER BY 1, 2`),
      await app.sql(`SELECT count(*)::int AS n FROM changes`),
    ]);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.signedIn(Role.ADMIN);
    const create = async (input: Record<string, unknown>) =>
      (await admin.ok(`mutation($i: CreateDetailFieldInput!) { createDetailField(input: $i) { key } }`, { i: { scope: 'CUSTOMER', ...input } })).createDetailField.key;
    await create({ label: 'Motto', type: 'TEXT' });
    await create({ label: 'Score', type: 'NUMBER' });
    await create({ label: 'Since', type: 'DATE' });
    await create({ label: 'Plan', type: 'SELECT', options: ['Gold', 'Silver', '=Platinum'] });
    await create({ label: 'Regions', type: 'MULTI_SELECT', options: ['EMEA', 'Tokyo, Japan', '東京'] });
    await create({ label: 'Contact', type: 'EMAIL' });
    await create({ label: 'Site', type: 'URL' });
    await create({ label: 'Phone', type: 'PHONE' });
    await create({ label: 'Vip', type: 'BOOLEAN' });
    await create({ label: 'Owner', type: 'USER' });
    await create({ scope: 'ORGANIZATION', label: 'Region', type: 'TEXT' });

    const added = await admin.ok(`mutation($i: AddCustomersInput!) { addCustomers(input: $i) { customers { id email } } }`, {
      i: { identifiers: 'ida@example.com, "Dubois, Pierre" <pierre@example.com>, yamada@example.jp, formula@example.com, bare@example.com', newOrganizationName: 'Acme, Inc.' },
    });
    const id = (email: string) => added.addCustomers.customers.find((c: any) => c.email === email).id;
    const org = (await admin.ok(`mutation { createOrganization(name: "株式会社テスト") { id } }`)).createOrganization.id;
    await admin.ok(`mutation($c: ID!, $o: ID!) { addCustomersToOrganization(organizationId: $o, customerIds: [$c]) { id } }`, { c: id('yamada@example.jp'), o: org });
    const set = (customerId: string, values: Record<string, unknown>) =>
      admin.ok(`mutation($i: SetDetailValuesInput!) { setDetailValues(input: $i) { __typename } }`, { i: { customerId, values: Object.entries(values).map(([fieldKey, value]) => ({ fieldKey, value })) } });
    await set(id('ida@example.com'), {
      motto: 'He said "hi", then\nleft',
      score: -5.25,
      since: '2024-02-29',
      plan: 'Gold',
      regions: ['EMEA', 'Tokyo, Japan'],
      contact: 'ida.work@example.com',
      site: 'https://ida.example/profile?a=1,2',
      phone: '0012 345 678',
      vip: true,
      owner: admin.agentId,
    });
    await set(id('yamada@example.jp'), { motto: '日本語のメモ、カンマ,あり', regions: ['東京'], vip: false, score: 1234567.5 });
    await set(id('formula@example.com'), { motto: '=HYPERLINK("http://x.example","y")', plan: '=Platinum', phone: '+81 3-1234-5678' });
    const edit = async (customerId: string, changes: Record<string, string>) => {
      const [{ version }] = await app.sql<{ version: number }>(`SELECT version FROM customers WHERE id = $1`, [customerId]);
      await admin.ok(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`, { input: { id: customerId, expectedVersion: version, ...changes } });
    };
    await edit(id('formula@example.com'), { displayName: '@SUM(A1)', externalId: '-CRM-9' });
    await edit(id('yamada@example.jp'), { displayName: '山田 太郎', externalId: 'ヤマダ-1' });
    await edit(id('ida@example.com'), { externalId: 'CRM-0042' });
    const acme = (await admin.ok(`{ organizations(query: "acme") { edges { node { id } } } }`)).organizations.edges[0].node.id;
    await admin.ok(`mutation($id: ID!) { updateOrganization(input: { id: $id, expectedVersion: 1, externalId: "ACC-7" }) { id } }`, { id: acme });
    await admin.ok(`mutation($id: ID!) { setDetailValues(input: { organizationId: $id, values: [{ fieldKey: "region", value: "-EMEA" }] }) { __typename } }`, { id: acme });
  });
  afterAll(() => app.close());

  it('customers: every row unchanged, nothing in the database changed', async () => {
    const file = await exported(app, admin, 'customers');
    const before = await state();
    const job = await runImport(app.baseUrl, admin, file);
    expect(importErrorsOf(job)).toEqual([]);
    expect(job).toMatchObject({ status: 'SUCCEEDED', totalRows: 5, created: 0, updated: 0, unchanged: 5, failed: 0 });
    expect(await state()).toBe(before);
  });

  it('reads an agent (USER) cell as the email the export writes, or the id; any other value is no agent', async () => {
    const job = await runImport(app.baseUrl, admin, `Email,Owner\nbare@example.com,${admin.email.toUpperCase()}\npierre@example.com,nobody@example.com\n`, { onError: 'skip' });
    expect(job).toMatchObject({ updated: 1, failed: 1 });
    expect(importErrorsOf(job)).toEqual([[3, null, 'INVALID_DETAIL_VALUE', "Owner: 'nobody@example.com' is not an agent of this help desk"]]);
    expect((await app.sql<any>(`SELECT details->>'owner' AS owner FROM customers WHERE email = 'bare@example.com'`))[0].owner).toBe(admin.agentId);
  });

  it('organizations: every row unchanged, nothing in the database changed', async () => {
    const file = await exported(app, admin, 'organizations');
    const before = await state();
    const job = await runImport(app.baseUrl, admin, file, { kind: 'organizations' });
    expect(importErrorsOf(job)).toEqual([]);
    expect(job).toMatchObject({ status: 'SUCCEEDED', totalRows: 2, created: 0, updated: 0, unchanged: 2, failed: 0 });
    expect(await state()).toBe(before);
  });
});
