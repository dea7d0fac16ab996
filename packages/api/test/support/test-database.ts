import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server all suites use: TEST_DATABASE_URL (set by global setup when an embedded one was started). */
export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set; run the tests through jest (global setup sets it)');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Set by global setup, unique per run, so parallel runs on one server never meet. */
export const runId = (): string => process.env.CP_TEST_RUN ?? 'local';
export const templateDatabase = (): string => `cp_test_${runId()}_template`;

/** A fresh, migrated database per test file: a copy of the template, dropped afterwards. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `cp_test_${runId()}_${randomBytes(5).toString('hex')}`;
  await withServer((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => withServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
