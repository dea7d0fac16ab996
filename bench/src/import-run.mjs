// `pnpm bench:import`: how fast our API imports customers from a CSV file,
// beside COPY of the same rows (the physical limit). Flags: --sizes=10000,100000
// (default 10000,100000,1000000); --via=graphql sends the same rows as JSON to
// importCustomers, 10,000 a call, instead of uploading the CSV (no COPY
// baselines; results to import-graphql.json); --explain=<ms> logs the plan (EXPLAIN ANALYZE, by
// auto_explain) of every statement of the bench database slower than that to
// the PostgreSQL server log (it slows every statement a little); --reimport
// uploads each CSV a second time (every row unchanged) and times that too. Settings (env): BENCH_DATABASE_URL,
// BENCH_IMPORT_DATABASE, BENCH_BUILD, BENCH_KEEP, BENCH_IMPORT_PORT, BENCH_PROFILE,
// BENCH_TIMEOUT_MINUTES; see bench/README.md.
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { from as copyFrom } from 'pg-copy-streams';
import { closeClient, createTokens, graphql, withToken } from './api-client.mjs';
import { createDatabase, dropDatabase, ident, serverVersion, withClient, withDatabase } from './db.mjs';
import { createImportFields, expectedCustomers, ORGANIZATION_POOL, writeImportFiles } from './import-data.mjs';
import { mergeSummary } from './summary.mjs';
import { assertLoopback, benchDir, buildApi, logDir, logger, root, startOurApi, stopAll, stopServer, runMain } from './servers.mjs';

const env = process.env;
const int = (name, fallback) => (env[name] ? Number.parseInt(env[name], 10) : fallback);
const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const config = {
  serverUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  database: env.BENCH_IMPORT_DATABASE ?? 'cp_bench_import',
  sizes: (flag('sizes') ?? '10000,100000,1000000').split(',').map((s) => Number.parseInt(s, 10)),
  seed: 20261130,
  port: int('BENCH_IMPORT_PORT', 4813),
  build: env.BENCH_BUILD !== '0',
  keep: env.BENCH_KEEP === '1',
  timeoutMinutes: int('BENCH_TIMEOUT_MINUTES', 120),
  pollMs: 200,
  profile: env.BENCH_PROFILE === '1',
  explainMs: flag('explain') ? Number.parseInt(flag('explain'), 10) : null,
  via: flag('via') ?? 'csv',
  // --reimport: after each CSV import, the same file again into the same database (every row unchanged), timed on its own.
  reimport: process.argv.includes('--reimport'),
  // importCustomers' most rows per call (MAX_JSON_ROWS).
  rowsPerCall: 10_000,
};
if (config.sizes.some((n) => !(n > 0))) throw new Error(`--sizes must be positive row counts, not ${flag('sizes')}`);
if (!['csv', 'graphql'].includes(config.via)) throw new Error(`--via must be csv or graphql, not ${config.via}`);
if (config.via === 'graphql' && config.explainMs !== null) throw new Error('--explain goes with --via=csv');
if (config.via === 'graphql' && config.reimport) throw new Error('--reimport goes with --via=csv');

const log = logger('bench:import');
const dbUrl = withDatabase(config.serverUrl, config.database);
// This run's own directory for the generated files: two runs at once (other ports and databases) must not share or delete each other's.
const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'cp-bench-import-'));
const round = (v, digits = 0) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);
const seconds = (ms) => round(ms / 1000, 2);

/** Every table an import writes (and what refers to customers), emptied between sizes. */
const IMPORT_TABLES = ['customers', 'organizations', 'changes', 'detail_search', 'import_jobs', 'import_rows', 'import_errors', 'import_file_chunks'];

