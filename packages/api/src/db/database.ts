import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createDataSource } from './data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';

export interface Database {
  db: DataSource;
  /** Set when we started our own PostgreSQL (DATABASE_URL unset). */
  embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded default, then applies pending migrations. */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  const embedded = config.DATABASE_URL ? null : await startEmbeddedDatabase(config.DATA_DIR, config.EMBEDDED_PG_PORT, logger);
  const url = config.DATABASE_URL ?? embedded!.url;
  const db = createDataSource({ url, poolSize: config.DB_POOL_SIZE });
  try {
    await db.initialize();
    const applied = await db.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'applied migrations');
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
