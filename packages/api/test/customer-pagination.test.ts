import { Role } from '../src/graphql/enums';
import { DENSE_SEARCH, FEW_FILTERED, SEARCH_COUNT_CAP, WALK_BUDGET } from '../src/modules/customers/customer.service';
import { detailSortKeys, isSortableOwner } from '../src/modules/detail-values/detail-sort-keys';
import { detailOwner } from '../src/modules/detail-values/detail-owner.registry';
import { DetailFieldScope } from '../src/modules/detail-fields/detail-field.enums';
import { keyAfter, keyOrderBy } from '../src/common/keyset';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';

const PAGE = `query($first: Int, $after: String, $orderBy: CustomerOrder, $query: String) {
  customers(first: $first, after: $after, orderBy: $orderBy, query: $query) {
    totalCount totalCountIsExact
    pageInfo { hasNextPage endCursor }
    edges { node { id displayName email organizations { id name } } }
  }
}`;

/** Inserts customers straight into the table, as many other agents would. */
async function insertCustomers(app: TestApp, prefix: string, count: number, organizationId?: string): Promise<void> {
  await app.sql(
    `WITH c AS (
       INSERT INTO customers (email, display_name)
       SELECT $1 || i || '@bulk.test', $1 || ' ' || lpad(((i * 7919) % $2)::text, 6, '0') FROM generate_series(1, $2) i
       RETURNING id)
     INSERT INTO customer_organizations (customer_id, organization_id) SELECT id, $3 FROM c WHERE $3::uuid IS NOT NULL`,
    [prefix, count, organizationId ?? null],
  );
}

