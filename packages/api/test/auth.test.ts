import { Role } from '../src/graphql/enums';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

const VIEWER = `{ viewer { id email role permissions teams { name } } }`;

describe('sessions: sign-in and sign-out', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ SIGN_IN_MAX_FAILURES: '3' });
  });
  afterAll(() => app.close());

  it('signs in with a secure cookie, answers viewer, and signs out', async () => {
    const { agentId, email } = await app.signedIn(Role.AGENT);
    const browser = app.client();
    const res = await browser.signIn(email, TEST_PASSWORD);
    expect(res.errors).toBeUndefined();
    const setCookie = res.headers.getSetCookie()[0];
    expect(setCookie).toMatch(/^cp_session=cps_/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Expires=/);

    const { viewer } = await browser.ok(VIEWER);
    expect(viewer).toMatchObject({ id: agentId, email, role: 'AGENT', permissions: ['WORKSPACE'] });

    const cookieBefore = browser.sessionCookie;
    expect(await browser.ok(`mutation { signOut }`)).toEqual({ signOut: true });
    expect(browser.sessionCookie).toBeUndefined();
    // The old cookie no longer works even if someone kept a copy.
    browser.sessionCookie = cookieBefore;
    expect(await browser.errorCode(VIEWER)).toBe('UNAUTHENTICATED');
  });

  it('stores only a hash of the session token', async () => {
    const client = await app.signedIn(Role.AGENT);
    const token = decodeURIComponent(client.sessionCookie!.split('=')[1]);
    const rows = await app.sql(`SELECT token_hash FROM sessions WHERE token_hash = $1`, [token]);
    expect(rows).toHaveLength(0);
  });

  it('rotates the session id on sign-in and ends the one the browser came with', async () => {
    const client = await app.signedIn(Role.AGENT);
    const first = client.sessionCookie;
    await client.signIn(client.email, TEST_PASSWORD);
    expect(client.sessionCookie).not.toEqual(first);
    const stale = app.client();
    stale.sessionCookie = first;
    expect(await stale.errorCode(VIEWER)).toBe('UNAUTHENTICATED');
    expect((await client.ok(VIEWER)).viewer.email).toBe(client.email);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const { email } = await app.signedIn(Role.AGENT);
    const wrongPassword = await app.client().signIn(email, 'not the password');
    const unknownEmail = await app.client().signIn(`nobody-${Date.now()}@test.example`, TEST_PASSWORD);
    expect(wrongPassword.errors?.[0]).toMatchObject({ message: 'Wrong email or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect(unknownEmail.errors?.[0]).toEqual(wrongPassword.errors?.[0]);
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it('rate limits repeated failures, even when the right password follows', async () => {
    const { email } = await app.signedIn(Role.AGENT);
    const client = app.client();
    for (let i = 0; i < 3; i += 1) {
      expect((await client.signIn(email, `wrong ${i}`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await client.signIn(email, TEST_PASSWORD);
    expect(blocked.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(blocked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.headers.getSetCookie()).toEqual([]);
  });

  it('anonymous requests are UNAUTHENTICATED', async () => {
    expect(await app.client().errorCode(VIEWER)).toBe('UNAUTHENTICATED');
    expect(await app.client().errorCode(`{ agents { id } }`)).toBe('UNAUTHENTICATED');
  });

  it('a deactivated agent is signed out at once and cannot sign in again', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const agent = await app.signedIn(Role.AGENT);
    await admin.ok(`mutation($id: ID!) { updateAgent(input: { id: $id, active: false }) { active } }`, { id: agent.agentId });
    expect(await agent.errorCode(VIEWER)).toBe('UNAUTHENTICATED');
    expect((await app.client().signIn(agent.email, TEST_PASSWORD)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
