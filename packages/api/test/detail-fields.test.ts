import { Role } from '../src/graphql/enums';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';

const CREATE = `mutation($input: CreateDetailFieldInput!) {
  createDetailField(input: $input) { id key label type scope options position archived viewerCanEdit version
    permissions { view { agents teams { name } } edit { agents teams { name } } } }
}`;
const UPDATE = `mutation($input: UpdateDetailFieldInput!) { updateDetailField(input: $input) { key label options position archived version } }`;
const PERMISSIONS = `mutation($input: SetDetailFieldPermissionsInput!) { setDetailFieldPermissions(input: $input) { viewerCanEdit } }`;
const SET = `mutation($input: SetDetailValuesInput!) {
  setDetailValues(input: $input) { __typename ... on Customer { version detailsByKey details { field { key } value displayValue } } ... on Organization { detailsByKey } }
}`;
const FIELDS = `query($scope: DetailFieldScope!, $all: Boolean) { detailFields(scope: $scope, includeArchived: $all) { key label position archived viewerCanEdit permissions { view { agents } } } }`;

describe('detail fields and field-level permissions', () => {
  let app: TestApp;
  let admin: GraphQLTestClient & { agentId: string };
  let teamA: string;
  let teamB: string;
  let insider: GraphQLTestClient;
  let outsider: GraphQLTestClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.signedIn(Role.ADMIN);
    teamA = (await admin.ok(`mutation { createTeam(name: "Account managers") { id } }`)).createTeam.id;
    teamB = (await admin.ok(`mutation { createTeam(name: "Billing desk") { id } }`)).createTeam.id;
    insider = await app.signedIn(Role.AGENT, [teamA]);
    outsider = await app.signedIn(Role.AGENT, [teamB]);
  });
  afterAll(() => app.close());

  const customer = async (identifier: string) => (await admin.ok(`mutation($i: String!) { addCustomers(input: { identifiers: $i }) { customers { id version } } }`, { i: identifier })).addCustomers.customers[0];
  const create = (input: Record<string, unknown>) => admin.ok(CREATE, { input: { scope: 'CUSTOMER', ...input } }).then((d) => d.createDetailField);

  it('creates fields of every type with a stable key derived from the label, and defaults to every agent', async () => {
    const types = ['TEXT', 'NUMBER', 'DATE', 'SELECT', 'MULTI_SELECT', 'EMAIL', 'URL', 'PHONE', 'BOOLEAN', 'USER'];
    const created: any[] = [];
    for (const type of types) {
      created.push(await create({ label: `Every ${type} field`, type, options: type.includes('SELECT') ? ['Gold', 'Silver'] : undefined }));
    }
    expect(created.map((f) => f.key)).toEqual(types.map((t) => `every_${t.toLowerCase()}_field`));
    expect(created[3]).toMatchObject({ type: 'SELECT', options: ['Gold', 'Silver'], viewerCanEdit: true, permissions: { view: { agents: true, teams: [] }, edit: { agents: true, teams: [] } } });
    expect(created.map((f) => f.position)).toEqual([...created.keys()].map((i) => created[0].position + i));
    // Same label in the same scope is refused (ignoring case); in another scope it is fine.
    const dup = await admin.request(CREATE, { input: { scope: 'CUSTOMER', label: 'EVERY text FIELD', type: 'TEXT' } });
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'label' });
    await admin.ok(CREATE, { input: { scope: 'ORGANIZATION', label: 'Every TEXT field', type: 'TEXT' } });
  });

  it('refuses bad definitions with the input named', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ label: '   ', type: 'TEXT' }, 'label'],
      [{ label: 'No options', type: 'SELECT', options: [] }, 'options'],
      [{ label: 'Dup options', type: 'SELECT', options: ['A', 'a'] }, 'options'],
      [{ label: 'Text with options', type: 'TEXT', options: ['A'] }, 'options'],
      [{ label: 'Edit wider', type: 'TEXT', view: { agents: false, teamIds: [] }, edit: { agents: true } }, 'edit'],
    ];
    for (const [input, field] of cases) {
      const res = await admin.request(CREATE, { input: { scope: 'CUSTOMER', ...input } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('is admin-only to define: agents get FORBIDDEN, anonymous UNAUTHENTICATED, and permissions read as null for agents', async () => {
    const field = await create({ label: 'Admin only check', type: 'TEXT' });
    for (const [query, variables] of [
      [CREATE, { input: { scope: 'CUSTOMER', label: 'Sneaky', type: 'TEXT' } }],
      [UPDATE, { input: { id: field.id, label: 'Sneaky' } }],
      [PERMISSIONS, { input: { fieldId: field.id, view: { agents: true }, edit: { agents: true } } }],
    ] as const) {
      expect(await insider.errorCode(query, variables)).toBe('FORBIDDEN');
      expect(await app.client().errorCode(query, variables)).toBe('UNAUTHENTICATED');
    }
    const asAgent = await insider.request(FIELDS, { scope: 'CUSTOMER' });
    expect(asAgent.errors).toBeUndefined();
    expect(asAgent.data!.detailFields.every((f: any) => f.permissions === null)).toBe(true);
    expect((await admin.ok(FIELDS, { scope: 'CUSTOMER' })).detailFields.every((f: any) => f.permissions !== null)).toBe(true);
  });

  it('renames, reorders, archives and restores; renamed and removed options follow into stored values', async () => {
    const field = await create({ label: 'Plan', type: 'MULTI_SELECT', options: ['Basic', 'Plus', 'Max'] });
    const { id } = await customer('plan.owner@acme.test');
    await admin.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'plan', value: ['Max', 'basic'] }] } });
    const updated = (await admin.ok(UPDATE, { input: { id: field.id, label: 'Plan tier', options: ['Premium', 'Plus'], optionRenames: [{ from: 'Max', to: 'Premium' }], position: 0 } })).updateDetailField;
    expect(updated).toMatchObject({ key: 'plan', label: 'Plan tier', options: ['Premium', 'Plus'], position: 0 });
    const { customer: read } = await admin.ok(`query($id: ID!) { customer(id: $id) { detailsByKey } }`, { id });
    expect(read.detailsByKey.plan).toEqual(['Premium']);
    const search = await admin.ok(`{ customers(query: "premium") { edges { node { id } } } }`);
    expect(search.customers.edges.map((e: any) => e.node.id)).toEqual([id]);

    await admin.ok(UPDATE, { input: { id: field.id, archived: true } });
    expect((await admin.ok(FIELDS, { scope: 'CUSTOMER' })).detailFields.map((f: any) => f.key)).not.toContain('plan');
    expect((await admin.ok(`query($id: ID!) { customer(id: $id) { detailsByKey } }`, { id })).customer.detailsByKey).toEqual({});
    await admin.ok(UPDATE, { input: { id: field.id, archived: false } });
    expect((await admin.ok(`query($id: ID!) { customer(id: $id) { detailsByKey } }`, { id })).customer.detailsByKey).toEqual({ plan: ['Premium'] });
    const stale = await admin.request(UPDATE, { input: { id: field.id, expectedVersion: 1, label: 'Too late' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('writes values of every type, normalized, with display values; a bad value names the field and changes nothing', async () => {
    const { id, version } = await customer('typed.values@acme.test');
    const values = [
      ['every_text_field', '  Hello  ', 'Hello'],
      ['every_number_field', '12.50', 12.5],
      ['every_date_field', '2024-02-29', '2024-02-29'],
      ['every_select_field', 'gold', 'Gold'],
      ['every_multi_select_field', ['Silver', 'Gold', 'gold'], ['Gold', 'Silver']],
      ['every_email_field', 'a@b.example', 'a@b.example'],
      ['every_url_field', 'https://acme.example/x', 'https://acme.example/x'],
      ['every_phone_field', '+1 (555) 010-2000', '+1 (555) 010-2000'],
      ['every_boolean_field', true, true],
      ['every_user_field', admin.agentId, admin.agentId],
    ] as const;
    const res = (await admin.ok(SET, { input: { customerId: id, expectedVersion: version, values: values.map(([fieldKey, value]) => ({ fieldKey, value })) } })).setDetailValues;
    expect(res.__typename).toBe('Customer');
    expect(res.version).toBe(version + 1);
    expect(res.detailsByKey).toEqual(Object.fromEntries(values.map(([k, , stored]) => [k, stored])));
    const display = Object.fromEntries(res.details.map((d: any) => [d.field.key, d.displayValue]));
    expect(display).toMatchObject({ every_boolean_field: 'Yes', every_multi_select_field: 'Gold, Silver', every_user_field: expect.stringMatching(/ADMIN/) });

    // The label, the refused value and what is allowed; the reason and its params for translation.
    for (const [fieldKey, value, message, reason] of [
      ['every_number_field', 'twelve', "Every NUMBER field: 'twelve' must be a plain decimal number like -1234.5", 'NOT_PLAIN_DECIMAL'],
      ['every_date_field', '2026-02-30', "Every DATE field: '2026-02-30' is not a date: 2026-02 has 28 days (YYYY-MM-DD)", 'NOT_CALENDAR_DATE'],
      ['every_select_field', 'Bronze', "Every SELECT field: 'Bronze' is not one of the options: 'Gold', 'Silver'", 'NOT_AN_OPTION'],
      ['every_email_field', 'nope@', "Every EMAIL field: 'nope@' has nothing after the @", 'EMAIL_NO_DOMAIN'],
      ['every_url_field', 'javascript:alert(1)', "Every URL field: 'javascript:alert(1)' must be a link starting with http:// or https://", 'NOT_HTTP_URL'],
      ['every_user_field', '00000000-0000-4000-8000-000000000000', "Every USER field: '00000000-0000-4000-8000-000000000000' is not an agent of this help desk", 'NOT_AN_AGENT'],
    ] as const) {
      const bad = await admin.request(SET, { input: { customerId: id, values: [{ fieldKey: 'every_text_field', value: 'changed' }, { fieldKey, value }] } });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: fieldKey, reason: 'INVALID_DETAIL_VALUE', params: { label: message.slice(0, message.indexOf(':')), value: `'${value}'`, problem: { reason } } });
      expect(bad.errors?.[0].message).toBe(message);
    }
    // JSON variables cannot carry 1e309 (it becomes null); a literal in the document can.
    const huge = await admin.request(`mutation($id: ID!) { setDetailValues(input: { customerId: $id, values: [{ fieldKey: "every_number_field", value: 1e309 }] }) { __typename } }`, { id });
    expect(huge.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'every_number_field' });
    const after = (await admin.ok(`query($id: ID!) { customer(id: $id) { version detailsByKey } }`, { id })).customer;
    expect(after).toMatchObject({ version: version + 1, detailsByKey: { every_text_field: 'Hello' } });
    // null clears; a stale expectedVersion is a CONFLICT.
    await admin.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'every_text_field', value: null }] } });
    expect((await admin.ok(`query($id: ID!) { customer(id: $id) { detailsByKey } }`, { id })).customer.detailsByKey.every_text_field).toBeUndefined();
    expect(await admin.errorCode(SET, { input: { customerId: id, expectedVersion: version, values: [] } })).toBe('CONFLICT');
  });

  it('lets a team see and edit a restricted field; view-only is FORBIDDEN, hidden is like unknown, and nothing changes', async () => {
    const field = await create({ label: 'Contract tier', type: 'SELECT', options: ['Gold', 'Silver'], view: { agents: false, teamIds: [teamA, teamB] }, edit: { agents: false, teamIds: [teamA] } });
    const hidden = await create({ label: 'Secret note', type: 'TEXT', view: { agents: false, teamIds: [teamA] }, edit: { agents: false, teamIds: [teamA] } });
    const { id } = await customer('restricted@acme.test');
    await insider.ok(SET, { input: { customerId: id, values: [{ fieldKey: field.key, value: 'Gold' }, { fieldKey: hidden.key, value: 'only team A' }] } });

    // Billing desk (teamB) may view the tier but not edit it; the secret note does not exist for them.
    const seen = (await outsider.ok(`query($id: ID!) { customer(id: $id) { detailsByKey details { field { key viewerCanEdit } } } }`, { id })).customer;
    expect(seen.detailsByKey).toEqual({ contract_tier: 'Gold' });
    expect(seen.details).toEqual([{ field: { key: 'contract_tier', viewerCanEdit: false } }]);
    const viewOnly = await outsider.request(SET, { input: { customerId: id, values: [{ fieldKey: 'contract_tier', value: 'Silver' }] } });
    expect(viewOnly.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const hiddenWrite = await outsider.request(SET, { input: { customerId: id, values: [{ fieldKey: 'secret_note', value: 'x' }] } });
    const unknownWrite = await outsider.request(SET, { input: { customerId: id, values: [{ fieldKey: 'no_such_key', value: 'x' }] } });
    expect(hiddenWrite.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(hiddenWrite.errors?.[0].message).toBe(unknownWrite.errors?.[0].message.replace('no_such_key', 'secret_note'));
    const mixed = await outsider.request(SET, { input: { customerId: id, values: [{ fieldKey: 'contract_tier', value: 'Silver' }] } });
    expect(mixed.errors).toBeDefined();
    expect((await admin.ok(`query($id: ID!) { customer(id: $id) { detailsByKey } }`, { id })).customer.detailsByKey).toEqual({ contract_tier: 'Gold', secret_note: 'only team A' });

    // Filters, sorting and search on a hidden field behave exactly like an unknown key.
    const filterHidden = await outsider.request(`{ customers(filter: { details: [{ fieldKey: "secret_note", isEmpty: false }] }) { totalCount } }`);
    const filterUnknown = await outsider.request(`{ customers(filter: { details: [{ fieldKey: "nope", isEmpty: false }] }) { totalCount } }`);
    expect(filterHidden.errors?.[0].message).toBe("Unknown detail field: 'secret_note'");
    expect(filterUnknown.errors?.[0].message).toBe("Unknown detail field: 'nope'");
    expect((await outsider.request(`{ customers(orderBy: { field: DETAIL, fieldKey: "secret_note" }) { totalCount } }`)).errors?.[0].message).toBe("Unknown detail field: 'secret_note'");
    expect((await outsider.ok(`{ customers(query: "only team") { totalCount } }`)).customers.totalCount).toBe(0);
    expect((await insider.ok(`{ customers(query: "only team") { totalCount } }`)).customers.totalCount).toBe(1);

    // Admins change the audience at run time; it applies at once.
    await admin.ok(PERMISSIONS, { input: { fieldId: hidden.id, view: { agents: true }, edit: { agents: false, teamIds: [teamA] } } });
    expect((await outsider.ok(`{ customers(query: "only team") { totalCount } }`)).customers.totalCount).toBe(1);
    const stale = await admin.request(PERMISSIONS, { input: { fieldId: hidden.id, expectedVersion: hidden.version, view: { agents: false, teamIds: [teamA] }, edit: { agents: false, teamIds: [teamA] } } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const wider = await admin.request(PERMISSIONS, { input: { fieldId: hidden.id, view: { agents: false, teamIds: [teamA] }, edit: { agents: false, teamIds: [teamB] } } });
    expect(wider.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'edit.teamIds' });
  });

  it('filters and sorts by visible detail fields', async () => {
    const score = await create({ label: 'Health score', type: 'NUMBER' });
    const ids = [];
    for (const [email, value] of [['low@score.test', 3], ['high@score.test', 90], ['mid@score.test', 42], ['none@score.test', null]] as const) {
      const { id } = await customer(email);
      if (value !== null) await admin.ok(SET, { input: { customerId: id, values: [{ fieldKey: score.key, value }] } });
      ids.push(id);
    }
    const list = async (variables: Record<string, unknown>) =>
      (await insider.ok(`query($f: CustomerFilter, $o: CustomerOrder) { customers(first: 10, filter: $f, orderBy: $o, query: "score.test") { edges { node { email } } } }`, variables)).customers.edges.map((e: any) => e.node.email);
    expect(await list({ o: { field: 'DETAIL', fieldKey: 'health_score' } })).toEqual(['low@score.test', 'mid@score.test', 'high@score.test', 'none@score.test']);
    expect(await list({ o: { field: 'DETAIL', fieldKey: 'health_score', direction: 'DESC' } })).toEqual(['none@score.test', 'high@score.test', 'mid@score.test', 'low@score.test']);
    expect(await list({ f: { details: [{ fieldKey: 'health_score', equals: '42' }] } })).toEqual(['mid@score.test']);
    expect(await list({ f: { details: [{ fieldKey: 'health_score', isEmpty: true }] } })).toEqual(['none@score.test']);
  });

  it('sorts selects by option position and multi-selects by their first option, following renames and reorders', async () => {
    const tier = await create({ label: 'Tier', type: 'SELECT', options: ['Gold', 'Silver', 'Bronze'] });
    const channels = await create({ label: 'Channels', type: 'MULTI_SELECT', options: ['Phone', 'Email', 'Chat'] });
    const rows: Array<[string, string | null, string[] | null]> = [
      ['a', 'Bronze', ['Chat']],
      ['b', 'Gold', ['Email', 'Chat']],
      ['c', 'Silver', ['Phone', 'Chat']],
      ['d', null, null],
      ['e', 'Gold', ['Email']],
    ];
    const ids: Record<string, string> = {};
    for (const [name, tierValue, channelValue] of rows) {
      const { id } = await customer(`${name}@tier.test`);
      ids[name] = id;
      await admin.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'tier', value: tierValue }, { fieldKey: 'channels', value: channelValue }] } });
    }
    const sorted = async (fieldKey: string, direction = 'ASC') =>
      (await insider.ok(`query($o: CustomerOrder) { customers(first: 10, orderBy: $o, query: "tier.test") { edges { node { displayName } } } }`, { o: { field: 'DETAIL', fieldKey, direction } })).customers.edges
        .map((e: any) => e.node.displayName)
        .join('');
    const sortIndexes = async (fieldId: string) =>
      app.sql<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname LIKE $1`, [`customers_detail_${fieldId.replace(/-/g, '').slice(0, 24)}_%`]);

    // Not alphabetical (Bronze, Gold, Silver): the admin's order; ties (b, e) by name; empty last.
    expect(await sorted('tier')).toBe('becad');
    expect(await sorted('tier', 'DESC')).toBe('daceb');
    expect(await sorted('channels')).toBe('cbead');

    await admin.ok(UPDATE, { input: { id: tier.id, options: ['Platinum', 'Bronze', 'Gold'], optionRenames: [{ from: 'Silver', to: 'Platinum' }] } });
    expect(await sorted('tier')).toBe('cabed');
    const [tierIndex, ...staleTier] = await sortIndexes(tier.id);
    expect(staleTier).toEqual([]);
    expect(tierIndex.indexdef).toContain('"Platinum": 1');

    // Reordering a multi-select's options rewrites stored lists into the new order, so "first option" follows.
    await admin.ok(UPDATE, { input: { id: channels.id, options: ['Chat', 'Email', 'Phone'] } });
    const { customer: c } = await admin.ok(`query($id: ID!) { customer(id: $id) { detailsByKey } }`, { id: ids.c });
    expect(c.detailsByKey.channels).toEqual(['Chat', 'Phone']);
    expect(await sorted('channels')).toBe('abced');
    expect(await sortIndexes(channels.id)).toHaveLength(1);
  });

  it('counts for admins how many values removing options would change, before they remove them', async () => {
    const size = await create({ label: 'Company size', type: 'SELECT', options: ['Small', 'Medium', 'Large'] });
    const langs = await create({ label: 'Languages', type: 'MULTI_SELECT', options: ['English', 'Japanese', 'French'] });
    const values: Array<[string, string, string[]]> = [
      ['one@size.test', 'Small', ['English']],
      ['two@size.test', 'Small', ['English', 'Japanese']],
      ['three@size.test', 'Large', ['Japanese']],
      ['four@size.test', 'Medium', ['French']],
    ];
    for (const [email, sizeValue, langValue] of values) {
      const { id } = await customer(email);
      await admin.ok(SET, { input: { customerId: id, values: [{ fieldKey: size.key, value: sizeValue }, { fieldKey: langs.key, value: langValue }] } });
    }
    const COUNT = `query($scope: DetailFieldScope!, $options: [String!]!) { detailFields(scope: $scope) { key valueCountWithOptions(options: $options) } }`;
    const count = async (key: string, options: string[]) => (await admin.ok(COUNT, { scope: 'CUSTOMER', options })).detailFields.find((f: any) => f.key === key).valueCountWithOptions;
    expect(await count('company_size', ['Small'])).toBe(2);
    expect(await count('company_size', ['Small', 'Large'])).toBe(3);
    expect(await count('company_size', ['small', 'Tiny'])).toBe(0);
    // A list holding two removed options counts once.
    expect(await count('languages', ['English', 'Japanese'])).toBe(3);
    expect(await count('languages', [])).toBe(0);
    const asAgent = await insider.request(COUNT, { scope: 'CUSTOMER', options: ['Small'] });
    expect(asAgent.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // The count is what the removal then does.
    await admin.ok(UPDATE, { input: { id: size.id, options: ['Medium', 'Large'] } });
    expect((await app.sql(`SELECT 1 FROM customers WHERE email LIKE '%@size.test' AND NOT details ? 'company_size'`)).length).toBe(2);
  });

  it('handles 200 fields in a scope and 500 options in a field', async () => {
    for (let i = 0; i < 200; i += 1) await admin.ok(CREATE, { input: { scope: 'ORGANIZATION', label: `Bulk field ${i}`, type: i % 2 ? 'TEXT' : 'NUMBER' } });
    const options = Array.from({ length: 500 }, (_, i) => `Option ${i}`);
    await admin.ok(CREATE, { input: { scope: 'ORGANIZATION', label: 'Huge select', type: 'SELECT', options } });
    const org = (await admin.ok(`mutation { createOrganization(name: "Wide Org") { id } }`)).createOrganization;
    const values = Array.from({ length: 200 }, (_, i) => ({ fieldKey: `bulk_field_${i}`, value: i % 2 ? `text ${i}` : i }));
    values.push({ fieldKey: 'huge_select', value: 'option 499' });
    const before = app.statements.count;
    const { setDetailValues } = await admin.ok(SET, { input: { organizationId: org.id, values } });
    expect(app.statements.count - before).toBeLessThan(20);
    expect(Object.keys(setDetailValues.detailsByKey)).toHaveLength(201);
    expect(setDetailValues.detailsByKey.huge_select).toBe('Option 499');
    expect((await admin.ok(FIELDS, { scope: 'ORGANIZATION' })).detailFields.length).toBeGreaterThanOrEqual(201);
  });
});
