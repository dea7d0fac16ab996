import { Role } from '../src/graphql/enums';
import { SharedCache } from '../src/db/cache-invalidation';
import { GraphQLTestClient } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';

const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { id token } }`;
const VIEWER = `{ viewer { id role teams { id } } }`;
const PERMISSIONS = `mutation($i: SetDetailFieldPermissionsInput!) { setDetailFieldPermissions(input: $i) { id } }`;

/** The same browser session (cookie) or partner token, sent to another API process. */
function sameCredentials(client: GraphQLTestClient, app: TestApp): GraphQLTestClient {
  const copy = app.client();
  copy.sessionCookie = client.sessionCookie;
  copy.bearer = client.bearer;
  return copy;
}

/** How many statements `app` sends for one request of `client`. */
async function statementsOf(app: TestApp, request: () => Promise<unknown>): Promise<number> {
  const before = app.statements.count;
  await request();
  return app.statements.count - before;
}

/**
 * Two API processes on one database (two app objects, each with its own
 * caches and LISTEN connection): a change made through one, or in SQL, is
 * honoured by the other's very next request, though that one had the
 * viewer or the field definitions cached.
 */
describe('caches of viewers and field definitions, across API processes', () => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    one = await startTestApp();
    two = await one.twin();
  });
  afterAll(() => one.close());

  it('serves a known session and the field definitions from memory', async () => {
    const agent = sameCredentials(await one.signedIn(Role.AGENT), two);
    await agent.ok(`{ detailFields(scope: CUSTOMER) { id } }`);
    expect(await statementsOf(two, () => agent.ok(VIEWER))).toBe(0);
    expect(await statementsOf(two, () => agent.ok(`{ detailFields(scope: CUSTOMER) { id } }`))).toBe(0);
  });

  it('refuses a revoked API token in the other process at once', async () => {
    const agent = await one.signedIn(Role.AGENT);
    const { createApiToken } = await agent.ok(CREATE_TOKEN, { input: { name: 'Sync', role: 'AGENT' } });
    const partner = two.client();
    partner.bearer = createApiToken.token;
    await partner.ok(VIEWER);
    expect(await statementsOf(two, () => partner.ok(VIEWER))).toBe(0);
    await agent.ok(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: createApiToken.id });
    expect(await partner.errorCode(VIEWER)).toBe('UNAUTHENTICATED');
  });

  it('refuses a session signed out in the other process at once', async () => {
    const browser = await one.signedIn(Role.AGENT);
    const elsewhere = sameCredentials(browser, two);
    await elsewhere.ok(VIEWER);
    await browser.ok(`mutation { signOut }`);
    expect(await elsewhere.errorCode(VIEWER)).toBe('UNAUTHENTICATED');
  });

  it('follows a changed role, team membership and deactivation at once', async () => {
    const admin = await one.signedIn(Role.ADMIN);
    const token = (await (await one.signedIn(Role.ADMIN)).ok(CREATE_TOKEN, { input: { name: 'Admin tool', role: 'ADMIN' } })).createApiToken;
    const team = (await admin.ok(`mutation { createTeam(name: "Cache team") { id } }`)).createTeam.id;
    const agent = await one.signedIn(Role.AGENT, [team]);
    const elsewhere = sameCredentials(agent, two);
    expect((await elsewhere.ok(VIEWER)).viewer).toMatchObject({ role: 'AGENT', teams: [{ id: team }] });

    await admin.ok(`mutation($t: ID!) { setTeamMembers(teamId: $t, memberIds: []) { id } }`, { t: team });
    expect((await elsewhere.ok(VIEWER)).viewer.teams).toEqual([]);

    // A role change ends the agent's sessions; a partner token's creator being deactivated ends the token.
    await admin.ok(`mutation($i: UpdateAgentInput!) { updateAgent(input: $i) { id } }`, { i: { id: agent.agentId, role: 'ADMIN' } });
    expect(await elsewhere.errorCode(VIEWER)).toBe('UNAUTHENTICATED');
    const partner = two.client();
    partner.bearer = token.token;
    await partner.ok(VIEWER);
    const creator = (await one.sql<{ id: string }>(`SELECT created_by_id AS id FROM api_tokens WHERE id = $1`, [token.id]))[0].id;
    await admin.ok(`mutation($i: UpdateAgentInput!) { updateAgent(input: $i) { id } }`, { i: { id: creator, active: false } });
    expect(await partner.errorCode(VIEWER)).toBe('UNAUTHENTICATED');
  });

  it('does not keep a value read while a notice of its topic arrived: it may predate the change', async () => {
    const cache = new SharedCache<string>(two.services.cacheInvalidation, 'fields', { ttlMs: 60_000, maxEntries: 10 });
    let finishRead: (value: string) => void = () => undefined;
    const slowRead = cache.get('k', () => new Promise((resolve) => (finishRead = resolve)));
    // The change commits (and is heard) while the read is under way ...
    await one.sql(`SELECT pg_notify('cp_cache', 'fields')`);
    finishRead('read before the change');
    expect(await slowRead).toBe('read before the change');
    // ... so the next request reads again instead of being served the old value.
    expect(await cache.get('k', async () => 'read after the change')).toBe('read after the change');
    expect(await cache.get('k', async () => 'not read: kept')).toBe('read after the change');
  });

  describe('a value hidden since the last request', () => {
    let admin: GraphQLTestClient;
    let team: string;
    let field: { id: string; key: string };
    let customer: string;
    const DETAILS = `query($id: ID!) { customer(id: $id) { detailsByKey details { field { key } value } } customers(first: 5, query: "cachecust") { edges { node { detailsByKey } } } }`;
    beforeAll(async () => {
      admin = await one.signedIn(Role.ADMIN);
      team = (await admin.ok(`mutation { createTeam(name: "Value keepers") { id } }`)).createTeam.id;
      field = (await admin.ok(`mutation { createDetailField(input: { scope: CUSTOMER, label: "Cache secret", type: TEXT }) { id key } }`)).createDetailField;
      customer = (await one.sql<{ id: string }>(`INSERT INTO customers (email, display_name, details) VALUES ('cachecust@example.com', 'Cache Cust', '{"cache_secret": "kept quiet"}') RETURNING id`))[0].id;
    });
    const shows = async (client: GraphQLTestClient) => JSON.stringify(await client.ok(DETAILS, { id: customer })).includes('kept quiet');
    const everyone = (agents: boolean, teamIds: string[] = []) => ({ agents, teamIds });

    it('is hidden in the other process once the field is narrowed to a team', async () => {
      const agent = sameCredentials(await one.signedIn(Role.AGENT), two);
      await admin.ok(PERMISSIONS, { i: { fieldId: field.id, view: everyone(true), edit: everyone(true) } });
      expect(await shows(agent)).toBe(true);
      await admin.ok(PERMISSIONS, { i: { fieldId: field.id, view: everyone(false, [team]), edit: everyone(false, [team]) } });
      expect(await shows(agent)).toBe(false);
    });

    it('is hidden in the other process once the agent leaves the team that may view it', async () => {
      await admin.ok(PERMISSIONS, { i: { fieldId: field.id, view: everyone(false, [team]), edit: everyone(false, [team]) } });
      const member = await one.signedIn(Role.AGENT, [team]);
      const agent = sameCredentials(member, two);
      expect(await shows(agent)).toBe(true);
      await admin.ok(`mutation($t: ID!) { setTeamMembers(teamId: $t, memberIds: []) { id } }`, { t: team });
      expect(await shows(agent)).toBe(false);
    });

    it('is hidden at once when the permission is narrowed in SQL, by no API at all', async () => {
      await admin.ok(PERMISSIONS, { i: { fieldId: field.id, view: everyone(true), edit: everyone(true) } });
      const agent = sameCredentials(await one.signedIn(Role.AGENT), two);
      expect(await shows(agent)).toBe(true);
      await one.sql(`UPDATE detail_field_permissions SET all_agents = false WHERE field_id = $1`, [field.id]);
      expect(await shows(agent)).toBe(false);
    });

    it('is hidden while the listener is reconnecting and after: caches start empty', async () => {
      await admin.ok(PERMISSIONS, { i: { fieldId: field.id, view: everyone(true), edit: everyone(true) } });
      const agent = sameCredentials(await one.signedIn(Role.AGENT), two);
      expect(await shows(agent)).toBe(true);
      // Cut both processes' listeners, then narrow the field while neither can hear it.
      await one.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'customer-profiles cache' AND datname = current_database()`);
      await one.sql(`UPDATE detail_field_permissions SET all_agents = false WHERE field_id = $1`, [field.id]);
      expect(await shows(agent)).toBe(false);
      // Back to listening (within about a second): the narrowed field stays hidden, and the caches serve again.
      await waitFor(() => two.services.cacheInvalidation.active && one.services.cacheInvalidation.active);
      expect(await shows(agent)).toBe(false);
      await agent.ok(VIEWER);
      expect(await statementsOf(two, () => agent.ok(VIEWER))).toBe(0);
    });
  });
});

/** Polls `condition` every 50 ms, for at most 10 s. */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 10_000) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
