import { Role } from '../src/graphql/enums';
import { operationLimits } from '../src/graphql/limits';
import { startTestApp, type TestApp } from './support/test-app';

describe('operation limits and error masking', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('rejects a too-deep query before running it', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    let selection = 'id';
    for (let i = 0; i < operationLimits.maxDepth; i += 1) selection = i % 2 ? `teams { ${selection} }` : `members { ${selection} }`;
    const res = await admin.request(`{ teams { ${selection} } }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/depth/i);
    expect(res.data).toBeUndefined();
  });

  it('rejects a too-costly query (wide and nested) before running it', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    // Within the depth and alias limits, but 28 deep trees multiply to well over the cost limit.
    const deep = 'teams { members { teams { members { teams { members { teams { members { id email displayName role active createdAt } } } } } } } }';
    const wide = Array.from({ length: 28 }, (_, i) => `a${i}: ${deep}`).join(' ');
    const res = await admin.request(`{ ${wide} }`);
    expect(res.errors?.map((e) => e.message).join(' ')).toMatch(/cost/i);
    expect(res.data).toBeUndefined();
  });

  it('rejects too many aliases', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const aliases = Array.from({ length: operationLimits.maxAliases + 1 }, (_, i) => `v${i}: viewer { id }`).join(' ');
    const res = await admin.request(`{ ${aliases} }`);
    expect(res.errors?.map((e) => e.message).join(' ')).toMatch(/alias/i);
  });

  it('suggests field names to signed-in callers only', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const typo = `{ viewr { id } }`;
    expect((await admin.request(typo)).errors?.[0].message).toMatch(/Did you mean "viewer"/);
    const anonymous = (await app.client().request(typo)).errors?.[0].message;
    expect(anonymous).toBe('Cannot query field "viewr" on type "Query".');
  });

  it('masks unexpected errors: a request id, no internals, and the same id in the header', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    // Break the database under the running app, as a failed deploy or outage would.
    await app.sql(`ALTER TABLE teams RENAME TO teams_gone`);
    try {
      const res = await admin.request(`{ teams { id } }`);
      const error = res.errors?.[0];
      expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(error?.extensions?.requestId).toBe(res.headers.get('x-request-id'));
      expect(error?.message).toBe(`Something went wrong on our side (request id ${error?.extensions?.requestId})`);
      expect(JSON.stringify(res)).not.toMatch(/relation|teams_gone|SELECT|stack/i);
    } finally {
      await app.sql(`ALTER TABLE teams_gone RENAME TO teams`);
    }
  });
});
