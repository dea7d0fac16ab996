import 'reflect-metadata';
import fc from 'fast-check';
import { graphql, Kind, parse, type ExecutionResult, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { createSchema } from '../src/graphql/schema';
import { createContext } from '../src/graphql/context';
import { formatError } from '../src/graphql/error-formatting';
import { createServices, type Services } from '../src/services';
import { loadConfig } from '../src/config';
import { createLogger, type Logger } from '../src/logger';
import { jitGateway } from '../src/graphql/jit-executor';
import { SessionCookies } from '../src/http/session-cookie';
import type { ViewerIdentity } from '../src/auth/viewer';
import { FieldVisibility } from '../src/modules/detail-fields/field-visibility';
import { customerExportArgs, organizationExportArgs } from '../src/modules/exports/export.arguments';
import { refusalResponse } from '../src/http/client-errors';
import { Role } from '../src/graphql/enums';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { ImportFileStore } from '../src/modules/imports/import-file.store';
import { ImportRunner } from '../src/modules/imports/import-runner';
import { ImportService } from '../src/modules/imports/import.service';
import type { ImportQueue } from '../src/modules/imports/import-queue';
import { hashSecretToken } from '../src/auth/secret-token';
import { buildWorld, fixedId, hiddenFrom, worldViewers, type World, type WorldField, type WorldViewer } from './support/leak-world';

/**
 * The invariant, tested as a property: for random field audiences, random
 * viewers and random operations over every read path that exists, (1) no
 * value, label or option of a field hidden from the viewer appears in the
 * response, and (2) the response is identical to the one from a copy of the
 * world in which the hidden fields were never created.
 */
// 12 × 840 = 10,080 generated cases; smaller via env only for quick local checks.
const WORLDS = Number(process.env.LEAK_WORLDS ?? 12);
const CASES_PER_WORLD = Number(process.env.LEAK_CASES ?? 840);
/** The cached-path property changes the world twice per case, so it runs a quarter as many. */
const CACHED_CASES_PER_WORLD = Math.max(1, Math.round(CASES_PER_WORLD / 4));
const CUSTOMERS = 16;

const FIELD_SHAPES: Array<Pick<WorldField, 'scope' | 'type'> & { options?: number }> = [
  { scope: 'CUSTOMER', type: 'TEXT' },
  { scope: 'CUSTOMER', type: 'TEXT' },
  { scope: 'CUSTOMER', type: 'SELECT', options: 3 },
  { scope: 'CUSTOMER', type: 'MULTI_SELECT', options: 3 },
  { scope: 'CUSTOMER', type: 'NUMBER' },
  { scope: 'CUSTOMER', type: 'DATE' },
  { scope: 'CUSTOMER', type: 'EMAIL' },
  { scope: 'ORGANIZATION', type: 'TEXT' },
  { scope: 'ORGANIZATION', type: 'SELECT', options: 2 },
  { scope: 'ENTITLEMENT', type: 'TEXT' },
  { scope: 'ENTITLEMENT', type: 'SELECT', options: 2 },
  { scope: 'ENTITLEMENT', type: 'NUMBER' },
];
const PRODUCTS = 2;
/** Entitlements: product 0 to every organization, and product c % 2 to the first customers. */
const ENTITLED_CUSTOMERS = 6;

const audienceArb = fc.record({ allAgents: fc.boolean(), teams: fc.subarray([0, 1, 2]) });

/** Edit never admits anyone view does not (the API refuses such audiences). */
const permissionsArb = audienceArb.chain((view) =>
  fc.record({
    view: fc.constant(view),
    edit: view.allAgents ? audienceArb : fc.record({ allAgents: fc.constant(false), teams: fc.subarray(view.teams) }),
  }),
);

function worldArb(w: number): fc.Arbitrary<World> {
  const teams = [0, 1, 2].map((t) => fixedId(`w${w}-team${t}`));
  const fields = fc.tuple(...FIELD_SHAPES.map(() => fc.tuple(permissionsArb, fc.integer({ min: 0, max: 9 }).map((n) => n === 0)))).map((specs) =>
    specs.map(([{ view, edit }, archived], i): WorldField => {
      const shape = FIELD_SHAPES[i];
      return {
        id: fixedId(`w${w}-field${i}`),
        scope: shape.scope,
        key: `f${i}_${shape.type.toLowerCase()}`,
        label: `Lbl-w${w}f${i}-mark`,
        type: shape.type,
        options: Array.from({ length: shape.options ?? 0 }, (_, o) => `Opt-w${w}f${i}o${o}-mark`),
        archived,
        view,
        edit,
      };
    }),
  );
  return fields.chain((defs) => {
    const valueArb = (f: WorldField, owner: string): fc.Arbitrary<unknown> => {
      const marker = `w${w}f${defs.indexOf(f)}${owner}`;
      switch (f.type) {
        case 'TEXT':
          // The last one is Japanese, written without spaces, with a kanji of its own field: one or two such characters match anywhere.
          return fc.constantFrom(`note ${marker} alpha`, `Beta ${marker}`, `shared words ${marker}`, `担当${String.fromCodePoint(0x5c71 + defs.indexOf(f))}様${marker}`);
        case 'EMAIL':
          return fc.constant(`${marker}@mark.example`);
        case 'SELECT':
          return fc.constantFrom(...f.options);
        case 'MULTI_SELECT':
          return fc.subarray(f.options, { minLength: 1 });
        case 'NUMBER':
          return fc.integer({ min: -50, max: 50 });
        case 'DATE':
          return fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
        default:
          return fc.boolean();
      }
    };
    const detailsArb = (scope: WorldField['scope'], owner: string) =>
      fc.tuple(...defs.filter((f) => f.scope === scope).map((f) => fc.option(valueArb(f, owner), { freq: 3 }).map((v) => [f.key, v] as const))).map((entries) =>
        Object.fromEntries(entries.filter(([, v]) => v !== null)) as World['customers'][number]['details'],
      );
    return fc.record({
      teams: fc.constant(teams),
      fields: fc.constant(defs),
      products: fc.constant(Array.from({ length: PRODUCTS }, (_, p) => ({ id: fixedId(`w${w}-product${p}`), name: `Product ${p} w${w}` }))),
      entitlements: fc.tuple(
        ...[0, 1, 2].map((o) => detailsArb('ENTITLEMENT', `eo${o}`).map((details) => ({ id: fixedId(`w${w}-ent-org${o}`), product: 0, customer: null, org: o, details }))),
        ...Array.from({ length: ENTITLED_CUSTOMERS }, (_, c) =>
          detailsArb('ENTITLEMENT', `ec${c}`).map((details) => ({ id: fixedId(`w${w}-ent-customer${c}`), product: c % PRODUCTS, customer: c, org: null, details })),
        ),
      ),
      organizations: fc.tuple(...[0, 1, 2].map((o) => detailsArb('ORGANIZATION', `o${o}`).map((details) => ({ id: fixedId(`w${w}-org${o}`), name: `Org ${o} w${w}`, details })))),
      customers: fc.tuple(
        ...Array.from({ length: CUSTOMERS }, (_, c) =>
          fc.tuple(detailsArb('CUSTOMER', `c${c}`), fc.option(fc.integer({ min: 0, max: 2 }))).map(([details, org]) => ({
            id: fixedId(`w${w}-customer${c}`),
            email: `person${c}@w${w}.example`,
            name: `Person ${String.fromCharCode(65 + ((c * 7) % 26))}${c}`,
            org,
            details,
          })),
        ),
      ),
    });
  });
}

const DETAILS = `details { field { key label type options position archived viewerCanEdit } value displayValue } detailsByKey`;
const ENTITLEMENTS = `entitlements { id product { name } customer { id } organization { name } ${DETAILS} }`;

/** A page of history, with or without its count. */
const historyPage = (withCount: boolean) =>
  `${withCount ? 'totalCount' : ''} pageInfo { hasNextPage endCursor } edges { cursor node { id at actor { id } viaToken field { id key label type options } attribute from to importJobId values { field { id key label type options } value } product { id name } } }`;

/** A GraphQL operation, or a CSV export with its query-string arguments (JSON ones as text, as a URL carries them). */
type Operation =
  | { source: string; variables: Record<string, unknown> }
  // A query without variables, run as the API runs a repeated one: compiled by graphql-jit (jit-executor.ts).
  | { compiled: string }
  | { export: 'customers' | 'organizations'; params: Record<string, string> }
  | { import: { csv: string; onError: 'abort' | 'skip'; narrowed: boolean } };

/** Junk for any column: no field type reads it. */
const NOT_A_VALUE = 'not a value ✗';

/**
 * A customers import file (always a dry run): Email (existing customers and
 * new ones, repeats possible) and customer fields by key, cells drawn from
 * each field's own stored values, those values made invalid, junk and
 * blanks. Plain: the viewer imports it, naming fields they may view (and
 * sometimes one they may not). `narrowed`: the same agent imported it when
 * they were in every team and reads the job now (their permissions narrowed
 * since), so its errors may be about fields hidden from them now.
 */
function importArb(world: World, viewer: ViewerIdentity, narrowed: boolean): fc.Arbitrary<Operation> {
  const hidden = hiddenFrom(world, viewer);
  const customerFields = world.fields.filter((f) => f.scope === 'CUSTOMER' && !f.archived);
  const importable = narrowed ? customerFields : customerFields.filter((f) => !hidden.has(f.id));
  const hiddenKeys = customerFields.filter((f) => hidden.has(f.id)).map((f) => f.key);
  const own = (f: WorldField) => world.customers.flatMap((c) => (c.details[f.key] === undefined ? [] : [Array.isArray(c.details[f.key]) ? (c.details[f.key] as string[]).join('|') : String(c.details[f.key])]));
  const cellArb = (f: WorldField) => {
    const values = own(f);
    return fc.oneof(
      ...(values.length ? [fc.constantFrom(...values), fc.constantFrom(...values).map((v) => `${v} ✗`)] : []),
      fc.constantFrom('', NOT_A_VALUE),
    );
  };
  const emailArb = fc.constantFrom(...world.customers.map((c) => c.email), 'new1@import.test', 'NEW1@import.test', 'new2@import.test', 'not-an-email');
  const extraArb = !narrowed && hiddenKeys.length ? fc.option(fc.constantFrom(...hiddenKeys), { freq: 3 }) : fc.constant(null);
  return fc.tuple(fc.subarray(importable), extraArb, fc.constantFrom('abort' as const, 'skip' as const)).chain(([fields, extra, onError]) =>
    fc
      .array(fc.tuple(emailArb, ...fields.map(cellArb)), { minLength: 1, maxLength: 4 })
      .map((rows): Operation => {
        const header = ['Email', ...fields.map((f) => f.key), ...(extra ? [extra] : [])];
        const body = rows.map((row) => [...row, ...(extra ? [NOT_A_VALUE] : [])]);
        return { import: { csv: stringify([header, ...body]), onError, narrowed } };
      }),
  );
}

function operationArb(world: World, viewer: ViewerIdentity): fc.Arbitrary<Operation> {
  const hidden = hiddenFrom(world, viewer);
  const customerFields = world.fields.filter((f) => f.scope === 'CUSTOMER');
  const keys = [...customerFields.map((f) => f.key), 'no_such_field'];
  const storedTexts = world.customers.flatMap((c) => Object.values(c.details).flatMap((v) => (Array.isArray(v) ? v : [String(v)])));
  const fragment = (text: string) => fc.tuple(fc.nat(Math.max(0, text.length - 3)), fc.integer({ min: 3, max: 8 })).map(([s, n]) => text.slice(s, s + n));
  // One or two characters search word starts (another path than substrings): the start of a stored word, or any slice.
  const short = (text: string) =>
    fc.oneof(fc.integer({ min: 1, max: 2 }).map((n) => text.split(/[ \n]/).at(-1)!.slice(0, n)), fc.tuple(fc.nat(Math.max(0, text.length - 1)), fc.integer({ min: 1, max: 2 })).map(([s, n]) => text.slice(s, s + n)));
  // One or two adjacent Han, Hiragana or Katakana characters of a stored text: the CJK short path (anywhere, not word starts).
  const cjkRuns = storedTexts.flatMap((text) => text.match(/[\u3040-\u30ff\u4e00-\u9fff]+/gu) ?? []);
  const cjkShort = (run: string) => fc.tuple(fc.nat(run.length - 1), fc.integer({ min: 1, max: 2 })).map(([s, n]) => run.slice(s, s + n));
  const searchArb = fc.oneof(
    fc.constantFrom(...storedTexts).chain(fragment),
    cjkRuns.length ? fc.constantFrom(...cjkRuns).chain(cjkShort) : fc.constant('担当'),
    fc.constantFrom(...world.customers.map((c) => c.email)).chain(fragment),
    fc.constantFrom(...storedTexts).chain(short),
    fc.constantFrom('Org 1', 'person', 'mark', 'zzz', 'ma', 'o', ''),
  );
  const customerId = fc.constantFrom(...world.customers.map((c) => c.id), fixedId('missing'));
  const conditionArb = fc.constantFrom(...keys).chain((fieldKey) => {
    const field = customerFields.find((f) => f.key === fieldKey);
    const values = world.customers.map((c) => c.details[fieldKey]).filter((v) => v !== undefined);
    const equals = values.length ? fc.constantFrom(...values).map((v) => (Array.isArray(v) ? v[0] : v)) : fc.constant('x');
    return fc.oneof(
      equals.map((v) => ({ fieldKey, equals: v })),
      (values.length && field && ['TEXT', 'EMAIL', 'SELECT', 'MULTI_SELECT'].includes(field.type) ? fc.constantFrom(...values.map(String)).chain(fragment) : fc.constant('ab')).map((contains) => ({ fieldKey, contains })),
      fc.boolean().map((isEmpty) => ({ fieldKey, isEmpty })),
    );
  });
  const orderArb = fc.oneof(
    fc.record({ field: fc.constant('DETAIL'), fieldKey: fc.constantFrom(...keys), direction: fc.constantFrom('ASC', 'DESC') }),
    fc.record({ field: fc.constantFrom('DISPLAY_NAME', 'EMAIL', 'CREATED_AT'), direction: fc.constantFrom('ASC', 'DESC') }),
  );
  const writableKeys = [...world.fields.filter((f) => hidden.has(f.id) && f.scope === 'CUSTOMER').map((f) => f.key), 'no_such_field'];
  const entitlementKeys = [...world.fields.filter((f) => hidden.has(f.id) && f.scope === 'ENTITLEMENT').map((f) => f.key), 'no_such_field'];
  const entitlementId = fc.constantFrom(...world.entitlements.map((e) => e.id), fixedId('missing'));

  return fc.oneof(
    customerId.map((id) => ({ compiled: `{ customer(id: ${JSON.stringify(id)}) { id displayName ...D ${ENTITLEMENTS} } } fragment D on Customer { ${DETAILS} }` })),
    searchArb.map((q) => ({ compiled: `{ customers(first: 5, query: ${JSON.stringify(q)}) { totalCount edges { node { id ...D } } } } fragment D on Customer { ${DETAILS} }` })),
    customerId.map((id) => ({ source: `query($id: ID!) { customer(id: $id) { id displayName ...D } } fragment D on Customer { ${DETAILS} }`, variables: { id } })),
    fc.tuple(searchArb, searchArb, fc.integer({ min: 1, max: 9 })).map(([q, q2, first]) => ({
      source: `query($q: String, $q2: String, $first: Int) {
        a: customers(first: $first, query: $q) { totalCount totalCountIsExact pageInfo { hasNextPage endCursor } edges { cursor node { id ...D } } }
        b: customers(first: 3, query: $q2) { totalCount edges { node { id detailsByKey } } }
      } fragment D on Customer { ${DETAILS} }`,
      variables: { q, q2, first },
    })),
    fc.tuple(fc.array(conditionArb, { minLength: 1, maxLength: 2 }), searchArb).map(([details, query]) => ({
      source: `query($f: CustomerFilter, $q: String) { customers(first: 50, filter: $f, query: $q) { totalCount edges { node { id detailsByKey } } } }`,
      variables: { f: { details }, q: query || null },
    })),
    fc.tuple(orderArb, fc.integer({ min: 1, max: 20 })).map(([orderBy, first]) => ({
      source: `query($o: CustomerOrder, $first: Int) { customers(first: $first, orderBy: $o) { pageInfo { endCursor } edges { cursor node { id } } } }`,
      variables: { o: orderBy, first },
    })),
    fc.constantFrom(...world.organizations.map((o) => o.id)).map((id) => ({
      source: `query($id: ID!) { organization(id: $id) { name ${DETAILS} customers(first: 20) { totalCount edges { node { id detailsByKey } } } } }`,
      variables: { id },
    })),
    // Members of many organizations at once: the batched members loader, then the details loader for all of them.
    fc.integer({ min: 1, max: 5 }).map((first) => ({
      source: `query($first: Int) { organizations(first: 20) { edges { node { id name detailsByKey customers(first: $first) { totalCount edges { cursor node { id ...D } } } } } } } fragment D on Customer { ${DETAILS} }`,
      variables: { first },
    })),
    // History of one customer or organization, and of many customers at once (batched).
    fc.tuple(fc.constantFrom(...world.customers.map((c) => c.id)), fc.integer({ min: 1, max: 6 }), fc.boolean()).map(([id, first, withCount]) => ({
      source: `query($id: ID!, $first: Int) { customer(id: $id) { a: history(first: $first) { ${historyPage(withCount)} } } }`,
      variables: { id, first },
    })),
    fc.tuple(fc.constantFrom(...world.organizations.map((o) => o.id)), fc.integer({ min: 1, max: 6 }), fc.boolean()).map(([id, first, withCount]) => ({
      source: `query($id: ID!, $first: Int) { organization(id: $id) { history(first: $first) { ${historyPage(withCount)} } } }`,
      variables: { id, first },
    })),
    fc.tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 4 }), fc.boolean()).map(([customers, first, withCount]) => ({
      source: `query($n: Int, $first: Int) { customers(first: $n) { edges { node { id history(first: $first) { ${historyPage(withCount)} } } } } }`,
      variables: { n: customers, first },
    })),
    // A request's reporter and organization, with their details.
    fc.tuple(customerId, fc.boolean()).map(([id, withCount]) => ({
      source: `query($id: ID!) { customer(id: $id) { requests(first: 5) { ${withCount ? 'totalCount' : ''} edges { node { key reporter { id ...D } organization { id detailsByKey } } } } } } fragment D on Customer { ${DETAILS} }`,
      variables: { id },
    })),
    // Entitlements: own and inherited on a profile, an organization's own, and a whole page of customers at once.
    customerId.map((id) => ({ source: `query($id: ID!) { customer(id: $id) { id ${ENTITLEMENTS} } }`, variables: { id } })),
    fc.constantFrom(...world.organizations.map((o) => o.id)).map((id) => ({ source: `query($id: ID!) { organization(id: $id) { id ${ENTITLEMENTS} } }`, variables: { id } })),
    fc.tuple(searchArb, fc.integer({ min: 1, max: 20 })).map(([q, first]) => ({
      source: `query($q: String, $first: Int) { customers(first: $first, query: $q) { edges { node { id ${ENTITLEMENTS} } } } }`,
      variables: { q, first },
    })),
    fc.tuple(entitlementId, fc.constantFrom(...entitlementKeys), fc.constantFrom('x', 1, null)).map(([id, fieldKey, value]) => ({
      source: `mutation($i: SetDetailValuesInput!) { setDetailValues(input: $i) { __typename } }`,
      variables: { i: { entitlementId: id, values: [{ fieldKey, value }] } },
    })),
    fc.tuple(fc.constantFrom('CUSTOMER', 'ORGANIZATION', 'ENTITLEMENT'), fc.boolean()).map(([scope, includeArchived]) => ({
      source: `query($s: DetailFieldScope!, $a: Boolean!) { detailFields(scope: $s, includeArchived: $a) { id key label type scope options position archived viewerCanEdit permissions { view { agents teams { id } } edit { agents teams { id } } } } }`,
      variables: { s: scope, a: includeArchived },
    })),
    // The CSV exports: every column, row and order the lists would give, as one file.
    fc.tuple(fc.option(searchArb), fc.option(fc.array(conditionArb, { minLength: 1, maxLength: 2 })), fc.option(orderArb)).map(([query, details, orderBy]): Operation => ({
      export: 'customers',
      params: {
        ...(query ? { query } : {}),
        ...(details ? { filter: JSON.stringify({ details }) } : {}),
        ...(orderBy ? { orderBy: JSON.stringify(orderBy) } : {}),
      },
    })),
    fc.option(searchArb).map((query): Operation => ({ export: 'organizations', params: query ? { query } : {} })),
    // An import's report: its counts, failure and errors.
    importArb(world, viewer, false),
    ...(viewer.role === Role.ADMIN ? [] : [importArb(world, viewer, true)]),
    fc.tuple(customerId, fc.constantFrom(...writableKeys), fc.constantFrom('x', 1, null)).map(([id, fieldKey, value]) => ({
      source: `mutation($i: SetDetailValuesInput!) { setDetailValues(input: $i) { __typename } }`,
      variables: { i: { customerId: id, values: [{ fieldKey, value }] } },
    })),
  );
}

