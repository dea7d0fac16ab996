import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createDataSource } from './data-source';
import { describeConnectionFailure, StartupError } from '../start-up/start-up-error';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';

export interface Database {
  db: DataSource;
  /** Set when we started our own PostgreSQL (DATABASE_URL unset). */
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded default, then applies
 * pending migrations. Failures to connect or migrate throw `StartupError`
 * (one sentence naming the server and the setting to change).
 */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  const embedded = config.DATABASE_URL
    ? null
    : await startEmbeddedDatabase(config.DATA_DIR, { port: config.EMBEDDED_PG_PORT, variable: 'EMBEDDED_PG_PORT', explicit: config.explicitPorts.EMBEDDED_PG_PORT }, logger);
  const url = config.DATABASE_URL ?? embedded!.url;
  const db = createDataSource({ url, poolSize: config.DB_POOL_SIZE });
  try {
    try {
      await db.initialize();
    } catch (error) {
      throw new StartupError(describeConnectionFailure(error, url, embedded ? 'embedded' : 'DATABASE_URL'), { cause: error });
    }
    try {
      const applied = await db.runMigrations({ transaction: 'each' });
      if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new StartupError(`Updating the database's tables failed (${reason}): nothing was half-applied (each migration is one transaction); fix the cause and start again.`, { cause: error });
    }
  } catch (error) {
    if (db.isInitialized) await db.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    embedded,
    close: async () => {
      await db.destroy();
      await embedded?.stop();
    },
  };
}
