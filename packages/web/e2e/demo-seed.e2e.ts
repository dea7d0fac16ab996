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

  it('has a lived-in history: values set at creation, tier raises by agents that agree with the values shown, notes by their authors', async () => {
    const agent = await signIn('agent@demo.test');
    type Change = { at: string; actor: { displayName: string } | null; field: { key: string } | null; attribute: string | null; from: unknown; to: unknown };
    const { customers } = await agent.ok(`{ customers(first: 60) { edges { node { detailsByKey history(first: 40) { edges { node { at actor { displayName } field { key } attribute from to } } } } } } }`);
    const profiles: Array<{ details: Record<string, unknown>; changes: Change[] }> = customers.edges.map((e: any) => ({ details: e.node.detailsByKey, changes: e.node.history.edges.map((h: any) => h.node) }));
    const raised = profiles.filter((p) => p.changes.some((c) => c.field?.key === 'support_tier' && c.actor));
    expect(raised.length).toBeGreaterThanOrEqual(2);
    for (const { details, changes } of raised) {
      const tier = changes.filter((c) => c.field?.key === 'support_tier');
      expect(tier).toHaveLength(2);
      // Newest first: the agent's raise, then the value set at creation, which the raise started from.
      expect(tier[0].to).toBe(details.support_tier);
      expect(tier[0].from).toBe(tier[1].to);
      expect(new Date(tier[0].at).getTime()).toBeGreaterThan(new Date(tier[1].at).getTime());
    }
    expect(profiles.some((p) => p.changes.some((c) => c.attribute === 'note' && c.actor))).toBe(true);
    expect(profiles.some((p) => p.changes.some((c) => c.attribute === 'organization'))).toBe(true);
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

  it('entitles organizations and some customers to products (one archived), with entitlement values under the same permissions', async () => {
    const agent = await signIn('agent@demo.test');
    const billing = await signIn('billing@demo.test');
    const { products } = await agent.ok(`{ products(includeArchived: true) { name archived } }`);
    expect(products.filter((p: { archived: boolean }) => p.archived)).toHaveLength(1);
    const READ = `{ customers(first: 200) { edges { node { entitlements { product { name archived } organization { id } detailsByKey } } } } }`;
    type Entitlement = { product: { archived: boolean }; organization: { id: string } | null; detailsByKey: Record<string, unknown> };
    const entitlements = async (client: GraphQLTestClient): Promise<Entitlement[]> =>
      (await client.ok(READ)).customers.edges.flatMap((e: { node: { entitlements: Entitlement[] } }) => e.node.entitlements);
    const seen = await entitlements(agent);
    expect(seen.filter((e) => e.organization).length).toBeGreaterThan(50);
    expect(seen.filter((e) => !e.organization).length).toBeGreaterThan(5);
    expect(seen.some((e) => e.product.archived)).toBe(true);
    expect(seen.some((e) => 'support_plan' in e.detailsByKey)).toBe(true);
    expect(seen.some((e) => 'contract_value' in e.detailsByKey)).toBe(false);
    expect((await entitlements(billing)).some((e) => 'contract_value' in e.detailsByKey)).toBe(true);
  });

  it('dates organizations before their first member, not on the day the demo was seeded', async () => {
    const agent = await signIn('agent@demo.test');
    const { organizations } = await agent.ok(`{ organizations(first: 60) { edges { node { createdAt updatedAt } } } }`);
    const weekAgo = Date.now() - 7 * 86_400_000;
    for (const { node } of organizations.edges) {
      expect(new Date(node.createdAt).getTime()).toBeLessThan(weekAgo);
      expect(new Date(node.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(node.createdAt).getTime());
    }
  });
});
