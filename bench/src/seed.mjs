// `pnpm bench:seed`: the benchmark data set in its own database, built once
// and kept; `pnpm bench` (run.mjs) calls ensureSeeded too. Settings (env):
// BENCH_DATABASE_URL, BENCH_DATABASE, BENCH_CUSTOMERS, BENCH_SEED, BENCH_BUILD,
// BENCH_NODE, BENCH_OUR_PORT; see bench/README.md.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createTokens, withToken } from './api-client.mjs';
import { createDatabase, ident, withClient, withDatabase } from './db.mjs';
import { createDetailFields, WORDS } from './details.mjs';
import { dataSetCounts, writeDataSet } from './seed-sql.mjs';
import { assertLoopback, buildApi, logger, runMain, startOurApi, stopAll, stopServer } from './servers.mjs';

const env = process.env;
const int = (name, fallback) => (env[name] ? Number.parseInt(env[name], 10) : fallback);

/** Bump when the generated rows change, so databases seeded before are built again. */
const SEED_FORMAT = 2;
const COMMENT_PREFIX = 'cp-bench-seed ';

const PRODUCT_LINES = ['Helpdesk', 'Analytics', 'Voice', 'Chat', 'Knowledge Base', 'Automation', 'Field Service', 'Billing', 'Identity', 'Messaging'];
const PRODUCT_TIERS = ['Starter', 'Team', 'Professional', 'Enterprise', 'Premier Support'];
/** 50 products: every line in every tier. */
export const PRODUCT_NAMES = PRODUCT_TIERS.flatMap((tier) => PRODUCT_LINES.map((line) => `${line} ${tier}`));

/**
 * The data set's settings from the environment: `customers` (default
 * 1,000,000) and from it 1 organization per 50 customers (20,000 at 1M),
 * 3 requests and half a note per customer; 50 products; `seed`.
 */
export function seedSettings() {
  const customers = int('BENCH_CUSTOMERS', 1_000_000);
  return {
    serverUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    database: env.BENCH_DATABASE ?? 'cp_bench_1m',
    port: int('BENCH_OUR_PORT', 4811),
    dataSet: {
      format: SEED_FORMAT,
      seed: int('BENCH_SEED', 20261130),
      customers,
      organizations: Math.max(1, Math.round(customers / 50)),
      products: PRODUCT_NAMES.length,
      requests: customers * 3,
      notes: Math.floor(customers / 2),
    },
  };
}

/** The data set a database was seeded with (its comment), or null. */
async function seededWith(serverUrl, database) {
  return withClient(serverUrl, async (c) => {
    const { rows } = await c.query(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [database]);
    const comment = rows[0]?.comment;
    return comment?.startsWith(COMMENT_PREFIX) ? JSON.parse(comment.slice(COMMENT_PREFIX.length)) : null;
  });
}

/**
 * The URL of `settings.database` when it already holds `settings.dataSet`
 * (its comment, written once seeding finished); throws otherwise. For
 * benchmarks that only read the data set and must never recreate the
 * database (seeding drops it first, also one still being seeded).
 */
export async function requireSeeded(settings) {
  const { serverUrl, database, dataSet } = settings;
  assertLoopback(serverUrl);
  const seeded = await seededWith(serverUrl, database);
  if (JSON.stringify(seeded) !== JSON.stringify(dataSet)) {
    throw new Error(`${database} does not hold ${JSON.stringify(dataSet)} (it holds ${JSON.stringify(seeded)}): run \`pnpm bench:seed\` with the same settings first`);
  }
  return withDatabase(serverUrl, database);
}

/**
 * Makes `settings.database` hold the data set: reuses it when its comment
 * names the same data set (written only once seeding finished), otherwise
 * recreates it: our API migrates it and creates an admin; through the API
 * (an ADMIN token from signIn + createApiToken) the team, the 30 detail
 * fields and the 50 products; then every row in SQL (seed-sql.mjs). Resolves
 * with `{ dbUrl, reused, counts, seconds }`. Throws when the API fails to
 * start or a call fails.
 */
export async function ensureSeeded(settings, log) {
  const { serverUrl, database, dataSet } = settings;
  assertLoopback(serverUrl);
  const dbUrl = withDatabase(serverUrl, database);
  const started = Date.now();
  const seeded = await seededWith(serverUrl, database);
  if (seeded && JSON.stringify(seeded) === JSON.stringify(dataSet)) {
    log(`reusing ${database}: it holds ${JSON.stringify(dataSet)}`);
    return { dbUrl, reused: true, counts: await withClient(dbUrl, dataSetCounts), seconds: 0 };
  }
  log(`seeding ${database} with ${JSON.stringify(dataSet)}`);
  await createDatabase(serverUrl, database, { reuse: false });

  const admin = { email: 'bench-admin@example.com', password: randomBytes(12).toString('hex') };
  const api = await startOurApi({ name: 'seed', dbUrl, port: settings.port, admin });
  const graphqlUrl = `${api.url}/graphql`;
  const tokens = await createTokens(graphqlUrl, admin.email, admin.password);
  const gql = withToken(graphqlUrl, tokens.admin);
  const { fields } = await createDetailFields(gql);
  const products = [];
  for (const name of PRODUCT_NAMES) products.push((await gql(`mutation { createProduct(name: ${JSON.stringify(name)}) { id name } }`)).createProduct);
  await stopServer(api);
  log(`created ${fields.length} detail fields and ${products.length} products through the API`);

  const counts = await withClient(dbUrl, async (c) => {
    const actorId = (await c.query('SELECT id FROM agents WHERE email = $1', [admin.email])).rows[0].id;
    await writeDataSet(c, { ...dataSet, fields, products, actorId, words: WORDS }, log);
    return dataSetCounts(c);
  });
  const expected = { customers: dataSet.customers, organizations: dataSet.organizations, products: dataSet.products, requests: dataSet.requests, notes: dataSet.notes };
  for (const [name, value] of Object.entries(expected)) {
    if (counts[name] !== value) throw new Error(`seeding wrote ${counts[name]} ${name}, not ${value}`);
  }
  await withClient(serverUrl, (c) => c.query(`COMMENT ON DATABASE ${ident(database)} IS ${literal(COMMENT_PREFIX + JSON.stringify(dataSet))}`));
  const seconds = Math.round((Date.now() - started) / 1000);
  log(`seeded ${database} in ${seconds} s:`, JSON.stringify(counts));
  return { dbUrl, reused: false, counts, seconds };
}

const literal = (text) => `'${text.replace(/'/g, "''")}'`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const log = logger('seed');
  await runMain('bench:seed', async () => {
    if (env.BENCH_BUILD !== '0') {
      log('building the API (turbo; BENCH_BUILD=0 skips)');
      buildApi();
    }
    await ensureSeeded(seedSettings(), log);
  }, stopAll, int('BENCH_TIMEOUT_MINUTES', 180));
}