/** Empties every table of IMPORT_TABLES that exists (and, by CASCADE, memberships and whatever else refers to them). */
async function emptyTables() {
  await withClient(dbUrl, async (c) => {
    const { rows } = await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1::text[])`, [IMPORT_TABLES]);
    await c.query(`TRUNCATE ${rows.map((r) => ident(r.tablename)).join(', ')} CASCADE`);
  });
}

/** Resident memory of a process in MB from /proc (VmRSS now, or VmHWM: the peak since it started); null once it is gone. */
function memoryMB(pid, field) {
  try {
    const kb = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1];
    return kb ? round(Number(kb) / 1024, 1) : null;
  } catch {
    return null;
  }
}

const JOB = `query($id: ID!) { importJob(id: $id) { status phase totalRows processedRows created updated unchanged failed failure { message } } }`;

/**
 * Uploads `file` to POST /api/imports, its body streamed from disk, and
 * polls importJob until it ends, noting when the phase changes. Resolves
 * with the job, total seconds (upload start to SUCCEEDED), the upload's
 * seconds, seconds per phase, and the progress seen ([seconds, phase,
 * processedRows] whenever one changed). `seen.phase` follows the phase as it
 * is seen. Throws when the job fails.
 */
async function importFile(apiUrl, token, file, seen = { phase: 'UPLOAD' }) {
  const gql = withToken(`${apiUrl}/graphql`, token);
  const started = performance.now();
  const res = await fetch(`${apiUrl}/api/imports?kind=customers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(file)),
    duplex: 'half',
  });
  const answer = await res.json();
  if (res.status !== 202) throw new Error(`upload refused (${res.status}): ${JSON.stringify(answer).slice(0, 500)}`);
  const uploaded = performance.now();
  const phases = {};
  const progress = [];
  let phase = 'UPLOAD';
  let since = started;
  for (;;) {
    const { importJob: job } = await gql(JOB, { id: answer.jobId });
    const now = performance.now();
    if (job.processedRows !== progress.at(-1)?.[2] || job.phase !== progress.at(-1)?.[1]) progress.push([seconds(now - started), job.phase, job.processedRows]);
    if (job.phase !== phase) {
      phases[phase] = seconds(now - since);
      phase = job.phase;
      seen.phase = phase;
      since = now;
    }
    if (job.status === 'FAILED') throw new Error(`import failed: ${JSON.stringify(job)}`);
    if (job.status === 'SUCCEEDED') return { job, seconds: seconds(now - started), uploadSeconds: seconds(uploaded - started), phases, progress };
    await new Promise((r) => setTimeout(r, config.pollMs));
  }
}

const IMPORT_ROWS = `mutation($input: ImportCustomersInput!) { importCustomers(input: $input) { id status } }`;

/**
 * Sends the JSON rows of `file` (a line each) to importCustomers,
 * `config.rowsPerCall` a call, each with the Idempotency-Key
 * `<keyPrefix>-<call>`, and sends every call a second time with the same key
 * (a retry), which must answer the same job without starting another; then
 * polls importJob until that job SUCCEEDED before the next call. `onCall`
 * runs after each job (RSS samples). Resolves with the seconds from the
 * first call to the last job's end, the seconds of each call's job, and the
 * summed outcome counts.
 */
async function importJsonRows(apiUrl, token, file, keyPrefix, onCall) {
  const url = `${apiUrl}/graphql`;
  const gql = withToken(url, token);
  const send = async (rows, key) => (await graphql(url, IMPORT_ROWS, { authorization: `Bearer ${token}`, 'idempotency-key': key }, { input: { rows } })).data.importCustomers;
  const totals = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const callSeconds = [];
  let replaysSameJob = 0;
  const started = performance.now();
  const call = async (rows) => {
    const key = `${keyPrefix}-${callSeconds.length + 1}`;
    const callStarted = performance.now();
    const job = await send(rows, key);
    const replay = await send(rows, key);
    if (replay.id !== job.id) throw new Error(`a retry with the Idempotency-Key ${key} started job ${replay.id} beside ${job.id}`);
    replaysSameJob++;
    for (;;) {
      const { importJob: state } = await gql(JOB, { id: job.id });
      if (state.status === 'FAILED') throw new Error(`import failed: ${JSON.stringify(state)}`);
      if (state.status === 'SUCCEEDED') {
        for (const k of Object.keys(totals)) totals[k] += state[k];
        break;
      }
      await new Promise((r) => setTimeout(r, config.pollMs));
    }
    callSeconds.push(seconds(performance.now() - callStarted));
    onCall(callSeconds.length);
  };
  let rows = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    rows.push(JSON.parse(line));
    if (rows.length === config.rowsPerCall) {
      await call(rows);
      rows = [];
    }
  }
  if (rows.length > 0) await call(rows);
  return { seconds: seconds(performance.now() - started), calls: callSeconds.length, replaysSameJob, callSeconds, job: totals };
}

