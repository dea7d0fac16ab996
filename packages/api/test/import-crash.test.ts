import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../src/start-up/ports';
import { createTestDatabase } from './support/test-database';
import { GraphQLTestClient } from './support/graphql-client';
import { finishedImport, IMPORT_JOB, uploadImport } from './support/import-client';

const MAIN = path.resolve(__dirname, '../dist/main.js');
const ADMIN = { email: 'crash-admin@test.example', password: 'crash test password' };
// Six write batches: the kill lands after the first, with most of the file still to write.
const ROWS = 30_000;

/** The built API (`node dist/main.js`) on this database, started as an operator would; resolves once it listens. */
async function startApi(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO: '0',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      IMPORT_STEP_SECONDS: '0.2',
      IMPORT_STEP_EXPIRE_SECONDS: '2',
      IMPORT_WORKER: 'eager',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${code}) while starting:\n${output}`));
    });
  });
  return child;
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('an import survives kill -9 of its API process', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: ChildProcess | null = null;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the API first (npm run build)`);
    database = await createTestDatabase();
  });
  afterAll(async () => {
    if (api) await killed(api);
    await database.drop();
  });

  it('resumes after a restart: SUCCEEDED, every row written once and whole', async () => {
    const port = await findFreePort('127.0.0.1');
    api = await startApi(database.url, port);
    const baseUrl = `http://127.0.0.1:${port}`;
    const admin = new GraphQLTestClient(baseUrl);
    expect((await admin.signIn(ADMIN.email, ADMIN.password)).errors).toBeUndefined();
    await admin.ok(`mutation { createDetailField(input: { scope: CUSTOMER, label: "Code", type: TEXT }) { id } }`);
    await admin.ok(`mutation { createDetailField(input: { scope: CUSTOMER, label: "Score", type: NUMBER }) { id } }`);

    const lines = ['Email,Display name,Code,Score,Organization'];
    for (let i = 1; i <= ROWS; i++) lines.push(`crash${i}@example.com,Crash ${i},C-${i},${i},Org ${i % 7}`);
    const res = await uploadImport(baseUrl, admin, lines.join('\n') + '\n');
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: string };

    // Waits until some batches are written but not all, then kills the process without warning.
    let seen: any;
    for (let i = 0; ; i++) {
      seen = (await admin.ok(IMPORT_JOB, { id: jobId })).importJob;
      if (seen.phase === 'WRITING' && seen.processedRows > 0) break;
      if (seen.status !== 'QUEUED' && seen.status !== 'RUNNING') throw new Error(`the import ended before the kill: ${JSON.stringify(seen)}`);
      if (i > 6000) throw new Error('the import never reached WRITING');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await killed(api);
    api = null;
    expect(seen.processedRows).toBeLessThan(ROWS);

    api = await startApi(database.url, port);
    const job = await finishedImport(admin, jobId, 120);
    expect(job).toMatchObject({ status: 'SUCCEEDED', failure: null, totalRows: ROWS, processedRows: ROWS, created: ROWS, failed: 0 });

    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const [counts] = (
        await db.query(`SELECT count(*)::int AS customers, count(DISTINCT lower(email))::int AS emails,
          count(*) FILTER (WHERE display_name = 'Crash ' || substring(email from 'crash(\\d+)@')
                              AND details->>'code' = 'C-' || substring(email from 'crash(\\d+)@')
                              AND details->>'score' = substring(email from 'crash(\\d+)@'))::int AS whole
          FROM customers`)
      ).rows;
      expect(counts).toEqual({ customers: ROWS, emails: ROWS, whole: ROWS });
      const [memberships] = (
        await db.query(`SELECT count(*)::int AS n, count(DISTINCT customer_id)::int AS customers, (SELECT count(*)::int FROM organizations) AS organizations FROM customer_organizations`)
      ).rows;
      expect(memberships).toEqual({ n: ROWS, customers: ROWS, organizations: 7 });
      // History: one created entry per customer with both its values, never twice (no entry per value).
      const [history] = (
        await db.query(`SELECT count(*) FILTER (WHERE attribute = 'created')::int AS n, count(DISTINCT customer_id) FILTER (WHERE attribute = 'created')::int AS distinct_n,
          count(*) FILTER (WHERE attribute = 'created' AND (SELECT count(*) FROM jsonb_object_keys(to_value -> 'details')) = 2)::int AS with_values,
          count(*) FILTER (WHERE field_id IS NOT NULL)::int AS per_value FROM changes`)
      ).rows;
      expect(history).toEqual({ n: ROWS, distinct_n: ROWS, with_values: ROWS, per_value: 0 });
    } finally {
      await db.end();
    }
  }, 240_000);
});
