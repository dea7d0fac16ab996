import { parse } from 'csv-parse/sync';
import { FieldVisibility } from '../src/modules/detail-fields/field-visibility';
import { EXPORT_PAGE_SIZE } from '../src/modules/exports/export.service';
import { billingTeam } from './support/billing-team';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';

type Client = GraphQLTestClient & { agentId: string; email: string };

/** GET an export as this client (its session cookie or bearer token), or anonymously. */
function download(app: TestApp, client: GraphQLTestClient | null, list: 'customers' | 'organizations', params: Record<string, unknown> = {}) {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const headers: Record<string, string> = {};
  if (client?.sessionCookie) headers.cookie = client.sessionCookie;
  if (client?.bearer) headers.authorization = `Bearer ${client.bearer}`;
  return fetch(`${app.baseUrl}/api/exports/${list}.csv?${search}`, { headers });
}

/** The file's rows (header first) after checking it is UTF-8 with a BOM. */
async function csvRows(res: Response): Promise<string[][]> {
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString('utf8'), { relaxColumnCount: false });
}

const ALL = `query($after: String, $query: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
  customers(first: 200, after: $after, query: $query, filter: $filter, orderBy: $orderBy) {
    pageInfo { hasNextPage endCursor } edges { node { displayName email } }
  }
}`;

