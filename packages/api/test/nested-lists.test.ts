import { Role } from '../src/graphql/enums';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';

const ORGANIZATIONS = `query($first: Int) { organizations(first: $first, query: "Nested org") { edges { node { id
  customers(first: 5) { totalCount edges { node { id displayName } } } customerCount } } } }`;

const CUSTOMERS = `query($first: Int) { customers(first: $first, query: "@nested.test") { edges { node { id
  requests(first: 3) { edges { node { key } } }
  notes(first: 1) { edges { node { body } } }
  organizations { name }
  detailsByKey } } } }`;

const MEMBER_PAGE = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }`;

describe('nested lists are batched across parents (no N+1)', () => {
  let app: TestApp;
  let agent: GraphQLTestClient & { agentId: string };

  /** Statements one operation costs, after checking its answer. */
  const statements = async (query: string, first: number, check: (data: any) => void): Promise<number> => {
    const start = app.statements.count;
    check(await agent.ok(query, { first }));
    return app.statements.count - start;
  };

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.signedIn(Role.AGENT);
    // 60 customers; customer n belongs to organizations n and n - 1 (mod 20), so each organization has 6 members and memberships overlap.
    await app.sql(`INSERT INTO customers (email, display_name) SELECT 'c' || lpad(i::text, 2, '0') || '@nested.test', 'Nested ' || lpad(i::text, 2, '0') FROM generate_series(1, 60) i`);
    await app.sql(`INSERT INTO organizations (name) SELECT 'Nested org ' || lpad(i::text, 2, '0') FROM generate_series(1, 20) i`);
    await app.sql(
      `INSERT INTO customer_organizations (customer_id, organization_id)
       SELECT c.id, o.id FROM customers c JOIN organizations o ON o.name LIKE 'Nested org %'
        WHERE ((substr(c.email, 2, 2)::int - substr(o.name, 12)::int) % 20 + 20) % 20 IN (0, 1)`,
    );
    await app.sql(
      `INSERT INTO requests (summary, reporter_id, created_at)
       SELECT 'Nested ' || k, c.id, timestamptz '2026-01-01' - k * interval '1 hour' FROM customers c, generate_series(1, 4) k WHERE c.email LIKE '%@nested.test'`,
    );
    await app.sql(
      `INSERT INTO notes (customer_id, body, author_id, created_at)
       SELECT c.id, 'note ' || k || ' of ' || c.email, $1, now() - k * interval '1 hour' FROM customers c, generate_series(1, 2) k WHERE c.email LIKE '%@nested.test'`,
      [agent.agentId],
    );
  });
  afterAll(() => app.close());

  it('answers 5 or 20 organizations with a page of their customers and their counts in the same statements', async () => {
    const check = (first: number) => (data: any) => {
      const nodes = data.organizations.edges.map((edge: any) => edge.node);
      expect(nodes).toHaveLength(first);
      for (const node of nodes) {
        expect(node).toMatchObject({ customerCount: 6, customers: { totalCount: 6 } });
        expect(node.customers.edges).toHaveLength(5);
      }
    };
    await statements(ORGANIZATIONS, 5, check(5));
    const five = await statements(ORGANIZATIONS, 5, check(5));
    expect(await statements(ORGANIZATIONS, 20, check(20))).toBe(five);
    // Warm: the session and the field definitions come from the process's caches (cache-invalidation.test.ts). The organizations page, the customer pages, the member counts (totalCount and customerCount share them).
    expect(five).toBe(3);
  });

  it('answers 10 or 50 customers with their requests, newest note, organizations and details in the same statements', async () => {
    const check = (first: number) => (data: any) => {
      const nodes = data.customers.edges.map((edge: any) => edge.node);
      expect(nodes).toHaveLength(first);
      for (const node of nodes) {
        expect(node.requests.edges).toHaveLength(3);
        expect(node.notes.edges).toEqual([{ node: { body: expect.stringMatching(/^note 1 of c\d\d@nested\.test$/) } }]);
        expect(node.organizations).toHaveLength(2);
        expect(node.detailsByKey).toEqual({});
      }
    };
    await statements(CUSTOMERS, 10, check(10));
    const ten = await statements(CUSTOMERS, 10, check(10));
    expect(await statements(CUSTOMERS, 50, check(50))).toBe(ten);
    // Warm: the session and the field definitions come from the process's caches (cache-invalidation.test.ts). The search's size probe, the page (with its visible details and organizations), requests pages, notes pages.
    expect(ten).toBe(4);
  });

  it('answers 10 or 50 customers with a page of their history and its count in the same statements', async () => {
    const HISTORY = `query($first: Int) { customers(first: $first, query: "@nested.test") { edges { node { id
      history(first: 5) { totalCount edges { node { at attribute from to viaToken actor { displayName } field { label } } } } } } } }`;
    await app.sql(
      `INSERT INTO changes (customer_id, actor_id, attribute, from_value, to_value, at)
       SELECT c.id, $1, 'displayName', to_jsonb('Old ' || k), to_jsonb('New ' || k), now() - k * interval '1 minute'
         FROM customers c, generate_series(1, 6) k WHERE c.email LIKE '%@nested.test'`,
      [agent.agentId],
    );
    const check = (first: number) => (data: any) => {
      const nodes = data.customers.edges.map((edge: any) => edge.node);
      expect(nodes).toHaveLength(first);
      for (const node of nodes) {
        expect(node.history.totalCount).toBe(6);
        expect(node.history.edges.map((e: any) => e.node.to)).toEqual(['New 1', 'New 2', 'New 3', 'New 4', 'New 5']);
      }
    };
    await statements(HISTORY, 10, check(10));
    const ten = await statements(HISTORY, 10, check(10));
    expect(await statements(HISTORY, 50, check(50))).toBe(ten);
    // Warm: the session and the field definitions come from the process's caches (cache-invalidation.test.ts). The search's size probe, the page, history pages, history counts, actors.
    expect(ten).toBe(5);
  });

  it('answers 10 or 50 customers with their own and inherited entitlements, products, organizations and values in the same statements', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    await admin.ok(`mutation { createDetailField(input: { label: "Nested seats", type: NUMBER, scope: ENTITLEMENT }) { key } }`);
    const [{ id: direct }, { id: shared }] = await app.sql<{ id: string }>(`INSERT INTO products (name) VALUES ('Nested direct'), ('Nested shared') RETURNING id`);
    await app.sql(`INSERT INTO entitlements (product_id, customer_id, details) SELECT $1, c.id, '{"nested_seats": 3}' FROM customers c WHERE c.email LIKE '%@nested.test'`, [direct]);
    await app.sql(`INSERT INTO entitlements (product_id, organization_id, details) SELECT $1, o.id, '{"nested_seats": 9}' FROM organizations o WHERE o.name LIKE 'Nested org %'`, [shared]);
    const ENTITLEMENTS = `query($first: Int) { customers(first: $first, query: "@nested.test") { edges { node { id
      entitlements { product { name archived } organization { name } details { field { key } displayValue } detailsByKey } } } } }`;
    const check = (first: number) => (data: any) => {
      const nodes = data.customers.edges.map((edge: any) => edge.node);
      expect(nodes).toHaveLength(first);
      for (const node of nodes) {
        // Own first by product name, then the shared product through each of the two organizations.
        expect(node.entitlements.map((e: any) => [e.product.name, e.detailsByKey.nested_seats, e.details[0].displayValue])).toEqual([
          ['Nested direct', 3, '3'],
          ['Nested shared', 9, '9'],
          ['Nested shared', 9, '9'],
        ]);
        expect(node.entitlements[0].organization).toBeNull();
        expect(node.entitlements.slice(1).every((e: any) => /^Nested org \d\d$/.test(e.organization.name))).toBe(true);
      }
    };
    await statements(ENTITLEMENTS, 10, check(10));
    const ten = await statements(ENTITLEMENTS, 10, check(10));
    expect(await statements(ENTITLEMENTS, 50, check(50))).toBe(ten);
    // Warm: the session and the field definitions come from the process's caches (cache-invalidation.test.ts). The search's size probe, the page (with the entitlements and their products), their organizations, their values.
    expect(ten).toBe(4);

    const ORGANIZATION_ENTITLEMENTS = `query($first: Int) { organizations(first: $first, query: "Nested org") { edges { node { entitlements { product { name } detailsByKey } } } } }`;
    const orgCheck = (first: number) => (data: any) =>
      expect(data.organizations.edges.map((edge: any) => edge.node.entitlements)).toEqual(Array(first).fill([{ product: { name: 'Nested shared' }, detailsByKey: { nested_seats: 9 } }]));
    await statements(ORGANIZATION_ENTITLEMENTS, 5, orgCheck(5));
    const five = await statements(ORGANIZATION_ENTITLEMENTS, 5, orgCheck(5));
    expect(await statements(ORGANIZATION_ENTITLEMENTS, 20, orgCheck(20))).toBe(five);
    // Warm: the session and the field definitions come from the process's caches (cache-invalidation.test.ts). The organizations page, their entitlements with products, their values.
    expect(five).toBe(3);
  });

  it("pages each organization's members by display name when batched: right members, order, cursors and counts", async () => {
    // Display names tie when case is ignored, so pages also depend on the id tie-break.
    const names = ['ada', 'Ada', 'Bob', 'bob', 'Cy'];
    await app.sql(`INSERT INTO customers (email, display_name) SELECT 'w' || lpad(i::text, 2, '0') || '@pages.test', ($1::text[])[1 + i % 5] FROM generate_series(1, 25) i`, [names]);
    const orgs = await app.sql<{ id: string; name: string }>(`INSERT INTO organizations (name) VALUES ('Pages all'), ('Pages odd'), ('Pages none'), ('Pages one') RETURNING id, name`);
    const [all, odd, , one] = orgs.map((o) => o.id);
    await app.sql(
      `INSERT INTO customer_organizations (customer_id, organization_id)
       SELECT c.id, $1::uuid FROM customers c WHERE c.email LIKE 'w%@pages.test'
       UNION ALL SELECT c.id, $2::uuid FROM customers c WHERE c.email LIKE 'w%@pages.test' AND substr(c.email, 2, 2)::int % 2 = 1
       UNION ALL SELECT c.id, $3::uuid FROM customers c WHERE c.email = 'w03@pages.test'`,
      [all, odd, one],
    );
    const aliases = orgs.map((_, i) => `o${i}`);
    const BATCH = `query(${aliases.map((a) => `$${a}: String`).join(', ')}) { ${orgs
      .map((o, i) => `${aliases[i]}: organization(id: "${o.id}") { customers(first: 4, after: $${aliases[i]}) { ${MEMBER_PAGE} } }`)
      .join(' ')} }`;
    const ALONE = `query($o: ID!, $after: String) { customers(first: 4, after: $after, filter: { organizationId: $o }) { ${MEMBER_PAGE} } }`;

    const seen = new Map<string, string[]>(orgs.map((o) => [o.id, []]));
    const cursors: Record<string, string | null> = Object.fromEntries(aliases.map((a) => [a, null]));
    const done = new Set<string>();
    let rounds = 0;
    // Every round asks all four at once, so organizations at different positions share a batch; finished ones keep being asked and are not recorded.
    for (; done.size < aliases.length; rounds += 1) {
      const data = await agent.ok(BATCH, cursors);
      for (const [i, alias] of aliases.entries()) {
        const page = data[alias].customers;
        // The unbatched list, given the same cursor, answers the same page: same members, order and cursor format.
        expect(page).toEqual((await agent.ok(ALONE, { o: orgs[i].id, after: cursors[alias] })).customers);
        if (done.has(alias)) continue;
        seen.get(orgs[i].id)!.push(...page.edges.map((edge: any) => edge.node.id));
        if (page.pageInfo.hasNextPage) cursors[alias] = page.pageInfo.endCursor;
        else done.add(alias);
      }
    }
    expect(rounds).toBe(7);
    for (const { id } of orgs) {
      const expected = await app.sql<{ id: string }>(
        `SELECT c.id FROM customers c JOIN customer_organizations co ON co.customer_id = c.id WHERE co.organization_id = $1 ORDER BY lower(c.display_name), c.id`,
        [id],
      );
      expect(seen.get(id)).toEqual(expected.map((r) => r.id));
    }
    expect(orgs.map((o) => seen.get(o.id)!.length)).toEqual([25, 13, 0, 1]);
  });

  it('refuses a bad cursor for the one organization that sent it, answering the others', async () => {
    const [{ id: org }] = await app.sql<{ id: string }>(`SELECT id FROM organizations WHERE name = 'Nested org 01'`);
    const emailCursor = (await agent.ok(`{ customers(first: 1, orderBy: { field: EMAIL }) { pageInfo { endCursor } } }`)).customers.pageInfo.endCursor;
    const res = await agent.request(
      `query($o: ID!, $bad: String, $other: String) { bad: organization(id: $o) { customers(first: 2, after: $bad) { ${MEMBER_PAGE} } }
        other: organization(id: $o) { customers(first: 2, after: $other) { ${MEMBER_PAGE} } }
        good: organization(id: $o) { customers(first: 2) { ${MEMBER_PAGE} } } }`,
      { o: org, bad: 'bogus', other: emailCursor },
    );
    expect(res.errors?.map((e) => [e.path, e.extensions?.reason, e.extensions?.field])).toEqual([
      [['bad', 'customers'], 'BAD_CURSOR', 'after'],
      [['other', 'customers'], 'BAD_CURSOR', 'after'],
    ]);
    expect(res.data?.good.customers).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true } });
  });
});