/**
 * One size through importCustomers: the rows as JSON, a fresh API importing
 * them `config.rowsPerCall` a call (timed, RSS sampled after each call's job);
 * no COPY baselines (the CSV run of the same size has them).
 */
async function runSizeGraphql(size, fields, admin, token) {
  const jsonPath = path.join(tmpDir, `customers-${size}.jsonl`);
  const started = performance.now();
  const bytes = await writeImportFiles({ count: size, seed: config.seed, fields, jsonPath });
  log(`${size}: generated ${round(bytes.jsonBytes / 2 ** 20, 1)} MB of JSON rows in ${seconds(performance.now() - started)} s`);
  try {
    await emptyTables();
    await withClient(dbUrl, (c) => c.query('VACUUM ANALYZE'));
    const api = await startOurApi({ name: `import-graphql-${size}`, dbUrl, port: config.port, admin, extraEnv: { IMPORT_WORKER: 'eager' } });
    const startMB = memoryMB(api.child.pid, 'VmRSS');
    let sampledMB = startMB;
    const sampler = setInterval(() => (sampledMB = Math.max(sampledMB, memoryMB(api.child.pid, 'VmRSS') ?? 0)), config.pollMs);
    // [calls done, VmRSS MB, VmHWM MB] every tenth of the calls: flat memory shows as a flat line.
    const rssByCall = [];
    const calls = Math.ceil(size / config.rowsPerCall);
    const every = Math.max(1, Math.floor(calls / 10));
    let imported;
    let peakMB;
    try {
      imported = await importJsonRows(api.url, token, jsonPath, `bench-${size}-${Date.now()}`, (done) => {
        if (done % every === 0 || done === calls) rssByCall.push([done, memoryMB(api.child.pid, 'VmRSS'), memoryMB(api.child.pid, 'VmHWM')]);
      });
      peakMB = memoryMB(api.child.pid, 'VmHWM');
    } finally {
      clearInterval(sampler);
      await stopServer(api);
    }
    const counts = await checkImport(size, fields);
    const rowsPerSec = round(size / imported.seconds);
    const sortedCalls = [...imported.callSeconds].sort((a, b) => a - b);
    log(`${size}: imported through importCustomers in ${imported.seconds} s (${rowsPerSec} rows/s, ${imported.calls} calls, every retry the same job), peak RSS ${peakMB} MB`);
    return {
      rows: size,
      jsonMB: round(bytes.jsonBytes / 2 ** 20, 1),
      seconds: imported.seconds,
      rowsPerSec,
      calls: imported.calls,
      rowsPerCall: config.rowsPerCall,
      retriesSameJob: imported.replaysSameJob,
      callSeconds: { min: sortedCalls[0], median: sortedCalls[Math.floor(sortedCalls.length / 2)], max: sortedCalls.at(-1), first: imported.callSeconds[0], last: imported.callSeconds.at(-1) },
      peakRssMB: peakMB,
      peakRssSampledMB: sampledMB,
      rssAtStartMB: startMB,
      rssByCall,
      job: imported.job,
      written: counts,
    };
  } finally {
    rmSync(jsonPath, { force: true });
  }
}