/** Every customer the `customers` query lists for these arguments, in its order. */
async function listed(client: GraphQLTestClient, args: Record<string, unknown>): Promise<Array<{ displayName: string; email: string | null }>> {
  const nodes = [];
  let after: string | null = null;
  do {
    const { customers }: { customers: any } = await client.ok(ALL, { ...args, after });
    nodes.push(...customers.edges.map((e: any) => e.node));
    after = customers.pageInfo.hasNextPage ? customers.pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

/** updateCustomer at the customer's current version. */
async function edit(app: TestApp, admin: GraphQLTestClient, id: string, changes: { displayName?: string; externalId?: string }): Promise<void> {
  const [{ version }] = await app.sql<{ version: number }>(`SELECT version FROM customers WHERE id = $1`, [id]);
  await admin.ok(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`, { input: { id, expectedVersion: version, ...changes } });
}

describe('CSV exports', () => {
  let app: TestApp;
  let admin: Client;
  let billing: Client;
  let agent: Client;
  let ida: string;

  beforeAll(async () => {
    app = await startTestApp();
    const cast = await billingTeam(app);
    ({ admin, billing, agent } = cast);
    const { team, createField: create } = cast;
    await create({ label: 'Plan', type: 'SELECT', options: ['Gold', 'Silver'] });
    await create({ label: 'Score', type: 'NUMBER' });
    await create({ label: 'Since', type: 'DATE' });
    await create({ label: 'Regions', type: 'MULTI_SELECT', options: ['EMEA', 'Tokyo, Japan'] });
    await create({ label: 'Owner', type: 'USER' });
    await create({ label: 'Vip', type: 'BOOLEAN' });
    await create({ label: 'Motto', type: 'TEXT' });
    await create({ label: 'Billing secret', type: 'TEXT', view: { agents: false, teamIds: [team] }, edit: { agents: false, teamIds: [team] } });
    const retired = (await create({ label: 'Retired', type: 'TEXT' })).createDetailField.id;

    const added = await admin.ok(
      `mutation($i: AddCustomersInput!) { addCustomers(input: $i) { customers { id email } } }`,
      { i: { identifiers: 'ida@example.com, "Dubois, Pierre" <pierre@example.com>, bob@example.com, yamada@example.jp, formula@example.com', newOrganizationName: 'Acme, Inc.' } },
    );
    const id = (email: string) => added.addCustomers.customers.find((c: any) => c.email === email).id;
    ida = id('ida@example.com');
    await admin.ok(`mutation { createOrganization(name: "株式会社テスト") { id } }`);
    const set = (customerId: string, values: Record<string, unknown>) =>
      admin.ok(`mutation($i: SetDetailValuesInput!) { setDetailValues(input: $i) { __typename } }`, { i: { customerId, values: Object.entries(values).map(([fieldKey, value]) => ({ fieldKey, value })) } });
    await set(ida, { plan: 'Gold', score: -5, since: '2024-02-29', regions: ['EMEA', 'Tokyo, Japan'], owner: admin.agentId, vip: true, motto: 'He said "hi", then\nleft', billing_secret: 'owes 300' });
    await set(ida, { retired: 'old value' });
    await admin.ok(`mutation($id: ID!) { updateDetailField(input: { id: $id, archived: true }) { id } }`, { id: retired });
    await set(id('formula@example.com'), { motto: '=HYPERLINK("http://x.example","y")', score: 1234567.5 });
    await edit(app, admin, id('formula@example.com'), { displayName: '@SUM(A1)' });
    await edit(app, admin, id('yamada@example.jp'), { displayName: '山田 太郎' });
    await edit(app, admin, ida, { externalId: 'CRM-0042' });
  });
  afterAll(() => app.close());

  it('streams UTF-8 with a BOM, as an attachment named by the day, never cached', async () => {
    const res = await download(app, agent, 'customers');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const day = new Date().toISOString().slice(0, 10);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="customers-${day}.csv"; filename*=UTF-8''customers-${day}.csv`);
    const [header] = await csvRows(res);
    // The archived field and the field hidden from this agent are not columns.
    expect(header).toEqual(['Display name', 'Email', 'Username', 'External ID', 'Organization', 'Created', 'Updated', 'Plan', 'Score', 'Since', 'Regions', 'Owner', 'Vip', 'Motto']);
  });

  it('writes each value in the import format, quoting commas, quotes and line breaks, and keeps Japanese text', async () => {
    const rows = await csvRows(await download(app, billing, 'customers'));
    const header = rows[0];
    expect(header.slice(-2)).toEqual(['Motto', 'Billing secret']);
    const row = (email: string) => Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[1] === email)![i]]));
    expect(row('ida@example.com')).toEqual({
      'Display name': 'ida',
      Email: 'ida@example.com',
      Username: '',
      'External ID': 'CRM-0042',
      Organization: 'Acme, Inc.',
      Created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      Updated: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      Plan: 'Gold',
      Score: '-5',
      Since: '2024-02-29',
      Regions: 'EMEA|Tokyo, Japan',
      Owner: admin.email,
      Vip: 'true',
      Motto: 'He said "hi", then\nleft',
      'Billing secret': 'owes 300',
    });
    expect(row('pierre@example.com')['Display name']).toBe('Dubois, Pierre');
    expect(row('yamada@example.jp')['Display name']).toBe('山田 太郎');
    // The raw bytes: RFC 4180 quoting, CRLF between records.
    const text = await (await download(app, billing, 'customers')).text();
    expect(text).toContain('"He said ""hi"", then\nleft"');
    expect(text).toContain('"Acme, Inc."');
    expect(text.split('\r\n').length).toBe(rows.length + 1);
  });

  it('neutralizes text cells a spreadsheet would run as formulas, and leaves numbers alone', async () => {
    const rows = await csvRows(await download(app, agent, 'customers'));
    const row = rows.find((r) => r[1] === 'formula@example.com')!;
    expect(row[0]).toBe("'@SUM(A1)");
    expect(row[rows[0].indexOf('Motto')]).toBe(`'=HYPERLINK("http://x.example","y")`);
    expect(row[rows[0].indexOf('Score')]).toBe('1234567.5');
    expect(rows.find((r) => r[1] === 'ida@example.com')![rows[0].indexOf('Score')]).toBe('-5');
  });

  it.each([
    [{}],
    [{ query: 'example' }],
    [{ orderBy: { field: 'EMAIL', direction: 'DESC' } }],
    [{ orderBy: { field: 'DETAIL', fieldKey: 'score', direction: 'ASC' } }],
    [{ filter: { details: [{ fieldKey: 'plan', equals: 'Gold' }] } }],
    [{ query: 'acme', orderBy: { field: 'CREATED_AT', direction: 'DESC' } }],
  ])('lists the rows of the customers query for the same arguments, in its order (%j)', async (args) => {
    const expected = await listed(agent, args);
    const rows = (await csvRows(await download(app, agent, 'customers', args))).slice(1);
    expect(rows.map((r) => [r[0].replace(/^'/, ''), r[1] || null])).toEqual(expected.map((c) => [c.displayName, c.email]));
  });

  it('refuses bad arguments before any CSV, as GraphQL refuses them', async () => {
    const cases: Array<Record<string, unknown>> = [
      { orderBy: { field: 'NAME' } },
      { orderBy: { field: 'DETAIL', fieldKey: 'billing_secret', direction: 'ASC' } },
      { filter: { details: [{ fieldKey: 'plan', equals: 'Platinum' }] } },
      { filter: { details: [{ fieldKey: 'motto', contains: 'x'.repeat(201) }] } },
      { filter: { organizationId: 'nope' } },
      { query: 'q'.repeat(201) },
    ];
    for (const args of cases) {
      const graphql = await agent.request(ALL, args);
      const res = await download(app, agent, 'customers', args);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      const { message, extensions } = graphql.errors![0];
      expect(body.errors).toEqual([{ message, extensions }]);
    }
    const notJson = await download(app, agent, 'customers', { filter: '{"details": [' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      errors: [{ message: 'The argument filter is not valid JSON.', extensions: { code: 'BAD_USER_INPUT', reason: 'ARGUMENT_NOT_JSON', params: { argument: 'filter' }, field: 'filter' } }],
    });
  });

  it('reads text arguments in NFC, like GraphQL arguments', async () => {
    // Typed in decomposed form, the search still finds the names stored in NFC.
    const decomposed = '山田 太郎'.normalize('NFD');
    const rows = (await csvRows(await download(app, agent, 'customers', { query: decomposed }))).slice(1);
    expect(rows.map((r) => r[0])).toEqual(['山田 太郎']);
    const accented = 'Ame\u0301lie';
    const added = await admin.ok(`mutation { addCustomers(input: { identifiers: "amelie@example.com" }) { customers { id } } }`);
    await edit(app, admin, added.addCustomers.customers[0].id, { displayName: 'Amélie' });
    const found = (await csvRows(await download(app, agent, 'customers', { filter: { details: [] }, query: accented }))).slice(1);
    expect(found.map((r) => r[0])).toEqual(['Amélie']);
  });

  it('answers 401 without a session or token, and accepts either', async () => {
    const anonymous = await download(app, null, 'customers');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_FIRST', params: {} } }] });
    expect((await download(app, null, 'organizations')).status).toBe(401);
    const { token } = (await agent.ok(`mutation { createApiToken(input: { name: "export", role: AGENT }) { token } }`)).createApiToken;
    const partner = app.client();
    partner.bearer = token;
    expect((await csvRows(await download(app, partner, 'customers')))[0]).toContain('Motto');
  });

  it('shows a restricted field to the viewers it admits only', async () => {
    const forAgent = await csvRows(await download(app, agent, 'customers'));
    expect(forAgent[0]).not.toContain('Billing secret');
    expect(JSON.stringify(forAgent)).not.toContain('owes 300');
    const forBilling = await csvRows(await download(app, billing, 'customers'));
    expect(forBilling[0]).toContain('Billing secret');
    expect(JSON.stringify(forBilling)).toContain('owes 300');
  });

  it('exports organizations with their member counts and visible detail fields, by name', async () => {
    await admin.ok(`mutation { createDetailField(input: { scope: ORGANIZATION, label: "Region", type: TEXT }) { key } }`);
    const acme = (await admin.ok(`{ organizations(query: "acme") { edges { node { id } } } }`)).organizations.edges[0].node.id;
    await admin.ok(`mutation($id: ID!) { updateOrganization(input: { id: $id, expectedVersion: 1, externalId: "ACC-7" }) { id } }`, { id: acme });
    await admin.ok(`mutation($id: ID!) { setDetailValues(input: { organizationId: $id, values: [{ fieldKey: "region", value: "-EMEA" }] }) { __typename } }`, { id: acme });
    const res = await download(app, agent, 'organizations');
    expect(res.headers.get('content-disposition')).toMatch(/filename="organizations-\d{4}-\d\d-\d\d\.csv"/);
    const rows = await csvRows(res);
    expect(rows[0]).toEqual(['Organization Name', 'External ID', 'Created', 'Updated', 'Members', 'Region']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
      ['Acme, Inc.', 'ACC-7', '5', "'-EMEA"],
      ['株式会社テスト', '', '0', ''],
    ]);
    const searched = await csvRows(await download(app, agent, 'organizations', { query: 'テスト' }));
    expect(searched.slice(1).map((r) => r[0])).toEqual(['株式会社テスト']);
    // Nothing matches: the file still has its header.
    expect(await csvRows(await download(app, agent, 'organizations', { query: 'no such organization' }))).toEqual([rows[0]]);
    expect((await download(app, agent, 'organizations', { query: 'q'.repeat(201) })).status).toBe(400);
  });

  it('streams a long list page by page, with the same statements for every page', async () => {
    const total = 100_000;
    await app.sql(
      `INSERT INTO customers (email, display_name, details)
       SELECT 'bulk' || i || '@bulk.test', 'Bulk ' || lpad(((i * 7919) % $1)::text, 6, '0'), jsonb_build_object('score', i)
         FROM generate_series(1, $1) i`,
      [total],
    );
    const viewer = (await app.services.auth.viewerForSession(agent.sessionCookie!.split('=')[1]))!;
    const chunks = app.services.exports.customersCsv({ query: null, filter: null, orderBy: null }, new FieldVisibility(app.db, viewer));
    // A counting sink: it keeps the number of rows per chunk and the statements each chunk cost, never the text.
    const rowsPerChunk: number[] = [];
    const statementsPerChunk: number[] = [];
    let names = 0;
    let previous = '';
    let ordered = true;
    for (;;) {
      const before = app.statements.count;
      const step = await chunks.next();
      if (step.done) break;
      statementsPerChunk.push(app.statements.count - before);
      const lines = step.value.split('\r\n').filter(Boolean);
      rowsPerChunk.push(lines.length);
      for (const line of lines) {
        if (!line.startsWith('Bulk ')) continue;
        names += 1;
        ordered &&= line > previous;
        previous = line;
      }
    }
    expect(names).toBe(total);
    expect(ordered).toBe(true);
    expect(rowsPerChunk.length).toBeGreaterThan(total / EXPORT_PAGE_SIZE);
    // The header comes with the first page; every page holds at most a page of rows.
    expect(rowsPerChunk[0]).toBe(EXPORT_PAGE_SIZE + 1);
    expect(Math.max(...rowsPerChunk.slice(1))).toBeLessThanOrEqual(EXPORT_PAGE_SIZE);
    // Page (with its visible values) and organizations; a third for the one page whose rows hold USER values (ida's);
    // the first chunk also read the field definitions.
    expect(statementsPerChunk.slice(1).filter((n) => n !== 2)).toEqual([3]);

    // A client that goes away stops the reading: no more pages are read once the download is cancelled.
    const cancel = new AbortController();
    const res = await fetch(`${app.baseUrl}/api/exports/customers.csv`, { headers: { cookie: agent.sessionCookie! }, signal: cancel.signal });
    const reader = res.body!.getReader();
    await reader.read();
    cancel.abort();
    const settled = async () => {
      let seen = -1;
      while (seen !== app.statements.count) {
        seen = app.statements.count;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return seen;
    };
    const before = app.statements.count;
    const afterCancel = (await settled()) - before;
    // Without the stop it would read all 100 pages (200 statements); a few pages may be read before the server notices.
    expect(afterCancel).toBeLessThan(20);
    expect((await download(app, agent, 'organizations')).status).toBe(200);
  }, 120_000);
});
