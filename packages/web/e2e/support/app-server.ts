import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { createTestDatabase } from '../../../api/test/support/test-database';

export const root = path.resolve(__dirname, '../../../..');
export const DEMO_PASSWORD = 'demo-password';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Resolves with everything printed once `pattern` appears; rejects if the process ends first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) resolve(output);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}:\n${output}`)));
  });
}

export interface AppServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** The built app as `npm start` runs it (API serving the web build), on a fresh database with the demo seed. */
export async function startAppServer(): Promise<AppServer> {
  const database = await createTestDatabase();
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'packages/api/dist/main.js')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: database.url, SEED_DEMO: '1', DEMO_PASSWORD, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  await waitForOutput(child, /Press Ctrl-C to stop/);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await database.drop();
    },
  };
}
