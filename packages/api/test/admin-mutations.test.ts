import { MIN_PASSWORD_LENGTH } from '@cp/shared';
import { Role } from '../src/graphql/enums';
import { startTestApp, TEST_PASSWORD, type TestApp } from './support/test-app';

const CREATE_AGENT = `mutation($input: CreateAgentInput!) { createAgent(input: $input) { id email role active teams { name } } }`;
const CREATE_TEAM = `mutation($name: String!, $memberIds: [ID!]) { createTeam(name: $name, memberIds: $memberIds) { id name members { email } } }`;

describe('agents and teams (admin-only mutations)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const agentInput = (email: string, teamIds: string[] = []) => ({ email, displayName: 'New Person', password: TEST_PASSWORD, role: 'AGENT', teamIds });

  it('lets an admin create a team and an agent in it, who can then sign in', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const { createTeam } = await admin.ok(CREATE_TEAM, { name: 'Escalations' });
    const { createAgent } = await admin.ok(CREATE_AGENT, { input: agentInput('New.Person@Example.com', [createTeam.id]) });
    expect(createAgent).toMatchObject({ email: 'New.Person@Example.com', role: 'AGENT', active: true, teams: [{ name: 'Escalations' }] });
    // Emails are unique case-insensitively, and sign-in ignores case too.
    expect((await admin.request(CREATE_AGENT, { input: agentInput('new.person@example.com') })).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
    expect((await app.client().signIn('NEW.PERSON@example.com', TEST_PASSWORD)).errors).toBeUndefined();
  });

  it('replaces team members and renames teams; duplicate names are refused', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const a = await app.signedIn(Role.AGENT);
    const b = await app.signedIn(Role.AGENT);
    const { createTeam } = await admin.ok(CREATE_TEAM, { name: 'Night shift', memberIds: [a.agentId] });
    const { setTeamMembers } = await admin.ok(`mutation($t: ID!, $m: [ID!]!) { setTeamMembers(teamId: $t, memberIds: $m) { members { id } } }`, { t: createTeam.id, m: [b.agentId] });
    expect(setTeamMembers.members).toEqual([{ id: b.agentId }]);
    const { renameTeam } = await admin.ok(`mutation($id: ID!) { renameTeam(id: $id, name: "Late shift") { name } }`, { id: createTeam.id });
    expect(renameTeam.name).toBe('Late shift');
    const dup = await admin.request(CREATE_TEAM, { name: 'late SHIFT' });
    // The stored name it collides with, not the name as typed.
    expect(dup.errors?.[0]).toMatchObject({
      message: "Another team is already named 'Late shift'",
      extensions: { code: 'BAD_USER_INPUT', field: 'name', reason: 'NAME_TAKEN', params: { entity: 'TEAM', name: "'Late shift'" } },
    });
  });

  it('rejects bad input with the field named, and changes nothing', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const before = await app.sql(`SELECT count(*)::int AS n FROM agents`);
    const badEmail = await admin.request(CREATE_AGENT, { input: agentInput('not-an-email') });
    expect(badEmail.errors?.[0]).toMatchObject({
      message: 'email must be an email address like name@example.com',
      extensions: { code: 'BAD_USER_INPUT', field: 'email', reason: 'FIELD_NOT_EMAIL', params: { field: 'email' } },
    });
    const shortPassword = await admin.request(CREATE_AGENT, { input: { ...agentInput('short@example.com'), password: 'short' } });
    expect(shortPassword.errors?.[0]).toMatchObject({
      message: `password must have at least ${MIN_PASSWORD_LENGTH} characters`,
      extensions: { code: 'BAD_USER_INPUT', field: 'password', reason: 'FIELD_TOO_SHORT', params: { field: 'password', min: MIN_PASSWORD_LENGTH } },
    });
    // A nested input's refusal names its path.
    const longFilter = await admin.request(`query($f: CustomerFilter) { customers(filter: $f) { totalCount } }`, { f: { details: [{ fieldKey: 'x', contains: 'y'.repeat(201) }] } });
    expect(longFilter.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.details.0.contains', reason: 'FIELD_TOO_LONG', params: { field: 'contains', max: 200 } });
    const unknownTeam = await admin.request(CREATE_AGENT, { input: agentInput('team@example.com', ['00000000-0000-0000-0000-000000000000']) });
    expect(unknownTeam.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teamIds' });
    expect(await app.sql(`SELECT count(*)::int AS n FROM agents`)).toEqual(before);
  });

  it('refuses admin mutations to agents (FORBIDDEN) and to anonymous callers (UNAUTHENTICATED)', async () => {
    const agent = await app.signedIn(Role.AGENT);
    const anonymous = app.client();
    const mutations: Array<[string, Record<string, unknown>]> = [
      [CREATE_AGENT, { input: agentInput('sneaky@example.com') }],
      [CREATE_TEAM, { name: 'Sneaky' }],
      [`mutation($id: ID!) { updateAgent(input: { id: $id, role: ADMIN }) { role } }`, { id: agent.agentId }],
      [`mutation($id: ID!) { renameTeam(id: $id, name: "x") { id } }`, { id: agent.agentId }],
      [`mutation($id: ID!) { setTeamMembers(teamId: $id, memberIds: []) { id } }`, { id: agent.agentId }],
    ];
    for (const [query, variables] of mutations) {
      expect(await agent.errorCode(query, variables)).toBe('FORBIDDEN');
      expect(await anonymous.errorCode(query, variables)).toBe('UNAUTHENTICATED');
    }
    expect(await app.sql(`SELECT 1 FROM agents WHERE email = 'sneaky@example.com'`)).toEqual([]);
    expect(await app.sql(`SELECT role FROM agents WHERE id = $1`, [agent.agentId])).toEqual([{ role: 'AGENT' }]);
  });

  it('refuses stale edits of agents and teams with CONFLICT, changing nothing', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const agent = await app.signedIn(Role.AGENT);
    const { createTeam } = await admin.ok(`mutation { createTeam(name: "Versioned team") { id version } }`);
    const UPDATE_AGENT = `mutation($id: ID!, $v: Int, $n: String) { updateAgent(input: { id: $id, expectedVersion: $v, displayName: $n }) { displayName version } }`;
    const first = (await admin.ok(UPDATE_AGENT, { id: agent.agentId, v: 1, n: 'First' })).updateAgent;
    expect(first).toEqual({ displayName: 'First', version: 2 });
    expect((await admin.request(UPDATE_AGENT, { id: agent.agentId, v: 1, n: 'Stale' })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const RENAME = `mutation($id: ID!, $v: Int) { renameTeam(id: $id, name: "Renamed team", expectedVersion: $v) { version } }`;
    const MEMBERS = `mutation($id: ID!, $v: Int, $m: [ID!]!) { setTeamMembers(teamId: $id, memberIds: $m, expectedVersion: $v) { version members { id } } }`;
    expect((await admin.ok(MEMBERS, { id: createTeam.id, v: createTeam.version, m: [agent.agentId] })).setTeamMembers.version).toBe(createTeam.version + 1);
    expect(await admin.errorCode(RENAME, { id: createTeam.id, v: createTeam.version })).toBe('CONFLICT');
    expect(await admin.errorCode(MEMBERS, { id: createTeam.id, v: createTeam.version, m: [] })).toBe('CONFLICT');
    expect(await app.sql(`SELECT name::text FROM teams WHERE id = $1`, [createTeam.id])).toEqual([{ name: 'Versioned team' }]);
    expect(await app.sql(`SELECT count(*)::int AS n FROM team_members WHERE team_id = $1`, [createTeam.id])).toEqual([{ n: 1 }]);
  });

  it('does not let an admin lock themselves out', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const res = await admin.request(`mutation($id: ID!) { updateAgent(input: { id: $id, active: false }) { id } }`, { id: admin.agentId });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'active' });
  });

  it('resolves agents with their teams in a constant number of statements (no N+1)', async () => {
    const admin = await app.signedIn(Role.ADMIN);
    const count = async () => {
      const before = app.statements.count;
      await admin.ok(`{ teams { id members { id teams { id members { id } } } } }`);
      return app.statements.count - before;
    };
    const { createTeam } = await admin.ok(CREATE_TEAM, { name: 'Crowd' });
    const few = await count();
    for (let i = 0; i < 15; i += 1) await app.signedIn(Role.AGENT, [createTeam.id]);
    const many = await count();
    expect(many).toBe(few);
    // session, teams, members, their teams; the innermost members are already in the loader's cache
    expect(many).toBe(4);
  });
});