describe('the invariant: hidden detail values never reach a viewer, by any path', () => {
  let schema: GraphQLSchema;
  const logger = createLogger('silent');
  const config = loadConfig({});
  const cookies = new SessionCookies('auto');
  beforeAll(async () => {
    schema = await createSchema();
  });

  async function run(db: DataSource, services: Services, viewer: ViewerIdentity, op: Operation): Promise<string> {
    if ('export' in op) return exported(db, services, viewer, op);
    if ('import' in op) return imported(db, services, viewer, op.import);
    const contextValue = createContext(db, { requestId: 'leak-test', viewer, services, cookies, req: {} as never, res: {} as never });
    const result = 'compiled' in op ? await compiled(op.compiled, contextValue) : await graphql({ schema, source: op.source, variableValues: op.variables, contextValue });
    const errors = result.errors?.map((e) => formatError(e.toJSON(), e, logger));
    return JSON.stringify({ data: result.data, errors });
  }

  /**
   * The query's answer from the compiled executor: the gateway's executor runs
   * the document twice (graphql-js, then compiled on its second run by a
   * signed-in viewer) and the second answer counts. A document jit cannot
   * compile fails the test (its warning throws) rather than silently
   * testing graphql-js again.
   */
  async function compiled(source: string, context: ReturnType<typeof createContext>): Promise<ExecutionResult> {
    const strict = Object.create(logger, { warn: { value: (...args: unknown[]) => { throw new Error(`graphql-jit did not compile: ${JSON.stringify(args)}`); } } }) as Logger;
    const { executor } = await jitGateway(schema, strict).load({} as never);
    let document;
    try {
      document = parse(source);
    } catch (error) {
      return { errors: [error as GraphQLError] };
    }
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const request = { document, operation, operationName: null, request: { variables: {} }, context } as never;
    await executor!(request);
    return (await executor!(request)) as ExecutionResult;
  }

  /** The whole CSV file as the export route would stream it, or the refusal it would answer. */
  async function exported(db: DataSource, services: Services, viewer: ViewerIdentity, op: Extract<Operation, { export: string }>): Promise<string> {
    const visibility = new FieldVisibility(db, viewer);
    try {
      const chunks =
        op.export === 'customers'
          ? services.exports.customersCsv(await customerExportArgs(schema, op.params), visibility)
          : services.exports.organizationsCsv(await organizationExportArgs(schema, op.params), visibility);
      let csv = '';
      for await (const chunk of chunks) csv += chunk;
      return csv;
    } catch (error) {
      return JSON.stringify(refusalResponse(error, logger));
    }
  }

  /**
   * A dry-run import of the file run to its end in this process (the runner
   * without pg-boss), as `importer`; the job and its errors as `viewer` reads
   * them (importJob), without ids, times and cursors, which differ between worlds.
   */
  async function imported(db: DataSource, services: Services, viewer: ViewerIdentity, op: Extract<Operation, { import: unknown }>['import']): Promise<string> {
    const importer = op.narrowed ? { ...viewer, teamIds: (await db.query(`SELECT id FROM teams`)).map((t: { id: string }) => t.id) } : viewer;
    const files = new ImportFileStore(db);
    const noQueue = { enqueue: async () => undefined } as unknown as ImportQueue;
    const jobs = new ImportService(db, files, noQueue);
    const runner = new ImportRunner({ db, files, logger, detailValues: services.detailValues, history: services.history, organizations: services.organizations, viewerOf: async () => importer });
    const id = await jobs.startUpload(importer, { kind: 'customers', dryRun: true, onError: op.onError }, Readable.from([Buffer.from(op.csv)]), null);
    while (await runner.step(id, 60_000));
    const { status, phase, totalRows, processedRows, created, updated, unchanged, failed, encoding, delimiter, failure } = (await jobs.find(viewer, id))!;
    const errors = (await jobs.errors(viewer, id, 500, null)).nodes;
    return JSON.stringify({ status, phase, totalRows, processedRows, created, updated, unchanged, failed, encoding, delimiter, failure, errors });
  }

  const worlds = fc.sample(fc.nat(), { numRuns: WORLDS, seed: 20261125 }).map((_, w) => fc.sample(worldArb(w), { numRuns: 1, seed: 1000 + w })[0]);

  it.each(worlds.map((world, w) => [w, world] as const))('world %i', async (_w, world) => {
    const full = await buildWorld(world, new Set());
    const viewers = worldViewers(world.teams);
    const reduced = new Map<string, Awaited<ReturnType<typeof buildWorld>>>();
    try {
      for (const viewer of viewers) {
        const key = [...hiddenFrom(world, viewer.identity)].sort().join(',');
        if (!reduced.has(key)) reduced.set(key, await buildWorld(world, hiddenFrom(world, viewer.identity)));
      }
      const fullServices = createServices(full.db, config, logger);
      const reducedServices = new Map([...reduced].map(([k, r]) => [k, createServices(r.db, config, logger)]));
      const cases = fc.constantFrom(...viewers).chain((viewer) => operationArb(world, viewer.identity).map((op) => ({ viewer, op })));
      await fc.assert(
        fc.asyncProperty(cases, async ({ viewer, op }) => {
          const hidden = hiddenFrom(world, viewer.identity);
          const key = [...hidden].sort().join(',');
          const answer = await run(full.db, fullServices, viewer.identity, op);
          // 1. Nothing of a hidden field: its label, options or any of its values.
          for (const field of world.fields.filter((f) => hidden.has(f.id))) {
            for (const secret of secretsOf(world, field)) expect(answer).not.toContain(secret);
          }
          if ('import' in op && op.import.narrowed) {
            // 3. An import's error about a field hidden from its importer since reads IMPORT_COLUMN_HIDDEN, without the value
            // (or IMPORT_UNKNOWN_COLUMN when the importer could not view it either).
            const hiddenKeys = new Set(world.fields.filter((f) => hidden.has(f.id)).map((f) => f.key));
            for (const error of JSON.parse(answer).errors.filter((e: { column: string | null }) => e.column !== null && hiddenKeys.has(e.column))) {
              expect(error).toMatchObject({ value: null, problem: { reason: expect.stringMatching(/^IMPORT_(COLUMN_HIDDEN|UNKNOWN_COLUMN)$/) } });
            }
            // Unlike the other cases, the reference world cannot have imported the fields it lacks.
            return;
          }
          // 2. The same answer as in a world where the hidden fields do not exist.
          const reference = await run(reduced.get(key)!.db, reducedServices.get(key)!, viewer.identity, op);
          expect(answer).toEqual(reference);
        }),
        { numRuns: CASES_PER_WORLD, seed: 42 + _w },
      );
    } finally {
      await full.drop();
      for (const r of reduced.values()) await r.drop();
    }
  }, 600_000);

  /**
   * The same invariant through the caches of one API process (viewers from
   * their session or token secret, field definitions from the catalog, both
   * kept between requests): a request warms them, then, as another process
   * or an admin in psql would, a field the viewer could view is narrowed to
   * nobody, or the viewer leaves one of their teams; the very next request
   * must not show anything of a field hidden now. The change is undone after
   * each case.
   */
  it.each(worlds.map((world, w) => [w, world] as const))('world %i, through the caches between changes', async (_w, world) => {
    const full = await buildWorld(world, new Set());
    const services = createServices(full.db, config, logger);
    await services.cacheInvalidation.start();
    const barrier = () => services.cacheInvalidation.barrier((sql, params) => full.db.query(sql, params));
    try {
      const viewers = worldViewers(world.teams).filter((v) => v.identity.role !== Role.ADMIN);
      const secrets = await storeCredentials(full.db, viewers);
      const signedIn = (viewer: WorldViewer) =>
        viewer.identity.kind === 'token' ? services.apiTokens.viewerForToken(secrets.get(viewer.name)!) : services.auth.viewerForSession(secrets.get(viewer.name)!);
      const changeArb = (viewer: WorldViewer): fc.Arbitrary<Change> => {
        const visible = world.fields.filter((f) => !hiddenFrom(world, viewer.identity).has(f.id));
        return fc.oneof(
          ...(visible.length ? [fc.constantFrom(...visible).map((f): Change => ({ narrow: f }))] : []),
          ...(viewer.identity.teamIds.length ? [fc.constantFrom(...viewer.identity.teamIds).map((teamId): Change => ({ leave: teamId }))] : []),
        );
      };
      const cases = fc
        .constantFrom(...viewers.filter((v) => v.identity.teamIds.length > 0 || world.fields.some((f) => !hiddenFrom(world, v.identity).has(f.id))))
        .chain((viewer) => fc.record({ viewer: fc.constant(viewer), change: changeArb(viewer), op: operationArb(world, viewer.identity).filter((op) => 'source' in op) }));
      await fc.assert(
        fc.asyncProperty(cases, async ({ viewer, change, op }) => {
          await run(full.db, services, (await signedIn(viewer))!, op);
          await applyChange(full.db, world, viewer, change, 'apply');
          await barrier();
          try {
            const now = (await signedIn(viewer))!;
            const changed = 'narrow' in change ? { ...world, fields: world.fields.map((f) => (f.id === change.narrow.id ? { ...f, view: NOBODY, edit: NOBODY } : f)) } : world;
            expect([...now.teamIds].sort()).toEqual(viewer.identity.teamIds.filter((t) => !('leave' in change) || t !== change.leave).sort());
            const answer = await run(full.db, services, now, op);
            for (const field of changed.fields.filter((f) => hiddenFrom(changed, now).has(f.id))) {
              for (const secret of secretsOf(world, field)) expect(answer).not.toContain(secret);
            }
          } finally {
            await applyChange(full.db, world, viewer, change, 'undo');
            await barrier();
          }
        }),
        { numRuns: CACHED_CASES_PER_WORLD, seed: 4242 + _w },
      );
    } finally {
      await services.cacheInvalidation.stop();
      await full.drop();
    }
  }, 600_000);
});

