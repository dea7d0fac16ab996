import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadConfig } from './config';
import { createLogger, type Logger } from './logger';
import { openDatabase } from './db/database';
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_BILLING_EMAIL, seedDemo } from './db/seed-demo';
import { createApp } from './http/app';
import { choosePort, listenOnPort } from './start-up/ports';
import { explainStartupFailure } from './start-up/start-up-error';

/** Set once the configuration is read, so a failed start can log its details at debug level. */
let startupLogger: Logger | undefined;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  startupLogger = logger;
  const appPort = { port: config.PORT, variable: 'PORT', explicit: config.explicitPorts.PORT };
  // A taken PORT that was set on purpose ends the start before the database is created, migrated and seeded.
  if (appPort.explicit) await choosePort(appPort, config.HOST, 'the app');
  const database = await openDatabase(config, logger);
  const { db } = database;

  const { app, services, stop } = await createApp(db, config, logger);

  // The demo help desk: always with the embedded default, otherwise only when asked for.
  const seedWanted = config.SEED_DEMO === '1' || (database.embedded !== null && config.SEED_DEMO !== '0');
  const seeded = seedWanted && (await seedDemo(db, services, config.DEMO_PASSWORD));
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD && (await services.agents.ensureFirstAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD))) {
    logger.info({ email: config.ADMIN_EMAIL }, 'created the first admin');
  }
  await services.auth.deleteExpiredSessions();
  // In the background: after an upgrade this may build an index per field, and sorting works (slower) meanwhile.
  services.detailFields.syncSortIndexes().catch((error) => logger.error({ err: error }, 'could not check the sort indexes of detail fields'));

  const server = await listenOnPort((port) => app.listen(port, config.HOST), appPort, 'the app');
  // Handlers first: whoever reads the lines below may signal at once (a test did, and the default action killed us).
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    server.closeAllConnections();
    await stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  console.log(`\nCustomer profiles is running at ${url}  (GraphQL: ${url}/graphql)`);
  if (seedWanted) {
    console.log(`Demo sign-ins${seeded ? ' (just created)' : ''}: ${DEMO_ADMIN_EMAIL} / ${DEMO_AGENT_EMAIL} / ${DEMO_BILLING_EMAIL} (sees Billing-only fields), password: ${config.DEMO_PASSWORD}`);
  }
  console.log('Press Ctrl-C to stop.\n');
}

main().catch((error: unknown) => {
  // One sentence for people; the whole error only for those who asked for details.
  startupLogger?.debug({ err: error }, 'start-up failed');
  console.error(explainStartupFailure(error));
  process.exit(1);
});
