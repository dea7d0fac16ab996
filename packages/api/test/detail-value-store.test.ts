import { Role } from '../src/graphql/enums';
import type { ValuesWritten } from '../src/modules/detail-values/detail-value.store';
import { startTestApp, type TestApp } from './support/test-app';
import type { GraphQLTestClient } from './support/graphql-client';

const SET = `mutation($input: SetDetailValuesInput!) { setDetailValues(input: $input) { ... on Customer { version detailsByKey } } }`;

describe('the detail value store: one write path with a hook point', () => {
  let app: TestApp;
  let admin: GraphQLTestClient & { agentId: string };
  const heard: Array<Omit<ValuesWritten, 'tx' | 'owner'> & { table: string; inTransaction: boolean }> = [];
  let refuse = false;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.signedIn(Role.ADMIN);
    app.services.detailValues.onValuesWritten(async ({ tx, owner, cause, actor, changes }) => {
      heard.push({ table: owner.table, cause, actor, changes, inTransaction: tx.queryRunner?.isTransactionActive === true });
      if (refuse) throw new Error('listener refused');
    });
    await admin.ok(`mutation { createDetailField(input: { scope: CUSTOMER, label: "Tier", type: SELECT, options: ["Gold", "Silver"] }) { id } }`);
    await admin.ok(`mutation { createDetailField(input: { scope: CUSTOMER, label: "Motto", type: TEXT }) { id } }`);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    heard.length = 0;
    refuse = false;
  });

  const customer = async (identifier: string): Promise<{ id: string; version: number }> =>
    (await admin.ok(`mutation($i: String!) { addCustomers(input: { identifiers: $i }) { customers { id version } } }`, { i: identifier })).addCustomers.customers[0];

  it('tells listeners what setDetailValues wrote, what it replaced and who wrote it, inside its transaction', async () => {
    const { id } = await customer('hooked@store.test');
    await admin.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'tier', value: 'gold' }, { fieldKey: 'motto', value: null }] } });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ table: 'customers', cause: 'SET', inTransaction: true, actor: { agentId: admin.agentId, tokenId: null } });
    expect(heard[0].changes).toEqual([
      { ownerId: id, changes: [expect.objectContaining({ value: 'Gold', from: null }), expect.objectContaining({ value: null, from: null })] },
    ]);
    expect(heard[0].changes[0].changes.map((c) => c.field.key)).toEqual(['tier', 'motto']);

    heard.length = 0;
    await admin.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'tier', value: 'Silver' }, { fieldKey: 'motto', value: 'Onward' }] } });
    expect(heard[0].changes[0].changes.map((c) => [c.from, c.value])).toEqual([
      ['Gold', 'Silver'],
      [null, 'Onward'],
    ]);
  });

  it('undoes the whole write when a listener fails: values, version and search index', async () => {
    const { id, version } = await customer('undone@store.test');
    await admin.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'motto', value: 'keep this' }] } });
    refuse = true;
    const res = await admin.request(SET, { input: { customerId: id, values: [{ fieldKey: 'motto', value: 'never stored' }] } });
    expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const [row] = await app.sql<{ details: Record<string, unknown>; version: number }>(`SELECT details, version FROM customers WHERE id = $1`, [id]);
    expect(row).toEqual({ details: { motto: 'keep this' }, version: version + 1 });
    expect(await app.sql(`SELECT text FROM detail_search WHERE owner_id = $1`, [id])).toEqual([{ text: 'keep this' }]);
  });

  it('tells listeners about values an option rename rewrote', async () => {
    const { id } = await customer('renamed@store.test');
    await admin.ok(SET, { input: { customerId: id, values: [{ fieldKey: 'tier', value: 'Silver' }] } });
    const [{ id: fieldId, version }] = await app.sql<{ id: string; version: number }>(`SELECT id, version FROM detail_fields WHERE key = 'tier'`);
    heard.length = 0;
    await admin.ok(`mutation($input: UpdateDetailFieldInput!) { updateDetailField(input: $input) { options } }`, {
      input: { id: fieldId, expectedVersion: version, optionRenames: [{ from: 'Silver', to: 'Platinum' }] },
    });
    const rewritten = heard.flatMap((h) => h.changes).find((c) => c.ownerId === id);
    expect(heard.every((h) => h.cause === 'OPTIONS_CHANGED' && h.inTransaction)).toBe(true);
    expect(rewritten?.changes.map((c) => [c.field.options, c.from, c.value])).toEqual([[['Gold', 'Platinum'], 'Silver', 'Platinum']]);
    expect(heard[0].actor).toEqual({ agentId: admin.agentId, tokenId: null });
  });
});
