import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createDataSource } from '../../src/db/data-source';
import { createApp } from '../../src/http/app';
import type { Services } from '../../src/services';
import { Role } from '../../src/graphql/enums';
import { createTestDatabase } from './test-database';
import { GraphQLTestClient } from './graphql-client';

/** Counts SQL statements, so tests can prove an operation is not N+1. */
export class StatementCounter implements TypeOrmLogger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface TestApp {
  baseUrl: string;
  services: Services;
  /** The app's own DataSource, for tests that call services directly (with a FieldVisibility of their own). */
  db: DataSource;
  statements: StatementCounter;
  /**
   * Runs SQL directly, for setup and for checking what was stored; returns
   * once this app has heard the cache notices of what it committed, as a
   * mutation does (the caches of other apps on the same database hear them at the same moment).
   */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  client(): GraphQLTestClient;
  /** A client signed in as a new agent with this role (and teams). */
  signedIn(role: Role, teamIds?: string[]): Promise<GraphQLTestClient & { agentId: string; email: string }>;
  /** A second app (another API process, as far as caches go) on the same database, closed by this one's close. */
  twin(): Promise<TestApp>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery';
let agentSeq = 0;

/** The real app (HTTP, GraphQL, services) on its own fresh database, on a random port. */
export async function startTestApp(env: Partial<Record<keyof Config, string>> = {}): Promise<TestApp> {
  return startOn(await createTestDatabase(), env);
}

/** The app on `database`; closing it drops the database unless `drop` is null (a twin's). */
async function startOn(database: { url: string; drop: (() => Promise<void>) | null }, env: Partial<Record<keyof Config, string>>): Promise<TestApp> {
  const twins: TestApp[] = [];
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url, ...env });
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const statements = new StatementCounter();
  const db = createDataSource({ url: database.url, poolSize: 5, logger: statements });
  await db.initialize();
  const { app, services, stop } = await createApp(db, config, logger);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const testApp: TestApp = {
    baseUrl,
    services,
    db,
    statements,
    async sql(text, params) {
      const rows = await db.query(text, params);
      await services.cacheInvalidation.barrier((sql, p) => db.query(sql, p));
      return rows;
    },
    client: () => new GraphQLTestClient(baseUrl),
    async signedIn(role, teamIds = []) {
      agentSeq += 1;
      const email = `${role.toLowerCase()}${agentSeq}-${Date.now()}@test.example`;
      const agent = await services.agents.create({ email, displayName: `${role} ${agentSeq}`, password: TEST_PASSWORD, role, teamIds });
      const client = new GraphQLTestClient(baseUrl);
      await client.signIn(email, TEST_PASSWORD);
      return Object.assign(client, { agentId: agent.id, email });
    },
    async twin() {
      const twin = await startOn({ url: database.url, drop: null }, env);
      twins.push(twin);
      return twin;
    },
    async close() {
      for (const twin of twins) await twin.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stop();
      await db.destroy();
      await database.drop?.();
    },
  };
  return testApp;
}
