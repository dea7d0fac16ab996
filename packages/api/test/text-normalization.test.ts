import type { QueryRunner } from 'typeorm';
import { Role } from '../src/graphql/enums';
import { NormalizeStoredText1764087300000 } from '../src/db/migrations/1764087300000-normalize-stored-text';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';

// 'ë' two ways: decomposed ('e' + COMBINING DIAERESIS, as macOS pastes it) and composed (one code point).
const DECOMPOSED = 'Zoe\u0308';
const COMPOSED = 'Zo\u00eb';

const ADD = `mutation($input: AddCustomersInput!) { addCustomers(input: $input) { customers { id version email username displayName organizations { name } } results { status } } }`;
const SEARCH = `query($query: String, $filter: CustomerFilter) { customers(first: 50, query: $query, filter: $filter) { edges { node { id } } } }`;
const SET = `mutation($input: SetDetailValuesInput!) { setDetailValues(input: $input) { __typename } }`;
const CREATE_FIELD = `mutation($input: CreateDetailFieldInput!) { createDetailField(input: $input) { id key label options } }`;

describe('text is stored and searched in one Unicode form (NFC)', () => {
  let app: TestApp;
  let admin: GraphQLTestClient;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.signedIn(Role.ADMIN);
  });
  afterAll(() => app.close());

  const stored = async (sql: string, params: unknown[]) => Object.values((await app.sql(sql, params))[0]);
  const found = async (query: string, filter?: unknown) => ((await admin.ok(SEARCH, { query, filter })).customers.edges as any[]).map((e) => e.node.id).sort();

  it('stores decomposed customer emails, usernames, display names and organization names composed', async () => {
    const { addCustomers } = await admin.ok(ADD, {
      input: { identifiers: `${DECOMPOSED}.mail@example.com, ${DECOMPOSED.toLowerCase()}_user`, newOrganizationName: `${DECOMPOSED} Holdings` },
    });
    // The username was refused before: a lone combining mark is no letter.
    expect(addCustomers.results.map((r: any) => r.status)).toEqual(['CREATED', 'CREATED']);
    const [byEmail, byUsername] = addCustomers.customers;
    expect([byEmail.email, byUsername.username, byEmail.displayName]).toEqual([`${COMPOSED}.mail@example.com`, `${COMPOSED.toLowerCase()}_user`, `${COMPOSED}.mail`]);
    expect(byEmail.organizations).toEqual([{ name: `${COMPOSED} Holdings` }]);
    expect(await stored(`SELECT email::text, display_name FROM customers WHERE id = $1`, [byEmail.id])).toEqual([`${COMPOSED}.mail@example.com`, `${COMPOSED}.mail`]);
    expect(await stored(`SELECT username::text FROM customers WHERE id = $1`, [byUsername.id])).toEqual([`${COMPOSED.toLowerCase()}_user`]);

    await admin.ok(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`, {
      input: { id: byUsername.id, expectedVersion: byUsername.version, displayName: `${DECOMPOSED} Ba\u0308r`, email: `b${DECOMPOSED}@example.com` },
    });
    expect(await stored(`SELECT display_name, email::text FROM customers WHERE id = $1`, [byUsername.id])).toEqual([`${COMPOSED} B\u00e4r`, `b${COMPOSED}@example.com`]);
    // The same person pasted the other way is the one already stored, not a second customer.
    const again = await admin.ok(ADD, { input: { identifiers: `${COMPOSED}.mail@example.com` } });
    expect(again.addCustomers.results).toEqual([{ status: 'EXISTING' }]);
  });

  it('normalizes literals in the query document too, escapes included', async () => {
    const { createOrganization } = await admin.ok(`mutation { createOrganization(name: "Zoe\\u0308 Literal") { id name } }`);
    expect(createOrganization.name).toBe(`${COMPOSED} Literal`);
    const { renameOrganization } = await admin.ok(`mutation($id: ID!) { renameOrganization(id: $id, name: "${DECOMPOSED} Renamed", expectedVersion: 1) { name } }`, { id: createOrganization.id });
    expect(renameOrganization.name).toBe(`${COMPOSED} Renamed`);
    expect(await stored(`SELECT name::text FROM organizations WHERE id = $1`, [createOrganization.id])).toEqual([`${COMPOSED} Renamed`]);
  });

  it('stores agents, teams and API token names composed, and a decomposed password signs in typed composed', async () => {
    const { createTeam } = await admin.ok(`mutation($n: String!) { createTeam(name: $n) { id name } }`, { n: `${DECOMPOSED} team` });
    expect(createTeam.name).toBe(`${COMPOSED} team`);
    const password = `${DECOMPOSED} correct horse`;
    const { createAgent } = await admin.ok(`mutation($input: CreateAgentInput!) { createAgent(input: $input) { id email displayName } }`, {
      input: { email: `${DECOMPOSED}.agent@example.com`, displayName: `${DECOMPOSED} Agent`, password, role: 'AGENT' },
    });
    expect([createAgent.email, createAgent.displayName]).toEqual([`${COMPOSED}.agent@example.com`, `${COMPOSED} Agent`]);
    expect(await stored(`SELECT email::text, display_name FROM agents WHERE id = $1`, [createAgent.id])).toEqual([`${COMPOSED}.agent@example.com`, `${COMPOSED} Agent`]);

    const agent = app.client();
    const signIn = await agent.signIn(`${COMPOSED}.agent@example.com`, password.normalize('NFC'));
    expect(signIn.errors).toBeUndefined();
    const { createApiToken } = await agent.ok(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { name } } }`, {
      input: { name: `${DECOMPOSED} sync`, role: 'AGENT' },
    });
    expect(createApiToken.apiToken.name).toBe(`${COMPOSED} sync`);
  });

  it('stores detail labels, options and values of every text-like type composed, and searches them either way', async () => {
    const field = async (label: string, type: string, options?: string[]) => (await admin.ok(CREATE_FIELD, { input: { scope: 'CUSTOMER', label, type, options } })).createDetailField;
    const text = await field(`${DECOMPOSED} notes`, 'TEXT');
    expect(text.label).toBe(`${COMPOSED} notes`);
    const select = await field('Nfc tier', 'SELECT', [`${DECOMPOSED} gold`, 'Plain']);
    expect(select.options).toEqual([`${COMPOSED} gold`, 'Plain']);
    const multi = await field('Nfc tags', 'MULTI_SELECT', [`${DECOMPOSED} tag`, 'Other']);
    const email = await field('Nfc email', 'EMAIL');
    const url = await field('Nfc link', 'URL');

    const { addCustomers } = await admin.ok(ADD, { input: { identifiers: 'nfc.details@example.com' } });
    const [customer] = addCustomers.customers;
    await admin.ok(SET, {
      input: {
        customerId: customer.id,
        values: [
          { fieldKey: text.key, value: `Likes ${DECOMPOSED}qx` },
          { fieldKey: select.key, value: `${DECOMPOSED} GOLD` },
          { fieldKey: multi.key, value: [`${DECOMPOSED} tag`] },
          { fieldKey: email.key, value: `${DECOMPOSED}@mail.example` },
          { fieldKey: url.key, value: `https://example.com/${DECOMPOSED}` },
        ],
      },
    });
    const [details] = await stored(`SELECT details FROM customers WHERE id = $1`, [customer.id]);
    expect(details).toEqual({
      [text.key]: `Likes ${COMPOSED}qx`,
      [select.key]: `${COMPOSED} gold`,
      [multi.key]: [`${COMPOSED} tag`],
      [email.key]: `${COMPOSED}@mail.example`,
      [url.key]: `https://example.com/${COMPOSED}`,
    });
    const [{ n }] = await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM detail_search WHERE owner_id = $1 AND text IS NOT NFC NORMALIZED`, [customer.id]);
    expect(n).toBe(0);

    expect(await found(`${COMPOSED}qx`)).toEqual([customer.id]);
    expect(await found(`${DECOMPOSED}qx`)).toEqual([customer.id]);
    expect(await found('', { details: [{ fieldKey: text.key, contains: `${DECOMPOSED}qx` }] })).toEqual([customer.id]);
    expect(await found('', { details: [{ fieldKey: select.key, equals: `${DECOMPOSED} gold` }] })).toEqual([customer.id]);
  });

  it('finds what was sent decomposed by a composed search, and the other way round', async () => {
    const { addCustomers } = await admin.ok(ADD, { input: { identifiers: `${DECOMPOSED}wq@example.com`, newOrganizationName: `${DECOMPOSED}orgwq` } });
    const [decomposedOne] = addCustomers.customers;
    const composedOne = (await admin.ok(ADD, { input: { identifiers: `${COMPOSED}vq@example.com` } })).addCustomers.customers[0];
    expect(await found(`${COMPOSED}wq`)).toEqual([decomposedOne.id]);
    expect(await found(`${DECOMPOSED}vq`)).toEqual([composedOne.id]);
    expect(await found(`${COMPOSED}orgwq`)).toEqual([decomposedOne.id]);
    const organizations = await admin.ok(`query($q: String) { organizations(query: $q) { edges { node { name } } } }`, { q: `${COMPOSED}orgw` });
    expect(organizations.organizations.edges).toEqual([{ node: { name: `${COMPOSED}orgwq` } }]);
  });

  it('the migration rewrites rows stored decomposed before it, and refuses them after', async () => {
    const migration = new NormalizeStoredText1764087300000();
    const runner = { query: (sql: string, params?: unknown[]) => app.sql(sql, params) } as unknown as QueryRunner;
    await migration.down(runner);
    const [customer] = await app.sql<{ id: string }>(
      `INSERT INTO customers (email, username, display_name, details) VALUES ($1, $2, $3, $4) RETURNING id`,
      [`${DECOMPOSED}.old@example.com`, `${DECOMPOSED}_old`, `${DECOMPOSED} Old`, JSON.stringify({ note: `${DECOMPOSED} old note` })],
    );
    const [organization] = await app.sql<{ id: string }>(`INSERT INTO organizations (name) VALUES ($1) RETURNING id`, [`${DECOMPOSED} Old Org`]);
    const [team] = await app.sql<{ id: string }>(`INSERT INTO teams (name) VALUES ($1) RETURNING id`, [`${DECOMPOSED} Old Team`]);
    const [field] = await app.sql<{ id: string }>(
      `INSERT INTO detail_fields (scope, key, label, type, options, position) VALUES ('CUSTOMER', 'old_nfc', $1, 'SELECT', $2, 99) RETURNING id`,
      [`${DECOMPOSED} old label`, JSON.stringify([`${DECOMPOSED} old option`])],
    );
    await app.sql(`INSERT INTO detail_search (owner_id, field_id, text) VALUES ($1, $2, $3)`, [customer.id, field.id, `${DECOMPOSED} old option`]);

    await migration.up(runner);
    expect(await stored(`SELECT email::text, username::text, display_name, details FROM customers WHERE id = $1`, [customer.id])).toEqual([
      `${COMPOSED}.old@example.com`,
      `${COMPOSED}_old`,
      `${COMPOSED} Old`,
      { note: `${COMPOSED} old note` },
    ]);
    expect(await stored(`SELECT name::text FROM organizations WHERE id = $1`, [organization.id])).toEqual([`${COMPOSED} Old Org`]);
    expect(await stored(`SELECT name::text FROM teams WHERE id = $1`, [team.id])).toEqual([`${COMPOSED} Old Team`]);
    expect(await stored(`SELECT label::text, options FROM detail_fields WHERE id = $1`, [field.id])).toEqual([`${COMPOSED} old label`, [`${COMPOSED} old option`]]);
    expect(await stored(`SELECT text FROM detail_search WHERE owner_id = $1`, [customer.id])).toEqual([`${COMPOSED} old option`]);
    await expect(app.sql(`UPDATE customers SET display_name = $1 WHERE id = $2`, [DECOMPOSED, customer.id])).rejects.toThrow(/customers_display_name_nfc/);
  });
});

describe('search ignores accents (unaccent), not kana or kanji', () => {
  let app: TestApp;
  let admin: GraphQLTestClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.signedIn(Role.ADMIN);
    const add = async (identifier: string, displayName: string, newOrganizationName?: string) => {
      const [customer] = (await admin.ok(ADD, { input: { identifiers: identifier, newOrganizationName } })).addCustomers.customers;
      await admin.ok(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`, { input: { id: customer.id, expectedVersion: customer.version, displayName } });
      return customer.id as string;
    };
    ids.jurgen = await add('jm@example.com', 'Jürgen Mäkelä');
    ids.upper = await add('jk@example.com', 'JÜRGEN KLOPP');
    ids.zoe = await add('zb@example.com', `${DECOMPOSED} Brûlé`);
    ids.strasse = await add('strasse@example.com', 'Hauptstraße Büro');
    ids.muller = await add('staff@muller.example', 'Staff member', 'Müller Ångström GmbH');
    ids.yamada = await add('yamada@example.jp', '山田太郎');
    ids.gakkou = await add('gakkou@example.jp', 'がっこう');
    ids.percent = await add('percent@example.com', 'Sale 50％ qz');
    ids.plain = await add('plain@example.com', 'Sale 50 qz');
    const { createDetailField } = await admin.ok(CREATE_FIELD, { input: { scope: 'CUSTOMER', label: 'Dessert', type: 'TEXT' } });
    ids.field = createDetailField.key;
    await admin.ok(SET, { input: { customerId: ids.plain, values: [{ fieldKey: createDetailField.key, value: 'Crème brûlée' }] } });
  });
  afterAll(() => app.close());

  const found = async (query: string, filter?: unknown) => ((await admin.ok(SEARCH, { query, filter })).customers.edges as any[]).map((e) => e.node.id).sort();
  const only = (...keys: string[]) => keys.map((key) => ids[key]).sort();

  it('finds accented names typed without accents, in any case, and the other way round', async () => {
    expect(await found('Jurgen')).toEqual(only('jurgen', 'upper'));
    expect(await found('jurgen')).toEqual(only('jurgen', 'upper'));
    expect(await found('JÜRGEN')).toEqual(only('jurgen', 'upper'));
    expect(await found('makela')).toEqual(only('jurgen'));
    expect(await found('Zoe brule')).toEqual(only('zoe'));
    expect(await found('zoë')).toEqual(only('zoe'));
    expect(await found('strasse')).toEqual(only('strasse'));
  });

  it('folds organization names, in customer search and the organizations list', async () => {
    expect(await found('muller angstrom')).toEqual(only('muller'));
    const { organizations } = await admin.ok(`query($q: String) { organizations(query: $q) { edges { node { name } } } }`, { q: 'MULLER' });
    expect(organizations.edges).toEqual([{ node: { name: 'Müller Ångström GmbH' } }]);
  });

  it('folds detail values, in search and in the contains filter', async () => {
    expect(await found('creme brulee')).toEqual(only('plain'));
    expect(await found('', { details: [{ fieldKey: ids.field, contains: 'CREME' }] })).toEqual(only('plain'));
  });

  it('leaves Japanese as typed: kanji and kana still match, a voiced kana is not its unvoiced one', async () => {
    expect(await found('山田')).toEqual(only('yamada'));
    expect(await found('がっこう')).toEqual(only('gakkou'));
    expect(await found('かっこう')).toEqual([]);
  });

  it('keeps a folded full-width percent sign literal, not a wildcard', async () => {
    expect(await found('50％ qz')).toEqual(only('percent'));
    expect(await found('50% qz')).toEqual(only('percent'));
  });
});
