import { GraphQLTestClient } from '../../api/test/support/graphql-client';
import { DEMO_PASSWORD, startAppServer, type AppServer } from './support/app-server';

const FIELDS = `{ detailFields(scope: CUSTOMER) { key label type } orgFields: detailFields(scope: ORGANIZATION) { key label } }`;
const PAGE = `query($after: String) { customers(first: 200, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id detailsByKey } } } }`;

/** The demo help desk `npm start` seeds on an empty database: lived-in, and showing field permissions at work (over the API). */
describe('the demo seed', () => {
  let server: AppServer;
  const signIn = async (email: string) => {
    const client = new GraphQLTestClient(server.baseUrl);
    await client.signIn(email, DEMO_PASSWORD);
    return client;
  };

  beforeAll(async () => {
    server = await startAppServer();
  });
  afterAll(() => server?.stop());

  it('gives most customers detail values, of fields of several types', async () => {
    const billing = await signIn('billing@demo.test');
    const { customers } = await billing.ok(PAGE);
    const nodes: Array<{ detailsByKey: Record<string, unknown> }> = customers.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.filter((n) => Object.keys(n.detailsByKey).length > 0).length / nodes.length).toBeGreaterThan(0.8);
    const { detailFields } = await billing.ok(FIELDS);
    expect(new Set(detailFields.map((f: { type: string }) => f.type)).size).toBeGreaterThanOrEqual(7);
    const used = new Set(nodes.flatMap((n) => Object.keys(n.detailsByKey)));
    expect(detailFields.every((f: { key: string }) => used.has(f.key))).toBe(true);
  });

  it('restricts a customer and an organization field to the Billing team: the Tier 1 agent sees neither them nor their values', async () => {
    const agent = await signIn('agent@demo.test');
    const billing = await signIn('billing@demo.test');
    const labels = async (client: GraphQLTestClient) => {
      const { detailFields, orgFields } = await client.ok(FIELDS);
      return [...detailFields, ...orgFields].map((f: { label: string }) => f.label);
    };
    expect(await labels(billing)).toEqual(expect.arrayContaining(['Credit limit', 'Payment terms']));
    expect(await labels(agent)).not.toContain('Credit limit');
    expect(await labels(agent)).not.toContain('Payment terms');
    const keysSeen = async (client: GraphQLTestClient) =>
      new Set(((await client.ok(PAGE)).customers.edges as Array<{ node: { detailsByKey: object } }>).flatMap((e) => Object.keys(e.node.detailsByKey)));
    expect(await keysSeen(billing)).toContain('credit_limit');
    expect(await keysSeen(agent)).not.toContain('credit_limit');
  });
});
