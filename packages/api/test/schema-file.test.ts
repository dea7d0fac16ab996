import { readFileSync } from 'node:fs';
import { buildSchema as parseSdl } from 'graphql';
import { createSchema, printSchemaFile } from '../src/graphql/schema';
import { SCHEMA_FILE } from '../src/graphql/emit-schema';

describe('schema.graphql', () => {
  it('is the schema the resolvers build (run `pnpm --filter @cp/api schema:emit` after a change)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printSchemaFile(await createSchema()));
  });

  it('keeps the partner contract names from shared/API.md', () => {
    const schema = parseSdl(readFileSync(SCHEMA_FILE, 'utf8'));
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    for (const name of ['viewer', 'teams', 'agents']) expect(query).toHaveProperty(name);
    for (const name of ['signIn', 'signOut', 'createAgent', 'createTeam', 'createApiToken']) expect(mutation).toHaveProperty(name);
    expect(String(mutation.signIn.args.map((a) => `${a.name}: ${a.type}`))).toBe('email: String!,password: String!');
    expect(String(mutation.createTeam.args.map((a) => `${a.name}: ${a.type}`))).toBe('name: String!,memberIds: [ID!]');
    expect(String(mutation.createApiToken.type)).toBe('CreateApiTokenPayload!');
    const fieldsOf = (type: string) => Object.keys((schema.getType(type) as any).getFields()).sort();
    expect(fieldsOf('Viewer')).toEqual(expect.arrayContaining(['id', 'email', 'displayName', 'role', 'teams']));
    expect(fieldsOf('Agent')).toEqual(expect.arrayContaining(['id', 'email', 'displayName', 'role', 'teams']));
    expect(fieldsOf('Team')).toEqual(expect.arrayContaining(['id', 'name', 'members']));
    expect(fieldsOf('CreateAgentInput')).toEqual(['displayName', 'email', 'password', 'role', 'teamIds']);
    expect(fieldsOf('CreateApiTokenInput')).toEqual(['name', 'role', 'teamIds']);
    expect(fieldsOf('CreateApiTokenPayload')).toEqual(expect.arrayContaining(['token', 'id']));
  });

  it('shows the permission a mutation needs as a directive', () => {
    const sdl = readFileSync(SCHEMA_FILE, 'utf8');
    expect(sdl).toMatch(/createAgent\(input: CreateAgentInput!\): Agent! @auth\(requires: \["MANAGE_AGENTS"\]\)/);
  });
});
