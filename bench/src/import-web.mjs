// `pnpm bench:import-web`: a large customers CSV imported the way an admin
// does it, through the web app's wizard in Debian's Chromium (playwright-core):
// choose the file → preview → Check file (a dry run with its summary) →
// Import, with the progress bar → result; then every customer exported as
// CSV (timed, the API's memory sampled) and that export re-imported as a dry
// run (a round trip: every row unchanged). Flags: --rows=1000000 (default).
// Settings (env): BENCH_DATABASE_URL, BENCH_IMPORT_WEB_DATABASE, BENCH_BUILD,
// BENCH_KEEP, BENCH_IMPORT_WEB_PORT, BENCH_TIMEOUT_MINUTES, CHROMIUM_PATH.
// Writes bench/results/import-web.json; screenshots go to
// bench/.logs/import-web/ (looked at, not committed).
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { chromium } from 'playwright-core';
import { closeClient, createTokens, withToken } from './api-client.mjs';
import { createDatabase, dropDatabase, withDatabase } from './db.mjs';
import { createImportFields, writeImportFiles } from './import-data.mjs';
import { assertLoopback, baseEnv, benchDir, logDir, logger, ourNode, root, startOurApi, stopAll, stopServer, runMain } from './servers.mjs';

const env = process.env;
const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const config = {
  serverUrl: env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  database: env.BENCH_IMPORT_WEB_DATABASE ?? 'cp_bench_import_web',
  rows: Number.parseInt(flag('rows') ?? '1000000', 10),
  seed: 20261130,
  port: Number.parseInt(env.BENCH_IMPORT_WEB_PORT ?? '4815', 10),
  build: env.BENCH_BUILD !== '0',
  keep: env.BENCH_KEEP === '1',
  timeoutMinutes: Number.parseInt(env.BENCH_TIMEOUT_MINUTES ?? '120', 10),
  // How often the progress step is photographed and its bar read.
  sampleSeconds: 15,
};
if (!(config.rows > 0)) throw new Error(`--rows must be a positive row count, not ${flag('rows')}`);

const log = logger('bench:import-web');
const shotsDir = path.join(logDir, 'import-web');
// This run's own directory (see import-run.mjs).
const tmpDir = mkdtempSync(path.join(os.tmpdir(), 'cp-bench-import-web-'));
const csvPath = path.join(tmpDir, `customers-${config.rows}.csv`);
const exportPath = path.join(tmpDir, `export-${config.rows}.csv`);
const seconds = (ms) => Math.round(ms / 10) / 100;
let browser;

