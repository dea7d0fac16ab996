import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that let a search of many matches walk without reading tables
 * (`customer.service.ts` `searchPlan`), measured at 1M customers on 2 cores
 * under load:
 * - the name order's index also carries the search text (and the name it
 *   sorts by, which PostgreSQL needs as a column before it reads
 *   `lower(display_name)` from the index alone): an index-only walk read 47k
 *   customers in 147 ms where the walk through the table took 1.2 s; the
 *   index grows from 48 to 113 MB;
 * - `detail_search`'s primary key also carries the search text, so the
 *   per-customer lookup of a walk reads no table rows: a walk of 587
 *   customers for a common detail word took 21–31 ms instead of 35–54 ms;
 *   the key grows from 850 MB to 1.07 GB (14M search rows).
 * A migration that rebuilds `search_text` must rebuild these too.
 */
export class CoverSearchWalks1764500000000 implements MigrationInterface {
  name = 'CoverSearchWalks1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX customers_display_name_sort_idx`);
    await q.query(`CREATE INDEX customers_display_name_sort_idx ON customers (lower(display_name), id) INCLUDE (display_name, search_text)`);
    await q.query(`ALTER TABLE detail_search DROP CONSTRAINT detail_search_pkey, ADD CONSTRAINT detail_search_pkey PRIMARY KEY (owner_id, field_id) INCLUDE (search_text)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE detail_search DROP CONSTRAINT detail_search_pkey, ADD CONSTRAINT detail_search_pkey PRIMARY KEY (owner_id, field_id)`);
    await q.query(`DROP INDEX customers_display_name_sort_idx`);
    await q.query(`CREATE INDEX customers_display_name_sort_idx ON customers (lower(display_name), id)`);
  }
}
