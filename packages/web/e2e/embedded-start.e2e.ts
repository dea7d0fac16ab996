import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, root, waitForOutput } from './support/app-server';

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
      expect(output).toMatch(/Demo sign-ins \(just created\): admin@demo\.test \/ agent@demo\.test, password: \S+/);

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
});