/** A full-page screenshot named `<n>-<name>.png` in bench/.logs/import-web; its path. */
let shots = 0;
async function shot(page, name) {
  const file = path.join(shotsDir, `${String(++shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return path.relative(root, file);
}

/**
 * Waits for the wizard's result (its way-on button, named `resultButton`),
 * photographing the progress step every `sampleSeconds` and reading its
 * bars; resolves with the seconds taken and the samples `[seconds,
 * [[bar label, aria-valuenow]...], shown rate text, screenshot]`.
 */
async function followProgress(page, name, resultButton) {
  const started = performance.now();
  const done = page.getByRole('button', { name: resultButton, exact: true });
  const samples = [];
  // The step may take a moment to show its bars after the click.
  await page.getByRole('progressbar').first().or(done).first().waitFor({ state: 'attached', timeout: 10_000 }).catch(() => {});
  for (;;) {
    if (await done.count()) return { seconds: seconds(performance.now() - started), samples };
    // A bar without aria-valuenow claims no share (reading, checking): null, not 0.
    const bars = await page.getByRole('progressbar').evaluateAll((found) => found.map((bar) => [bar.getAttribute('aria-label'), bar.hasAttribute('aria-valuenow') ? Number(bar.getAttribute('aria-valuenow')) : null])).catch(() => []);
    if (bars.length > 0) {
      const text = await page.locator('main').innerText().catch(() => '');
      const shown = text.split('\n').filter((line) => /rows\/s|left|speed/i.test(line)).join(' | ');
      samples.push([seconds(performance.now() - started), bars, shown, await shot(page, `${name}-progress`)]);
    }
    await done.waitFor({ timeout: config.sampleSeconds * 1000 }).catch(() => {});
  }
}

/** The count the result shows under `label` (Created, Would be created, ...). */
const count = async (page, label) => (await page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]').innerText()).replace(/,/g, '');

/** Resident memory of a process in MB from /proc (VmRSS), or null once it is gone. */
function rssMB(pid) {
  try {
    const kb = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * Downloads every customer as CSV (GET /api/exports/customers.csv with the
 * admin token) to `file`, streamed, sampling the API's VmRSS every 200 ms;
 * resolves with seconds, MB, data rows and the API's RSS at the start and
 * at its highest meanwhile.
 */
async function exportAll(api, token, file) {
  const startMB = rssMB(api.child.pid);
  let peakMB = startMB;
  const sampler = setInterval(() => (peakMB = Math.max(peakMB, rssMB(api.child.pid) ?? 0)), 200);
  const started = performance.now();
  try {
    const res = await fetch(`${api.url}/api/exports/customers.csv`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`export refused (${res.status}): ${(await res.text()).slice(0, 500)}`);
    let lines = 0;
    const counter = new Transform({
      transform(chunk, _encoding, done) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        done(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(res.body), counter, createWriteStream(file));
    // Header line aside; no cell of these rows holds a line break.
    return { seconds: seconds(performance.now() - started), mb: Math.round((statSync(file).size / 2 ** 20) * 10) / 10, rows: lines - 1, apiRssStartMB: startMB, apiRssPeakMB: peakMB };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Re-imports `file` (an export) as a dry run through POST /api/imports with
 * the admin token and waits for the job; resolves with its seconds and
 * outcome counts (a round trip leaves every row unchanged).
 */
async function dryRunImport(api, token, file) {
  const gql = withToken(`${api.url}/graphql`, token);
  const started = performance.now();
  const res = await fetch(`${api.url}/api/imports?kind=customers&dryRun=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: Readable.toWeb(createReadStream(file)),
    duplex: 'half',
  });
  const { jobId } = await res.json();
  if (res.status !== 202) throw new Error(`re-import refused (${res.status})`);
  for (;;) {
    const { importJob: job } = await gql(`query($id: ID!) { importJob(id: $id) { status created updated unchanged failed failure { message } } }`, { id: jobId });
    if (job.status === 'FAILED') throw new Error(`the re-import failed: ${JSON.stringify(job)}`);
    if (job.status === 'SUCCEEDED') return { seconds: seconds(performance.now() - started), created: job.created, updated: job.updated, unchanged: job.unchanged, failed: job.failed };
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function run() {
  assertLoopback(config.serverUrl);
  const started = Date.now();
  if (config.build) {
    log('building the API and the web app (turbo; BENCH_BUILD=0 skips)');
    const built = spawnSync(ourNode, ['scripts/pnpm.mjs', 'exec', 'turbo', 'run', 'build', '--filter=@cp/api', '--filter=@cp/web', '--output-logs=errors-only'], { cwd: root, env: baseEnv, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the build failed');
  }
  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });
  await createDatabase(config.serverUrl, config.database, { reuse: false });
  const dbUrl = withDatabase(config.serverUrl, config.database);
  const admin = { email: 'bench-admin@example.com', password: randomBytes(12).toString('hex') };
  // Served with the web app (packages/web/dist), on one port, as `npm start` does.
  const api = await startOurApi({ name: 'import-web', dbUrl, port: config.port, admin, extraEnv: { IMPORT_WORKER: 'eager' } });
  const { admin: token } = await createTokens(`${api.url}/graphql`, admin.email, admin.password);
  const fields = await createImportFields(withToken(`${api.url}/graphql`, token));
  const generated = await writeImportFiles({ count: config.rows, seed: config.seed, fields, csvPath });
  const csvMB = Math.round((generated.csvBytes / 2 ** 20) * 10) / 10;
  log(`generated ${config.rows} rows (${csvMB} MB of CSV)`);

  browser = await chromium.launch({
    executablePath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${api.url}/sign-in`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/customers/);
  await page.getByRole('link', { name: 'Import customers from a CSV file' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import customers' }).waitFor();

  const t = performance.now();
  await page.locator('input[type="file"]').setInputFiles(csvPath);
  await page.getByRole('table', { name: 'First rows of the file' }).waitFor();
  await page.getByRole('button', { name: 'Check file' }).waitFor();
  const previewSeconds = seconds(performance.now() - t);
  const previewShot = await shot(page, 'preview');
  log(`preview in ${previewSeconds} s`);

  await page.getByRole('button', { name: 'Check file' }).click();
  const check = await followProgress(page, 'check', 'Back to the columns');
  const wouldCreate = Number(await count(page, 'Would be created'));
  const checkShot = await shot(page, 'check-result');
  log(`check in ${check.seconds} s: would create ${wouldCreate}`);
  if (wouldCreate !== config.rows) throw new Error(`the check would create ${wouldCreate} customers, not ${config.rows}`);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const imported = await followProgress(page, 'import', 'Import another file');
  const created = Number(await count(page, 'Created'));
  const resultShot = await shot(page, 'import-result');
  log(`import in ${imported.seconds} s (${Math.round(config.rows / imported.seconds)} rows/s): created ${created}`);
  if (created !== config.rows) throw new Error(`the import created ${created} customers, not ${config.rows}`);

  await page.getByRole('link', { name: 'Show customers' }).click();
  await page.getByRole('table', { name: 'Customers' }).getByRole('link').first().waitFor();
  const listShot = await shot(page, 'customers-after');

  const exported = await exportAll(api, token, exportPath);
  log(`exported ${exported.rows} rows (${exported.mb} MB) in ${exported.seconds} s; API RSS ${exported.apiRssStartMB} → peak ${exported.apiRssPeakMB} MB`);
  if (exported.rows !== config.rows) throw new Error(`the export holds ${exported.rows} rows, not ${config.rows}`);
  const roundTrip = await dryRunImport(api, token, exportPath);
  log(`the export re-imported as a dry run in ${roundTrip.seconds} s: ${JSON.stringify(roundTrip)}`);
  if (roundTrip.unchanged !== config.rows) throw new Error(`re-importing the export would change rows: ${JSON.stringify(roundTrip)}`);

  const report = {
    scenarioSet: 'import-web',
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, loadAverageEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    versions: { commit: spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim(), chromium: browser.version() },
    notes: [
      'Through the web app in headless Chromium, as an admin: choose the file, preview, Check file (dry run), Import, Show customers.',
      'previewSeconds: file chosen to preview shown; check/import seconds: button click to the result step, the bar read every sampleSeconds.',
      'samples: [seconds, [[progress bar label, aria-valuenow, null for a bar that claims no share (reading, checking)] per bar], rate/time-left text shown, screenshot] while the bars showed.',
      'export: GET /api/exports/customers.csv of all customers (admin token) streamed to disk; apiRssStartMB/apiRssPeakMB: the API process VmRSS when it began and the highest sampled every 200 ms meanwhile (flat memory: the peak stays near the start).',
      'roundTrip: that export re-imported as a dry run (POST /api/imports?dryRun=true): every row must be unchanged.',
    ],
    rows: config.rows,
    csvMB,
    previewSeconds,
    check: { seconds: check.seconds, wouldCreate, samples: check.samples },
    import: { seconds: imported.seconds, rowsPerSec: Math.round(config.rows / imported.seconds), created, samples: imported.samples },
    export: exported,
    roundTrip,
    screenshots: { preview: previewShot, checkResult: checkShot, importResult: resultShot, customersAfter: listShot },
  };
  mkdirSync(path.join(benchDir, 'results'), { recursive: true });
  writeFileSync(path.join(benchDir, 'results', 'import-web.json'), `${JSON.stringify(report, null, 2)}\n`);
  log('wrote bench/results/import-web.json');
  await stopServer(api);
}

/** Closes the browser, stops the API, drops the database (unless BENCH_KEEP=1) and the file; safe to call twice. */
async function cleanup() {
  await browser?.close().catch(() => {});
  await stopAll();
  closeClient();
  rmSync(tmpDir, { recursive: true, force: true });
  if (!config.keep) await dropDatabase(config.serverUrl, config.database).catch((e) => console.error('could not drop the database:', e.message));
}

await runMain('bench:import-web', run, cleanup, config.timeoutMinutes);
