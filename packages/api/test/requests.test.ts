import { Role } from '../src/graphql/enums';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';

const REQUEST_FIELDS = `id key summary description status priority externalUrl version createdAt updatedAt reporter { id } organization { id name }`;
const CREATE = `mutation($input: CreateRequestInput!) { createRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateRequestInput!) { updateRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const LIST_FIELDS = `totalCount countsByStatus { status count } pageInfo { hasNextPage endCursor } edges { cursor node { id key status createdAt } }`;
const CUSTOMER_REQUESTS = `query($id: ID!, $first: Int, $after: String, $status: [RequestStatus!]) {
  customer(id: $id) { requests(first: $first, after: $after, status: $status) { ${LIST_FIELDS} } }
}`;
const ORGANIZATION_REQUESTS = `query($id: ID!, $first: Int, $after: String, $status: [RequestStatus!]) {
  organization(id: $id) { requests(first: $first, after: $after, status: $status) { ${LIST_FIELDS} } }
}`;
const STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'RESOLVED', 'CLOSED'];

interface Refusal {
  code: string;
  reason: string;
  params: Record<string, unknown>;
  field?: string;
}

describe('requests: filed and updated by partner tools, listed per customer and organization', () => {
  let app: TestApp;
  let agent: GraphQLTestClient;
  let customerId: string;
  let organizationId: string;
  let otherOrganizationId: string;

  const insertCustomer = async (email: string, organization?: string): Promise<string> => {
    const [{ id }] = await app.sql<{ id: string }>(`INSERT INTO customers (email, display_name) VALUES ($1::text, $1::text) RETURNING id`, [email]);
    if (organization) await app.sql(`INSERT INTO customer_organizations (customer_id, organization_id) VALUES ($1, $2)`, [id, organization]);
    return id;
  };
  /** Requests straight into the table, `count` of them an hour apart, statuses in turn; some share a creation time (ties fall to the id). */
  const insertRequests = (reporterId: string, count: number, prefix: string) =>
    app.sql(
      `INSERT INTO requests (summary, status, reporter_id, created_at)
       SELECT $2 || ' ' || i, ($3::text[])[1 + (i * 7) % 5]::request_status, $1, timestamptz '2026-01-01' - ((i / 3) * interval '1 hour')
         FROM generate_series(1, $4) i`,
      [reporterId, prefix, STATUSES, count],
    );
  const refusal = async (query: string, input: Record<string, unknown>): Promise<Refusal> => {
    const { errors } = await agent.request(query, { input });
    const { code, reason, params, field } = errors?.[0]?.extensions ?? {};
    return { code, reason, params, ...(field ? { field } : {}) };
  };
  const requestCount = async () => (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM requests`))[0].n;

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.signedIn(Role.AGENT);
    [{ id: organizationId }, { id: otherOrganizationId }] = await app.sql<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Acme Requests'), ('Other Org') RETURNING id`);
    customerId = await insertCustomer('reporter@requests.test', organizationId);
  });
  afterAll(() => app.close());

  it('files a request for a partner tool (any signed-in agent; nobody unsigned) and answers it whole', async () => {
    const input = {
      customerId,
      organizationId,
      summary: '  Cannot\r\nsign in  ',
      description: 'Steps:\r\n1. open\n2. fail',
      priority: ' High ',
      externalUrl: 'https://partner.example/tickets/42?x=1',
    };
    const { createRequest } = await agent.ok(CREATE, { input });
    expect(createRequest).toMatchObject({
      key: expect.stringMatching(/^SUP-\d+$/),
      summary: 'Cannot sign in',
      description: 'Steps:\n1. open\n2. fail',
      status: 'OPEN',
      priority: 'High',
      externalUrl: 'https://partner.example/tickets/42?x=1',
      version: 1,
      reporter: { id: customerId },
      organization: { id: organizationId, name: 'Acme Requests' },
    });
    const admin = await app.signedIn(Role.ADMIN);
    expect((await admin.ok(CREATE, { input: { customerId, summary: 'By an admin', status: 'RESOLVED' } })).createRequest).toMatchObject({ status: 'RESOLVED', organization: null, priority: null });
    expect(await app.client().errorCode(CREATE, { input: { customerId, summary: 'Anonymous' } })).toBe('UNAUTHENTICATED');
  });

  it('refuses unknown ids, a foreign organization and bad texts with a reason each, writing nothing', async () => {
    const before = await requestCount();
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await refusal(CREATE, { customerId: missing, summary: 'x' })).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_FOUND', params: { entity: 'CUSTOMER', id: `'${missing}'` }, field: 'customerId' });
    expect(await refusal(CREATE, { customerId: 'not-an-id', summary: 'x' })).toMatchObject({ reason: 'NOT_FOUND', field: 'customerId' });
    expect(await refusal(CREATE, { customerId, organizationId: missing, summary: 'x' })).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_FOUND',
      params: { entity: 'ORGANIZATION', id: `'${missing}'` },
      field: 'organizationId',
    });
    const foreign = await agent.request(CREATE, { input: { customerId, organizationId: otherOrganizationId, summary: 'x' } });
    expect(foreign.errors?.[0]).toMatchObject({
      message: "The reporter is not a member of 'Other Org': a request can be filed only under one of its reporter's organizations",
      extensions: { code: 'BAD_USER_INPUT', reason: 'REPORTER_NOT_IN_ORGANIZATION', params: { organization: "'Other Org'" }, field: 'organizationId' },
    });
    expect(await refusal(CREATE, { customerId, summary: 'x'.repeat(201) })).toEqual({ code: 'BAD_USER_INPUT', reason: 'FIELD_TOO_LONG', params: { field: 'summary', max: 200 }, field: 'summary' });
    expect(await refusal(CREATE, { customerId, summary: ' \n ' })).toEqual({ code: 'BAD_USER_INPUT', reason: 'FIELD_LENGTH', params: { field: 'summary', min: 1, max: 200 }, field: 'summary' });
    expect(await refusal(CREATE, { customerId, summary: 'bell\u0007' })).toMatchObject({ reason: 'INVALID_FIELD_VALUE', params: { field: 'summary', problem: { reason: 'CONTROL_CHARACTERS' } } });
    expect(await refusal(CREATE, { customerId, summary: 'x', priority: 'p'.repeat(51) })).toMatchObject({ reason: 'FIELD_TOO_LONG', params: { field: 'priority', max: 50 } });
    expect(await refusal(CREATE, { customerId, summary: 'x', description: 'd'.repeat(10_001) })).toMatchObject({
      reason: 'INVALID_FIELD_VALUE',
      params: { field: 'description', problem: { reason: 'TOO_LONG', params: { max: 10_000 } } },
      field: 'description',
    });
    for (const url of ['javascript:alert(1)', 'ftp://partner.example/1', 'https:partner.example', 'partner.example/1']) {
      const bad = await agent.request(CREATE, { input: { customerId, summary: 'x', externalUrl: url } });
      expect(bad.errors?.[0]).toMatchObject({
        message: `externalUrl: '${url}' must be a link starting with http:// or https://`,
        extensions: { reason: 'INVALID_FIELD_VALUE', params: { field: 'externalUrl', value: `'${url}'`, problem: { reason: 'NOT_HTTP_URL' } }, field: 'externalUrl' },
      });
    }
    expect(await refusal(CREATE, { customerId, summary: 'x', externalUrl: 'https://partner.example/a b' })).toMatchObject({ params: { problem: { reason: 'URL_SPACES' } } });
    expect(await requestCount()).toBe(before);
  });

  it('updates with expectedVersion: a stale version is CONFLICT and changes nothing; empty text clears', async () => {
    const { createRequest: filed } = await agent.ok(CREATE, { input: { customerId, summary: 'Printer on fire', priority: 'Low', externalUrl: 'https://partner.example/7' } });
    const { updateRequest: updated } = await agent.ok(UPDATE, { input: { id: filed.id, expectedVersion: 1, status: 'IN_PROGRESS', priority: 'Urgent', summary: 'Printer still on fire' } });
    expect(updated).toMatchObject({ key: filed.key, status: 'IN_PROGRESS', priority: 'Urgent', summary: 'Printer still on fire', version: 2, externalUrl: 'https://partner.example/7' });
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(filed.updatedAt).getTime());

    const stale = await agent.request(UPDATE, { input: { id: filed.id, expectedVersion: 1, status: 'CLOSED' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', params: { entity: 'REQUEST', current: 2, expected: 1 }, currentVersion: 2 });
    expect(stale.errors?.[0].message).toBe('This request was changed by someone else (now version 2, you edited version 1). Reload and try again.');
    expect((await app.sql(`SELECT status::text, version FROM requests WHERE id = $1`, [filed.id]))[0]).toEqual({ status: 'IN_PROGRESS', version: 2 });

    const { updateRequest: cleared } = await agent.ok(UPDATE, { input: { id: filed.id, expectedVersion: 2, priority: '', externalUrl: '' } });
    expect(cleared).toMatchObject({ priority: null, externalUrl: null, status: 'IN_PROGRESS', version: 3 });
    expect(await refusal(UPDATE, { id: filed.id, expectedVersion: 3, summary: '' })).toMatchObject({ reason: 'FIELD_LENGTH', field: 'summary' });
    expect(await refusal(UPDATE, { id: filed.id, expectedVersion: 3, externalUrl: 'mailto:x@y.z' })).toMatchObject({ reason: 'INVALID_FIELD_VALUE', field: 'externalUrl' });
    expect(await refusal(UPDATE, { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, status: 'CLOSED' })).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'REQUEST' } });
  });

  it('keys come from a sequence: SUP-n one after another, unique under concurrent filing', async () => {
    const numbers: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const { createRequest } = await agent.ok(CREATE, { input: { customerId, summary: `Sequential ${i}` } });
      numbers.push(Number(createRequest.key.slice('SUP-'.length)));
    }
    expect(numbers.slice(1).map((n, i) => n - numbers[i])).toEqual([1, 1, 1]);
    const together = await Promise.all(Array.from({ length: 20 }, (_, i) => agent.ok(CREATE, { input: { customerId, summary: `Together ${i}` } })));
    const keys = together.map((r) => r.createRequest.key as string);
    expect(new Set(keys).size).toBe(20);
    expect(keys.every((key) => Number(key.slice(4)) > numbers[3])).toBe(true);
  });

  /** Walks every page and checks each row comes once, in the order PostgreSQL gives for the same list. */
  async function walk(query: string, id: string, status: string[] | null, expectedIds: string[]) {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const data: any = await agent.ok(query, { id, first: 7, after, status });
      const list = (data.customer ?? data.organization).requests;
      expect(list.totalCount).toBe(expectedIds.length);
      seen.push(...list.edges.map((edge: any) => edge.node.id));
      if (status) expect(list.edges.every((edge: any) => status.includes(edge.node.status))).toBe(true);
      after = list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(seen).toEqual(expectedIds);
    expect(pages).toBe(Math.max(1, Math.ceil(expectedIds.length / 7)));
  }

  it("walks a customer's requests newest first with a status filter: every row once; counts per status ignore the filter", async () => {
    const reporter = await insertCustomer('walker@requests.test');
    await insertRequests(reporter, 40, 'Walk');
    for (const status of [null, ['OPEN', 'WAITING_FOR_CUSTOMER'], ['CLOSED']]) {
      const expected = await app.sql<{ id: string }>(
        `SELECT id FROM requests WHERE reporter_id = $1 AND ($2::request_status[] IS NULL OR status = ANY($2)) ORDER BY created_at DESC, id DESC`,
        [reporter, status],
      );
      await walk(CUSTOMER_REQUESTS, reporter, status, expected.map((r) => r.id));
    }
    const counts = await app.sql<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM requests WHERE reporter_id = $1 GROUP BY 1`, [reporter]);
    const { customer } = await agent.ok(CUSTOMER_REQUESTS, { id: reporter, first: 1, status: ['CLOSED'] });
    expect(customer.requests.countsByStatus).toEqual(STATUSES.map((status) => ({ status, count: counts.find((c) => c.status === status)?.n ?? 0 })));
    expect(customer.requests.countsByStatus.reduce((sum: number, c: any) => sum + c.count, 0)).toBe(40);
    // No requests: every status, zero each.
    const quiet = await insertCustomer('quiet@requests.test');
    expect((await agent.ok(CUSTOMER_REQUESTS, { id: quiet })).customer.requests).toMatchObject({ totalCount: 0, edges: [], countsByStatus: STATUSES.map((status) => ({ status, count: 0 })) });
    expect(await agent.request(CUSTOMER_REQUESTS, { id: reporter, after: 'bm9wZQ' }).then((r) => r.errors?.[0].extensions?.reason)).toBe('BAD_CURSOR');
  });

  it("lists an organization's requests as those of whoever is a member now", async () => {
    const [{ id: org }] = await app.sql<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Members Org') RETURNING id`);
    const members = [await insertCustomer('m1@requests.test', org), await insertCustomer('m2@requests.test', org)];
    const leaver = await insertCustomer('leaver@requests.test', org);
    const outsider = await insertCustomer('outsider@requests.test');
    for (const [i, reporter] of [...members, leaver, outsider].entries()) await insertRequests(reporter, 9 + i, `Org ${i}`);
    await app.sql(`DELETE FROM customer_organizations WHERE customer_id = $1`, [leaver]);
    const expected = await app.sql<{ id: string }>(`SELECT id FROM requests WHERE reporter_id = ANY($1::uuid[]) ORDER BY created_at DESC, id DESC`, [members]);
    expect(expected).toHaveLength(19);
    await walk(ORGANIZATION_REQUESTS, org, null, expected.map((r) => r.id));
    const resolved = await app.sql<{ id: string }>(`SELECT id FROM requests WHERE reporter_id = ANY($1::uuid[]) AND status = 'RESOLVED' ORDER BY created_at DESC, id DESC`, [members]);
    await walk(ORGANIZATION_REQUESTS, org, ['RESOLVED'], resolved.map((r) => r.id));
    const { organization } = await agent.ok(ORGANIZATION_REQUESTS, { id: org, first: 0 });
    expect(organization.requests.countsByStatus.reduce((sum: number, c: any) => sum + c.count, 0)).toBe(19);
  });

  it('answers 10 or 50 customers with their requests, and 5 or 20 organizations with theirs, in the same statements (no N+1)', async () => {
    const [{ id: org }] = await app.sql<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Statement Requests') RETURNING id`);
    for (let i = 0; i < 50; i += 1) await insertRequests(await insertCustomer(`stmt${String(i).padStart(2, '0')}@requests.test`, org), 4, `Stmt ${i}`);
    await app.sql(`INSERT INTO organizations (name) SELECT 'Stmt org ' || i FROM generate_series(1, 20) i`);
    await app.sql(
      `INSERT INTO customer_organizations (customer_id, organization_id)
       SELECT c.id, o.id FROM customers c JOIN organizations o ON o.name LIKE 'Stmt org %' WHERE c.email LIKE 'stmt0%'`,
    );
    const customers = `query($first: Int) { customers(first: $first, query: "@requests.test", filter: { organizationId: "${org}" }) { edges { node { id
      requests(first: 3) { totalCount countsByStatus { status count } pageInfo { hasNextPage } edges { node { key summary reporter { displayName } organization { name } } } }
      open: requests(first: 2, status: [OPEN]) { totalCount edges { node { key } } } } } } }`;
    const organizations = `query($first: Int) { organizations(first: $first, query: "Stmt org") { edges { node { id
      requests(first: 3) { totalCount countsByStatus { status count } edges { node { key reporter { id } } } } } } } }`;
    const statements = async (query: string, first: number) => {
      const start = app.statements.count;
      const data = await agent.ok(query, { first });
      const nodes = (data.customers ?? data.organizations).edges.map((edge: any) => edge.node);
      expect(nodes).toHaveLength(first);
      expect(nodes.every((node: any) => node.requests.edges.length === 3)).toBe(true);
      return app.statements.count - start;
    };
    await statements(customers, 10);
    const ten = await statements(customers, 10);
    expect(await statements(customers, 50)).toBe(ten);
    // Warm: the session and the field definitions come from the process's caches (cache-invalidation.test.ts). The search's size probe, page, one per distinct page arguments (2), counts, reporters.
    expect(ten).toBe(6);
    const five = await statements(organizations, 5);
    expect(await statements(organizations, 20)).toBe(five);
    // Page, requests, counts, reporters.
    expect(five).toBe(4);
  });
});