/** COPY of the prepared rows into `table` (email, display_name, details) in one statement; its seconds. */
async function copyInto(table, file) {
  return withClient(dbUrl, async (c) => {
    const started = performance.now();
    await pipeline(createReadStream(file), c.query(copyFrom(`COPY ${table} (email, display_name, details) FROM STDIN (FORMAT csv)`)));
    return seconds(performance.now() - started);
  });
}

/** JSON with object keys sorted (jsonb keeps its own key order). */
const canonical = (value) => JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

/** What the import wrote: row counts, and whether the first customers hold exactly the generated values. */
async function checkImport(size, fields) {
  const sample = expectedCustomers(Math.min(size, 50), config.seed, fields);
  return withClient(dbUrl, async (c) => {
    const { rows: [counts] } = await c.query(`SELECT
      (SELECT count(*)::int FROM customers) AS customers,
      (SELECT count(*)::int FROM organizations) AS organizations,
      (SELECT count(*)::int FROM customer_organizations) AS memberships,
      (SELECT count(*)::int FROM detail_search) AS "searchRows",
      (SELECT count(*)::int FROM changes) AS "historyRows"`);
    const { rows } = await c.query(`SELECT email::text AS email, display_name AS "displayName", details FROM customers WHERE email = ANY($1::citext[])`, [sample.map((s) => s.email)]);
    const stored = new Map(rows.map((r) => [r.email, r]));
    const mismatch = sample.find((s) => canonical(stored.get(s.email) ?? null) !== canonical(s));
    if (counts.customers !== size) throw new Error(`the import wrote ${counts.customers} customers, not ${size}`);
    if (mismatch) throw new Error(`stored customer differs from the generated one: ${JSON.stringify({ generated: mismatch, stored: stored.get(mismatch.email) ?? null })}`);
    return counts;
  });
}