/** What must never show of a hidden field: its label, options and every text value it holds. */
function secretsOf(world: World, field: WorldField): string[] {
  const owners = field.scope === 'CUSTOMER' ? world.customers : field.scope === 'ORGANIZATION' ? world.organizations : world.entitlements;
  return [field.label, ...field.options, ...owners.flatMap((o) => {
    const v = o.details[field.key];
    return typeof v === 'string' ? [v] : [];
  })];
}

/** A change between two requests of the cached-path property: a field narrowed to nobody, or the viewer leaving a team. */
type Change = { narrow: WorldField } | { leave: string };

const NOBODY: WorldField['view'] = { allAgents: false, teams: [] };

/**
 * Stores the viewers as the API knows them: agents with their teams and a
 * session each, tokens with their teams; answers each one's secret (the
 * session cookie's token or the bearer token) by viewer name.
 */
async function storeCredentials(db: DataSource, viewers: WorldViewer[]): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  for (const { name, identity } of viewers) {
    const secret = `leak-${name}-secret`;
    secrets.set(name, secret);
    if (identity.kind === 'token') {
      await db.query(`INSERT INTO api_tokens (id, name, role, token_hash) VALUES ($1, $2, $3, $4)`, [identity.id, identity.displayName, identity.role, hashSecretToken(secret)]);
      await db.query(`INSERT INTO api_token_teams (api_token_id, team_id) SELECT $1, unnest($2::uuid[])`, [identity.id, identity.teamIds]);
    } else {
      await db.query(`INSERT INTO agents (id, email, display_name, role, password_hash) VALUES ($1, $2, $3, $4, 'not a hash')`, [identity.id, identity.email, identity.displayName, identity.role]);
      await db.query(`INSERT INTO team_members (team_id, agent_id) SELECT unnest($2::uuid[]), $1`, [identity.id, identity.teamIds]);
      await db.query(`INSERT INTO sessions (token_hash, agent_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [hashSecretToken(secret), identity.id]);
    }
  }
  return secrets;
}

/** Applies a change in SQL, in one transaction, as another process or psql would; `undo` restores the world. */
async function applyChange(db: DataSource, world: World, viewer: WorldViewer, change: Change, direction: 'apply' | 'undo'): Promise<void> {
  await db.transaction(async (tx) => {
    if ('leave' in change) {
      const [table, owner] = viewer.identity.kind === 'token' ? ['api_token_teams', 'api_token_id'] : ['team_members', 'agent_id'];
      if (direction === 'apply') await tx.query(`DELETE FROM ${table} WHERE ${owner} = $1 AND team_id = $2`, [viewer.identity.id, change.leave]);
      else await tx.query(`INSERT INTO ${table} (${owner}, team_id) VALUES ($1, $2)`, [viewer.identity.id, change.leave]);
      return;
    }
    const field = change.narrow;
    await tx.query(`DELETE FROM detail_field_permission_teams WHERE field_id = $1`, [field.id]);
    for (const [access, audience] of [['VIEW', field.view], ['EDIT', field.edit]] as const) {
      const restored = direction === 'undo' ? audience : NOBODY;
      await tx.query(`UPDATE detail_field_permissions SET all_agents = $3 WHERE field_id = $1 AND access = $2`, [field.id, access, restored.allAgents]);
      for (const t of restored.teams) {
        await tx.query(`INSERT INTO detail_field_permission_teams (field_id, access, team_id) VALUES ($1, $2, $3)`, [field.id, access, world.teams[t]]);
      }
    }
  });
}
