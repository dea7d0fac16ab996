import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDataSource } from '../../src/db/data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded';
import { createLogger } from '../../src/logger';
import { databaseUrl, templateDatabase, withServer } from './test-database';

type RunState = { embedded?: EmbeddedDatabase };
export const runState = globalThis as { __cpTestRun?: RunState };

/**
 * Uses TEST_DATABASE_URL when set (CI points it at the machine's PostgreSQL),
 * else starts an embedded PostgreSQL for this run. Then migrates one template
 * database; each test file copies it (CREATE DATABASE ... TEMPLATE), which is fast.
 * Jest calls this once per project; only the first call does the work.
 */
export default async function globalSetup(): Promise<void> {
  if (runState.__cpTestRun) return;
  const state: RunState = {};
  runState.__cpTestRun = state;
  process.env.CP_TEST_RUN = randomBytes(4).toString('hex');
  if (!process.env.TEST_DATABASE_URL) {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-test-pg-'));
    const port = { port: 55000 + Math.floor(Math.random() * 5000), variable: 'EMBEDDED_PG_PORT', explicit: false };
    state.embedded = await startEmbeddedDatabase(dir, port, createLogger('warn'));
    process.env.TEST_DATABASE_URL = state.embedded.url;
  }
  await withServer((c) => c.query(`CREATE DATABASE ${templateDatabase()}`));
  const db = createDataSource({ url: databaseUrl(templateDatabase()), poolSize: 1 });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  await db.destroy();
}