/** One size: files, a fresh API importing the CSV (timed, RSS sampled), then COPY into customers and into a bare table. */
async function runSize(size, fields, admin, token) {
  const csvPath = path.join(tmpDir, `customers-${size}.csv`);
  const copyPath = path.join(tmpDir, `customers-${size}.copy.csv`);
  let started = performance.now();
  const bytes = await writeImportFiles({ count: size, seed: config.seed, fields, csvPath, copyPath });
  log(`${size}: generated ${round(bytes.csvBytes / 2 ** 20, 1)} MB of CSV in ${seconds(performance.now() - started)} s`);
  try {
    await emptyTables();
    await withClient(dbUrl, (c) => c.query('VACUUM ANALYZE'));
    // BENCH_PROFILE=1: a V8 CPU profile of the API, written as it exits (summarise with src/profile-summary.mjs).
    const nodeArgs = config.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(logDir, 'profiles', `import-${size}`)}`] : [];
    const api = await startOurApi({ name: `import-${size}`, dbUrl, port: config.port, admin, nodeArgs, extraEnv: { IMPORT_WORKER: 'eager' } });
    // The highest VmRSS seen in each phase (UPLOAD, QUEUED, READING, ...).
    const seen = { phase: 'UPLOAD' };
    const sampledMB = {};
    const sampler = setInterval(() => {
      sampledMB[seen.phase] = Math.max(sampledMB[seen.phase] ?? 0, memoryMB(api.child.pid, 'VmRSS') ?? 0);
    }, config.pollMs);
    const startMB = memoryMB(api.child.pid, 'VmRSS');
    let imported;
    let reimported = null;
    let peakMB;
    try {
      imported = await importFile(api.url, token, csvPath, seen);
      peakMB = memoryMB(api.child.pid, 'VmHWM');
      if (config.reimport) {
        reimported = await importFile(api.url, token, csvPath);
        if (reimported.job.unchanged !== size) throw new Error(`the re-import found ${reimported.job.unchanged} of ${size} rows unchanged`);
        log(`${size}: re-imported (all unchanged) in ${reimported.seconds} s (${round(size / reimported.seconds)} rows/s), phases ${JSON.stringify(reimported.phases)}`);
      }
    } finally {
      clearInterval(sampler);
      await stopServer(api);
    }
    const counts = await checkImport(size, fields);
    log(`${size}: imported in ${imported.seconds} s (${round(size / imported.seconds)} rows/s), phases ${JSON.stringify(imported.phases)}, peak RSS ${peakMB} MB`);

    await emptyTables();
    const copyIndexed = await copyInto('customers', copyPath);
    await emptyTables();
    await withClient(dbUrl, (c) => c.query(`DROP TABLE IF EXISTS bench_bare_customers; CREATE TABLE bench_bare_customers (LIKE customers INCLUDING DEFAULTS INCLUDING GENERATED)`));
    const copyBare = await copyInto('bench_bare_customers', copyPath);
    await withClient(dbUrl, (c) => c.query('DROP TABLE bench_bare_customers'));
    log(`${size}: COPY into customers ${copyIndexed} s (${round(size / copyIndexed)} rows/s), into a bare table ${copyBare} s (${round(size / copyBare)} rows/s)`);

    const rowsPerSec = round(size / imported.seconds);
    const copyIndexedRowsPerSec = round(size / copyIndexed);
    return {
      rows: size,
      csvMB: round(bytes.csvBytes / 2 ** 20, 1),
      seconds: imported.seconds,
      rowsPerSec,
      uploadSeconds: imported.uploadSeconds,
      phaseSeconds: imported.phases,
      peakRssMB: peakMB,
      peakRssSampledMBByPhase: sampledMB,
      rssAtStartMB: startMB,
      copyIndexed: { seconds: copyIndexed, rowsPerSec: copyIndexedRowsPerSec },
      copyBare: { seconds: copyBare, rowsPerSec: round(size / copyBare) },
      ratioToCopyIndexed: round(rowsPerSec / copyIndexedRowsPerSec, 3),
      job: { created: imported.job.created, updated: imported.job.updated, unchanged: imported.job.unchanged, failed: imported.job.failed },
      written: counts,
      progress: imported.progress,
      ...(reimported ? { reimport: { seconds: reimported.seconds, rowsPerSec: round(size / reimported.seconds), phaseSeconds: reimported.phases } } : {}),
    };
  } finally {
    rmSync(csvPath, { force: true });
    rmSync(copyPath, { force: true });
  }
}

/** The figures with targets, from the largest size run (and 1M ÷ 10k for memory when both ran); through importCustomers, its own names. */
function summaryEntries(results) {
  const largest = results.at(-1);
  const bySize = new Map(results.map((r) => [r.rows, r]));
  const entry = (name, value, unit, op, target) => ({ name, value, unit, target: `${op} ${target}`, met: op === '>=' ? value >= target : value <= target });
  if (config.via === 'graphql') {
    const entries = [entry('import customers/s with 10 fields through importCustomers', largest.rowsPerSec, `rows/s (${largest.rows} rows, ${config.rowsPerCall} a call)`, '>=', 20000)];
    if (bySize.has(10_000) && bySize.has(1_000_000)) {
      entries.push(entry('import peak RSS 1M ÷ 10k through importCustomers', round(bySize.get(1_000_000).peakRssMB / bySize.get(10_000).peakRssMB, 2), 'ratio', '<=', 1.5));
    }
    return entries;
  }
  const entries = [
    entry('import rows/s vs COPY into indexed schema', largest.ratioToCopyIndexed, `ratio (${largest.rows} rows)`, '>=', 0.7),
    entry('import customers/s with 10 fields', largest.rowsPerSec, `rows/s (${largest.rows} rows)`, '>=', 20000),
  ];
  if (bySize.has(10_000) && bySize.has(1_000_000)) {
    entries.push(entry('import peak RSS 1M ÷ 10k', round(bySize.get(1_000_000).peakRssMB / bySize.get(10_000).peakRssMB, 2), 'ratio', '<=', 1.5));
  }
  return entries;
}

function printTable(results) {
  if (config.via === 'graphql') {
    console.table(results.map((r) => ({ rows: r.rows, seconds: r.seconds, 'rows/s': r.rowsPerSec, calls: r.calls, 'median call s': r.callSeconds.median, 'peak RSS MB': r.peakRssMB })));
    return;
  }
  const head = ['rows', 'seconds', 'rows/s', 'peak RSS MB', 'COPY indexed rows/s', 'COPY bare rows/s', 'ours÷COPY', 'upload / READING / CHECKING / WRITING s'];
  const phases = (seconds) => ['UPLOAD', 'READING', 'CHECKING', 'WRITING'].map((p) => seconds[p] ?? '–').join(' / ');
  const rows = results.flatMap((r) => [
    [r.rows, r.seconds, r.rowsPerSec, r.peakRssMB, r.copyIndexed.rowsPerSec, r.copyBare.rowsPerSec, r.ratioToCopyIndexed, phases(r.phaseSeconds)],
    ...(r.reimport ? [[`${r.rows} again`, r.reimport.seconds, r.reimport.rowsPerSec, '', '', '', '', phases(r.reimport.phaseSeconds)]] : []),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

async function run() {
  assertLoopback(config.serverUrl);
  const started = Date.now();
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  if (config.build) {
    log('building the API (turbo; BENCH_BUILD=0 skips)');
    buildApi();
  }
  await createDatabase(config.serverUrl, config.database, { reuse: false });
  log(`created database ${config.database}`);
  if (config.explainMs !== null) {
    // New sessions of this database only: the API's pool connects after this.
    await withClient(config.serverUrl, (c) => c.query(`ALTER DATABASE ${ident(config.database)} SET session_preload_libraries = 'auto_explain';
      ALTER DATABASE ${ident(config.database)} SET auto_explain.log_min_duration = ${config.explainMs};
      ALTER DATABASE ${ident(config.database)} SET auto_explain.log_analyze = on;
      ALTER DATABASE ${ident(config.database)} SET auto_explain.log_buffers = on;
      ALTER DATABASE ${ident(config.database)} SET auto_explain.log_triggers = on`));
    log(`plans of statements over ${config.explainMs} ms go to the PostgreSQL server log`);
  }

  // A first API process migrates the database, creates the admin, and serves the setup calls.
  const admin = { email: 'bench-admin@example.com', password: randomBytes(12).toString('hex') };
  const setup = await startOurApi({ name: 'import-setup', dbUrl, port: config.port, admin });
  const { admin: token } = await createTokens(`${setup.url}/graphql`, admin.email, admin.password);
  const gql = withToken(`${setup.url}/graphql`, token);
  const fields = await createImportFields(gql);
  await stopServer(setup);
  log(`created ${fields.length} detail fields: ${fields.map((f) => `${f.key} (${f.type})`).join(', ')}`);

  // The files are written after every size, so a run stopped by the watchdog keeps the sizes it finished.
  const results = [];
  const version = { postgres: await serverVersion(dbUrl), git: (...args) => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' }).stdout.trim() };
  for (const size of [...config.sizes].sort((a, b) => a - b)) {
    results.push(await (config.via === 'graphql' ? runSizeGraphql : runSize)(size, fields, admin, token));
    writeResults({ results, fields, started, loadAtStart, version, complete: results.length === config.sizes.length });
  }
  printTable(results);
}

/**
 * Writes the results so far: import-<date>.json and import.json, and this
 * run's entries into summary.json (with --explain: only
 * import-explain-<date>.json, auto_explain slowing every statement).
 */
function writeResults({ results, fields, started, loadAtStart, version, complete }) {
  const date = new Date().toISOString().slice(0, 10);
  const report = {
    scenarioSet: config.via === 'graphql' ? 'import-graphql' : 'import',
    date: new Date().toISOString(),
    complete,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    settings: { via: config.via, ...(config.via === 'graphql' ? { rowsPerCall: config.rowsPerCall } : {}), sizes: config.sizes, seed: config.seed, explainMs: config.explainMs, profiled: config.profile, pollMs: config.pollMs, organizationPool: ORGANIZATION_POOL, fields: fields.map((f) => ({ label: f.label, type: f.type })) },
    machine: {
      cpu: os.cpus()[0]?.model, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(), postgres: version.postgres,
      loadAverage: { start: loadAtStart, end: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    },
    versions: { commit: version.git('rev-parse', '--short', 'HEAD'), uncommittedApiChanges: version.git('status', '--porcelain', '--', 'packages/api', 'packages/shared') !== '', node: process.version },
    notes: config.via === 'graphql' ? [
      'complete: false while sizes are still to run (the file is rewritten after each size).',
      'Through importCustomers (GraphQL) instead of the CSV upload: the same generated rows as JSON objects keyed by the CSV column names, rowsPerCall a call, one call after another, each with its own Idempotency-Key.',
      'seconds: from the first call to importJob reporting the last call\'s job SUCCEEDED (each job polled every 200 ms before the next call); rowsPerSec = rows ÷ seconds. callSeconds: per call, from sending it to its job\'s end.',
      'retriesSameJob: calls sent a second time with the same Idempotency-Key (right after the first) that answered the same job; any other answer stops the run.',
      'peakRssMB: VmHWM of the API process (fresh per size) after the last job; peakRssSampledMB: the highest VmRSS sampled every 200 ms; rssByCall: [calls done, VmRSS MB, VmHWM MB] every tenth of the calls.',
      'No COPY baselines here: import.json (the CSV run of the same sizes) has them.',
    ] : [
      'complete: false while sizes are still to run (the file is rewritten after each size).',
      'seconds: from the upload starting (the file streamed from disk) to importJob reporting SUCCEEDED, polled every 200 ms; rowsPerSec = rows ÷ seconds.',
      'phaseSeconds: UPLOAD until 202, then each phase as importJob reported it (QUEUED until a worker took the job); CHECKING is one transaction, WRITING commits per IMPORT_BATCH_ROWS.',
      'peakRssMB: VmHWM of the API process (fresh per size) when the job ended; peakRssSampledMBByPhase: the highest VmRSS sampled every 200 ms, per phase.',
      'copyIndexed: COPY of the same rows (email, display_name, details as the import stores them) into customers with all its indexes (the 10 fields\' sort indexes among them), emptied first; copyBare: into a table LIKE customers without indexes or constraints. Neither writes organizations, memberships, detail_search or history, which the import does.',
      'ratioToCopyIndexed = rowsPerSec ÷ copyIndexed.rowsPerSec.',
      'progress: [seconds since the upload started, phase, processedRows] at each poll where one changed.',
      'reimport (with --reimport): the same file uploaded again to the same API process and database right after, every row unchanged; timed as above.',
    ],
    results,
  };
  mkdirSync(path.join(benchDir, 'results'), { recursive: true });
  const files = config.via === 'graphql' ? ['import-graphql.json'] : config.explainMs === null ? [`import-${date}.json`, 'import.json'] : [`import-explain-${date}.json`];
  for (const name of files) writeFileSync(path.join(benchDir, 'results', name), `${JSON.stringify(report, null, 2)}\n`);
  if (config.explainMs === null) {
    const summary = summaryEntries(results);
    mergeSummary(summary);
    files.push('summary.json');
    for (const s of summary) log(`${s.name}: ${s.value} (target ${s.target}) ${s.met ? 'met' : 'NOT met'}`);
  }
  log(`wrote ${files.map((f) => `bench/results/${f}`).join(', ')} (${results.length} of ${config.sizes.length} sizes)`);
}

/** Stops the API if it still runs, drops the database (unless BENCH_KEEP=1) and the files; safe to call twice. */
async function cleanup() {
  await stopAll();
  closeClient();
  rmSync(tmpDir, { recursive: true, force: true });
  if (!config.keep) await dropDatabase(config.serverUrl, config.database).catch((e) => console.error('could not drop the database:', e.message));
}

await runMain('bench:import', run, cleanup, config.timeoutMinutes);
