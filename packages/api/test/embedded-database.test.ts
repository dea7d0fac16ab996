import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { binariesIn, postgresBinaries } from '../src/db/embedded-layout';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/db/embedded';
import { createLogger } from '../src/logger';
import { findFreePort } from '../src/start-up/ports';
import { StartupError } from '../src/start-up/start-up-error';

const logger = createLogger('silent');
const asRoot = process.getuid?.() === 0;

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function hold(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('the embedded PostgreSQL', () => {
  const cleanups: (() => unknown)[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  const start = async (...args: Parameters<typeof startEmbeddedDatabase>): Promise<EmbeddedDatabase> => {
    const database = await startEmbeddedDatabase(...args);
    cleanups.push(() => database.stop());
    return database;
  };
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('moves to a free port when its default is taken and EMBEDDED_PG_PORT is unset, and names both when it is set', async () => {
    const taken = await findFreePort('127.0.0.1');
    const holder = await hold(taken);
    cleanups.push(() => new Promise((resolve) => holder.close(resolve)));
    const dataDir = tempDir('cp-embedded-');

    const database = await start(dataDir, { port: taken, variable: 'EMBEDDED_PG_PORT', explicit: false }, logger);
    const port = Number(new URL(database.url).port);
    expect(port).not.toBe(taken);
    expect(await query(database.url, 'SELECT current_database() AS name')).toEqual([{ name: 'customer_profiles' }]);
    await database.stop();

    const refused = startEmbeddedDatabase(dataDir, { port: taken, variable: 'EMBEDDED_PG_PORT', explicit: true }, logger);
    await expect(refused).rejects.toBeInstanceOf(StartupError);
    await expect(refused).rejects.toThrow(
      `Port ${taken} for the embedded PostgreSQL is already in use (another copy of the app?): stop whatever listens there or set EMBEDDED_PG_PORT to a free port.`,
    );
  }, 60_000);

  it('refuses a second server on the same DATA_DIR in one sentence', async () => {
    const dataDir = tempDir('cp-embedded-');
    await start(dataDir, { port: await findFreePort('127.0.0.1'), variable: 'EMBEDDED_PG_PORT', explicit: false }, logger);
    const second = startEmbeddedDatabase(dataDir, { port: await findFreePort('127.0.0.1'), variable: 'EMBEDDED_PG_PORT', explicit: true }, logger);
    await expect(second).rejects.toThrow(
      new RegExp(`^Another PostgreSQL \\(process \\d+\\) already runs on the data in ${dataDir}/pg, probably another npm start of this checkout: stop it, or set DATA_DIR to another folder\\.$`),
    );
  }, 60_000);

  it('uses a generated password kept in DATA_DIR/pg-password (mode 600), the same on the next start; the well-known one is refused', async () => {
    const dataDir = tempDir('cp-embedded-');
    const port = { port: await findFreePort('127.0.0.1'), variable: 'EMBEDDED_PG_PORT', explicit: false };
    const database = await start(dataDir, port, logger);
    const file = path.join(dataDir, 'pg-password');
    const password = readFileSync(file, 'utf8').trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(decodeURIComponent(new URL(database.url).password)).toBe(password);
    const wellKnown = new URL(database.url);
    for (const guess of ['postgres', 'password']) {
      wellKnown.password = guess;
      await expect(query(wellKnown.toString(), 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
    }
    await database.stop();

    const again = await start(dataDir, port, logger);
    expect(decodeURIComponent(new URL(again.url).password)).toBe(password);
    expect(await query(again.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    // UTF-8 with Unicode case rules, even where the environment names no locale.
    expect(await query(again.url, `SELECT current_setting('server_encoding') AS encoding, lower('ÉCOLE ZOË') AS lowered`)).toEqual([{ encoding: 'UTF8', lowered: 'école zoë' }]);
  }, 60_000);

  it('moves a data folder from before generated passwords (superuser password "postgres") to a generated one', async () => {
    const dataDir = tempDir('cp-embedded-');
    const port = { port: await findFreePort('127.0.0.1'), variable: 'EMBEDDED_PG_PORT', explicit: false };
    // What the old embedded.ts left behind: a cluster whose password is "postgres", and no pg-password file.
    writeFileSync(path.join(dataDir, 'pg-password'), 'postgres\n', { mode: 0o600 });
    await (await startEmbeddedDatabase(dataDir, port, logger)).stop();
    unlinkSync(path.join(dataDir, 'pg-password'));

    const database = await start(dataDir, port, logger);
    const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
    expect(password).not.toBe('postgres');
    expect(await query(database.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    const legacy = new URL(database.url);
    legacy.password = 'postgres';
    await expect(query(legacy.toString(), 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
  }, 60_000);

  (asRoot ? it : it.skip)('as root from a checkout inside a folder only root may enter, runs copies the postgres user can reach', async () => {
    // The situation of a clone under /root (mode 700): binaries and DATA_DIR behind a closed folder.
    const closed = tempDir('cp-closed-');
    chmodSync(closed, 0o700);
    const installed = postgresBinaries();
    const closedBinaries = path.join(closed, 'node_modules', 'native');
    mkdirSync(path.dirname(closedBinaries), { recursive: true });
    cpSync(installed.dir, closedBinaries, { recursive: true, verbatimSymlinks: true });
    const dataDir = path.join(closed, 'checkout', '.data');
    const relocationRoot = path.join(tempDir('cp-reachable-'), 'customer-profiles');
    chmodSync(path.dirname(relocationRoot), 0o755);
    const hooks = { binaries: binariesIn(closedBinaries, installed.version), relocationRoot };
    const port = { port: await findFreePort('127.0.0.1'), variable: 'EMBEDDED_PG_PORT', explicit: false };

    const database = await start(dataDir, port, logger, hooks);
    expect(await query(database.url, 'SELECT current_user AS who')).toEqual([{ who: 'postgres' }]);
    const link = path.join(dataDir, 'pg');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toMatch(new RegExp(`^${relocationRoot}/data-[0-9a-f]{12}/pg$`));
    expect(existsSync(path.join(relocationRoot, `postgresql-${installed.version}`, 'bin', 'postgres'))).toBe(true);
    // The server process runs as the postgres system user, not as root.
    const pid = readFileSync(path.join(readlinkSync(link), 'postmaster.pid'), 'utf8').split('\n')[0];
    const uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
    expect(uid).toBe(Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()));
    await database.stop();

    // The next start finds the same cluster through the link and the same password.
    const again = await start(dataDir, port, logger, hooks);
    expect(new URL(again.url).password).toBe(new URL(database.url).password);
    expect(await query(again.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  }, 120_000);
});
