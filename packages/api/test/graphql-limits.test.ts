import 'reflect-metadata';
import { Role } from '../src/graphql/enums';
import { MAX_PAGE_SIZE } from '../src/common/connection';
import { operationLimits } from '../src/graphql/limits';
import type { GraphQLResponse } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';

/** The web app's customer list query (CustomerListQuery.ts with the CustomersTable_customer fragment). */
const WEB_CUSTOMER_LIST = `
  query CustomerList($first: Int!, $after: String, $query: String) {
    customers(first: $first, after: $after, query: $query) {
      totalCount totalCountIsExact
      pageInfo { hasNextPage endCursor }
      edges { node { id ...CustomersTable_customer } }
    }
  }
  fragment CustomersTable_customer on Customer {
    id displayName email username createdAt updatedAt organizations { id name } detailsByKey
  }`;

/** A limit refusal: 400 before anything runs, the limit named (never "Syntax Error"), a stable code and reason. */
function expectRefused(res: GraphQLResponse, reason: string, limit: number) {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  const error = res.errors?.[0];
  expect(error?.message).not.toMatch(/syntax error/i);
  expect(error?.message).toContain(limit.toLocaleString('en-US'));
  expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason, limit, params: { limit } });
  // The same counts as the problem's params, which the web app translates.
  expect(error?.extensions?.params).toEqual(error?.extensions?.found === undefined ? { limit } : { limit, found: error?.extensions?.found });
  return error!;
}

describe('operation limits and error masking', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('rejects a too-deep query before running it', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    let selection = 'id';
    for (let i = 0; i < operationLimits.maxDepth; i += 1) selection = i % 2 ? `teams { ${selection} }` : `members { ${selection} }`;
    const res = await admin.request(`{ teams { ${selection} } }`);
    const error = expectRefused(res, 'QUERY_TOO_DEEP', operationLimits.maxDepth);
    expect(error.message).toMatch(/too deep/i);
    // teams, the nested levels, then the leaf id.
    expect(error.extensions?.found).toBe(operationLimits.maxDepth + 2);
  });

  it('rejects a too-costly query (wide and nested) before running it', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    // Within the depth and alias limits, but 28 deep trees multiply to well over the cost limit.
    const deep = 'teams { members { teams { members { teams { members { teams { members { id email displayName role active createdAt } } } } } } } }';
    const wide = Array.from({ length: 28 }, (_, i) => `a${i}: ${deep}`).join(' ');
    const res = await admin.request(`{ ${wide} }`);
    const error = expectRefused(res, 'QUERY_TOO_COSTLY', operationLimits.maxCost);
    expect(error.message).toMatch(/too costly/i);
    expect(error.extensions?.found).toBeGreaterThan(operationLimits.maxCost);
  });

  it('accepts the list page\'s own selection at every documented page size', async () => {
    const agent = await app.signedIn(Role.AGENT);
    // Issue 10, fault 7: at first: 200 this was refused as "Query Cost limit of 5000 exceeded, found 5350".
    const issue = await agent.request(
      `{ customers(first: ${MAX_PAGE_SIZE}, query: "x") { totalCount totalCountIsExact pageInfo { hasNextPage endCursor } edges { node { id displayName } } } }`,
    );
    expect(issue.errors).toBeUndefined();
    expect(issue.data?.customers.totalCountIsExact).toBe(true);
    for (const first of [1, 50, 150, 199, MAX_PAGE_SIZE]) {
      const res = await agent.request(WEB_CUSTOMER_LIST, { first, query: 'x' });
      expect({ first, errors: res.errors }).toEqual({ first, errors: undefined });
    }
    // A partner tool syncing every customer field, detail values with their definitions included.
    const sync = await agent.request(`query($first: Int!) { customers(first: $first) { pageInfo { hasNextPage endCursor } edges { node {
      id displayName email username version createdAt updatedAt detailsByKey organizations { id name }
      details { field { id key label type options } value displayValue } } } } }`, { first: MAX_PAGE_SIZE });
    expect(sync.errors).toBeUndefined();
  });

  it('counts a page size given in a variable, so a nested page of pages is refused as too costly', async () => {
    const agent = await app.signedIn(Role.AGENT);
    const nested = `query($n: Int!) { customers(first: $n) { edges { node { organizations { customers(first: $n) { edges { node { id } } } } } } } }`;
    const error = expectRefused(await agent.request(nested, { n: MAX_PAGE_SIZE }), 'QUERY_TOO_COSTLY', operationLimits.maxCost);
    expect(error.message).toMatch(new RegExp(`too costly.*${operationLimits.maxCost.toLocaleString('en-US')}.*${error.extensions?.found.toLocaleString('en-US')}`, 'i'));
    // A negative page size is refused when it runs, but must not buy budget for its siblings first.
    const negative = `{ a: customers(first: -1000000) { edges { node { id } } } b: customers(first: 200) { edges { node {
      organizations { customers(first: 200) { edges { node { id } } } } } } } }`;
    expectRefused(await agent.request(negative), 'QUERY_TOO_COSTLY', operationLimits.maxCost);
  });

  it('rejects too many aliases', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const aliases = Array.from({ length: operationLimits.maxAliases + 1 }, (_, i) => `v${i}: viewer { id }`).join(' ');
    const error = expectRefused(await admin.request(`{ ${aliases} }`), 'TOO_MANY_ALIASES', operationLimits.maxAliases);
    expect(error.extensions?.found).toBe(operationLimits.maxAliases + 1);
  });

  it('rejects too many directives', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const directives = Array.from({ length: operationLimits.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const error = expectRefused(await admin.request(`{ viewer ${directives} { id } }`), 'TOO_MANY_DIRECTIVES', operationLimits.maxDirectives);
    expect(error.extensions?.found).toBe(operationLimits.maxDirectives + 1);
  });

  it('rejects a document with too many tokens with a 400 naming the limit', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const fields = Array.from({ length: operationLimits.maxTokens }, () => 'id').join(' ');
    expectRefused(await admin.request(`{ viewer { ${fields} } }`), 'TOO_MANY_TOKENS', operationLimits.maxTokens);
  });

  it('suggests field names to signed-in callers only', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const typo = `{ viewr { id } }`;
    expect((await admin.request(typo)).errors?.[0].message).toMatch(/Did you mean "viewer"/);
    const anonymous = (await app.client().request(typo)).errors?.[0].message;
    expect(anonymous).toBe('Cannot query field "viewr" on type "Query".');
  });

  it('masks unexpected errors: a request id, no internals, and the same id in the header', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    // Break the database under the running app, as a failed deploy or outage would.
    await app.sql(`ALTER TABLE teams RENAME TO teams_gone`);
    try {
      const res = await admin.request(`{ teams { id } }`);
      const error = res.errors?.[0];
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.extensions?.requestId).toBe(res.headers.get('x-request-id'));
      expect(error?.message).toBe(`Something went wrong on our side (request id ${error?.extensions?.requestId})`);
      expect(JSON.stringify(res)).not.toMatch(/relation|teams_gone|SELECT|stack/i);
    } finally {
      await app.sql(`ALTER TABLE teams_gone RENAME TO teams`);
    }
  });
});
