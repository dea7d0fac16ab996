import { Role } from '../src/graphql/enums';
import { startTestApp, type TestApp } from './support/test-app';

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { id token apiToken { name role teams { name } createdBy { email } lastUsedAt revokedAt } } }`;

describe('API tokens for partner tools', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('authenticates with a bearer token that acts with its own role and teams', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const team = (await admin.ok(`mutation { createTeam(name: "Partners") { id } }`)).createTeam;
    const { createApiToken } = await admin.ok(CREATE, { input: { name: 'Sync tool', role: 'AGENT', teamIds: [team.id] } });
    expect(createApiToken.token).toMatch(/^cpt_[A-Za-z0-9_-]{43}$/);
    expect(createApiToken.apiToken).toMatchObject({ name: 'Sync tool', role: 'AGENT', teams: [{ name: 'Partners' }], createdBy: { email: admin.email }, lastUsedAt: null });

    const partner = app.client();
    partner.bearer = createApiToken.token;
    const { viewer } = await partner.ok(`{ viewer { id displayName role teams { name } } }`);
    expect(viewer).toEqual({ id: createApiToken.id, displayName: 'Sync tool', role: 'AGENT', teams: [{ name: 'Partners' }] });
    // An AGENT token is refused admin work even though an admin created it.
    expect(await partner.errorCode(`mutation { createTeam(name: "Nope") { id } }`)).toBe('FORBIDDEN');

    const stored = await app.sql<{ token_hash: string; last_used_at: Date | null }>(`SELECT token_hash, last_used_at FROM api_tokens WHERE id = $1`, [createApiToken.id]);
    expect(stored[0].token_hash).not.toContain(createApiToken.token);
    expect(stored[0].last_used_at).not.toBeNull();
  });

  it('stops working at once when revoked', async () => {
    const agent = await app.signedIn(Role.AGENT);
    const { createApiToken } = await agent.ok(CREATE, { input: { name: 'Script', role: 'AGENT' } });
    const partner = app.client();
    partner.bearer = createApiToken.token;
    await partner.ok(`{ viewer { id } }`);
    const { revokeApiToken } = await agent.ok(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: createApiToken.id });
    expect(revokeApiToken.revokedAt).not.toBeNull();
    expect(await partner.errorCode(`{ viewer { id } }`)).toBe('UNAUTHENTICATED');
  });

  it('refuses a token with more power than its creator, and hides other agents\' tokens', async () => {
    const agent = await app.signedIn(Role.AGENT);
    const other = await app.signedIn(Role.AGENT);
    expect(await agent.errorCode(CREATE, { input: { name: 'Escalate', role: 'ADMIN' } })).toBe('FORBIDDEN');
    const team = (await (await app.signedIn(Role.ADMIN)).ok(`mutation { createTeam(name: "Not mine") { id } }`)).createTeam;
    expect(await agent.errorCode(CREATE, { input: { name: 'Borrow', role: 'AGENT', teamIds: [team.id] } })).toBe('FORBIDDEN');

    const { createApiToken } = await other.ok(CREATE, { input: { name: 'Theirs', role: 'AGENT' } });
    expect((await agent.ok(`{ apiTokens { id } }`)).apiTokens).toEqual([]);
    expect(await agent.errorCode(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: createApiToken.id })).toBe('NOT_FOUND');
  });

  it('treats a malformed or unknown token as signed out', async () => {
    const partner = app.client();
    partner.bearer = 'cpt_not-a-real-token';
    expect(await partner.errorCode(`{ viewer { id } }`)).toBe('UNAUTHENTICATED');
  });
});
