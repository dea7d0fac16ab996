import { Role } from '../src/graphql/enums';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';

const CHANGE = `at actor { id displayName } viaToken field { key label } attribute from to`;
const CUSTOMER_HISTORY = `query($id: ID!, $first: Int, $after: String) { customer(id: $id) { history(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${CHANGE} } } } } }`;
const ORGANIZATION_HISTORY = `query($id: ID!) { organization(id: $id) { history(first: 50) { totalCount edges { node { ${CHANGE} } } } } }`;
const SET = `mutation($input: SetDetailValuesInput!) { setDetailValues(input: $input) { ... on Customer { version } ... on Organization { version } } }`;
const UPDATE = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { version } }`;

type Entry = { actor: { id: string } | null; viaToken: string | null; field: { key: string } | null; attribute: string | null; from: unknown; to: unknown };

describe('history of customers and organizations', () => {
  let app: TestApp;
  let admin: GraphQLTestClient & { agentId: string };
  let agent: GraphQLTestClient & { agentId: string };

  const customer = async (identifier: string): Promise<{ id: string; version: number }> =>
    (await admin.ok(`mutation($i: String!) { addCustomers(input: { identifiers: $i }) { customers { id version } } }`, { i: identifier })).addCustomers.customers[0];
  const history = async (viewer: GraphQLTestClient, id: string, first = 50): Promise<{ totalCount: number; entries: Entry[] }> => {
    const { history: h } = (await viewer.ok(CUSTOMER_HISTORY, { id, first })).customer;
    return { totalCount: h.totalCount, entries: h.edges.map((e: any) => e.node) };
  };
  /** Entries as [what, from, to], newest first. */
  const summary = (entries: Entry[]) => entries.map((e) => [e.field?.key ?? e.attribute, e.from, e.to]);

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.signedIn(Role.ADMIN);
    agent = await app.signedIn(Role.AGENT);
    const create = `mutation($input: CreateDetailFieldInput!) { createDetailField(input: $input) { id } }`;
    const everyone = { agents: true };
    await admin.ok(create, { input: { scope: 'CUSTOMER', label: 'Support tier', type: 'SELECT', options: ['Silver', 'Gold'], view: everyone, edit: everyone } });
    const adminsOnly = { agents: false };
    await admin.ok(create, { input: { scope: 'CUSTOMER', label: 'Secret score', type: 'NUMBER', view: adminsOnly, edit: adminsOnly } });
    await admin.ok(create, { input: { scope: 'ORGANIZATION', label: 'Region', type: 'TEXT', view: everyone, edit: everyone } });
  });
  afterAll(() => app.close());

  it('records detail values and built-in attributes with who, from and to, newest first', async () => {
    const { id } = await customer('dana@history.test');
    await agent.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'support_tier', value: 'Silver' }] } });
    await agent.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'support_tier', value: 'Gold' }] } });
    // The same value again is no change.
    const { setDetailValues } = await agent.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'support_tier', value: 'Gold' }] } });
    await agent.ok(UPDATE, { input: { id, expectedVersion: setDetailValues.version, displayName: 'Dana Lee', email: 'dana@history.test', username: 'dana' } });
    const { entries, totalCount } = await history(agent, id);
    // One write's entries share their time and are listed in reverse of the order they were recorded in.
    expect(summary(entries)).toEqual([
      ['displayName', 'dana', 'Dana Lee'],
      ['username', null, 'dana'],
      ['support_tier', 'Silver', 'Gold'],
      ['support_tier', null, 'Silver'],
    ]);
    expect(totalCount).toBe(4);
    expect(entries.every((e) => e.actor?.id === agent.agentId && e.viaToken === null)).toBe(true);
  });

  it('records external id changes of customers and organizations (issue 8)', async () => {
    const { id, version } = await customer('ext@history.test');
    const { updateCustomer } = await agent.ok(UPDATE, { input: { id, expectedVersion: version, externalId: 'CRM-1' } });
    await agent.ok(UPDATE, { input: { id, expectedVersion: updateCustomer.version, externalId: null } });
    expect(summary((await history(agent, id)).entries)).toEqual([
      ['externalId', 'CRM-1', null],
      ['externalId', null, 'CRM-1'],
    ]);
    const { createOrganization: org } = await agent.ok(`mutation { createOrganization(name: "Ext History") { id } }`);
    await agent.ok(`mutation($o: ID!) { updateOrganization(input: { id: $o, expectedVersion: 1, name: "Ext History Ltd", externalId: "ACC-1" }) { id } }`, { o: org.id });
    const { organization } = await agent.ok(ORGANIZATION_HISTORY, { id: org.id });
    expect(summary(organization.history.edges.map((e: any) => e.node))).toEqual([
      ['externalId', null, 'ACC-1'],
      ['name', 'Ext History', 'Ext History Ltd'],
    ]);
  });

  it('records nothing for a refused or conflicting write, and a listener failure undoes the write and its history', async () => {
    const { id, version } = await customer('refused@history.test');
    expect((await agent.request(SET, { input: { customerId: id, values: [{ fieldKey: 'support_tier', value: 'Bronze' }] } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await agent.request(SET, { input: { customerId: id, values: [{ fieldKey: 'secret_score', value: 3 }] } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await agent.request(SET, { input: { customerId: id, expectedVersion: version + 5, values: [{ fieldKey: 'support_tier', value: 'Gold' }] } })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await agent.request(UPDATE, { input: { id, expectedVersion: version + 5, displayName: 'Never' } })).errors?.[0].extensions?.code).toBe('CONFLICT');
    const other = await customer('taken@history.test');
    expect((await agent.request(UPDATE, { input: { id: other.id, expectedVersion: other.version, email: 'refused@history.test' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await history(admin, id)).totalCount).toBe(0);
    expect((await history(admin, other.id)).totalCount).toBe(0);

    let fail = true;
    app.services.detailValues.onValuesWritten(async () => {
      if (fail) throw new Error('listener failed');
    });
    try {
      expect((await agent.request(SET, { input: { customerId: id, values: [{ fieldKey: 'support_tier', value: 'Gold' }] } })).errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await app.sql(`SELECT 1 FROM changes WHERE customer_id = $1`, [id])).toEqual([]);
      expect((await app.sql<{ details: object }>(`SELECT details FROM customers WHERE id = $1`, [id]))[0].details).toEqual({});
    } finally {
      fail = false;
    }
  });

  it('shows an entry about a detail field only to viewers who may view that field now, in pages and counts alike', async () => {
    const { id } = await customer('hidden@history.test');
    await admin.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'secret_score', value: 900001 }, { fieldKey: 'support_tier', value: 'Gold' }] } });
    await admin.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'secret_score', value: 900002 }] } });
    expect(summary((await history(admin, id)).entries)).toEqual([
      ['secret_score', 900001, 900002],
      ['support_tier', null, 'Gold'],
      ['secret_score', null, 900001],
    ]);
    const seen = await agent.request(CUSTOMER_HISTORY, { id, first: 1 });
    expect(JSON.stringify(seen)).not.toMatch(/90000|secret/i);
    expect(seen.data!.customer.history).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
    expect(summary(seen.data!.customer.history.edges.map((e: any) => e.node))).toEqual([['support_tier', null, 'Gold']]);

    // Once the agent may view the field, its entries exist for them too.
    const [field] = await app.sql<{ id: string; version: number }>(`SELECT id, version FROM detail_fields WHERE key = 'secret_score'`);
    await admin.ok(`mutation($input: SetDetailFieldPermissionsInput!) { setDetailFieldPermissions(input: $input) { id } }`, {
      input: { fieldId: field.id, expectedVersion: field.version, view: { agents: true }, edit: { agents: false } },
    });
    expect((await history(agent, id)).totalCount).toBe(3);
  });

  it('pages newest first with cursors, entries of one write in their order', async () => {
    const { id } = await customer('pages@history.test');
    for (const tier of ['Silver', 'Gold', 'Silver', 'Gold', 'Silver']) {
      await agent.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'support_tier', value: tier }] } });
    }
    const all = (await history(agent, id)).entries;
    const paged: Entry[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const { history: h }: any = (await agent.ok(CUSTOMER_HISTORY, { id, first: 2, after })).customer;
      paged.push(...h.edges.map((e: any) => e.node));
      expect(h.totalCount).toBe(5);
      expect(h.pageInfo.hasNextPage).toBe(page < 2);
      after = h.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
    expect(summary(all).map(([, from, to]) => [from, to])).toEqual([
      ['Gold', 'Silver'],
      ['Silver', 'Gold'],
      ['Gold', 'Silver'],
      ['Silver', 'Gold'],
      [null, 'Silver'],
    ]);
    const bad = await agent.request(CUSTOMER_HISTORY, { id, first: 2, after: 'bogus' });
    expect(bad.errors?.[0].extensions?.reason).toBe('BAD_CURSOR');
  });

  it('records membership on both sides, organization attributes and values, and notes', async () => {
    const { id } = await customer('Zoë Åberg <zoe@history.test>');
    const { createOrganization: org } = await agent.ok(`mutation { createOrganization(name: "Acme") { id version } }`);
    await agent.ok(`mutation($o: ID!, $c: [ID!]!) { addCustomersToOrganization(organizationId: $o, customerIds: $c) { id } }`, { o: org.id, c: [id] });
    // Already a member: no change.
    await agent.ok(`mutation($o: ID!, $c: [ID!]!) { addCustomersToOrganization(organizationId: $o, customerIds: $c) { id } }`, { o: org.id, c: [id] });
    await agent.ok(`mutation($o: ID!) { renameOrganization(id: $o, name: "Acme Corp", expectedVersion: 1) { id } }`, { o: org.id });
    await agent.ok(`mutation($o: ID!, $c: ID!) { removeCustomerFromOrganization(organizationId: $o, customerId: $c) { id } }`, { o: org.id, c: id });
    await agent.ok(SET, { input: { organizationId: org.id, values: [{ fieldKey: 'region', value: 'EMEA' }] } });
    const { addNote } = await agent.ok(`mutation($o: ID!) { addNote(input: { organizationId: $o, body: "Renewal call" }) { id } }`, { o: org.id });
    await agent.ok(`mutation($n: ID!) { updateNote(id: $n, body: "Renewal call on Monday", expectedVersion: 1) { id } }`, { n: addNote.id });
    await agent.ok(`mutation($n: ID!) { deleteNote(id: $n) }`, { n: addNote.id });

    const { organization } = await agent.ok(ORGANIZATION_HISTORY, { id: org.id });
    expect(summary(organization.history.edges.map((e: any) => e.node))).toEqual([
      ['note', 'Renewal call on Monday', null],
      ['note', 'Renewal call', 'Renewal call on Monday'],
      ['note', null, 'Renewal call'],
      ['region', null, 'EMEA'],
      ['member', 'Zoë Åberg', null],
      ['name', 'Acme', 'Acme Corp'],
      ['member', null, 'Zoë Åberg'],
    ]);
    expect(summary((await history(agent, id)).entries)).toEqual([
      ['organization', 'Acme Corp', null],
      ['organization', null, 'Acme'],
    ]);
  });

  it("names the token a change came through, and its creator as the actor", async () => {
    const { createApiToken } = await admin.ok(`mutation { createApiToken(input: { name: "CRM sync", role: AGENT }) { token } }`);
    const partner = app.client();
    partner.bearer = createApiToken.token;
    const { id } = await customer('token@history.test');
    await partner.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'support_tier', value: 'Gold' }] } });
    expect((await history(agent, id)).entries).toEqual([expect.objectContaining({ actor: expect.objectContaining({ id: admin.agentId }), viaToken: 'CRM sync', to: 'Gold' })]);
  });

  it('records option renames as changes by the admin who renamed', async () => {
    const { id } = await customer('rename@history.test');
    await agent.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'support_tier', value: 'Silver' }] } });
    const [field] = await app.sql<{ id: string; version: number }>(`SELECT id, version FROM detail_fields WHERE key = 'support_tier'`);
    await admin.ok(`mutation($input: UpdateDetailFieldInput!) { updateDetailField(input: $input) { id } }`, {
      input: { id: field.id, expectedVersion: field.version, optionRenames: [{ from: 'Silver', to: 'Argent' }] },
    });
    const [latest] = (await history(agent, id)).entries;
    expect(latest).toMatchObject({ actor: { id: admin.agentId }, field: { key: 'support_tier' }, from: 'Silver', to: 'Argent' });
  });
  it('records grants, revocations and entitlement values on the owner, naming the product; a hidden entitlement field stays out', async () => {
    const create = `mutation($input: CreateDetailFieldInput!) { createDetailField(input: $input) { id } }`;
    await admin.ok(create, { input: { scope: 'ENTITLEMENT', label: 'Seats', type: 'NUMBER' } });
    await admin.ok(create, { input: { scope: 'ENTITLEMENT', label: 'Discount', type: 'NUMBER', view: { agents: false }, edit: { agents: false } } });
    const { createProduct: product } = await admin.ok(`mutation { createProduct(name: "Cloud Premium") { id } }`);
    const { id: customerId } = await customer('ent@history.test');
    const [{ id: organizationId }] = await app.sql<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Entitled Org') RETURNING id`);
    const grant = `mutation($input: GrantEntitlementInput!) { grantEntitlement(input: $input) { id } }`;
    const { grantEntitlement: own } = await agent.ok(grant, { input: { productId: product.id, customerId } });
    const { grantEntitlement: shared } = await agent.ok(grant, { input: { productId: product.id, organizationId } });
    const setOn = (entitlementId: string, values: unknown[]) =>
      admin.ok(`mutation($input: SetDetailValuesInput!) { setDetailValues(input: $input) { __typename } }`, { input: { entitlementId, values } });
    await setOn(own.id, [{ fieldKey: 'seats', value: 5 }, { fieldKey: 'discount', value: 10 }]);
    await setOn(own.id, [{ fieldKey: 'seats', value: 8 }]);
    await setOn(shared.id, [{ fieldKey: 'seats', value: 50 }]);
    await agent.ok(`mutation($id: ID!) { revokeEntitlement(id: $id) }`, { id: own.id });

    const WITH_PRODUCT = `query($id: ID!) { customer(id: $id) { history(first: 20) { totalCount edges { node { field { key } attribute from to product { name } actor { id } } } } } }`;
    const read = async (viewer: GraphQLTestClient) => (await viewer.ok(WITH_PRODUCT, { id: customerId })).customer.history;
    const asAgent = await read(agent);
    // Kept after the revocation, each naming the product.
    // The revocation first records the values it removed (the hidden discount too, for those who may view it).
    expect(asAgent.edges.map((e: any) => [e.node.field?.key ?? e.node.attribute, e.node.from, e.node.to, e.node.product?.name])).toEqual([
      ['entitlement', 'Cloud Premium', null, 'Cloud Premium'],
      ['seats', 8, null, 'Cloud Premium'],
      ['seats', 5, 8, 'Cloud Premium'],
      ['seats', null, 5, 'Cloud Premium'],
      ['entitlement', null, 'Cloud Premium', 'Cloud Premium'],
    ]);
    expect(asAgent.totalCount).toBe(5);
    expect(JSON.stringify(asAgent)).not.toContain('discount');
    // The admin may view the discount: set, and cleared by the revocation.
    const asAdmin = await read(admin);
    expect(asAdmin.totalCount).toBe(asAgent.totalCount + 2);
    expect(asAdmin.edges.map((e: any) => [e.node.field?.key, e.node.from, e.node.to]).filter(([key]: string[]) => key === 'discount')).toEqual([
      ['discount', 10, null],
      ['discount', null, 10],
    ]);
    const organization = (await agent.ok(`query($id: ID!) { organization(id: $id) { history(first: 5) { edges { node { field { key } attribute to product { name } } } } } }`, { id: organizationId })).organization;
    expect(organization.history.edges.map((e: any) => [e.node.field?.key ?? e.node.attribute, e.node.to, e.node.product.name])).toEqual([
      ['seats', 50, 'Cloud Premium'],
      ['entitlement', 'Cloud Premium', 'Cloud Premium'],
    ]);
    expect(await app.sql(`SELECT count(*)::int AS n FROM changes WHERE entitlement_id = $1`, [own.id])).toEqual([{ n: 0 }]);
  });
});
