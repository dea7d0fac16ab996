import { Role } from '../src/graphql/enums';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';

const PRODUCT = `id name archived version`;
const PRODUCTS = `query($all: Boolean) { products(includeArchived: $all) { ${PRODUCT} } }`;
const CREATE_PRODUCT = `mutation($name: String!) { createProduct(name: $name) { ${PRODUCT} } }`;
const UPDATE_PRODUCT = `mutation($input: UpdateProductInput!) { updateProduct(input: $input) { ${PRODUCT} } }`;
const ENTITLEMENT = `id version product { name archived } customer { id } organization { id name } details { field { key } value displayValue } detailsByKey`;
const GRANT = `mutation($input: GrantEntitlementInput!) { grantEntitlement(input: $input) { ${ENTITLEMENT} } }`;
const REVOKE = `mutation($id: ID!) { revokeEntitlement(id: $id) }`;
const SET_VALUES = `mutation($input: SetDetailValuesInput!) { setDetailValues(input: $input) { __typename ... on Entitlement { ${ENTITLEMENT} } } }`;
const CUSTOMER = `query($id: ID!) { customer(id: $id) { entitlements { ${ENTITLEMENT} } } }`;
const ORGANIZATION = `query($id: ID!) { organization(id: $id) { entitlements { ${ENTITLEMENT} } } }`;
const BY_PRODUCT = `query($productId: ID) { customers(filter: { productId: $productId }) { totalCount edges { node { displayName } } } }`;
const CREATE_FIELD = `mutation($input: CreateDetailFieldInput!) { createDetailField(input: $input) { key } }`;

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('products and entitlements', () => {
  let app: TestApp;
  let agent: GraphQLTestClient;
  let admin: GraphQLTestClient;
  let dana: string; // member of Acme and Globex
  let lee: string; // member of no organization
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    app = await startTestApp();
    [agent, admin] = await Promise.all([app.signedIn(Role.AGENT), app.signedIn(Role.ADMIN)]);
    [{ id: dana }, { id: lee }] = await app.sql<{ id: string }>(
      `INSERT INTO customers (email, display_name) VALUES ('dana@ent.test', 'Dana'), ('lee@ent.test', 'Lee') RETURNING id`,
    );
    [{ id: acme }, { id: globex }] = await app.sql<{ id: string }>(`INSERT INTO organizations (name) VALUES ('Acme'), ('Globex') RETURNING id`);
    await app.sql(`INSERT INTO customer_organizations (customer_id, organization_id) VALUES ($1, $2), ($1, $3)`, [dana, acme, globex]);
    for (const input of [
      { label: 'Support level', type: 'SELECT', scope: 'ENTITLEMENT', options: ['Basic', 'Premium'] },
      { label: 'Seats', type: 'NUMBER', scope: 'ENTITLEMENT' },
      { label: 'End date', type: 'DATE', scope: 'ENTITLEMENT' },
      { label: 'Discount note', type: 'TEXT', scope: 'ENTITLEMENT', view: { agents: false }, edit: { agents: false } },
    ]) {
      await admin.ok(CREATE_FIELD, { input });
    }
  });
  afterAll(() => app.close());

  const refusal = async (client: GraphQLTestClient, query: string, variables: Record<string, unknown>) => {
    const { errors, data } = await client.request(query, variables);
    expect(data).toBeNull();
    const { code, reason, params, field } = errors![0].extensions!;
    return { code, reason, params, field, message: errors![0].message };
  };
  const createProduct = async (name: string) => (await admin.ok(CREATE_PRODUCT, { name })).createProduct;
  const grant = async (input: Record<string, string>) => (await agent.ok(GRANT, { input })).grantEntitlement;

  describe('products', () => {
    it('lets admins create, rename, archive and restore products; names are trimmed, unique ignoring case', async () => {
      const product = await createProduct('  Cloud   Pro ');
      expect(product).toMatchObject({ name: 'Cloud Pro', archived: false, version: 1 });
      expect(await refusal(admin, CREATE_PRODUCT, { name: 'CLOUD PRO' })).toMatchObject({
        code: 'BAD_USER_INPUT', field: 'name', reason: 'NAME_TAKEN', message: "Another product is already named 'Cloud Pro'",
      });
      expect(await refusal(admin, CREATE_PRODUCT, { name: '   ' })).toMatchObject({ field: 'name', reason: 'NAME_EMPTY' });
      expect(await refusal(admin, CREATE_PRODUCT, { name: 'x'.repeat(201) })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FIELD_LENGTH' });

      const renamed = (await admin.ok(UPDATE_PRODUCT, { input: { id: product.id, expectedVersion: 1, name: 'Cloud Pro Plus' } })).updateProduct;
      expect(renamed).toMatchObject({ name: 'Cloud Pro Plus', version: 2, archived: false });
      const archived = (await admin.ok(UPDATE_PRODUCT, { input: { id: product.id, expectedVersion: 2, archived: true } })).updateProduct;
      expect(archived).toMatchObject({ name: 'Cloud Pro Plus', version: 3, archived: true });
      expect((await agent.ok(PRODUCTS, {})).products.map((p: { id: string }) => p.id)).not.toContain(product.id);
      expect((await agent.ok(PRODUCTS, { all: true })).products).toContainEqual(archived);
      const restored = (await admin.ok(UPDATE_PRODUCT, { input: { id: product.id, expectedVersion: 3, archived: false } })).updateProduct;
      expect(restored).toMatchObject({ archived: false, version: 4 });
      // Nothing to change (the same name, already restored): the version stays.
      expect((await admin.ok(UPDATE_PRODUCT, { input: { id: product.id, expectedVersion: 4, name: 'Cloud Pro Plus', archived: false } })).updateProduct).toMatchObject({ version: 4 });
    });

    it('refuses a stale version, a name clash on rename, an unknown id, an explicit null, and agents', async () => {
      const a = await createProduct('Alpha');
      await createProduct('Beta');
      expect(await refusal(admin, UPDATE_PRODUCT, { input: { id: a.id, expectedVersion: 7, name: 'Gamma' } })).toMatchObject({
        code: 'CONFLICT', reason: 'STALE_VERSION', params: { entity: 'PRODUCT', current: 1, expected: 7 },
      });
      expect(await refusal(admin, UPDATE_PRODUCT, { input: { id: a.id, expectedVersion: 1, name: 'beta' } })).toMatchObject({
        field: 'name', reason: 'NAME_TAKEN', message: "Another product is already named 'Beta'",
      });
      expect(await refusal(admin, UPDATE_PRODUCT, { input: { id: MISSING, expectedVersion: 1, name: 'X' } })).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'PRODUCT' } });
      // An explicit null asks to clear, which neither can be.
      expect(await refusal(admin, UPDATE_PRODUCT, { input: { id: a.id, expectedVersion: 1, name: null } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', reason: 'NAME_EMPTY' });
      expect(await refusal(admin, UPDATE_PRODUCT, { input: { id: a.id, expectedVersion: 1, archived: null } })).toMatchObject({
        code: 'BAD_USER_INPUT', field: 'archived', reason: 'NOT_CLEARABLE', message: 'archived cannot be cleared: leave it out to keep it as it is',
      });
      expect(await agent.errorCode(CREATE_PRODUCT, { name: 'Agent product' })).toBe('FORBIDDEN');
      expect(await agent.errorCode(UPDATE_PRODUCT, { input: { id: a.id, expectedVersion: 1, archived: true } })).toBe('FORBIDDEN');
      expect((await app.sql(`SELECT name, archived, version FROM products WHERE id = $1`, [a.id]))[0]).toEqual({ name: 'Alpha', archived: false, version: 1 });
    });

    it('lists products by name for every signed-in viewer', async () => {
      const names = (await agent.ok(PRODUCTS, {})).products.map((p: { name: string }) => p.name);
      expect(names).toEqual([...names].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())));
    });
  });

  describe('entitlements', () => {
    let support: { id: string };
    let backup: { id: string };

    beforeAll(async () => {
      support = await createProduct('Support');
      backup = await createProduct('Backup');
    });

    it('grants a product to an organization; every member has it "via" the organization, beside their own', async () => {
      const org = await grant({ productId: support.id, organizationId: acme });
      expect(org).toMatchObject({ version: 1, product: { name: 'Support' }, customer: null, organization: { id: acme, name: 'Acme' }, details: [], detailsByKey: {} });
      const own = await grant({ productId: backup.id, customerId: dana });
      expect(own).toMatchObject({ customer: { id: dana }, organization: null });
      const viaGlobex = await grant({ productId: backup.id, organizationId: globex });

      const { customer } = await agent.ok(CUSTOMER, { id: dana });
      // By product name, then id: Backup (own and via Globex), then Support via Acme.
      expect(customer.entitlements.map((e: any) => [e.product.name, e.organization?.name ?? null])).toEqual(
        [own, viaGlobex].sort((x, y) => (x.id < y.id ? -1 : 1)).map((e) => ['Backup', e.organization?.name ?? null]).concat([['Support', 'Acme']]),
      );
      expect((await agent.ok(CUSTOMER, { id: lee })).customer.entitlements).toEqual([]);
      expect((await agent.ok(ORGANIZATION, { id: acme })).organization.entitlements.map((e: any) => e.id)).toEqual([org.id]);
    });

    it('sets detail values on an entitlement through setDetailValues, shown to members; hidden fields stay hidden', async () => {
      const [{ id }] = await app.sql<{ id: string }>(`SELECT id FROM entitlements WHERE organization_id = $1`, [acme]);
      const { setDetailValues } = await agent.ok(SET_VALUES, {
        input: { entitlementId: id, expectedVersion: 1, values: [{ fieldKey: 'support_level', value: 'Premium' }, { fieldKey: 'seats', value: 25 }, { fieldKey: 'end_date', value: '2027-03-31' }] },
      });
      expect(setDetailValues).toMatchObject({ __typename: 'Entitlement', version: 2, detailsByKey: { support_level: 'Premium', seats: 25, end_date: '2027-03-31' } });
      expect(setDetailValues.details.map((d: any) => d.displayValue)).toEqual(['Premium', '25', 'Mar 31, 2027']);
      await admin.ok(SET_VALUES, { input: { entitlementId: id, values: [{ fieldKey: 'discount_note', value: 'secret 40%' }] } });

      const inherited = (await agent.ok(CUSTOMER, { id: dana })).customer.entitlements.find((e: any) => e.id === id);
      expect(inherited.detailsByKey).toEqual({ support_level: 'Premium', seats: 25, end_date: '2027-03-31' });
      expect(JSON.stringify(inherited)).not.toContain('secret');
      const asAdmin = (await admin.ok(ORGANIZATION, { id: acme })).organization.entitlements[0];
      expect(asAdmin.detailsByKey).toMatchObject({ discount_note: 'secret 40%' });

      // Hidden reads as unknown; stale version is CONFLICT; unknown id NOT_FOUND; nothing changes.
      expect(await refusal(agent, SET_VALUES, { input: { entitlementId: id, values: [{ fieldKey: 'discount_note', value: 'x' }] } })).toMatchObject({
        code: 'BAD_USER_INPUT', reason: 'UNKNOWN_DETAIL_FIELD', message: "Unknown detail field: 'discount_note'",
      });
      expect(await refusal(agent, SET_VALUES, { input: { entitlementId: id, expectedVersion: 1, values: [{ fieldKey: 'seats', value: 1 }] } })).toMatchObject({
        code: 'CONFLICT', params: { entity: 'ENTITLEMENT', current: 3, expected: 1 },
      });
      expect(await refusal(agent, SET_VALUES, { input: { entitlementId: MISSING, values: [{ fieldKey: 'seats', value: 1 }] } })).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'ENTITLEMENT' } });
      expect(await refusal(agent, SET_VALUES, { input: { entitlementId: id, values: [{ fieldKey: 'seats', value: 'many' }] } })).toMatchObject({ reason: 'INVALID_DETAIL_VALUE', field: 'seats' });
      expect((await app.sql(`SELECT details->'seats' AS seats, version FROM entitlements WHERE id = $1`, [id]))[0]).toEqual({ seats: 25, version: 3 });
    });

    it('refuses a grant with no owner or both, unknown ids, an archived product, and a product granted twice', async () => {
      const before = (await app.sql(`SELECT id FROM entitlements`)).length;
      expect(await refusal(agent, GRANT, { input: { productId: support.id } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId', reason: 'ONE_ENTITLEMENT_OWNER' });
      expect(await refusal(agent, GRANT, { input: { productId: support.id, customerId: lee, organizationId: acme } })).toMatchObject({ reason: 'ONE_ENTITLEMENT_OWNER' });
      expect(await refusal(agent, GRANT, { input: { productId: MISSING, customerId: lee } })).toMatchObject({ field: 'productId', reason: 'NOT_FOUND', params: { entity: 'PRODUCT' } });
      expect(await refusal(agent, GRANT, { input: { productId: 'nope', customerId: lee } })).toMatchObject({ field: 'productId', reason: 'NOT_FOUND' });
      expect(await refusal(agent, GRANT, { input: { productId: support.id, customerId: MISSING } })).toMatchObject({
        field: 'customerId', reason: 'NOT_FOUND', params: { entity: 'CUSTOMER', id: `'${MISSING}'` },
      });
      expect(await refusal(agent, GRANT, { input: { productId: support.id, organizationId: 'nope' } })).toMatchObject({ field: 'organizationId', reason: 'NOT_FOUND', params: { entity: 'ORGANIZATION' } });
      expect(await refusal(agent, GRANT, { input: { productId: support.id, organizationId: acme } })).toMatchObject({
        code: 'BAD_USER_INPUT', field: 'productId', reason: 'ENTITLEMENT_EXISTS', message: "'Acme' is already entitled to 'Support'",
      });
      expect(await refusal(agent, GRANT, { input: { productId: backup.id, customerId: dana } })).toMatchObject({ reason: 'ENTITLEMENT_EXISTS', message: "'Dana' is already entitled to 'Backup'" });
      const retired = await createProduct('Retired');
      await admin.ok(UPDATE_PRODUCT, { input: { id: retired.id, expectedVersion: 1, archived: true } });
      expect(await refusal(agent, GRANT, { input: { productId: retired.id, customerId: lee } })).toMatchObject({
        field: 'productId', reason: 'PRODUCT_ARCHIVED', message: "'Retired' is archived: restore it in Settings → Products before granting it",
      });
      expect((await app.sql(`SELECT id FROM entitlements`)).length).toBe(before);
    });

    it("keeps an archived product's existing entitlements, marked archived", async () => {
      const legacy = await createProduct('Legacy');
      await grant({ productId: legacy.id, customerId: lee });
      await admin.ok(UPDATE_PRODUCT, { input: { id: legacy.id, expectedVersion: 1, archived: true } });
      expect((await agent.ok(CUSTOMER, { id: lee })).customer.entitlements).toMatchObject([{ product: { name: 'Legacy', archived: true } }]);
    });

    it('filters customers by product, own or through an organization; an unknown id matches nobody, a malformed one is refused', async () => {
      const names = async (productId: string) => (await agent.ok(BY_PRODUCT, { productId })).customers.edges.map((e: any) => e.node.displayName);
      expect(await names(support.id)).toEqual(['Dana']);
      expect(await names(backup.id)).toEqual(['Dana']);
      const [{ id: legacy }] = await app.sql<{ id: string }>(`SELECT id FROM products WHERE name = 'Legacy'`);
      expect(await names(legacy)).toEqual(['Lee']);
      expect(await names(MISSING)).toEqual([]);
      expect(await refusal(agent, BY_PRODUCT, { productId: 'nope' })).toMatchObject({ field: 'filter.productId', reason: 'NOT_FOUND', params: { entity: 'PRODUCT' } });
    });

    it('revokes an entitlement with its values and search rows; an unknown id is NOT_FOUND', async () => {
      const granted = await grant({ productId: support.id, customerId: lee });
      await agent.ok(SET_VALUES, { input: { entitlementId: granted.id, values: [{ fieldKey: 'support_level', value: 'Basic' }] } });
      await admin.ok(SET_VALUES, { input: { entitlementId: granted.id, values: [{ fieldKey: 'discount_note', value: 'to be removed' }] } });
      expect((await app.sql(`SELECT 1 FROM detail_search WHERE owner_id = $1`, [granted.id])).length).toBe(2);
      expect(await agent.ok(REVOKE, { id: granted.id })).toEqual({ revokeEntitlement: true });
      expect(await app.sql(`SELECT 1 FROM entitlements WHERE id = $1`, [granted.id])).toEqual([]);
      expect(await app.sql(`SELECT 1 FROM detail_search WHERE owner_id = $1`, [granted.id])).toEqual([]);
      expect(await refusal(agent, REVOKE, { id: granted.id })).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'ENTITLEMENT' } });
      expect(await refusal(agent, REVOKE, { id: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
      // Granting it again after the revoke is allowed.
      expect(await grant({ productId: support.id, customerId: lee })).toMatchObject({ customer: { id: lee } });
    });
  });
});
