import { ApolloServer } from '@apollo/server';
import { compileQuery } from 'graphql-jit';
import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, execute, parse } from 'graphql';
import { jitGateway } from '../src/graphql/jit-executor';
import { formatError } from '../src/graphql/error-formatting';
import { createLogger } from '../src/logger';
import { forbidden } from '../src/common/domain-error';

jest.mock('graphql-jit', () => {
  const actual = jest.requireActual('graphql-jit');
  return { ...actual, compileQuery: jest.fn(actual.compileQuery) };
});

const logger = createLogger('silent');
const signedIn = { viewer: { kind: 'token', id: 't', agentId: null, email: 'a@example.com', displayName: 'A', role: 'AGENT', teamIds: [] } };

/** A small schema with what the executor must keep: lists, a domain refusal, an unexpected error, a non-null field that fails, a serial mutation. */
function testSchema(calls: string[]) {
  const Row = new GraphQLObjectType({
    name: 'Row',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLInt) },
      name: { type: GraphQLString },
      secret: { type: GraphQLString, resolve: () => { throw forbidden(); } },
      broken: { type: GraphQLString, resolve: () => { throw new Error('SQL details nobody may see'); } },
      required: { type: new GraphQLNonNull(GraphQLString), resolve: () => null },
    },
  });
  const rows = [{ id: 1, name: 'a' }, { id: 2, name: 'b' }];
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { rows: { type: new GraphQLList(Row), resolve: () => rows } } }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: Object.fromEntries(['first', 'second'].map((name) => [name, { type: GraphQLString, resolve: async () => (calls.push(name), name) }])),
    }),
  });
}

async function serverFor(schema: GraphQLSchema) {
  const server = new ApolloServer({ gateway: jitGateway(schema, logger), formatError: (formatted, error) => formatError(formatted, error, logger) });
  await server.start();
  const run = async (query: string, contextValue: object = signedIn) => {
    const { body } = await server.executeOperation({ query }, { contextValue });
    if (body.kind !== 'single') throw new Error('expected a single result');
    return body.singleResult;
  };
  return { server, run };
}

describe('the compiled (graphql-jit) executor', () => {
  const calls: string[] = [];
  const schema = testSchema(calls);
  let server: ApolloServer;
  let run: (query: string, contextValue?: object) => Promise<{ data?: unknown; errors?: readonly any[] }>;
  beforeAll(async () => ({ server, run } = await serverFor(schema)));
  afterAll(() => server.stop());

  /** The first run is graphql-js's, the second the compiled query's: both answers must be the same. */
  async function runTwice(query: string) {
    const first = await run(query);
    expect(await run(query)).toEqual(first);
    return first;
  }

  it('compiles a query on its second run by a signed-in caller, once, and answers what graphql-js answers', async () => {
    const query = '{ rows { id name } }';
    const compiles = jest.mocked(compileQuery).mock.calls.length;
    expect(await run(query)).toEqual({ data: (await execute({ schema, document: parse(query) })).data });
    expect(jest.mocked(compileQuery).mock.calls.length).toBe(compiles);
    await runTwice(query);
    expect(jest.mocked(compileQuery).mock.calls.length).toBe(compiles + 1);
    const anonymous = '{ anonymous: rows { id } }';
    for (let i = 0; i < 3; i++) await run(anonymous, {});
    expect(jest.mocked(compileQuery).mock.calls.length).toBe(compiles + 1);
  });

  it("keeps a refusal's code, reason and path, masks anything else, and nulls a failed non-null field's parent, as graphql-js does", async () => {
    const { data, errors } = await runTwice('{ rows { id secret broken } more: rows { id required } }');
    expect(data).toEqual({ rows: [{ id: 1, secret: null, broken: null }, { id: 2, secret: null, broken: null }], more: [null, null] });
    expect(errors).toContainEqual(expect.objectContaining({ path: ['rows', 0, 'secret'], locations: [{ line: 1, column: 13 }], extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' }) }));
    const masked = errors!.find((e) => e.path?.join('.') === 'rows.1.broken');
    expect(masked).toMatchObject({ message: expect.stringMatching(/^Something went wrong on our side/), locations: [{ line: 1, column: 20 }], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(errors)).not.toContain('SQL details');
    // As on graphql-js: an internal error, masked.
    expect(errors).toContainEqual(expect.objectContaining({ path: ['more', 0, 'required'], locations: [{ line: 1, column: 45 }], extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }) }));
  });

  it('runs mutations on graphql-js, one root field after the other', async () => {
    expect(await run('mutation { b: second a: first }')).toEqual({ data: { b: 'second', a: 'first' } });
    expect(calls).toEqual(['second', 'first']);
  });
});
