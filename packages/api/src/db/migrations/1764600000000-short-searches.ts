import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Han (with 々 〆 〇 〻), Hiragana, Katakana (with ー and the half-width forms),
 * as a regular expression class: the ranges of `isCjk` in common/like.ts
 * (a test holds them equal).
 */
const CJK_CLASS = '[\\u3005-\\u3007\\u303B\\u3040-\\u30FF\\u31F0-\\u31FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF66-\\uFF9F\\U00020000-\\U000323AF]';

/** The searched tables (FoldAccentsInSearch) and the name of each one's gram index. */
const SEARCHED = [
  { table: 'customers', index: 'customers_search_cjk_idx' },
  { table: 'organizations', index: 'organizations_search_cjk_idx' },
  { table: 'detail_search', index: 'detail_search_text_cjk_idx' },
];

/**
 * Short searches (one or two characters, `common/like.ts`):
 * - `word_start_pattern`: a word start as one case-insensitive regular
 *   expression, `(^|[ \n])` and the folded text with its metacharacters
 *   escaped. pg_trgm reads the same padded trigrams from it as from the
 *   three ILIKE patterns it replaces, but its index candidates are the
 *   matches themselves ('ki' at 100k customers: 3,141 candidates for 3,141
 *   matches, where the ILIKE patterns gave 9,423 to recheck), and one
 *   expression costs a walked row less than three.
 * - One or two Han, Hiragana or Katakana characters are found anywhere
 *   (`containsCjkText`): '花子' must find '佐藤花子', a name without a space,
 *   where the word-start rule finds nothing and a trigram index has no
 *   trigram to look up. `cjk_grams` lists a text's characters of those
 *   scripts and each pair of adjacent ones, so "contains these one or two
 *   characters" is "has this gram", which a GIN index answers. The indexes
 *   are partial (`has_cjk`: text with at least one such character), so text
 *   without any costs one regular expression per row when built and nothing
 *   to store: the 1M-customer bench data (14M detail search rows, no
 *   Japanese) leaves them empty. `has_cjk` is a plain SQL expression, which
 *   PostgreSQL inlines, so the index predicate stays cheap and a query
 *   naming `has_cjk(search_text)` proves it.
 * A migration that rebuilds `search_text` must rebuild these indexes too.
 */
export class ShortSearches1764600000000 implements MigrationInterface {
  name = 'ShortSearches1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // Escaped after folding: unaccent maps some full-width signs to ASCII ones.
    await q.query(`CREATE FUNCTION word_start_pattern(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      RETURN '(^|[ \\n])' || regexp_replace(immutable_unaccent($1), '([.^$*+?()[\\]{}|\\\\])', '\\\\\\1', 'g')`);
    await q.query(`CREATE FUNCTION has_cjk(text) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT RETURN $1 ~ '${CJK_CLASS}'`);
    // For a text of n characters: its characters of those scripts and its n - 1 pairs of adjacent characters where both are.
    await q.query(`CREATE FUNCTION cjk_grams(text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      RETURN ARRAY(SELECT DISTINCT g FROM generate_series(1, length($1)) i, LATERAL (VALUES (substr($1, i, 1)), (substr($1, i, 2))) v(g) WHERE g ~ '^${CJK_CLASS}+$')`);
    for (const { table, index } of SEARCHED) {
      await q.query(`CREATE INDEX ${index} ON ${table} USING gin (cjk_grams(search_text)) WHERE has_cjk(search_text)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { index } of SEARCHED) await q.query(`DROP INDEX ${index}`);
    await q.query(`DROP FUNCTION cjk_grams(text), has_cjk(text), word_start_pattern(text)`);
  }
}
