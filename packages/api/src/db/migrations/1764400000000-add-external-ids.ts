import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The customer search text before and after: the external id joins the built-in attributes searched. */
const CUSTOMER_SEARCH_BEFORE = `coalesce(email::text, '') || ' ' || coalesce(username::text, '') || ' ' || display_name`;
const CUSTOMER_SEARCH_AFTER = `${CUSTOMER_SEARCH_BEFORE} || ' ' || coalesce(external_id, '')`;

/**
 * The partner system's id of a customer or an organization (issue 8): an
 * import matches rows on it first. Stored as written (NFC, trimmed by the
 * services), compared exactly: partner ids are opaque, 'A-1' and 'a-1' may be
 * two records there. Unique when set; the partial index leaves the many rows
 * without one out of it. A customer search finds the external id like the
 * other built-in attributes, so the generated search text (see
 * FoldAccentsInSearch) is rebuilt with it, index included.
 */
export class AddExternalIds1764400000000 implements MigrationInterface {
  name = 'AddExternalIds1764400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['customers', 'organizations']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN external_id text NULL`);
      await q.query(`CREATE UNIQUE INDEX ${table}_external_id_key ON ${table} (external_id) WHERE external_id IS NOT NULL`);
    }
    await this.searchCustomersBy(q, CUSTOMER_SEARCH_AFTER);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.searchCustomersBy(q, CUSTOMER_SEARCH_BEFORE);
    for (const table of ['customers', 'organizations']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN external_id`);
    }
  }

  /** A generated column's expression cannot be altered: the column and its trigram index are made again. */
  private async searchCustomersBy(q: QueryRunner, text: string): Promise<void> {
    await q.query(`DROP INDEX customers_search_trgm_idx`);
    await q.query(`ALTER TABLE customers DROP COLUMN search_text`);
    await q.query(`ALTER TABLE customers ADD COLUMN search_text text NOT NULL GENERATED ALWAYS AS (immutable_unaccent(${text})) STORED`);
    await q.query(`CREATE INDEX customers_search_trgm_idx ON customers USING gin (search_text gin_trgm_ops)`);
  }
}