describe('customer list: keyset pagination, counts and statements', () => {
  let app: TestApp;
  let agent: GraphQLTestClient;
  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.signedIn(Role.AGENT);
  });
  afterAll(() => app.close());

  // Many customers share a tier, a creation time (one INSERT) or a name: ties must fall to the name, then the id, in the order's direction.
  const TIER_OPTIONS = ['Gold', 'Bronze', 'Silver'];
  const tierPosition = `array_position(ARRAY['Gold', 'Bronze', 'Silver'], details ->> 'walk_tier')`;
  it.each([
    ['DISPLAY_NAME', 'ASC', ['lower(display_name)']],
    ['EMAIL', 'DESC', ['(email IS NULL)', `lower(coalesce(email::text, ''))`]],
    ['CREATED_AT', 'DESC', ['created_at']],
    ['UPDATED_AT', 'ASC', ['updated_at']],
    ['DETAIL', 'ASC', [`(details ->> 'walk_tier') IS NULL`, tierPosition]],
    ['DETAIL', 'DESC', [`(details ->> 'walk_tier') IS NULL`, tierPosition]],
  ])('walks every row that existed before the walk exactly once, in order, while rows are inserted (%s %s)', async (field, direction, sqlOrder) => {
    const prefix = `walk${field}${direction}`.toLowerCase();
    await insertCustomers(app, prefix, 300);
    await app.sql(`UPDATE customers SET display_name = 'Same Name' WHERE email LIKE $1 AND hashtext(email) % 4 = 0`, [`${prefix}%`]);
    if (field === 'DETAIL') {
      const admin = await app.signedIn(Role.ADMIN);
      // Created by the first DETAIL case; the second finds the label taken.
      await admin.request(`mutation($o: [String!]) { createDetailField(input: { scope: CUSTOMER, label: "Walk tier", type: SELECT, options: $o }) { id } }`, { o: TIER_OPTIONS });
      await app.sql(`UPDATE customers SET details = jsonb_build_object('walk_tier', ($1::text[])[1 + abs(hashtext(email)) % 3]) WHERE email LIKE $2 AND hashtext(email) % 5 <> 0`, [TIER_OPTIONS, `${prefix}%`]);
    }
    const before = new Set((await app.sql<{ id: string }>(`SELECT id FROM customers`)).map((r) => r.id));
    const seen: Array<{ id: string; displayName: string }> = [];
    let after: string | null = null;
    let round = 0;
    const orderBy = field === 'DETAIL' ? { field, direction, fieldKey: 'walk_tier' } : { field, direction };
    do {
      const { customers }: { customers: any } = await agent.ok(PAGE, { first: 37, after, orderBy });
      seen.push(...customers.edges.map((e: any) => e.node));
      after = customers.pageInfo.hasNextPage ? customers.pageInfo.endCursor : null;
      // Others keep adding customers that sort before, between and after the pages read so far.
      round += 1;
      await insertCustomers(app, `${round % 2 ? '0' : 'z'}${prefix}r${round}`, 5);
    } while (after);

    const ids = seen.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of before) expect(ids).toContain(id);
    // Every page followed the same order: compare with the database's own sort of what we saw.
    const expected = await app.sql<{ id: string }>(
      `SELECT id FROM customers WHERE id = ANY($1::uuid[]) ORDER BY ${[...sqlOrder, 'lower(display_name)', 'id'].map((e) => `${e} ${direction}`).join(', ')}`,
      [ids],
    );
    expect(ids).toEqual(expected.map((r) => r.id));
  });

  it('sorts by a select from its index (the ORDER BY matches the index built from the current options), on the first page and after a cursor', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const options = ['Enterprise', 'Business', 'Team', 'Starter', 'Free'];
    const field = (await admin.ok(`mutation($o: [String!]) { createDetailField(input: { scope: CUSTOMER, label: "Plan level", type: SELECT, options: $o }) { id key label type options } }`, { o: options })).createDetailField;
    await insertCustomers(app, 'planidx', 4000);
    await app.sql(`UPDATE customers SET details = details || jsonb_build_object('plan_level', ($1::text[])[1 + abs(hashtext(email)) % 5]) WHERE email LIKE 'planidx%'`, [options]);
    await app.sql(`ANALYZE customers`);
    const orderBy = { field: 'DETAIL', fieldKey: 'plan_level', direction: 'ASC' };
    const { customers } = await agent.ok(PAGE, { first: 50, orderBy });
    expect(customers.edges[0].node.displayName).toMatch(/^planidx/);

    const owner = detailOwner(DetailFieldScope.CUSTOMER);
    if (!isSortableOwner(owner)) throw new Error('customers sort by detail fields');
    const order = { name: 'explain', keys: detailSortKeys(owner, field, 'c'), descending: false };
    const params: unknown[] = [];
    const after = keyAfter({ ...order, name: 'DETAIL:plan_level:ASC' }, customers.pageInfo.endCursor, params);
    for (const [where, values] of [['', []], [`WHERE ${after}`, params]] as const) {
      const plan = (await app.sql<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT c.id FROM customers c ${where} ORDER BY ${keyOrderBy(order)} LIMIT 51`, [...values])).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index (Only )?Scan using customers_detail_\w+_idx/);
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });

  it('pages a detail filter with few matches (fetched, then sorted) and with many (walking the order) alike, in one statement', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    await admin.ok(`mutation { createDetailField(input: { scope: CUSTOMER, label: "Filter day", type: DATE }) { id } }`);
    await insertCustomers(app, 'filterday', FEW_FILTERED + 60);
    // All but 20 share one day; those 20 have another.
    await app.sql(`UPDATE customers SET details = jsonb_build_object('filter_day', CASE WHEN hashtext(email) % 40 = 0 THEN '2024-02-29' ELSE '2024-03-01' END) WHERE email LIKE 'filterday%'`);
    const [{ few }] = await app.sql<{ few: number }>(`SELECT count(*)::int AS few FROM customers WHERE details ->> 'filter_day' = '2024-02-29'`);
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThan(FEW_FILTERED);
    const LIST = `query($first: Int, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
      customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    for (const [day, orderBy, sql] of [
      ['2024-02-29', { field: 'EMAIL', direction: 'DESC' }, `lower(email) DESC, lower(display_name) DESC, id DESC`],
      ['2024-03-01', { field: 'EMAIL', direction: 'DESC' }, `lower(email) DESC, lower(display_name) DESC, id DESC`],
      ['2024-03-01', { field: 'DETAIL', fieldKey: 'filter_day' }, `lower(display_name), id`],
    ] as const) {
      const filter = { details: [{ fieldKey: 'filter_day', equals: day }] };
      const expected = (await app.sql<{ id: string }>(`SELECT id FROM customers WHERE details ->> 'filter_day' = $1 ORDER BY ${sql}`, [day])).map((r) => r.id);
      const seen: string[] = [];
      let after: string | null = null;
      // The session and field definitions are cached from here on.
      await agent.ok(LIST, { first: 1, filter });
      do {
        const start = app.statements.count;
        const { customers }: { customers: any } = await agent.ok(LIST, { first: 150, after, filter, orderBy });
        // page, count
        expect(app.statements.count - start).toBe(2);
        expect(customers.totalCount).toBe(expected.length);
        seen.push(...customers.edges.map((e: any) => e.node.id));
        after = customers.pageInfo.hasNextPage ? customers.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(expected);
    }
  });

  it('caps the count of a common text match and says so', async () => {
    await insertCustomers(app, 'capped', SEARCH_COUNT_CAP + 20);
    const { customers } = await agent.ok(PAGE, { first: 5, query: 'capped' });
    expect(customers).toMatchObject({ totalCount: SEARCH_COUNT_CAP, totalCountIsExact: false, pageInfo: { hasNextPage: true } });
    const rare = (await agent.ok(PAGE, { first: 5, query: 'capped1000@' })).customers;
    expect(rare).toMatchObject({ totalCount: 1, totalCountIsExact: true });
  });

  it('searches a common term (walking the sort order) as correctly as a rare one, never matching a hidden field', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const team = (await admin.ok(`mutation { createTeam(name: "Dense secret keepers") { id } }`)).createTeam.id;
    await admin.ok(`mutation($t: ID!) { createDetailField(input: { scope: CUSTOMER, label: "Dense secret", type: TEXT, view: { agents: false, teamIds: [$t] }, edit: { agents: false, teamIds: [$t] } }) { id } }`, { t: team });
    await insertCustomers(app, 'densely', DENSE_SEARCH + 50);
    // One customer matches the term only through the hidden field, and sorts first.
    const hiddenOnly = (await admin.ok(`mutation { addCustomers(input: { identifiers: "aaa.hidden.match@x.test" }) { customers { id } } }`)).addCustomers.customers[0].id;
    await admin.ok(`mutation($id: ID!) { setDetailValues(input: { customerId: $id, values: [{ fieldKey: "dense_secret", value: "densely secret" }] }) { __typename } }`, { id: hiddenOnly });

    const asAgent = (await agent.ok(PAGE, { first: 20, query: 'densely' })).customers;
    expect(asAgent.edges.map((e: any) => e.node.id)).not.toContain(hiddenOnly);
    expect(asAgent).toMatchObject({ totalCount: SEARCH_COUNT_CAP, totalCountIsExact: false });
    const expected = await app.sql<{ id: string }>(`SELECT id FROM customers WHERE display_name ILIKE '%densely%' OR email ILIKE '%densely%' ORDER BY lower(display_name), id LIMIT 20`);
    expect(asAgent.edges.map((e: any) => e.node.id)).toEqual(expected.map((r) => r.id));
    // The admin may view the field, so the same search finds that customer first.
    expect((await admin.ok(PAGE, { first: 1, query: 'densely' })).customers.edges[0].node.id).toBe(hiddenOnly);
    // Two characters match word starts ('de' starts 'densely'), on the same walk, with the same check.
    const short = (await agent.ok(PAGE, { first: 20, query: 'De' })).customers;
    expect(short.edges.map((e: any) => e.node.id)).not.toContain(hiddenOnly);
    const startingDe = await app.sql<{ id: string }>(
      `SELECT id FROM customers WHERE search_text ~* '(^|[ \n])de' OR id IN (SELECT co.customer_id FROM customer_organizations co JOIN organizations o ON o.id = co.organization_id WHERE o.search_text ~* '(^|[ \n])de')
        ORDER BY lower(display_name), id LIMIT 20`,
    );
    expect(short.edges.map((e: any) => e.node.id)).toEqual(startingDe.map((r) => r.id));
    expect((await admin.ok(PAGE, { first: 1, query: 'de' })).customers.edges[0].node.id).toBe(hiddenOnly);
  });

  it('walks many detail-value matches row by row, still never matching a hidden field', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const team = (await admin.ok(`mutation { createTeam(name: "Walk secret keepers") { id } }`)).createTeam.id;
    await admin.ok(`mutation { createDetailField(input: { scope: CUSTOMER, label: "Walk note", type: TEXT }) { id } }`);
    await admin.ok(`mutation($t: ID!) { createDetailField(input: { scope: CUSTOMER, label: "Walk secret", type: TEXT, view: { agents: false, teamIds: [$t] }, edit: { agents: false, teamIds: [$t] } }) { id } }`, { t: team });
    await insertCustomers(app, 'walknote', DENSE_SEARCH + 50);
    const fields = await app.sql<{ id: string; key: string }>(`SELECT id, key FROM detail_fields WHERE key IN ('walk_note', 'walk_secret')`);
    const note = fields.find((f) => f.key === 'walk_note')!.id;
    // Every customer but the first by name holds a visible value with the term; the first holds it only in the hidden field.
    await app.sql(
      `WITH w AS (SELECT id, row_number() OVER (ORDER BY lower(display_name), id) AS n FROM customers WHERE email LIKE 'walknote%'),
            v AS (UPDATE customers c SET details = jsonb_build_object(CASE WHEN w.n = 1 THEN 'walk_secret' ELSE 'walk_note' END, 'quillwort ' || w.n) FROM w WHERE w.id = c.id RETURNING c.id, w.n)
       INSERT INTO detail_search (owner_id, field_id, text) SELECT v.id, f.id, 'quillwort ' || v.n FROM v JOIN detail_fields f ON f.key = CASE WHEN v.n = 1 THEN 'walk_secret' ELSE 'walk_note' END`,
    );
    const [{ id: hiddenOnly }] = await app.sql<{ id: string }>(`SELECT id FROM customers WHERE email LIKE 'walknote%' ORDER BY lower(display_name), id LIMIT 1`);
    const expected = await app.sql<{ id: string }>(
      `SELECT owner_id AS id FROM detail_search s JOIN customers c ON c.id = s.owner_id WHERE s.field_id = $1 AND s.text LIKE 'quillwort%' ORDER BY lower(c.display_name), c.id LIMIT 30`,
      [note],
    );
    for (const query of ['quillwort', 'qu']) {
      const asAgent = (await agent.ok(PAGE, { first: 30, query })).customers;
      expect(asAgent.edges.map((e: any) => e.node.id)).not.toContain(hiddenOnly);
      if (query === 'quillwort') expect(asAgent.edges.map((e: any) => e.node.id)).toEqual(expected.map((r) => r.id));
      // Without the count, the probe skips counting built-in matches once detail matches are dense: the same page.
      const uncounted = (await agent.ok(PAGE.replace('totalCount totalCountIsExact', ''), { first: 30, query })).customers;
      expect(uncounted.edges.map((e: any) => e.node.id)).toEqual(asAgent.edges.map((e: any) => e.node.id));
      expect((await admin.ok(PAGE, { first: 1, query })).customers.edges[0].node.id).toBe(hiddenOnly);
    }
  });

  it('answers a list of 10 or of 50 customers with their organizations in the same few statements', async () => {
    const [{ id: organizationId }] = await app.sql<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Statement Org') RETURNING id`);
    await insertCustomers(app, 'stmt', 60, organizationId);
    const statements = async (first: number) => {
      const start = app.statements.count;
      const { customers } = await agent.ok(PAGE, { first, query: 'stmt' });
      expect(customers.edges).toHaveLength(first);
      expect(customers.edges[0].node.organizations).toEqual([{ id: organizationId, name: 'Statement Org' }]);
      return app.statements.count - start;
    };
    await dropCaches(app);
    // Cold: the session and the field definitions (search covers visible detail values) are read once ...
    expect(await statements(10)).toBe(5);
    // ... then come from the process's caches: the search's size probe, page (with each row's organizations), count.
    expect(await statements(10)).toBe(3);
    expect(await statements(50)).toBe(3);
    // Many matches (walking the order): the probe proves the capped count, so no count statement: the probe and the walk.
    await insertCustomers(app, 'stmtdense', DENSE_SEARCH + 10, organizationId);
    const start = app.statements.count;
    const { customers } = await agent.ok(PAGE, { first: 50, query: 'stmtdense' });
    expect(customers).toMatchObject({ totalCount: SEARCH_COUNT_CAP, totalCountIsExact: false });
    expect(customers.edges).toHaveLength(50);
    expect(customers.edges[0].node.organizations).toEqual([{ id: organizationId, name: 'Statement Org' }]);
    expect(app.statements.count - start).toBe(2);
    // Without the count, the probe does not count the built-in matches (the page's stretch of the name order holds a page
    // of them): still the probe and the walk, with the same page and every page after it by cursor.
    const NO_COUNT = `query($first: Int, $after: String, $query: String) { customers(first: $first, after: $after, query: $query) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const expected = await app.sql<{ id: string }>(`SELECT id FROM customers WHERE search_text ILIKE '%stmtdense%' ORDER BY lower(display_name), id`);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const before = app.statements.count;
      const page: any = (await agent.ok(NO_COUNT, { first: 200, after, query: 'stmtdense' })).customers;
      // A last page too short for the stretch counts the matches to choose its plan (probe, then a walk or a fetch by id).
      if (page.pageInfo.hasNextPage) expect(app.statements.count - before).toBe(2);
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected.map((r) => r.id));
  });

  it('reads a page and its visible detail values in one statement, with or without a search', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const team = (await admin.ok(`mutation { createTeam(name: "Page secret keepers") { id } }`)).createTeam.id;
    await admin.ok(`mutation { createDetailField(input: { scope: CUSTOMER, label: "Page note", type: TEXT }) { id } }`);
    await admin.ok(`mutation($t: ID!) { createDetailField(input: { scope: CUSTOMER, label: "Page secret", type: TEXT, view: { agents: false, teamIds: [$t] }, edit: { agents: false, teamIds: [$t] } }) { id } }`, { t: team });
    await insertCustomers(app, 'pagedetail', 60);
    await app.sql(`UPDATE customers SET details = jsonb_build_object('page_note', 'note ' || email, 'page_secret', 'secret') WHERE email LIKE 'pagedetail%'`);
    const LIST = `query($first: Int, $query: String, $filter: CustomerFilter) {
      customers(first: $first, query: $query, filter: $filter) { totalCount edges { node { id email organizations { id } ...values } } }
    }
    fragment values on Customer { shown: detailsByKey details { value } }`;
    // Without a search, a filter on the visible field keeps the list to these customers.
    const filter = { details: [{ fieldKey: 'page_note', isEmpty: false }] };
    const statements = async (first: number, query: string | null) => {
      const start = app.statements.count;
      const { customers } = await agent.ok(LIST, query ? { first, query } : { first, filter });
      const counted = app.statements.count - start;
      expect(customers.edges).toHaveLength(first);
      for (const { node } of customers.edges) {
        expect(node.shown).toEqual({ page_note: `note ${node.email}` });
        expect(node.details).toEqual([{ value: `note ${node.email}` }]);
      }
      return counted;
    };
    await dropCaches(app);
    // Cold: the session and the viewer's field definitions; then cached: (the search's size probe,) page with its values and organizations, count.
    expect(await statements(10, 'pagedetail')).toBe(5);
    expect(await statements(50, 'pagedetail')).toBe(3);
    expect(await statements(10, null)).toBe(2);
    expect(await statements(50, null)).toBe(2);
  });

  it("answers the web app's list as an agent with hidden fields: details, organizations and entitlements in the same few statements for 10 or 50 rows", async () => {
    const fields = await app.sql<{ id: string; key: string }>(
      `INSERT INTO detail_fields (scope, key, label, type, options, position)
       SELECT 'CUSTOMER', 'shape_' || i, 'Shape ' || i, CASE WHEN i % 4 = 0 THEN 'NUMBER' ELSE 'TEXT' END, '[]', 1000 + i FROM generate_series(1, 22) i
       RETURNING id, key`,
    );
    // Twenty fields every agent may view, and two no agent may (admins only).
    await app.sql(
      `INSERT INTO detail_field_permissions (field_id, access, all_agents) SELECT f.id, a.access, f.key NOT IN ('shape_21', 'shape_22')
         FROM detail_fields f CROSS JOIN (VALUES ('VIEW'), ('EDIT')) a(access) WHERE f.key LIKE 'shape\\_%'`,
    );
    expect(fields).toHaveLength(22);
    const [{ id: organizationId }] = await app.sql<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Shape Org') RETURNING id`);
    await insertCustomers(app, 'shape', 60, organizationId);
    await app.sql(
      `UPDATE customers c SET details = (SELECT jsonb_object_agg(f.key, CASE WHEN f.type = 'NUMBER' THEN to_jsonb(length(c.email)) ELSE to_jsonb(f.key || ' of ' || c.email) END)
                                          FROM detail_fields f WHERE f.key LIKE 'shape\\_%')
        WHERE c.email LIKE 'shape%'`,
    );
    const [{ id: productId }] = await app.sql<{ id: string }>(`INSERT INTO products (name) VALUES ('Shape product') RETURNING id`);
    const [{ id: otherProductId }] = await app.sql<{ id: string }>(`INSERT INTO products (name) VALUES ('Shape add-on') RETURNING id`);
    await app.sql(`INSERT INTO entitlements (product_id, organization_id) VALUES ($1, $2)`, [productId, organizationId]);
    await app.sql(`INSERT INTO entitlements (product_id, customer_id) SELECT $1, id FROM customers WHERE email LIKE 'shape%'`, [otherProductId]);
    const LIST = `query($first: Int!, $filter: CustomerFilter) {
      detailFields(scope: CUSTOMER) { id key label type options }
      customers(first: $first, filter: $filter) {
        totalCount totalCountIsExact pageInfo { hasNextPage endCursor }
        edges { node { id displayName email username createdAt updatedAt organizations { id name } detailsByKey
          details { field { key } value displayValue } entitlements { id product { id name } } } }
      }
    }`;
    const filter = { details: [{ fieldKey: 'shape_1', isEmpty: false }] };
    const statements = async (first: number) => {
      const start = app.statements.count;
      const { customers } = await agent.ok(LIST, { first, filter });
      const counted = app.statements.count - start;
      expect(customers.totalCount).toBe(60);
      expect(customers.edges).toHaveLength(first);
      for (const { node } of customers.edges) {
        expect(Object.keys(node.detailsByKey)).toHaveLength(20);
        expect(node.detailsByKey).not.toHaveProperty('shape_21');
        expect(node.details).toHaveLength(20);
        expect(node.organizations).toEqual([{ id: organizationId, name: 'Shape Org' }]);
        expect(node.entitlements.map((e: any) => e.product.name)).toEqual(['Shape add-on', 'Shape product']);
      }
      return counted;
    };
    await dropCaches(app);
    // Cold: session, field definitions, page with its visible values, organizations and entitlements with their products, count.
    expect(await statements(10)).toBe(4);
    // Then the session and the definitions come from the process's caches.
    expect(await statements(10)).toBe(2);
    expect(await statements(50)).toBe(2);
  });

  // Last: it adds more customers than a walk's budget, which would slow the walks above.
  it('finds many matches that all sort after the walk budget (a walk that runs out falls back to fetching them)', async () => {
    // By email: a walk in an order whose index does not cover the search text has the smaller budget.
    await insertCustomers(app, 'aaafiller', WALK_BUDGET + 100);
    await insertCustomers(app, 'zzzclustered', DENSE_SEARCH + 100);
    // The session and field definitions are cached from here on.
    await agent.ok(PAGE, { first: 1 });
    const all: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 2; page++) {
      const start = app.statements.count;
      const { customers }: { customers: any } = await agent.ok(PAGE, { first: 40, after, query: 'clustered', orderBy: { field: 'EMAIL' } });
      // The first page's walk runs out, so the page is read by id (probe, walk, page); the second's walk fills it (probe, walk).
      expect(app.statements.count - start).toBe(page === 0 ? 3 : 2);
      expect(customers).toMatchObject({ totalCount: SEARCH_COUNT_CAP, totalCountIsExact: false, pageInfo: { hasNextPage: true } });
      all.push(...customers.edges.map((e: any) => e.node.id));
      after = customers.pageInfo.endCursor;
    }
    const expected = await app.sql<{ id: string }>(`SELECT id FROM customers WHERE email LIKE '%clustered%' ORDER BY lower(email), lower(display_name), id LIMIT 80`);
    expect(all).toEqual(expected.map((r) => r.id));
  });
});

/** Empties this app's caches of viewers and field definitions, as a change by another process would. */
async function dropCaches(app: TestApp): Promise<void> {
  await app.sql(`SELECT pg_notify('cp_cache', 'viewers'), pg_notify('cp_cache', 'fields')`);
}
