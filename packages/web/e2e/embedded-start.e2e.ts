import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, root, waitForOutput } from './support/app-server';

/** Another listener on `port` (all interfaces), like a second checkout's server; null when something already holds it. */
function holdPort(port: number): Promise<Server | null> {
  return new Promise((resolve, reject) => {
    const server = createServer()
      .once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(null) : reject(error)))
      .listen(port, '0.0.0.0', () => resolve(server));
  });
}

/** `npm start` with a fresh DATA_DIR and without DATABASE_URL; `env` adds or removes (undefined) variables. */
function npmStart(dataDir: string, env: NodeJS.ProcessEnv): ChildProcess {
  const merged: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env };
  delete merged.DATABASE_URL;
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  return spawn('npm', ['start'], { cwd: root, env: merged, detached: true });
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGINT');
  await exited;
}

async function signInAsAdmin(baseUrl: string): Promise<unknown> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { signIn(email: "admin@demo.test", password: "demo-password") { role } }' }),
  });
  return response.json();
}

describe('npm start on the embedded default', () => {
  it('starts its own PostgreSQL, seeds the demo, serves /graphql and the app, and stops cleanly', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cp-start-'));
    const [port, pgPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const child = spawn('npm', ['start'], { cwd: root, env, detached: true });
    try {
      const output = await waitForOutput(child, /Press Ctrl-C to stop/);
      expect(output).toMatch(/running at http:\/\/localhost:\d+/);
      expect(output).toMatch(/Demo sign-ins \(just created\): admin@demo\.test \/ agent@demo\.test \/ billing@demo\.test \(sees Billing-only fields\), password: \S+/);

      const gql = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { signIn(email: "admin@demo.test", password: "demo-password") { role } }' }),
      });
      expect(await gql.json()).toEqual({ data: { signIn: { role: 'ADMIN' } } });

      const page = await fetch(`http://127.0.0.1:${port}/customers`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);

      // Ctrl-C: the terminal signals the whole process group.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGINT');
      await exited;
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      expect(spawnSync('pgrep', ['-f', `postgres -D ${dataDir}`]).stdout.toString()).toBe('');
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('a second start while the default ports are held elsewhere picks free ones and works', async () => {
    const holders = await Promise.all([holdPort(4000), holdPort(54329)]);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cp-start-'));
    const child = npmStart(dataDir, { PORT: undefined, EMBEDDED_PG_PORT: undefined });
    try {
      const output = await waitForOutput(child, /Press Ctrl-C to stop/);
      const port = Number(/running at http:\/\/localhost:(\d+)/.exec(output)![1]);
      expect(port).not.toBe(4000);
      expect(await signInAsAdmin(`http://127.0.0.1:${port}`)).toEqual({ data: { signIn: { role: 'ADMIN' } } });
      const pg = spawnSync('pgrep', ['-af', `postgres -D ${dataDir}`], { encoding: 'utf8' }).stdout;
      expect(pg).toMatch(/ -p (\d+) /);
      expect(pg).not.toMatch(/ -p 54329 /);
    } finally {
      await stopGroup(child).catch(() => process.kill(-child.pid!, 'SIGKILL'));
      for (const holder of holders) holder?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('an explicitly set EMBEDDED_PG_PORT that is taken stops the start with one sentence naming the port and the variable', async () => {
    const taken = await freePort();
    const holder = (await holdPort(taken))!;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cp-start-'));
    const child = npmStart(dataDir, { PORT: String(await freePort()), EMBEDDED_PG_PORT: String(taken) });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      const lines = output.trim().split('\n');
      expect(lines.at(-1)).toBe(
        `Port ${taken} for the embedded PostgreSQL is already in use (another copy of the app?): stop whatever listens there or set EMBEDDED_PG_PORT to a free port.`,
      );
      // Never the bare word, never a stack trace.
      expect(output).not.toMatch(/^undefined$/m);
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      holder.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('an explicitly set PORT that is taken stops the start before any database is made, in one sentence', async () => {
    const taken = await freePort();
    const holder = (await holdPort(taken))!;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cp-start-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(taken), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    delete env.DATABASE_URL;
    delete env.EMBEDDED_PG_PORT;
    const api = spawn(process.execPath, [path.join(root, 'packages/api/dist/main.js')], { cwd: root, env });
    let output = '';
    api.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      expect(await new Promise((resolve) => api.once('exit', resolve))).toBe(1);
      expect(output.trim()).toBe(`Port ${taken} for the app is already in use (another copy of the app?): stop whatever listens there or set PORT to a free port.`);
      expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);
    } finally {
      if (api.exitCode === null) api.kill('SIGKILL');
      holder.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a plain kill (SIGTERM to the API alone) stops the API and its embedded PostgreSQL', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cp-start-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    delete env.DATABASE_URL;
    delete env.EMBEDDED_PG_PORT;
    const api = spawn(process.execPath, [path.join(root, 'packages/api/dist/main.js')], { cwd: root, env });
    try {
      await waitForOutput(api, /Press Ctrl-C to stop/);
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(spawnSync('pgrep', ['-f', `postgres -D ${dataDir}`]).stdout.toString()).toBe('');
    } finally {
      if (api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
      spawnSync('pkill', ['-INT', '-f', `postgres -D ${dataDir}`]);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
