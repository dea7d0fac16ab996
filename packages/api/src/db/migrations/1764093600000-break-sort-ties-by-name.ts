import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer orders break ties by name, then id (`customerTieBreak`); each
 * order's index ends the same way so keyset pages still come from the index.
 * Detail-field sort indexes are rebuilt at start by `syncSortIndexes`.
 */
export class BreakSortTiesByName1764093600000 implements MigrationInterface {
  name = 'BreakSortTiesByName1764093600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX customers_email_sort_idx, customers_created_sort_idx, customers_updated_sort_idx`);
    await q.query(`CREATE INDEX customers_email_sort_idx ON customers ((email IS NULL), lower(coalesce(email::text, '')), lower(display_name), id)`);
    await q.query(`CREATE INDEX customers_created_sort_idx ON customers (created_at, lower(display_name), id)`);
    await q.query(`CREATE INDEX customers_updated_sort_idx ON customers (updated_at, lower(display_name), id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX customers_email_sort_idx, customers_created_sort_idx, customers_updated_sort_idx`);
    await q.query(`CREATE INDEX customers_email_sort_idx ON customers ((email IS NULL), lower(coalesce(email::text, '')), id)`);
    await q.query(`CREATE INDEX customers_created_sort_idx ON customers (created_at, id)`);
    await q.query(`CREATE INDEX customers_updated_sort_idx ON customers (updated_at, id)`);
  }
}
